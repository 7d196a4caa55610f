/** Boards over real sockets on one node: ops in order, late joiners, hidden and anonymous cards, limits, undo. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { serializeBoard } from '../../shared/boards/apply.js';
import type { Intent } from '../../shared/boards/schema.js';
import {
  closeAllClients,
  connectClient,
  ok,
  recordEvents,
  request,
  settled,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, resumeInput, workshopWith } from '../../test/workshop-helpers.js';
import { COMPACT_AFTER_OPS, KEEP_OPS } from './service.js';
import { follow } from './test-follow.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ config: { rateLimitPerSecond: 2000 } });
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

const stroke = (id: string, x = 10): Intent => ({
  type: 'add',
  item: { kind: 'stroke', id, x, y: 20, tool: 'pen', color: '#1d2430', width: 3, points: [0, 0, 10, 5, 20, 0] },
});
const card = (id: string, text: string): Intent => ({
  type: 'add',
  item: { kind: 'card', id, x: 100, y: 100, text, color: '#fff176', clusterId: null },
});

describe('boards over sockets', () => {
  test('[BOARD1] ops reach the others in seq order; a late joiner syncs to exactly the same board', async () => {
    const { code, moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const atBen = follow(ben.socket);
    const atMod = follow(moderator.socket);
    atMod.load(await ok(moderator.socket, 'board:sync', { sinceSeq: 0 }));
    atBen.load(await ok(ben.socket, 'board:sync', { sinceSeq: 0 }));
    const seen = waitFor(ben.socket, 'board:ops', (e) => e.ops.some((o) => o.seq === 40));
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const a = await ok(ana.socket, 'board:op', { op: stroke(`stroke-a${i}`, i) });
        atBen.take(a.op);
        const m = await ok(moderator.socket, 'board:op', { op: card(`card-m${i}`, `Karte ${i}`) });
        atBen.take(m.op);
        atMod.take(m.op); // the actor gets its own op in the ack, not in the broadcast
      }),
    );
    await seen;
    const late = await joinAs(server.url, code, { name: 'Late' });
    const atLate = follow(late.socket);
    atLate.load(await ok(late.socket, 'board:sync', { sinceSeq: 0 }));
    expect(atLate.state.seq).toBe(40);
    expect(JSON.parse(serializeBoard(atLate.state))).toEqual(JSON.parse(serializeBoard(atBen.state)));
    expect(atLate.state.items.size).toBe(40);
    await settled(moderator.socket); // Ana's ops were all acked, so their broadcasts to the moderator are out
    expect(serializeBoard(atMod.state)).toBe(serializeBoard(atBen.state));
  });

  test('[BOARD9] a reconnecting client gets the ops it missed; one from before a compaction gets a snapshot', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    for (let i = 1; i <= 5; i++) await ok(ana.socket, 'board:op', { op: stroke(`s-${i}`) });
    const since3 = await ok(moderator.socket, 'board:sync', { sinceSeq: 3 });
    expect(since3).toMatchObject({ kind: 'ops', head: 5 });
    expect(since3.kind === 'ops' && since3.ops.map((o) => o.seq)).toEqual([4, 5]);
    expect(await ok(moderator.socket, 'board:sync', { sinceSeq: 3, full: true })).toMatchObject({
      kind: 'snapshot',
      head: 5,
    });

    const total = COMPACT_AFTER_OPS + KEEP_OPS + 5;
    for (let i = 6; i <= total; i++)
      await ok(ana.socket, 'board:op', { op: { type: 'update', id: 's-1', patch: { x: i } } });
    const stale = await ok(moderator.socket, 'board:sync', { sinceSeq: 3 });
    expect(stale.kind).toBe('snapshot');
    const recent = await ok(moderator.socket, 'board:sync', { sinceSeq: total - 2 });
    expect(recent.kind === 'ops' && recent.ops.map((o) => o.seq)).toEqual([total - 1, total]);
    const log = await server.app.store.boards.readBoard({ workshopId: ana.workshopId, roomId: 'plenary' }, -1);
    expect(log.snapshot?.seq).toBeGreaterThan(0);
    expect(log.ops.length).toBeLessThanOrEqual(COMPACT_AFTER_OPS + KEEP_OPS);
  });

  test('[BOARD5] [CARD4] hidden card text and anonymous authors never reach other people, until the reveal', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await ok(moderator.socket, 'board:settings', {
      patch: { cardsHidden: true, cardsAnonymous: true, startCards: true, cardLimit: 2 },
    });
    const benSaw = recordEvents(ben.socket);
    const modSaw = recordEvents(moderator.socket);
    const own = await ok(ana.socket, 'board:op', { op: card('card-secret', 'Mehr Radwege nach Łódź') });
    expect(own.op.kind === 'put' && own.op.items[0]).toMatchObject({ text: 'Mehr Radwege nach Łódź', by: ana.id });
    await ok(ana.socket, 'board:op', {
      op: { type: 'update', id: 'card-secret', patch: { text: 'Mehr Radwege nach Wrocław' } },
    });
    expect(await request(ana.socket, 'board:op', { op: card('c2', 'zwei') })).toMatchObject({ ok: true });
    expect(await request(ana.socket, 'board:op', { op: card('c3', 'drei') })).toMatchObject({
      ok: false,
      code: 'limit_reached',
    });
    const benSync = JSON.stringify(await ok(ben.socket, 'board:sync', { sinceSeq: 0 }));
    const modSync = JSON.stringify(await ok(moderator.socket, 'board:sync', { sinceSeq: 0, full: true }));
    // Those two syncs were round trips on the watching sockets after Ana's acked ops: what was sent has arrived.
    for (const text of [JSON.stringify(benSaw), JSON.stringify(modSaw), benSync, modSync]) {
      expect(text).not.toMatch(/Radwege|zwei/);
      expect(text).not.toContain(ana.id);
      expect(text).not.toContain('"Ana"');
    }
    expect(benSaw.filter((e) => e.event === 'board:ops')).toHaveLength(3);

    await ok(moderator.socket, 'board:settings', { patch: { cardsHidden: false } });
    const revealed = JSON.stringify(await ok(ben.socket, 'board:sync', { sinceSeq: 0, full: true }));
    expect(revealed).toContain('Mehr Radwege nach Wrocław');
    expect(revealed).not.toContain(ana.id);
  });

  test('[BOARD3] [BOARD4] a locked board refuses participants; people undo and redo their own ops through the log', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const added = await ok(ana.socket, 'board:op', { op: stroke('s-1') });
    expect(await request(ben.socket, 'board:revert', { seq: added.op.seq })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const undoSeen = waitFor(ben.socket, 'board:ops', (e) => e.ops[0]?.kind === 'remove');
    const undo = await ok(ana.socket, 'board:revert', { seq: added.op.seq });
    expect((await undoSeen).ops[0]).toMatchObject({ seq: undo.op.seq, revertOf: added.op.seq, by: '' });
    const redo = await ok(ana.socket, 'board:revert', { seq: undo.op.seq });
    expect(redo.op.kind).toBe('put');
    await ok(moderator.socket, 'board:settings', { patch: { locked: true } });
    expect(await request(ana.socket, 'board:op', { op: stroke('s-2') })).toMatchObject({
      ok: false,
      code: 'board_locked',
    });
    expect(await request(ana.socket, 'board:settings', { patch: { locked: false } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(ana.socket, 'board:clear', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(ana.socket, 'board:op', { roomId: 'elsewhere', op: stroke('s-3') })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const cleared = await ok(moderator.socket, 'board:clear', {});
    await ok(moderator.socket, 'board:revert', { seq: cleared.op.seq });
    const sync = await ok(ben.socket, 'board:sync', { sinceSeq: 0, full: true });
    expect(sync.kind === 'snapshot' && sync.snapshot.items.map((i) => i.id)).toEqual(['s-1']);
  });

  test('[BOARD11] live stroke points and cursors are relayed to the room, never stored', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const live = waitFor(moderator.socket, 'board:live');
    await ok(ana.socket, 'board:live', {
      strokeId: 'live-1',
      tool: 'pen',
      color: '#1f4e79',
      width: 4,
      points: [1, 2, 3, 4],
    });
    expect(await live).toMatchObject({
      roomId: 'plenary',
      by: ana.id,
      name: 'Ana',
      strokeId: 'live-1',
      points: [1, 2, 3, 4],
    });
    const cursor = waitFor(moderator.socket, 'board:cursor');
    await ok(ana.socket, 'board:cursor', { x: 5, y: 6 });
    expect(await cursor).toMatchObject({ by: ana.id, name: 'Ana', x: 5, y: 6, laser: false });
    expect(await ok(ana.socket, 'board:sync', { sinceSeq: 0 })).toMatchObject({ head: 0 });
    expect(
      await request(ana.socket, 'board:live', {
        strokeId: 'x-1',
        tool: 'pen',
        color: '#1f4e79',
        width: 4,
        points: Array(1000).fill(1),
      }),
    ).toMatchObject({ ok: false });
  });

  test("[BOARD13] a running room's board is private to its members and moderators; after closing, everyone reads it", async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cem', 'Dora');
    let view = await ok(moderator.socket, 'breakout:sync', {});
    view = await ok(moderator.socket, 'breakout:rooms', {
      version: view.version,
      rooms: [{ name: 'Salon' }, { name: 'Küche' }],
    });
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 3 });
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const ana = people[0]!;
    const roomA = assigned.plan[ana.id]!;
    const other = people.find((p) => assigned.plan[p.id] !== roomA)!;
    await ok(ana.socket, 'board:op', { op: card('card-room', 'Nur im Salon') });
    const shot = await ok(moderator.socket, 'board:snapshot', { roomId: roomA, label: 'Zwischenstand' });

    expect(await ok(ana.socket, 'board:sync', { sinceSeq: 0 })).toMatchObject({ roomId: roomA, head: 1 });
    expect(await request(other.socket, 'board:sync', { roomId: roomA, sinceSeq: 0 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(other.socket, 'board:view', { roomId: roomA, snapshotId: shot.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await ok(other.socket, 'board:sync', { roomId: 'plenary', sinceSeq: 0 })).toMatchObject({
      roomId: 'plenary',
    });
    expect(await ok(moderator.socket, 'board:sync', { roomId: roomA, sinceSeq: 0 })).toMatchObject({ head: 1 });
    const listed = await ok(other.socket, 'board:list', {});
    expect(listed.boards.find((b) => b.roomId === roomA)).toMatchObject({ head: 0 });
    expect(JSON.stringify(listed)).not.toContain('Nur im Salon');

    await ok(moderator.socket, 'breakout:close', {});
    const after = await ok(other.socket, 'board:sync', { roomId: roomA, sinceSeq: 0 });
    expect(JSON.stringify(after)).toContain('Nur im Salon');
    expect(await ok(other.socket, 'board:view', { roomId: roomA, snapshotId: shot.id })).toMatchObject({ seq: 1 });
    expect((await ok(other.socket, 'board:list', {})).boards.find((b) => b.roomId === roomA)).toMatchObject({
      head: 1,
    });
  });

  test('[BOARD11] [BOARD3] a node that has not loaded the board still relays no live strokes on a locked board', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await ok(moderator.socket, 'board:settings', { patch: { locked: true } });
    // A second node on the same store: it has never served this board.
    const other = await startServer({ store: server.app.store, config: { rateLimitPerSecond: 2000 } });
    try {
      const [anaThere, benThere] = await Promise.all([connectClient(other.url), connectClient(other.url)]);
      await ok(anaThere, 'workshop:resume', resumeInput(ana));
      await ok(benThere, 'workshop:resume', resumeInput(ben));
      const benSaw = recordEvents(benThere);
      const live = {
        strokeId: 'live-locked',
        tool: 'pen' as const,
        color: '#1f4e79' as const,
        width: 4,
        points: [1, 2, 3, 4],
      };
      await ok(anaThere, 'board:live', live);
      await ok(anaThere, 'board:live', live);
      await settled(benThere);
      expect(benSaw.filter((e) => e.event === 'board:live')).toEqual([]);
      // Unlocked but drawing for moderators only: still nothing relayed from a participant.
      await ok(moderator.socket, 'board:settings', { patch: { locked: false, drawing: 'moderators' } });
      const third = await startServer({ store: server.app.store, config: { rateLimitPerSecond: 2000 } });
      try {
        const [anaThird, benThird] = await Promise.all([connectClient(third.url), connectClient(third.url)]);
        await ok(anaThird, 'workshop:resume', resumeInput(ana));
        await ok(benThird, 'workshop:resume', resumeInput(ben));
        const benSawThird = recordEvents(benThird);
        await ok(anaThird, 'board:live', live);
        await settled(benThird);
        expect(benSawThird.filter((e) => e.event === 'board:live')).toEqual([]);
      } finally {
        await third.close();
        expect(third.errors).toEqual([]);
      }
    } finally {
      await other.close();
      expect(other.errors).toEqual([]);
    }
  });
});
