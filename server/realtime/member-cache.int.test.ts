/**
 * Live strokes and cursors use the member cached per socket; whatever changes the member (role, room,
 * removal, the workshop's end) refreshes it, on this node and on others.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { CommandInput } from '../../shared/protocol.js';
import {
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  recordEvents,
  request,
  startServer,
  twoNodes,
  waitFor,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput, workshopWith, type Person } from '../../test/workshop-helpers.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';

let server: TestServer | undefined;
let store: Store | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  await store?.close();
  expect(server?.errors ?? []).toEqual([]);
  server = undefined;
  store = undefined;
});

const stroke = (id: string, roomId?: string): CommandInput<'board:live'> => ({
  strokeId: id,
  tool: 'pen',
  color: '#1f4e79',
  width: 4,
  points: [1, 2, 3, 4],
  ...(roomId ? { roomId } : {}),
});

/** The memory store, counting the reads a command makes to know its sender. */
async function countingStore() {
  const real = await openStore(null);
  const reads = { getParticipant: 0, getWorkshop: 0 };
  const counted = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'getParticipant' || prop === 'getWorkshop')
        return (...args: unknown[]) => {
          reads[prop]++;
          return value.apply(target, args);
        };
      return value.bind(target);
    },
  });
  return { store: counted, reads };
}

/** Strokes the recorder saw, as "strokeId@roomId". */
const strokesSeen = (seen: ReturnType<typeof recordEvents>) =>
  seen
    .filter((e) => e.event === 'board:live')
    .map((e) => {
      const live = e.arg as { strokeId: string; roomId: string };
      return `${live.strokeId}@${live.roomId}`;
    });

/** Everything the server sent `socket` before this point has arrived: a workshop-wide broadcast comes after it. */
async function settled(moderator: ClientSocket, ...sockets: ClientSocket[]) {
  const text = `sync ${Math.random()}`;
  const all = sockets.map((s) => waitFor(s, 'breakout:broadcasted', (m) => m.text === text));
  await ok(moderator, 'breakout:broadcast', { text });
  await Promise.all(all);
}

describe('the member cache of volatile commands', () => {
  test('[CACHE1] live strokes and cursors read the sender from the store once, not once per message', async () => {
    const counting = await countingStore();
    store = counting.store;
    server = await startServer({ store, config: { volatileRateLimitPerSecond: 1000 } });
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    const seen = recordEvents(moderator.socket);
    const before = { ...counting.reads };
    for (let i = 0; i < 60; i++) {
      await ok(ana, 'board:live', stroke(`s${i}`));
      await ok(ana, 'board:cursor', { x: i, y: i });
    }
    expect(counting.reads.getParticipant - before.getParticipant).toBeLessThanOrEqual(1);
    expect(counting.reads.getWorkshop - before.getWorkshop).toBeLessThanOrEqual(1);
    await settled(moderator.socket, moderator.socket);
    expect(strokesSeen(seen).length).toBeGreaterThan(0);
    // Other commands still read the member fresh.
    const chatBefore = counting.reads.getParticipant;
    await ok(ana, 'chat:send', { text: 'hallo' });
    expect(counting.reads.getParticipant).toBeGreaterThan(chatBefore);
  });

  test("[CACHE2] a moved person's next stroke goes to their new room, and their old room's board is refused", async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cem');
    const [ana, ben, cem] = people as [Person, Person, Person];
    const [benSaw, cemSaw] = [recordEvents(ben.socket), recordEvents(cem.socket)];
    await ok(ana.socket, 'board:live', stroke('in-plenary')); // the cache now holds the plenary

    let view = await ok(moderator.socket, 'breakout:sync', {});
    view = await ok(moderator.socket, 'breakout:rooms', {
      version: view.version,
      rooms: [{ name: 'Salon' }, { name: 'Küche' }],
    });
    const [salon, kueche] = view.rooms.map((r) => r.id) as [string, string];
    await ok(moderator.socket, 'breakout:move', { participantId: ana.id, roomId: salon });
    await ok(moderator.socket, 'breakout:move', { participantId: ben.id, roomId: salon });
    view = await ok(moderator.socket, 'breakout:move', { participantId: cem.id, roomId: kueche });
    await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 60_000 });
    await ok(ana.socket, 'board:live', stroke('after-open'));
    expect(await request(ana.socket, 'board:live', stroke('to-plenary', 'plenary'))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    await ok(moderator.socket, 'breakout:move', { participantId: ana.id, roomId: kueche });
    await ok(ana.socket, 'board:live', stroke('after-move'));
    expect(await request(ana.socket, 'board:live', stroke('to-salon', salon))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await settled(moderator.socket, ben.socket, cem.socket);
    expect(strokesSeen(benSaw)).toEqual(['in-plenary@plenary', `after-open@${salon}`]);
    expect(strokesSeen(cemSaw)).toEqual(['in-plenary@plenary', `after-move@${kueche}`]);
  });

  test('[CACHE3] promoted: the next stroke on a locked board is relayed; removed: no stroke gets through', async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    const benSaw = recordEvents(ben.socket);
    await ok(moderator.socket, 'board:settings', { patch: { locked: true } });
    await ok(ana.socket, 'board:live', stroke('as-participant')); // accepted, not relayed: the board is locked
    await ok(moderator.socket, 'participant:promote', { participantId: ana.id });
    await ok(ana.socket, 'board:live', stroke('as-moderator'));
    await settled(moderator.socket, ben.socket);
    expect(strokesSeen(benSaw)).toEqual(['as-moderator@plenary']);

    await ok(ben.socket, 'board:live', stroke('ben-warm')); // Ben's cache is warm too
    const closed = waitFor(ben.socket, 'session:closed');
    const gone = new Promise((resolve) => ben.socket.once('disconnect', resolve));
    await ok(moderator.socket, 'participant:remove', { participantId: ben.id });
    expect(await closed).toEqual({ reason: 'removed' });
    await gone;
    const again = await connectClient(server.url);
    expect(await request(again, 'workshop:resume', resumeInput(ben))).toMatchObject({ ok: false, code: 'removed' });
    expect(await request(again, 'board:live', stroke('ben-after'))).toMatchObject({ ok: false, code: 'not_joined' });
  });

  test("[CACHE4] after the workshop's end or leaving it, the next stroke is refused", async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    await ok(ana.socket, 'board:cursor', { x: 1, y: 1 });
    await ok(ben.socket, 'board:cursor', { x: 1, y: 1 });
    await ok(ben.socket, 'workshop:leave', {});
    expect(await request(ben.socket, 'board:cursor', { x: 2, y: 2 })).toMatchObject({ ok: false, code: 'not_joined' });
    await ok(moderator.socket, 'workshop:end', {});
    expect(await request(ana.socket, 'board:live', stroke('late'))).toMatchObject({ ok: false, code: 'ended' });
    expect(await request(ana.socket, 'board:cursor', { x: 2, y: 2 })).toMatchObject({ ok: false, code: 'ended' });
  });
});

