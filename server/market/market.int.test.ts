/**
 * The idea market over real sockets on a real server, on the memory store and on Redis: stalls from the
 * board, pitches, stalls as rooms people choose, "I'm in", notes, and the end.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MarketView } from '../../shared/market/schema.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, workshopWith } from '../../test/workshop-helpers.js';

const card = (id: string, text: string) => ({
  op: { type: 'add' as const, item: { kind: 'card' as const, id, x: 0, y: 0, text, color: '#fff176' as const } },
});
const dot = (id: string, cardId: string) => ({
  op: { type: 'add' as const, item: { kind: 'dot' as const, id, cardId } },
});
const titles = (v: MarketView) => v.market?.stalls.map((s) => s.title);

/** The servers' clock runs with real time, and the tests move it on to end a pitch. */
const clock = { ahead: 0 };
const now = () => Date.now() + clock.ahead;

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`idea market (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[MKT1][MKT2][MKT3] stalls from the board’s top cards and typed ones; pitches in turn; moderators only', async () => {
      const { moderator, people, code } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people;
      const phone = await joinAs(server.url, code, { name: 'Ola', town: 'Wołów', media: false });
      await ok(ana!.socket, 'board:op', card('c1', 'Radtour'));
      await ok(ben!.socket, 'board:op', card('c2', 'Chor'));
      await ok(ana!.socket, 'board:op', card('c3', 'Kochbuch'));
      await ok(moderator.socket, 'board:settings', { roomId: 'plenary', patch: { startDots: true } });
      await ok(ana!.socket, 'board:op', dot('d1', 'c2'));
      await ok(phone.socket, 'board:op', dot('d2', 'c2'));
      await ok(ben!.socket, 'board:op', dot('d3', 'c3'));

      expect(await request(ana!.socket, 'market:start', {})).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await request(ana!.socket, 'market:signup', { stallId: 'x' })).toMatchObject({ code: 'not_open' });
      const seen = waitFor(phone.socket, 'market:updated', (v) => v.market?.stalls.length === 2);
      const started = await ok(moderator.socket, 'market:start', { fromBoard: 2, pitchSec: 60 });
      expect(titles(started)).toEqual(['Chor', 'Kochbuch']);
      expect(started.market!.stalls.map((s) => s.ownerName)).toEqual(['Ben', 'Ana']);
      await seen;
      const typed = await ok(moderator.socket, 'market:add', { title: 'Städtepartnerschaftsfest', ownerId: phone.id });
      expect(typed.market!.stalls[2]).toMatchObject({ ownerName: 'Ola', contactName: 'Ola', capacity: null });
      expect(await request(ana!.socket, 'market:add', { title: 'x' })).toMatchObject({ code: 'forbidden' });

      const pitch = waitFor(ana!.socket, 'market:updated', (v) => v.market?.phase === 'pitch');
      const first = await ok(moderator.socket, 'market:pitch', {});
      expect(first.market!.pitch).toMatchObject({ index: 0 });
      expect(first.market!.pitch!.deadline - first.market!.pitch!.startedAt).toBe(60_000);
      expect((await pitch).market!.pitch!.index).toBe(0);
      expect((await ok(moderator.socket, 'market:pitch', {})).market!.pitch!.index).toBe(1);
    });

    test('[MKT3] a pitch whose time is up gives the word to the next owner by itself (the server’s ticker)', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      await ok(moderator.socket, 'market:start', { pitchSec: 30 });
      await ok(moderator.socket, 'market:add', { title: 'Radtour', ownerId: people[0]!.id });
      await ok(moderator.socket, 'market:add', { title: 'Chor' });
      await ok(moderator.socket, 'market:pitch', { from: -1 });
      const second = waitFor(people[0]!.socket, 'market:updated', (v) => v.market?.pitch?.index === 1);
      clock.ahead += 30_000;
      const slot = (await second).market!.pitch!;
      expect(slot.deadline - slot.startedAt).toBe(30_000);
      expect(slot.startedAt).toBeLessThanOrEqual(now());
      // Next pressed from the pitch that just ended: nothing skipped.
      expect((await ok(moderator.socket, 'market:pitch', { from: 0 })).market!.pitch!.index).toBe(1);
      const done = waitFor(people[0]!.socket, 'market:updated', (v) => v.market?.phase === 'setup');
      clock.ahead += 30_000;
      expect((await done).market!.pitch).toBeNull();
    });

    test('[MKT4][MKT5][MKT6][MKT7] stalls open as rooms people choose; "I’m in" within capacity; notes; stop closes the rooms', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cem');
      const [ana, ben, cem] = people;
      await ok(moderator.socket, 'market:start', {});
      await ok(moderator.socket, 'market:add', { title: 'Radtour', ownerId: ana!.id, capacity: 2 });
      const view = await ok(moderator.socket, 'market:add', { title: 'Chor', capacity: 5 });
      const [radtour, chor] = view.market!.stalls.map((s) => s.id) as [string, string];

      const rooms = waitFor(ben!.socket, 'breakout:updated', (v) => v.status === 'open');
      const opened = await ok(moderator.socket, 'market:open', { durationMs: 60_000 });
      expect(opened.market!.phase).toBe('open');
      const open = await rooms;
      expect(open.mode).toBe('choose');
      expect(open.rooms.map((r) => [r.name, r.capacity, r.hostId])).toEqual([
        ['Radtour', 2, ana!.id],
        ['Chor', 5, null],
      ]);
      expect(opened.market!.stalls.map((s) => s.roomId)).toEqual(open.rooms.map((r) => r.id));
      const [radtourRoom, chorRoom] = open.rooms.map((r) => r.id) as [string, string];
      // People choose stalls and switch freely; the owner starts at their own stall.
      expect((await ok(ana!.socket, 'breakout:sync', {})).plan[ana!.id]).toBe(radtourRoom);
      await ok(ben!.socket, 'breakout:choose', { roomId: radtourRoom });
      await ok(cem!.socket, 'breakout:choose', { roomId: chorRoom });
      expect(await request(cem!.socket, 'breakout:choose', { roomId: radtourRoom })).toMatchObject({
        code: 'room_full',
      });

      const signed = waitFor(moderator.socket, 'market:updated', (v) => v.market!.stalls[0]!.signups.length === 1);
      await ok(ben!.socket, 'market:signup', { stallId: radtour, offer: 'Ich habe einen Bus' });
      expect((await signed).market!.stalls[0]!.signups[0]).toMatchObject({
        name: 'Ben',
        town: 'Lyon',
        offer: 'Ich habe einen Bus',
      });
      await ok(ben!.socket, 'market:signup', { stallId: radtour, offer: 'Bus und Zelt' });
      await ok(cem!.socket, 'market:signup', { stallId: radtour });
      expect(await request(ana!.socket, 'market:signup', { stallId: radtour })).toMatchObject({ code: 'room_full' });
      const after = await ok(ana!.socket, 'market:sync', {});
      expect(after.market!.stalls[0]!.signups.map((s) => [s.name, s.offer])).toEqual([
        ['Ben', 'Bus und Zelt'],
        ['Cem', ''],
      ]);

      expect(await request(ben!.socket, 'market:notes', { stallId: radtour, notes: 'x' })).toMatchObject({
        code: 'forbidden',
      });
      const noted = await ok(ana!.socket, 'market:notes', {
        stallId: radtour,
        notes: 'Treffen im März',
        contactId: ben!.id,
      });
      expect(noted.market!.stalls[0]).toMatchObject({ notes: 'Treffen im März', contactName: 'Ben' });
      await ok(moderator.socket, 'market:notes', { stallId: chor, notes: 'Proben online' });

      const closed = waitFor(ben!.socket, 'breakout:updated', (v) => v.status === 'closed');
      const stopped = await ok(moderator.socket, 'market:stop', {});
      expect(stopped.market!.phase).toBe('ended');
      await closed;
      expect(stopped.market!.stalls[0]!.signups).toHaveLength(2);
      // Stopping again (the run sheet after a stop by hand) changes nothing.
      expect(await ok(moderator.socket, 'market:stop', {})).toEqual(stopped);
    });
  });
}

suite('memory', () => startServer({ clock: now }));
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl, clock: now })));
