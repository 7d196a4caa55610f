/**
 * [AG17] A run sheet file loaded again, over real sockets on the memory store and on Redis: into a new workshop
 * (next year's), and into a workshop whose programme runs.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { RunSheetInput, StepInput } from '../../shared/agenda/schema.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, workshopWith } from '../../test/workshop-helpers.js';

const steps: StepInput[] = [
  {
    format: 'plenary',
    title: 'Begrüßung',
    durationMin: 10,
    groups: 'whole',
    responsible: 'Mia',
    params: { kind: 'timer' },
  },
  { format: 'cards', durationMin: 20, params: { kind: 'cards', question: 'Was tun wir 2027?', cardLimit: 3 } },
  { format: 'dots', durationMin: 7.5, params: { kind: 'dots', question: 'Womit fangen wir an?', budget: 2 } },
];
const file: RunSheetInput = {
  sheet: { title: 'Partnerschaftstreffen 2026', category: 'working', towns: [{ town: 'Kamen' }, { town: 'Wołów' }] },
  steps,
};

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`a run sheet file (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[AG17] a new workshop starts from last year’s file: its title is the typed one, sheet and steps are the file’s', async () => {
      // Last year's workshop, its plan saved as a file (as the page exports it: without ids).
      const last = await workshopWith(server.url);
      const planned = await ok(last.moderator.socket, 'agenda:plan', { version: 0, steps });
      const exported = { sheet: file.sheet, steps: planned.steps.map(({ id: _id, ...s }) => s) };

      const created = await createWorkshop(server.url, { title: 'Partnerschaftstreffen 2027', runSheet: exported });
      expect(created.workshop.title).toBe('Partnerschaftstreffen 2027');
      expect(created.imported).toEqual({ steps: 3, minutes: 37.5, sheet: true });
      const mia = await joinAs(server.url, created.workshop.code, { name: 'Mia', moderatorKey: created.moderatorKey });
      const sync = await ok(mia.socket, 'agenda:sync', {});
      expect(sync.sheet).toEqual(file.sheet);
      expect(sync.agenda.steps.map(({ id: _id, ...s }) => s)).toEqual(planned.steps.map(({ id: _id, ...s }) => s));
      // Fresh ids: none of last year's workshop.
      const oldIds = new Set(planned.steps.map((s) => s.id));
      expect(sync.agenda.steps.every((s) => s.id && !oldIds.has(s.id))).toBe(true);
      expect(sync.agenda.current).toBeNull();
      // The new workshop runs it as its own.
      const r = await ok(mia.socket, 'agenda:start', { version: sync.agenda.version });
      expect(r.agenda.current?.stepId).toBe(sync.agenda.steps[0]!.id);

      // A workshop made without a file has an empty run sheet; a bad file makes no workshop.
      const plain = await createWorkshop(server.url);
      expect(plain.imported).toBeUndefined();
      const bad = await request(mia.socket, 'workshop:create', {
        title: 'X',
        languages: ['de'],
        runSheet: { sheet: null, steps: [{ format: 'cards', durationMin: 0, params: { kind: 'cards' } }] } as never,
      });
      expect(bad).toMatchObject({ ok: false, code: 'invalid_payload' });
    });

    test('[AG17] a file loaded while a step runs: the running and done steps stay, the file’s steps follow', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      const mod = moderator.socket;
      let agenda = await ok(mod, 'agenda:plan', { version: 0, steps });
      agenda = (await ok(mod, 'agenda:start', { version: agenda.version })).agenda;
      agenda = (await ok(mod, 'agenda:next', { version: agenda.version })).agenda;
      const [done, running] = agenda.steps;
      expect(agenda.current?.stepId).toBe(running!.id);

      const sheetHeard = waitFor(mod, 'agenda:sheet-updated', (s) => s.title === 'Partnerschaftstreffen 2026');
      const anaHears = waitFor(people[0]!.socket, 'agenda:updated', (a) => a.steps.length === 4);
      const next = await ok(mod, 'agenda:import', { version: agenda.version, ...file, steps: steps.slice(1) });
      await sheetHeard;
      expect((await anaHears).version).toBe(next.version);
      expect(next.steps.slice(0, 2)).toEqual([done, running]);
      expect(next.steps.slice(2).map((s) => s.format)).toEqual(['cards', 'dots']);
      expect(next.current).toEqual(agenda.current);
      expect(next.history).toEqual(agenda.history);
      expect((await ok(mod, 'agenda:sync', {})).sheet).toEqual(file.sheet);
      // The programme goes on with the file's steps.
      const r = await ok(mod, 'agenda:next', { version: next.version });
      expect(r.agenda.current?.stepId).toBe(next.steps[2]!.id);

      // Made against an old version: a conflict, nothing changes (the sheet neither).
      const stale = await request(mod, 'agenda:import', { version: next.version, sheet: { title: 'Alt' }, steps });
      expect(stale).toMatchObject({ ok: false, code: 'conflict' });
      expect((await ok(mod, 'agenda:sync', {})).sheet?.title).toBe('Partnerschaftstreffen 2026');
      // A participant cannot load a file.
      const denied = await request(people[0]!.socket, 'agenda:import', { version: r.agenda.version, ...file });
      expect(denied).toMatchObject({ ok: false, code: 'forbidden' });
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
