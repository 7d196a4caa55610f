/**
 * The board store contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * BSTORE1 ops are appended only after the expected head; a stale expected seq writes nothing
 * BSTORE2 readBoard gives the ops after sinceSeq, and the snapshot with every retained op when asked from before it
 * BSTORE3 compaction replaces the ops up to the snapshot's seq; an older or future snapshot is refused
 * BSTORE4 the seq and byte limits refuse an append as 'full'; compaction frees the bytes of dropped ops
 * BSTORE5 concurrent appends at the same head: exactly one wins, and the log has no gaps
 * BSTORE6 boards are per workshop and room; created once; listed with label, head and close time
 * BSTORE7 saved copies: newest first, at most `keep`, readable by room and id
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BOARD_DEFAULTS, type BoardOp, type BoardSnapshot } from '../../../shared/boards/schema.js';
import type { Store } from '../../store/store.js';
import type { BoardRef } from './types.js';

const LIMITS = { maxBytes: 1_000_000, maxSeq: 1_000 };
const uid = () => randomBytes(6).toString('hex');

function op(seq: number, text = `Karte ${seq} – «ł»`): BoardOp {
  return {
    kind: 'put',
    seq,
    by: 'ana',
    at: 1000 + seq,
    items: [
      {
        kind: 'card',
        id: `c${seq}`,
        x: seq,
        y: 0,
        text,
        color: '#fff176',
        clusterId: null,
        by: 'ana',
        authorName: 'Ana',
        anonymous: false,
        round: 0,
      },
    ],
  };
}
function snapshot(seq: number): BoardSnapshot {
  return { seq, settings: { ...BOARD_DEFAULTS, header: `bis ${seq}` }, items: [] };
}

export function describeBoardStore(name: string, factory: () => Promise<Store>) {
  describe(`board store contract: ${name}`, () => {
    let store: Store;
    let ref: BoardRef;
    beforeEach(async () => {
      store = await factory();
      ref = { workshopId: uid(), roomId: 'plenary' };
    });
    afterEach(async () => {
      await store.close();
    });
    const append = (expected: number, ops: BoardOp[], limits = LIMITS) =>
      store.boards.appendBoardOps(ref, expected, ops, limits, 5_000);

    test('[BSTORE1] ops are appended after the expected head; a stale head writes nothing', async () => {
      expect(await append(0, [op(1), op(2)])).toMatchObject({ ok: true, head: 2, logOps: 2 });
      expect(await append(0, [op(1, 'stale')])).toEqual({ ok: false, reason: 'conflict', head: 2 });
      expect(await append(5, [op(6)])).toEqual({ ok: false, reason: 'conflict', head: 2 });
      expect(await append(2, [op(3)])).toMatchObject({ ok: true, head: 3 });
      expect((await store.boards.readBoard(ref, 0)).ops).toEqual([op(1), op(2), op(3)]);
    });

    test('[BSTORE2] readBoard gives the ops after sinceSeq; an unknown board is empty', async () => {
      await append(0, [op(1), op(2), op(3)]);
      expect(await store.boards.readBoard(ref, 1)).toEqual({ head: 3, snapshot: null, ops: [op(2), op(3)] });
      expect(await store.boards.readBoard(ref, 3)).toEqual({ head: 3, snapshot: null, ops: [] });
      expect(await store.boards.readBoard({ ...ref, roomId: 'none' }, 0)).toEqual({ head: 0, snapshot: null, ops: [] });
    });

    test('[BSTORE3] compaction keeps the later ops; reads from before it get the snapshot', async () => {
      await append(0, [op(1), op(2), op(3), op(4)]);
      expect(await store.boards.compactBoard(ref, snapshot(2))).toBe(true);
      expect(await store.boards.readBoard(ref, 0)).toEqual({ head: 4, snapshot: snapshot(2), ops: [op(3), op(4)] });
      expect(await store.boards.readBoard(ref, -1)).toEqual({ head: 4, snapshot: snapshot(2), ops: [op(3), op(4)] });
      expect(await store.boards.readBoard(ref, 3)).toEqual({ head: 4, snapshot: null, ops: [op(4)] });
      expect(await store.boards.compactBoard(ref, snapshot(2))).toBe(false);
      expect(await store.boards.compactBoard(ref, snapshot(9))).toBe(false);
      expect(await append(4, [op(5)])).toMatchObject({ ok: true, head: 5, logOps: 3 });
      expect(await store.boards.compactBoard(ref, snapshot(5))).toBe(true);
      expect(await store.boards.readBoard(ref, 2)).toEqual({ head: 5, snapshot: snapshot(5), ops: [] });
    });

    test('[BSTORE4] seq and byte limits refuse as full; compaction frees bytes', async () => {
      expect(await append(0, [op(1), op(2)], { ...LIMITS, maxSeq: 1 })).toEqual({ ok: false, reason: 'full', head: 0 });
      const size = Buffer.byteLength(JSON.stringify(op(1)));
      const tight = { maxBytes: size * 3 + 10, maxSeq: 100 };
      expect(await append(0, [op(1), op(2), op(3)], tight)).toMatchObject({ ok: true, head: 3 });
      expect(await append(3, [op(4)], tight)).toEqual({ ok: false, reason: 'full', head: 3 });
      await store.boards.compactBoard(ref, snapshot(3));
      const r = await append(3, [op(4)], tight);
      expect(r).toMatchObject({ ok: true, head: 4, logOps: 1 });
      expect(r.ok && r.logBytes).toBe(Buffer.byteLength(JSON.stringify(op(4))));
    });

    test('[BSTORE5] concurrent appends at one head: exactly one wins and the log has no gaps', async () => {
      await append(0, [op(1)]);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => append(1, [op(2, `writer ${i}`)])));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const log = await store.boards.readBoard(ref, 0);
      expect(log.ops.map((o) => o.seq)).toEqual([1, 2]);
      // writers that lost catch up and append after the winner
      let head = 2;
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          for (;;) {
            const r = await append(head, [op(head + 1, `retry ${i}`)]);
            if (r.ok) return;
            head = r.head;
          }
        }),
      );
      expect((await store.boards.readBoard(ref, 0)).ops.map((o) => o.seq)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    });

    test('[BSTORE6] boards are per workshop and room, created once, listed with label, head and close time', async () => {
      expect(await store.boards.createBoard({ ...ref, roomId: 'room-1' }, { label: 'Tisch 1', at: 100 })).toBe(true);
      expect(await store.boards.createBoard({ ...ref, roomId: 'room-1' }, { label: 'again', at: 200 })).toBe(false);
      await append(0, [op(1), op(2)]);
      await store.boards.appendBoardOps({ workshopId: uid(), roomId: 'plenary' }, 0, [op(1)], LIMITS, 1);
      expect(await store.boards.closeBoard({ ...ref, roomId: 'room-1' }, 300)).toBe(true);
      expect(await store.boards.closeBoard({ ...ref, roomId: 'room-1' }, 400)).toBe(true);
      expect(await store.boards.closeBoard({ ...ref, roomId: 'missing' }, 400)).toBe(false);
      expect(await store.boards.listBoards(ref.workshopId)).toEqual([
        { roomId: 'plenary', label: '', head: 2, updatedAt: 5_000, closedAt: null },
        { roomId: 'room-1', label: 'Tisch 1', head: 0, updatedAt: 100, closedAt: 300 },
      ]);
      expect(await store.boards.readBoard({ ...ref, roomId: 'room-1' }, 0)).toEqual({
        head: 0,
        snapshot: null,
        ops: [],
      });
      expect(await store.boards.listBoards(uid())).toEqual([]);
    });

    test('[BSTORE7] saved copies: newest first, at most keep, readable by room and id', async () => {
      for (let i = 1; i <= 4; i++) {
        await store.boards.saveSnapshot(
          ref,
          { id: `shot${i}`, roomId: ref.roomId, label: `Stand ${i}`, seq: i, at: i },
          snapshot(i),
          3,
        );
      }
      expect((await store.boards.listSnapshots(ref.workshopId)).map((s) => s.id)).toEqual(['shot4', 'shot3', 'shot2']);
      expect(await store.boards.getSnapshot(ref, 'shot3')).toEqual(snapshot(3));
      expect(await store.boards.getSnapshot(ref, 'shot1')).toBeNull();
      expect(await store.boards.getSnapshot({ ...ref, roomId: 'other' }, 'shot3')).toBeNull();
    });
  });
}