describeWithRedis('the member cache on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'member-cache');

  test('[CACHE5] a move, a promotion and the end decided on node A refresh the cache of a socket on node B', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const ana = await joinAs(b.url, code, { name: 'Ana' });
    const ben = await joinAs(a.url, code, { name: 'Ben' });
    const benSaw = recordEvents(ben.socket);
    const miaSaw = recordEvents(moderator.socket);
    await ok(ana.socket, 'board:live', stroke('warm'));

    let view = await ok(moderator.socket, 'breakout:sync', {});
    view = await ok(moderator.socket, 'breakout:rooms', { version: view.version, rooms: [{ name: 'Salon' }] });
    const salon = view.rooms[0]!.id;
    await ok(moderator.socket, 'breakout:move', { participantId: ben.id, roomId: salon });
    view = await ok(moderator.socket, 'breakout:move', { participantId: ana.id, roomId: salon });
    const moved = waitFor(ana.socket, 'breakout:moved', (e) => e.moves.some((m) => m.participantId === ana.id));
    await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 60_000 });
    await moved;
    await ok(ana.socket, 'board:live', stroke('in-salon'));

    expect(await request(ana.socket, 'board:live', stroke('refused', 'plenary'))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // A moderator may draw on any room's board.
    const promoted = waitFor(ana.socket, 'participant:updated', (p) => p.id === ana.id && p.role === 'moderator');
    await ok(moderator.socket, 'participant:promote', { participantId: ana.id });
    await promoted;
    await ok(ana.socket, 'board:live', stroke('as-moderator', 'plenary'));
    await settled(moderator.socket, ben.socket, moderator.socket);
    expect(strokesSeen(benSaw)).toEqual(['warm@plenary', `in-salon@${salon}`]);
    expect(strokesSeen(miaSaw)).toEqual(['warm@plenary', 'as-moderator@plenary']);

    const ended = waitFor(ana.socket, 'workshop:ended');
    await ok(moderator.socket, 'workshop:end', {});
    await ended;
    expect(await request(ana.socket, 'board:live', stroke('late'))).toMatchObject({ ok: false, code: 'ended' });
  });
});
