/**
 * Speaking order over real sockets on a real server, on the memory store and on Redis: who sees what,
 * who may do what, time from the server, breakout rooms at once, the run-sheet entry point, and [SPEAK12]
 * the word as a stage place.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import { currentSpeakerId, roundIn } from '../../shared/speaking/rules.js';
import type { SpeakingView } from '../../shared/speaking/schema.js';
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
import { joinAs, workshopWith, type Person } from '../../test/workshop-helpers.js';
import { speakingMechanic } from './service.js';

const speakerIn = (roomId: string, id: string | null) => (v: SpeakingView) => currentSpeakerId(v, roomId) === id;
const sees = (socket: ClientSocket, id: string | null, roomId = PLENARY) =>
  waitFor(socket, 'speaking:updated', speakerIn(roomId, id));

function suite(label: string, start: (clock: () => number) => Promise<TestServer>) {
  describe(`speaking order (${label})`, () => {
    let server: TestServer;
    let now = Date.now();
    beforeEach(async () => {
      now = Date.now();
      server = await start(() => now);
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    /** Ana (Lyon), Ben (Kamen), Cleo (Łódź), ordered by list so the test knows who comes when. */
    async function three() {
      const { created, code, moderator } = await workshopWith(server.url);
      const people: Person[] = [];
      for (const [name, town] of [
        ['Ana', 'Lyon'],
        ['Ben', 'Kamen'],
        ['Cleo', 'Łódź'],
      ] as const)
        people.push(await joinAs(server.url, code, { name, town }));
      return { created, code, moderator, people: people as [Person, Person, Person] };
    }

    test('[SPEAK1][SPEAK9] the moderator starts a round: everyone sees the question, the order and the current speaker', async () => {
      const { moderator, people } = await three();
      const [ana, ben, cleo] = people;
      expect(await request(ana.socket, 'speaking:start', { question: 'Ich?' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      const seen = people.map((p) => sees(p.socket, ana.id));
      const view = await ok(moderator.socket, 'speaking:start', {
        question: 'Was nehmt ihr mit?',
        thinkSec: 0,
        perSpeakerSec: 30,
        order: 'list',
        list: [ana.id, ben.id, cleo.id],
      });
      for (const v of await Promise.all(seen)) expect(v).toEqual(view);
      expect(roundIn(view, PLENARY)).toMatchObject({
        question: 'Was nehmt ihr mit?',
        phase: 'speaking',
        perSpeakerSec: 30,
        speakers: [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Cleo' }],
      });
      // The moderator is not in the order.
      expect(roundIn(view, PLENARY)!.speakers.map((s) => s.id)).not.toContain(moderator.id);
      expect(await request(ben.socket, 'speaking:next', { roomId: PLENARY })).toMatchObject({ code: 'forbidden' });
    });

    test('[SPEAK5][SPEAK6] the speaker passes from their own screen (once); others may not; next, back, the end', async () => {
      const { moderator, people } = await three();
      const [ana, ben, cleo] = people;
      await ok(moderator.socket, 'speaking:start', {
        question: 'Check-in',
        thinkSec: 0,
        order: 'list',
        list: [ana.id, ben.id, cleo.id],
      });
      expect(await request(ben.socket, 'speaking:pass', {})).toMatchObject({ ok: false, code: 'forbidden' });
      const benNow = sees(cleo.socket, ben.id);
      const afterPass = await ok(ana.socket, 'speaking:pass', {});
      await benNow;
      expect(roundIn(afterPass, PLENARY)!.speakers.map((s) => s.name)).toEqual(['Ben', 'Cleo', 'Ana']);
      // Two moderators' presses from the same screen state move once.
      const [first, second] = await Promise.all([
        ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ben.id }),
        ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ben.id }),
      ]);
      expect(currentSpeakerId(first, PLENARY)).toBe(cleo.id);
      expect(currentSpeakerId(second, PLENARY)).toBe(cleo.id);
      const back = await ok(moderator.socket, 'speaking:back', { roomId: PLENARY, from: cleo.id });
      expect(currentSpeakerId(back, PLENARY)).toBe(ben.id);
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ben.id });
      const anaAgain = await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: cleo.id });
      expect(currentSpeakerId(anaAgain, PLENARY)).toBe(ana.id);
      expect(await request(ana.socket, 'speaking:pass', {})).toMatchObject({ ok: false, code: 'conflict' });
      const ended = waitFor(ben.socket, 'speaking:updated', (v) => roundIn(v, PLENARY)?.phase === 'ended');
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      expect(roundIn(await ended, PLENARY)!.speakers.map((s) => s.status)).toEqual(['spoke', 'spoke', 'spoke']);
    });

    test('[SPEAK8] the server ends the think time and each turn on time, with no moderator pressing', async () => {
      const { moderator, people } = await three();
      const [ana, ben] = people;
      const started = await ok(moderator.socket, 'speaking:start', {
        question: 'Kurz nachdenken',
        thinkSec: 20,
        perSpeakerSec: 30,
        order: 'list',
        list: [ana.id, ben.id],
      });
      expect(roundIn(started, PLENARY)).toMatchObject({ phase: 'think', deadline: now + 20_000 });
      const anaTurn = sees(ben.socket, ana.id);
      now += 20_000;
      expect(roundIn(await anaTurn, PLENARY)).toMatchObject({ turnStartedAt: now, deadline: now + 30_000 });
      const benTurn = sees(ben.socket, ben.id);
      now += 30_000;
      await benTurn;
    });

    test('[SPEAK3][SPEAK4] a late joiner is appended; someone who left is skipped', async () => {
      const { code, moderator, people } = await three();
      const [ana, ben, cleo] = people;
      await ok(moderator.socket, 'speaking:start', {
        question: 'Runde',
        thinkSec: 0,
        order: 'list',
        list: [ana.id, ben.id, cleo.id],
      });
      await ok(ben.socket, 'workshop:leave', {});
      const dora = await joinAs(server.url, code, { name: 'Dora', town: 'Wołów' });
      const synced = await ok(dora.socket, 'speaking:sync', {});
      expect(roundIn(synced, PLENARY)!.speakers.map((s) => s.name)).toEqual(['Ana', 'Ben', 'Cleo', 'Dora']);
      const next = await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      expect(currentSpeakerId(next, PLENARY)).toBe(cleo.id);
      expect(roundIn(next, PLENARY)!.speakers.map((s) => s.status)).toEqual([
        'spoke',
        'skipped',
        'speaking',
        'waiting',
      ]);
    });

    test('[SPEAK1] every breakout room at once, each with its own order; stop ends them all', async () => {
      const { moderator, people } = await three();
      let view = await ok(moderator.socket, 'breakout:sync', {});
      view = await ok(moderator.socket, 'breakout:rooms', {
        version: view.version,
        rooms: [{ name: 'A' }, { name: 'B' }],
      });
      view = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 3 });
      await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 600_000 });
      view = await ok(moderator.socket, 'breakout:sync', {});
      const started = await ok(moderator.socket, 'speaking:start', { question: 'In den Räumen', scope: 'breakouts' });
      expect(started.rounds.map((r) => r.roomId).sort()).toEqual(view.rooms.map((r) => r.id).sort());
      for (const p of people) {
        const round = roundIn(started, view.plan[p.id]!)!;
        expect(round.speakers.map((s) => s.id)).toContain(p.id);
      }
      expect(started.rounds.flatMap((r) => r.speakers).length).toBe(3);
      expect(await request(moderator.socket, 'speaking:start', { question: 'x', scope: 'r-none' })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      const stopped = await ok(moderator.socket, 'speaking:stop', {});
      expect(stopped.rounds.map((r) => r.phase)).toEqual(started.rounds.map(() => 'ended'));
    });

    test('[SPEAK12] in stage mode the speaker is on stage for their turn only; someone invited before stays', async () => {
      const { moderator, code, people } = await three();
      const [ana, ben, cleo] = people;
      const dora = await joinAs(server.url, code, { name: 'Dora', town: 'Kamen' });
      const { store } = server.app.deps;
      const onStage = (id: string) => store.getParticipant(moderator.workshopId, id).then((p) => p?.onStage);
      const staged = (id: string, on: boolean) =>
        waitFor(cleo.socket, 'participant:updated', (p) => p.id === id && p.onStage === on && (on || !p.micOn));
      const refused = { ok: false, code: 'forbidden' };
      await ok(moderator.socket, 'media:stage', { on: true });
      await ok(moderator.socket, 'media:invite', { participantId: dora.id, onStage: true });
      expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject(refused);

      let anaOn = staged(ana.id, true);
      await ok(moderator.socket, 'speaking:start', {
        question: 'Auf die Bühne',
        thinkSec: 0,
        order: 'list',
        list: [ana.id, ben.id, dora.id, cleo.id],
      });
      await anaOn;
      expect(await ok(ana.socket, 'media:update', { micOn: true, cameraOn: true })).toMatchObject({ micOn: true });
      expect(await request(ben.socket, 'media:update', { micOn: true })).toMatchObject(refused);

      // Next: Ana off (muted), Ben on; back: the other way round; next again.
      let anaOff = staged(ana.id, false);
      let benOn = staged(ben.id, true);
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      await Promise.all([anaOff, benOn]);
      expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject(refused);
      expect(await ok(ben.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
      anaOn = staged(ana.id, true);
      const benOff = staged(ben.id, false);
      await ok(moderator.socket, 'speaking:back', { roomId: PLENARY, from: ben.id });
      await Promise.all([anaOn, benOff]);
      anaOff = staged(ana.id, false);
      benOn = staged(ben.id, true);
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      await Promise.all([anaOff, benOn]);

      // Pass: Ben off; Dora, invited before the round, has the word and keeps her place after it.
      const benOffAgain = staged(ben.id, false);
      const passed = await ok(ben.socket, 'speaking:pass', {});
      expect(currentSpeakerId(passed, PLENARY)).toBe(dora.id);
      await benOffAgain;
      expect(await request(ben.socket, 'media:update', { micOn: true })).toMatchObject(refused);
      expect(await ok(dora.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
      const cleoOn = staged(cleo.id, true);
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: dora.id });
      await cleoOn;
      expect(await onStage(dora.id)).toBe(true);
      expect(await ok(dora.socket, 'media:update', { cameraOn: true })).toMatchObject({ micOn: true, cameraOn: true });

      // Stop: the last speaker off stage; Dora still on.
      const cleoOff = staged(cleo.id, false);
      await ok(moderator.socket, 'speaking:stop', { roomId: PLENARY });
      await cleoOff;
      expect(await request(cleo.socket, 'media:update', { micOn: true })).toMatchObject(refused);
      expect(await onStage(dora.id)).toBe(true);
      expect(await onStage(ana.id)).toBe(false);
      expect(await onStage(ben.id)).toBe(false);
    });

    test("[SPEAK12] the moderator's hand wins during a turn: withdrawn stays off, invited stays on after it", async () => {
      const { moderator, code, people } = await three();
      const [ana, ben, cleo] = people;
      const { store } = server.app.deps;
      const onStage = (id: string) => store.getParticipant(moderator.workshopId, id).then((p) => p?.onStage);
      await ok(moderator.socket, 'media:stage', { on: true });
      const list = [ana.id, ben.id, cleo.id];
      await ok(moderator.socket, 'speaking:start', { question: 'Hand', thinkSec: 0, order: 'list', list });
      expect(await onStage(ana.id)).toBe(true);
      await ok(moderator.socket, 'media:invite', { participantId: ana.id, onStage: false });
      // A late joiner changes the round (SPEAK3): Ana, withdrawn, is not put back.
      const late = await joinAs(server.url, code, { name: 'Lena', town: 'Kamen' });
      const synced = await ok(late.socket, 'speaking:sync', {});
      expect(roundIn(synced, PLENARY)!.speakers.map((s) => s.id)).toContain(late.id);
      expect(await onStage(ana.id)).toBe(false);
      expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject({ code: 'forbidden' });
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      expect(await onStage(ben.id)).toBe(true);
      await ok(moderator.socket, 'media:invite', { participantId: ben.id, onStage: true });
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ben.id });
      expect(await onStage(cleo.id)).toBe(true);
      expect(await onStage(ben.id)).toBe(true);
      expect(await ok(ben.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
    });

    test('[SPEAK12] stage mode turned on during a turn: the speaker goes on stage (muted, may unmute), the others not', async () => {
      const { moderator, people } = await three();
      const [ana, ben] = people;
      await ok(moderator.socket, 'speaking:start', { question: 'Später', thinkSec: 0, order: 'list', list: [ana.id] });
      await ok(ana.socket, 'media:update', { micOn: true });
      const anaOn = waitFor(ben.socket, 'participant:updated', (p) => p.id === ana.id && p.onStage);
      await ok(moderator.socket, 'media:stage', { on: true });
      expect(await anaOn).toMatchObject({ micOn: false });
      expect(await ok(ana.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
      expect(await request(ben.socket, 'media:update', { micOn: true })).toMatchObject({ code: 'forbidden' });
      const anaOff = waitFor(ben.socket, 'participant:updated', (p) => p.id === ana.id && !p.onStage && !p.micOn);
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      await anaOff;
    });

    test("[SPEAK12] without stage mode a round changes nobody's stage; everyone may speak", async () => {
      const { moderator, people } = await three();
      const [ana, ben] = people;
      const changed: string[] = [];
      ben.socket.on('participant:updated', (p) => p.onStage && changed.push(p.id));
      await ok(moderator.socket, 'speaking:start', { question: 'Offen', thinkSec: 0, order: 'list', list: [ana.id] });
      await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: ana.id });
      expect(await ok(ana.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true, onStage: false });
      expect(await ok(people[2].socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
      expect(changed).toEqual([]);
    });

    test('[SPEAK1] a run-sheet step starts and stops a round through the service', async () => {
      const { moderator, people } = await three();
      const seen = sees(people[0].socket, null);
      const ctx = { deps: server.app.deps };
      const view = await speakingMechanic.start(ctx, moderator.workshopId, {
        question: 'Vom Ablaufplan',
        thinkSec: 60,
      });
      expect((await seen).version).toBe(view.version);
      expect(roundIn(view, PLENARY)).toMatchObject({ question: 'Vom Ablaufplan', phase: 'think' });
      await expect(speakingMechanic.start(ctx, moderator.workshopId, { question: '' })).rejects.toThrow();
      const stopped = await speakingMechanic.stop(ctx, moderator.workshopId);
      expect(roundIn(stopped, PLENARY)!.phase).toBe('ended');
    });
  });
}

suite('memory', (clock) => startServer({ clock }));
describeWithRedis('on Redis', (redisUrl) => suite('Redis', (clock) => startServer({ redisUrl, clock })));
