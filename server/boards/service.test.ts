import { describe, expect, test } from 'vitest';
import { serializeBoard } from '../../shared/boards/apply.js';
import type { Intent } from '../../shared/boards/schema.js';
import * as logic from './logic.js';
import { MemoryBoardStore } from './store/memory.js';
import { BoardService, COMPACT_AFTER_OPS, KEEP_OPS } from './service.js';

const ref = { workshopId: 'w1', roomId: 'plenary' };
const ana: logic.Actor = { id: 'ana', name: 'Ana', moderator: false };
const stroke = (id: string): Intent => ({
  type: 'add',
  item: { kind: 'stroke', id, x: 0, y: 0, tool: 'pen', color: '#1d2430', width: 2, points: [0, 0, 1, 1] },
});
const add = (svc: BoardService, id: string) =>
  svc.commit(ref, 'ana', (b) => [logic.resolveIntent(b.state, stroke(id), ana)]);

describe('board service (one per node) on a shared store', () => {
  test('[BSTORE1] a node whose cached board is stale finds out at the append, catches up and decides again', async () => {
    const store = new MemoryBoardStore();
    let now = 1;
    const nodeA = new BoardService(store, () => now++);
    const nodeB = new BoardService(store, () => now++);
    await add(nodeA, 'a1');
    await add(nodeB, 'b1'); // B loads fresh: seq 2
    await add(nodeA, 'a2'); // A's cache is at 1: conflict, catch-up, seq 3
    const decided: number[] = [];
    const r = await nodeB.commit(ref, 'ana', (b) => {
      decided.push(b.state.seq);
      return [logic.resolveIntent(b.state, stroke('b2'), ana)];
    });
    expect(decided).toEqual([2, 3]); // first on its stale cache, then on the caught-up board
    expect(r.ops[0]!.seq).toBe(4);
    const viewer = { id: 'ana' };
    const [a, b] = await Promise.all([nodeA.sync(ref, 0, true, viewer), nodeB.sync(ref, 0, true, viewer)]);
    expect(a).toEqual(b);
    expect(a.kind === 'snapshot' && a.snapshot.items.map((i) => i.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  test('[BOARD2] an id taken on another node is refused after catching up', async () => {
    const store = new MemoryBoardStore();
    const nodeA = new BoardService(store, () => 1);
    const nodeB = new BoardService(store, () => 1);
    await add(nodeB, 'x0');
    await add(nodeA, 'same');
    await expect(add(nodeB, 'same')).rejects.toMatchObject({ code: 'conflict' });
  });

  test('[BOARD10] after compaction a fresh node loads snapshot + log and gets the same board', async () => {
    const store = new MemoryBoardStore();
    const node = new BoardService(store, () => 1);
    const total = COMPACT_AFTER_OPS + KEEP_OPS + 50;
    for (let i = 0; i < total; i++) await add(node, `s${i}`);
    const log = await store.readBoard(ref, -1);
    expect(log.snapshot?.seq).toBeGreaterThan(0);
    const fresh = new BoardService(store, () => 1);
    const [x, y] = await Promise.all([node.sync(ref, 0, true, { id: 'v' }), fresh.sync(ref, 0, true, { id: 'v' })]);
    expect(
      x.kind === 'snapshot' &&
        serializeBoard({ ...x.snapshot, items: new Map(x.snapshot.items.map((i) => [i.id, i])) }),
    ).toBe(
      y.kind === 'snapshot' &&
        serializeBoard({ ...y.snapshot, items: new Map(y.snapshot.items.map((i) => [i.id, i])) }),
    );
    expect(x.kind === 'snapshot' && x.snapshot.items).toHaveLength(total);
  });
});
