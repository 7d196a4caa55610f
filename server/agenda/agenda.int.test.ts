/**
 * The run sheet over real sockets, on the memory store and on Redis: a moderator runs a programme with
 * Start and Next, and each step switches on the existing features (board, polls, rooms) for everyone.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AgendaView, StepInput } from '../../shared/agenda/schema.js';
import type { BoardSync } from '../../shared/boards/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, workshopWith } from '../../test/workshop-helpers.js';

const programme: StepInput[] = [
  {
    format: 'cards',
    durationMin: 20,
    params: { kind: 'cards', question: 'Was könnten wir gemeinsam tun?', hidden: false },
  },
  { format: 'dots', durationMin: 7, params: { kind: 'dots', question: 'Womit fangen wir an?', budget: 2 } },
  { format: 'mood', durationMin: 2, params: { kind: 'poll', question: 'Wie geht es Ihnen?', pollKind: 'scale' } },
  { format: 'speedDating', durationMin: 10, params: { kind: 'rooms', rooms: 1 } },
  { format: 'flash', durationMin: 5, params: { kind: 'speaking', question: 'Was nehmen Sie mit?', secondsEach: 45 } },
];

async function settingsOf(socket: ClientSocket) {
  const sync = (await ok(socket, 'board:sync', { roomId: PLENARY, full: true })) as BoardSync;
  if (sync.kind !== 'snapshot') throw new Error('expected a snapshot');
  return sync.snapshot.settings;
}

const updated = (socket: ClientSocket, stepIndex: number | null) =>
  waitFor(socket, 'agenda:updated', (a: AgendaView) =>
    stepIndex === null ? a.current === null : a.current?.stepId === a.steps[stepIndex]?.id,
  );

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`the run sheet (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[AG2][AG3] Start and Next switch each step on and off through the existing features', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Bartek');
      const [ana, bartek] = people.map((p) => p.socket) as [ClientSocket, ClientSocket];
      const mod = moderator.socket;
      let agenda = await ok(mod, 'agenda:plan', { version: 0, steps: programme });
      expect(agenda.steps.map((s) => s.format)).toEqual(['cards', 'dots', 'mood', 'speedDating', 'flash']);

      // Card collection: everyone hears of the step, the board asks the question and collects cards.
      const anaHears = updated(ana, 0);
      const onStage = waitFor(ana, 'workshop:updated', (w) => w.stage === 'board');
      let r = await ok(mod, 'agenda:start', { version: agenda.version });
      await onStage;
      expect(r.problem).toBeNull();
      expect((await anaHears).current).toMatchObject({ stepId: agenda.steps[0]!.id });
      expect(await settingsOf(ana)).toMatchObject({ header: 'Was könnten wir gemeinsam tun?', cardsOpen: true });
      await ok(ana, 'board:op', {
        op: { type: 'add', item: { kind: 'card', id: 'c1', x: 0, y: 0, text: 'Jugendaustausch', color: '#fff176' } },
      });

      // Next: collecting closes, dot voting opens with its budget.
      r = await ok(mod, 'agenda:next', { version: r.agenda.version });
      expect(await settingsOf(ana)).toMatchObject({
        cardsOpen: false,
        dotsOpen: true,
        dotBudget: 2,
        header: 'Womit fangen wir an?',
      });
      await ok(bartek, 'board:op', { op: { type: 'add', item: { kind: 'dot', id: 'd1', cardId: 'c1' } } });

      // Next: a poll is launched to everyone; voting works.
      const pollOpen = waitFor(ana, 'poll:updated', (p) => p.status === 'open');
      r = await ok(mod, 'agenda:next', { version: r.agenda.version });
      expect(await settingsOf(ana)).toMatchObject({ dotsOpen: false });
      const poll = await pollOpen;
      expect(poll).toMatchObject({ question: 'Wie geht es Ihnen?', kind: 'scale' });
      expect(r.agenda.current?.ref).toMatchObject({ pollId: poll.id });
      await ok(ana, 'poll:vote', { pollId: poll.id, choices: ['4'] });

      // Next: the poll closes, everyone goes into a breakout room for the step's minutes.
      const pollClosed = waitFor(ana, 'poll:updated', (p) => p.id === poll.id && p.status === 'closed');
      const moved = waitFor(bartek, 'breakout:moved');
      r = await ok(mod, 'agenda:next', { version: r.agenda.version });
      await pollClosed;
      expect((await moved).moves.map((m) => m.participantId).sort()).toEqual(people.map((p) => p.id).sort());
      const rooms = await ok(mod, 'breakout:sync', {});
      expect(rooms.status).toBe('open');
      expect(rooms.round!.deadline - rooms.round!.startedAt).toBe(10 * 60_000);

      // +5 min moves the step's deadline and the room round's.
      const extended = await ok(mod, 'agenda:extend', { version: r.agenda.version, minutes: 5 });
      expect(extended.agenda.current!.deadline - extended.agenda.current!.startedAt).toBe(15 * 60_000);
      expect((await ok(mod, 'breakout:sync', {})).round!.deadline).toBe(rooms.round!.deadline + 5 * 60_000);

      // Next: the rooms close; the flash round starts its speaking order in the plenary.
      r = await ok(mod, 'agenda:next', { version: extended.agenda.version });
      expect((await ok(mod, 'breakout:sync', {})).status).not.toBe('open');
      expect(r).toMatchObject({ problem: null, agenda: { current: { stepId: agenda.steps[4]!.id } } });
      const round = (await ok(ana, 'speaking:sync', {})).rounds.find((x) => x.roomId === PLENARY);
      expect(round).toMatchObject({ question: 'Was nehmen Sie mit?', perSpeakerSec: 45, phase: 'think' });

      // Next after the last step ends the programme.
      const over = updated(ana, null);
      r = await ok(mod, 'agenda:next', { version: r.agenda.version });
      expect(r.agenda.current).toBeNull();
      expect(Object.values((await over).history).filter((h) => !h.skipped)).toHaveLength(5);
      // The flash round ended with its step.
      expect((await ok(ana, 'speaking:sync', {})).rounds.every((x) => x.phase === 'ended')).toBe(true);
      agenda = r.agenda;
    });

    test('[AG8] a latecomer gets the running step; the sheet stays with the moderators', async () => {
      const { moderator, code } = await workshopWith(server.url, 'Ana');
      await ok(moderator.socket, 'agenda:sheet', {
        sheet: { title: 'Jugendprojekt', towns: [{ town: 'Łódź', contact: 'a@b.pl' }] },
      });
      const plan = await ok(moderator.socket, 'agenda:plan', { version: 0, steps: programme.slice(0, 2) });
      await ok(moderator.socket, 'agenda:start', { version: plan.version, stepId: plan.steps[1]!.id });
      const late = await joinAs(server.url, code, { name: 'Zoé', town: 'Lyon' });
      const sync = await ok(late.socket, 'agenda:sync', {});
      expect(sync.agenda.current?.stepId).toBe(plan.steps[1]!.id);
      expect(sync.sheet).toBeNull();
      expect((await ok(moderator.socket, 'agenda:sync', {})).sheet).toMatchObject({ title: 'Jugendprojekt' });
      expect(await settingsOf(late.socket)).toMatchObject({ dotsOpen: true });
    });

    test('[AG12] two moderators pressing Next at once: one step moves on, the other press is a conflict', async () => {
      const { moderator, code, people } = await workshopWith(server.url, 'Cora');
      await ok(moderator.socket, 'participant:promote', { participantId: people[0]!.id });
      const co = people[0]!.socket;
      let a = await ok(moderator.socket, 'agenda:plan', { version: 0, steps: programme.slice(0, 3) });
      a = (await ok(moderator.socket, 'agenda:start', { version: a.version })).agenda;
      const both = await Promise.all([
        request(moderator.socket, 'agenda:next', { version: a.version }),
        request(co, 'agenda:next', { version: a.version }),
      ]);
      expect(both.map((x) => (x.ok ? 'ok' : x.code)).sort()).toEqual(['conflict', 'ok']);
      const now = (await ok(moderator.socket, 'agenda:sync', {})).agenda;
      expect(now.current?.stepId).toBe(a.steps[1]!.id);
      void code;
    });

    test('[AG2] a World Café step opens its tables as rotating rooms; a quiz step is revealed by Next', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Bartek', 'Cora', 'Dan');
      const mod = moderator.socket;
      const steps: StepInput[] = [
        {
          format: 'worldCafe',
          durationMin: 45,
          params: { kind: 'rotation', rotation: 'worldCafe', rounds: 3, tables: ['Jugend', 'Kultur'] },
        },
        {
          format: 'cityQuiz',
          durationMin: 5,
          params: {
            kind: 'poll',
            question: 'Łódź ist größer als Kamen?',
            pollKind: 'yesno',
            quiz: { correct: ['yes'], scoring: 'town' },
          },
        },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      const moved = waitFor(people[0]!.socket, 'breakout:moved');
      a = (await ok(mod, 'agenda:start', { version: a.version })).agenda;
      await moved;
      const cafe = await ok(mod, 'breakout:sync', {});
      expect(cafe).toMatchObject({
        status: 'open',
        rotation: { kind: 'worldCafe', rounds: 3 },
        round: { index: 0, total: 3 },
      });
      expect(cafe.rooms.map((r) => r.name)).toEqual(['Jugend', 'Kultur']);
      expect(cafe.round!.deadline - cafe.round!.startedAt).toBe(15 * 60_000);

      const launched = waitFor(people[1]!.socket, 'poll:updated', (p) => p.status === 'open');
      const r = await ok(mod, 'agenda:next', { version: a.version });
      expect((await ok(mod, 'breakout:sync', {})).status).not.toBe('open');
      const quiz = await launched;
      expect(quiz).toMatchObject({ question: 'Łódź ist größer als Kamen?', anonymous: false });
      await ok(people[1]!.socket, 'poll:vote', { pollId: quiz.id, choices: ['yes'] });
      const scored = waitFor(people[1]!.socket, 'poll:scored');
      await ok(mod, 'agenda:next', { version: r.agenda.version });
      // Revealed: the leaderboard counts per town; Bartek's town (Lyon) has the point.
      expect(await scored).toMatchObject({ scoring: 'town', questions: 1, towns: [{ town: 'Lyon', points: 1 }] });
    });

    test('[AG2] a 1-2-4-All step runs alone, pairs and fours as one rotation (1 : 2 : 4 of its time); Next calls everyone back', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Bartek', 'Cora', 'Dan');
      const mod = moderator.socket;
      const steps: StepInput[] = [
        { format: 'oneTwoFour', durationMin: 7, params: { kind: 'nestedRooms' } },
        { format: 'plenary', durationMin: 5, params: { kind: 'timer' } },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      a = (await ok(mod, 'agenda:start', { version: a.version })).agenda;
      expect(a.current?.problem ?? null).toBeNull();
      const nested = await ok(mod, 'breakout:sync', {});
      expect(nested).toMatchObject({
        status: 'open',
        rotation: { kind: 'nested', rounds: 3, durations: [60_000, 120_000, 240_000] },
        round: { index: 0, total: 3, durationMs: 60_000 },
      });
      // The silent minute is spent in the plenary, writing a note.
      expect((await ok(people[0]!.socket, 'breakout:note', { text: 'Partnerschaftsfest' })).notes).toEqual({
        [people[0]!.id]: 'Partnerschaftsfest',
      });
      const back = waitFor(people[0]!.socket, 'breakout:round-ended', (e) => e.next === 'plenary');
      await ok(mod, 'agenda:next', { version: a.version });
      await back;
      expect((await ok(mod, 'breakout:sync', {})).status).toBe('closed');
    });

    test('[AG2] a fishbowl step opens seats in the plenary on top of stage mode; Next ends it', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      const [ana] = people.map((p) => p.socket) as [ClientSocket];
      const mod = moderator.socket;
      const steps: StepInput[] = [
        { format: 'fishbowl', durationMin: 40, params: { kind: 'fishbowl', seats: 4 } },
        { format: 'flash', durationMin: 5, params: { kind: 'timer' } },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      const stageOn = waitFor(ana, 'media:stageChanged', (e) => e.roomId === PLENARY && e.on);
      a = (await ok(mod, 'agenda:start', { version: a.version })).agenda;
      await stageOn;
      const open = await ok(ana, 'fishbowl:take', {});
      expect(open.fishbowl).toMatchObject({ phase: 'open', roomId: PLENARY });
      expect(open.fishbowl!.seats.map((s) => s?.name ?? null)).toEqual(['Ana', null, null, null]);

      const stageOff = waitFor(ana, 'media:stageChanged', (e) => e.roomId === PLENARY && !e.on);
      await ok(mod, 'agenda:next', { version: a.version });
      await stageOff;
      const ended = await ok(ana, 'fishbowl:sync', {});
      expect(ended.fishbowl).toMatchObject({ phase: 'ended', seats: [null, null, null, null] });
    });

    test('[AG2] an idea-market step makes stalls of the board’s top cards; Next ends the market and closes its rooms', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people.map((p) => p.socket) as [ClientSocket, ClientSocket];
      const mod = moderator.socket;
      const card = (id: string, text: string) => ({
        op: { type: 'add' as const, item: { kind: 'card' as const, id, x: 0, y: 0, text, color: '#fff176' as const } },
      });
      await ok(ana, 'board:op', card('c1', 'Radtour'));
      await ok(ben, 'board:op', card('c2', 'Chor'));
      await ok(mod, 'board:settings', { roomId: PLENARY, patch: { startDots: true } });
      await ok(ana, 'board:op', { op: { type: 'add', item: { kind: 'dot', id: 'd1', cardId: 'c2' } } });
      const steps: StepInput[] = [
        { format: 'ideaMarket', durationMin: 60, params: { kind: 'ideaMarket', stalls: 1 } },
        { format: 'flash', durationMin: 5, params: { kind: 'timer' } },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      const r = await ok(mod, 'agenda:start', { version: a.version });
      expect(r.problem).toBeNull();
      a = r.agenda;
      const started = await ok(ana, 'market:sync', {});
      expect(started.market).toMatchObject({ phase: 'setup', pitchSec: 120 });
      expect(started.market!.stalls.map((s) => [s.title, s.ownerName])).toEqual([['Chor', 'Ben']]);
      await ok(mod, 'market:open', { durationMs: 60_000 });
      expect((await ok(ana, 'breakout:sync', {})).rooms.map((x) => x.name)).toEqual(['Chor']);

      await ok(mod, 'agenda:next', { version: a.version });
      expect((await ok(ana, 'market:sync', {})).market!.phase).toBe('ended');
      expect((await ok(ana, 'breakout:sync', {})).status).toBe('closed');
    });

    test('[AG2][BCAMP1] a barcamp step starts a barcamp with its rooms per slot; Next ends it and closes a running slot', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people.map((p) => p.socket) as [ClientSocket, ClientSocket];
      const mod = moderator.socket;
      const steps: StepInput[] = [
        { format: 'barcamp', durationMin: 120, params: { kind: 'barcamp', rooms: 2, slotMin: 25 } },
        { format: 'flash', durationMin: 5, params: { kind: 'timer' } },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      const r = await ok(mod, 'agenda:start', { version: a.version });
      expect(r.problem).toBeNull();
      a = r.agenda;
      expect((await ok(ana, 'barcamp:sync', {})).barcamp).toMatchObject({ phase: 'proposing', rooms: 2, slotMin: 25 });
      await ok(ana, 'barcamp:propose', { title: 'Radtour' });
      await ok(ben, 'barcamp:propose', { title: 'Chor' });
      await ok(mod, 'barcamp:build', {});
      await ok(mod, 'barcamp:slot', { slot: 0 });
      expect((await ok(ana, 'breakout:sync', {})).rooms.map((x) => x.name)).toEqual(['Radtour', 'Chor']);

      await ok(mod, 'agenda:next', { version: a.version });
      expect((await ok(ana, 'barcamp:sync', {})).barcamp!.phase).toBe('ended');
      expect((await ok(ana, 'breakout:sync', {})).status).toBe('closed');
    });

    test('[TRUTH6] two truths and a lie with 13 people: the step opens rooms of 5–6 and the game runs in each; Next ends both', async () => {
      const names = Array.from({ length: 13 }, (_, i) => `P${i + 1}`);
      const { moderator, people } = await workshopWith(server.url, ...names);
      const mod = moderator.socket;
      const steps: StepInput[] = [
        { format: 'twoTruths', durationMin: 15, params: { kind: 'twoTruths' } },
        { format: 'plenary', durationMin: 5, params: { kind: 'timer' } },
      ];
      let a = await ok(mod, 'agenda:plan', { version: 0, steps });
      a = (await ok(mod, 'agenda:start', { version: a.version })).agenda;
      expect(a.current?.problem ?? null).toBeNull();
      const rooms = await ok(mod, 'breakout:sync', {});
      expect(rooms.status).toBe('open');
      const sizes = rooms.rooms.map((r) => people.filter((p) => rooms.plan[p.id] === r.id).length);
      expect(sizes.sort()).toEqual([6, 7]);
      // A game in every room (each person plays in their own).
      const mine = await ok(people[0]!.socket, 'truths:sync', {});
      expect(mine.view.games.map((g) => g.roomId).sort()).toEqual(rooms.rooms.map((r) => r.id).sort());

      const back = waitFor(people[0]!.socket, 'breakout:round-ended', (e) => e.next === 'plenary');
      await ok(mod, 'agenda:next', { version: a.version });
      await back;
      expect((await ok(mod, 'breakout:sync', {})).status).toBe('closed');
      const ended = await ok(mod, 'truths:sync', {});
      expect(ended.view.games.every((g) => g.phase === 'ended')).toBe(true);
    });

    test('[TRUTH6] with 12 people or fewer the game stays in the plenary, no rooms', async () => {
      const { moderator } = await workshopWith(server.url, 'Ana', 'Ben', 'Cleo');
      const a = await ok(moderator.socket, 'agenda:plan', {
        version: 0,
        steps: [{ format: 'twoTruths', durationMin: 15, params: { kind: 'twoTruths' } }],
      });
      await ok(moderator.socket, 'agenda:start', { version: a.version });
      expect((await ok(moderator.socket, 'breakout:sync', {})).status).not.toBe('open');
      expect((await ok(moderator.socket, 'truths:sync', {})).view.games.map((g) => g.roomId)).toEqual([PLENARY]);
    });

    test("[AG2] a gallery walk step puts the board on everyone's stage; comments work there", async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      const [ana] = people.map((p) => p.socket) as [ClientSocket];
      const a = await ok(moderator.socket, 'agenda:plan', {
        version: 0,
        steps: [{ format: 'gallery', durationMin: 15, params: { kind: 'gallery' } }],
      });
      const onStage = waitFor(ana, 'workshop:updated', (w) => w.stage === 'board');
      expect((await ok(moderator.socket, 'agenda:start', { version: a.version })).problem).toBeNull();
      await onStage;
      expect(await ok(ana, 'gallery:comment', { item: { roomId: PLENARY }, text: 'Schön!' })).toMatchObject({
        text: 'Schön!',
      });
    });

    test('[AG9] a step whose rooms cannot open still runs, and says why', async () => {
      const { moderator } = await workshopWith(server.url);
      const a = await ok(moderator.socket, 'agenda:plan', { version: 0, steps: [programme[3]!] });
      const r = await ok(moderator.socket, 'agenda:start', { version: a.version });
      expect(r.problem).toBe('rooms_empty');
      expect(r.agenda.current).toMatchObject({ stepId: a.steps[0]!.id, problem: 'rooms_empty' });
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
