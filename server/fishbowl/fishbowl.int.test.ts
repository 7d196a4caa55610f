/**
 * Fishbowl seats over real sockets on a real server, on the memory store and on Redis: who sees what, who
 * may do what, and what a seat means for media (stage mode's rights, through its own code).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { askedToMakeRoom } from '../../shared/fishbowl/rules.js';
import type { FishbowlView } from '../../shared/fishbowl/schema.js';
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

const seatNames = (v: FishbowlView) => v.fishbowl?.seats.map((s) => s?.name ?? null);
const seesSeats = (socket: ClientSocket, names: (string | null)[]) =>
  waitFor(socket, 'fishbowl:updated', (v) => JSON.stringify(seatNames(v)) === JSON.stringify(names));
const onStage = (socket: ClientSocket, id: string, on: boolean) =>
  waitFor(socket, 'participant:updated', (p) => p.id === id && p.onStage === on);

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`fishbowl seats (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[FISH1][FISH2] the moderator starts it on top of stage mode; a seat shows to all and its holder may speak, the audience may not', async () => {
      const { moderator, code, people } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people;
      const phone = await joinAs(server.url, code, { name: 'Ola', town: 'Wołów', media: false });
      expect(await request(ana!.socket, 'fishbowl:take', {})).toMatchObject({ ok: false, code: 'not_open' });
      expect(await request(ana!.socket, 'fishbowl:stop', {})).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await request(ana!.socket, 'fishbowl:start', { seats: 3 })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      const stage = waitFor(ben!.socket, 'media:stageChanged', (e) => e.roomId === PLENARY && e.on);
      const started = await ok(moderator.socket, 'fishbowl:start', { seats: 3 });
      expect(seatNames(started)).toEqual([null, null, null]);
      await stage;

      const everyone = [moderator, ben!, phone].map((p) => seesSeats(p.socket, ['Ana', null, null]));
      const anaOnStage = onStage(ben!.socket, ana!.id, true);
      const taken = await ok(ana!.socket, 'fishbowl:take', {});
      expect(seatNames(taken)).toEqual(['Ana', null, null]);
      await Promise.all(everyone);
      await anaOnStage;
      // The seat holder's microphone works; the audience's stays off (stage mode, MEDIA5).
      expect(await ok(ana!.socket, 'media:update', { micOn: true, cameraOn: true })).toMatchObject({ micOn: true });
      expect(await request(ben!.socket, 'media:update', { micOn: true })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      // Without camera and microphone there is no seat to take (the stage invitation's check).
      expect(await request(phone.socket, 'fishbowl:take', {})).toMatchObject({ ok: false, code: 'conflict' });
      expect(await ok(phone.socket, 'fishbowl:sync', {})).toEqual(taken);
    });

    test('[FISH3][FISH4][FISH5] full circle: the longest sitter is asked to make room, taps out (muted), the first raised hand sits', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cleo', 'Dan');
      const [ana, ben, cleo, dan] = people as [
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
      ];
      await ok(moderator.socket, 'fishbowl:start', { seats: 3 });
      await ok(moderator.socket, 'fishbowl:take', {});
      await ok(ana.socket, 'fishbowl:take', {});
      const full = await ok(ben.socket, 'fishbowl:take', {});
      // The moderator sat first, but a moderator's seat is permanent: Ana is asked.
      expect(full.fishbowl!.seats[0]).toMatchObject({ name: 'Mia Moderatorin', permanent: true });
      expect(askedToMakeRoom(full.fishbowl)).toBe(ana.id);
      expect(await request(cleo.socket, 'fishbowl:take', {})).toMatchObject({ ok: false, code: 'conflict' });
      await ok(cleo.socket, 'fishbowl:raise', {});
      const waiting = await ok(dan.socket, 'fishbowl:raise', {});
      expect(waiting.fishbowl!.queue.map((w) => w.name)).toEqual(['Cleo', 'Dan']);

      await ok(ana.socket, 'media:update', { micOn: true });
      const anaOff = waitFor(dan.socket, 'participant:updated', (p) => p.id === ana.id && !p.onStage && !p.micOn);
      const cleoOn = onStage(dan.socket, cleo.id, true);
      const after = await ok(ana.socket, 'fishbowl:leave', {});
      expect(seatNames(after)).toEqual(['Mia Moderatorin', 'Cleo', 'Ben']);
      expect(after.fishbowl!.queue.map((w) => w.name)).toEqual(['Dan']);
      expect(askedToMakeRoom(after.fishbowl)).toBe(ben.id);
      await Promise.all([anaOff, cleoOn]);
      expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    });

    test('[FISH7] stop: everyone back in the audience and stage mode off again', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      await ok(moderator.socket, 'fishbowl:start', {});
      await ok(people[0]!.socket, 'fishbowl:take', {});
      const off = waitFor(people[0]!.socket, 'media:stageChanged', (e) => e.roomId === PLENARY && !e.on);
      const offStage = onStage(moderator.socket, people[0]!.id, false);
      const stopped = await ok(moderator.socket, 'fishbowl:stop', {});
      expect(stopped.fishbowl).toMatchObject({ phase: 'ended', seats: [null, null, null, null, null] });
      await Promise.all([off, offStage]);
      expect(await ok(people[0]!.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
      // Stopping again (the run sheet after a stop by hand) changes nothing.
      expect(await ok(moderator.socket, 'fishbowl:stop', {})).toEqual(stopped);
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
