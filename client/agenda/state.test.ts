/** The run sheet state against the in-memory connection: sync per join, programmes, reorder, newest version wins. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AgendaView, StepInput } from '../../shared/agenda/schema.js';
import { catalogue } from '../../shared/i18n/catalogue.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createAgendaState, reordered, type AgendaState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let agenda: AgendaState;

const view = (version: number, over: Partial<AgendaView> = {}): AgendaView => ({
  version,
  steps: [
    {
      id: 'a',
      format: 'cards',
      durationMin: 20,
      params: { kind: 'cards', question: 'Q?', cardLimit: 0, hidden: true, anonymous: false },
    },
    { id: 'b', format: 'dots', durationMin: 5, params: { kind: 'dots', question: 'D?', budget: 3, perCard: 3 } },
  ],
  current: null,
  startedAt: null,
  plannedMin: 0,
  history: {},
  ...over,
});

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  agenda = createAgendaState(fake.conn, ws, (key) => String(catalogue.de[key]));
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me', { role: 'moderator' }), [], 1));
  await done;
});
afterEach(() => {
  agenda.dispose();
  ws.dispose();
});

test('the run sheet is fetched after the join; the running step and what comes next follow from it', async () => {
  expect(fake.sent('agenda:sync')).toHaveLength(1);
  fake.reply('agenda:sync', {
    sheet: null,
    agenda: view(3, {
      current: { stepId: 'a', startedAt: Date.now(), deadline: Date.now() + 60_000, ref: {}, problem: null },
      startedAt: 1,
    }),
  });
  await settle();
  expect(agenda.view.value.step?.id).toBe('a');
  expect(agenda.view.value.next?.id).toBe('b');
  expect(agenda.view.value.leftMs).toBeLessThanOrEqual(60_000);
});

test('a ready-made programme is sent as steps in the moderator’s language, against the shown version', async () => {
  fake.reply('agenda:sync', { sheet: null, agenda: view(3) });
  await settle();
  void agenda.actions.useProgramme('reception');
  await settle();
  const sent = fake.sent('agenda:plan').at(-1)!.payload as { version: number; steps: StepInput[] };
  expect(sent.version).toBe(3);
  expect(sent.steps[0]).toMatchObject({
    format: 'reception',
    params: { kind: 'broadcast', text: 'Prost! Erheben Sie Ihr Glas auf unsere Partnerschaft.' },
  });
});

test('move down swaps a step with the next one; the first cannot move up', async () => {
  fake.reply('agenda:sync', { sheet: null, agenda: view(3) });
  await settle();
  void agenda.actions.move('a', -1);
  await settle();
  expect(fake.sent('agenda:plan')).toHaveLength(0);
  void agenda.actions.move('a', 1);
  await settle();
  const sent = fake.sent('agenda:plan').at(-1)!.payload as { steps: StepInput[] };
  expect(sent.steps.map((s) => s.id)).toEqual(['b', 'a']);
});

test('[AG1] moveTo puts a step at a place (drag and drop, the handle’s keys): one plan, also for the running step', async () => {
  const c = { ...view(3).steps[0]!, id: 'c' };
  fake.reply('agenda:sync', {
    sheet: null,
    agenda: view(3, {
      steps: [...view(3).steps, c],
      current: { stepId: 'a', startedAt: Date.now(), deadline: Date.now() + 60_000, ref: {}, problem: null },
      startedAt: 1,
    }),
  });
  await settle();
  const last = () => fake.sent('agenda:plan').at(-1)!.payload as { version: number; steps: StepInput[] };
  void agenda.actions.moveTo('a', 2);
  await settle();
  expect(last().steps.map((s) => s.id)).toEqual(['b', 'c', 'a']);
  expect(last().version).toBe(3);
  void agenda.actions.moveTo('c', 0);
  await settle();
  expect(last().steps.map((s) => s.id)).toEqual(['c', 'a', 'b']);
  // Where it already is, or a step that is gone: nothing is sent.
  void agenda.actions.moveTo('b', 1);
  void agenda.actions.moveTo('gone', 0);
  await settle();
  expect(fake.sent('agenda:plan')).toHaveLength(2);
  // Past either end: clamped to the list.
  expect(reordered(view(3).steps, 'a', 9).map((s) => s.id)).toEqual(['b', 'a']);
  expect(reordered(view(3).steps, 'b', -4).map((s) => s.id)).toEqual(['b', 'a']);
});

test('an older run sheet arriving after a newer one is ignored', async () => {
  fake.reply('agenda:sync', { sheet: null, agenda: view(3) });
  await settle();
  fake.push('agenda:updated', view(5, { steps: [] }));
  fake.push('agenda:updated', view(4));
  expect(agenda.agenda.value.version).toBe(5);
  expect(agenda.agenda.value.steps).toEqual([]);
});

test('the dot budget of a step is changed in the plan, other kinds keep their params', async () => {
  fake.reply('agenda:sync', { sheet: null, agenda: view(3) });
  await settle();
  void agenda.actions.setParam('b', 'budget', 5);
  await settle();
  const sent = fake.sent('agenda:plan').at(-1)!.payload as { steps: StepInput[] };
  expect(sent.steps[1]!.params).toMatchObject({ kind: 'dots', budget: 5 });
  void agenda.actions.setParam('a', 'rooms', 3);
  await settle();
  expect((fake.sent('agenda:plan').at(-1)!.payload as { steps: StepInput[] }).steps[0]!.params).not.toHaveProperty(
    'rooms',
  );
});

test("a step's answers, tables and a quiz's right answer are changed in the plan, where the mechanic has them", async () => {
  const quiz = { correct: ['o1'], timeLimitSec: null, scoring: 'town' as const };
  const steps = [
    ...view(3).steps,
    {
      id: 'q',
      format: 'cityQuiz',
      durationMin: 5,
      params: {
        kind: 'poll' as const,
        question: 'Größer?',
        pollKind: 'single' as const,
        options: ['Kamen', 'Łódź'],
        scaleMax: 5 as const,
        anonymous: false,
        quiz,
      },
    },
    {
      id: 'w',
      format: 'worldCafe',
      durationMin: 30,
      params: {
        kind: 'rotation' as const,
        rotation: 'worldCafe' as const,
        rounds: 3,
        tables: ['Jugend'],
        languages: [],
      },
    },
  ];
  fake.reply('agenda:sync', { sheet: null, agenda: view(3, { steps }) });
  await settle();
  const last = () => (fake.sent('agenda:plan').at(-1)!.payload as { steps: StepInput[] }).steps;
  void agenda.actions.setParam('q', 'options', ['Kamen', 'Łódź', 'Lyon']);
  await settle();
  expect(last()[2]!.params).toMatchObject({ kind: 'poll', options: ['Kamen', 'Łódź', 'Lyon'] });
  void agenda.actions.setParam('q', 'quiz', { ...quiz, correct: ['o2'] });
  await settle();
  expect(last()[2]!.params).toMatchObject({ quiz: { correct: ['o2'], scoring: 'town' } });
  void agenda.actions.setParam('w', 'tables', ['Jugend', 'Kultur', 'Sport']);
  await settle();
  expect(last()[3]!.params).toMatchObject({ kind: 'rotation', tables: ['Jugend', 'Kultur', 'Sport'] });
  // A dot voting step has no answers: the plan keeps it as it was.
  void agenda.actions.setParam('b', 'options', ['Lyon']);
  await settle();
  expect(last()[1]!.params).toEqual({ kind: 'dots', question: 'D?', budget: 3, perCard: 3 });
});
