/**
 * The BreakoutStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * BRS1 state reads back as applied, with the version bumped by one
 * BRS2 a stale version is refused with the current state, and nothing of it is applied
 * BRS3 moves set each listed participant's room; unknown and removed ones are skipped
 * BRS4 the deadline of an open round is due once passed; closing removes it
 * BRS5 two moderators applying against the same version: exactly one wins, all of its moves land
 * BRS6 changes retried on top of each other all land, in one consistent final state
 * BRS7 someone joining while a whole assignment is applied keeps their own record, consistent
 * BRS8 someone disconnecting mid-move ends both moved and marked as reconnecting
 * BRS9 the lock is held by one owner at a time, released only by its owner, and expires
 * BRS10 1-2-4-All notes read back per person (a re-save overwrites); a four's card is filed once, racers get the first
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BreakoutMove } from '../../../shared/breakouts/schema.js';
import { emptyBreakouts } from '../logic.js';
import type { BreakoutRecord } from './types.js';
import { participantRecord, workshopRecord } from '../../workshops/store/test-contract.js';
import type { Store } from '../../store/store.js';

function record(overrides: Partial<BreakoutRecord> = {}): BreakoutRecord {
  return {
    ...emptyBreakouts(),
    rooms: [
      { id: 'r1', name: 'Salon', hostId: null, capacity: null, languages: [] },
      { id: 'r2', name: '', hostId: null, capacity: 4, languages: ['de', 'fr'], number: 3 },
    ],
    ...overrides,
  };
}

const open = (deadline: number, plan: Record<string, string> = {}) =>
  record({
    status: 'open',
    plan,
    round: { index: 0, total: 1, startedAt: deadline - 1_000, deadline, durationMs: 1_000 },
  });

export function describeBreakoutStore(name: string, factory: () => Promise<Store>) {
  describe(`breakout store contract: ${name}`, () => {
    let store: Store;
    let workshopId: string;
    let ids: string[];
    beforeEach(async () => {
      store = await factory();
      const w = workshopRecord();
      await store.createWorkshop(w);
      workshopId = w.id;
      ids = [];
      for (let i = 0; i < 8; i++) {
        const p = participantRecord({ id: `p${i}-${w.id}`, joinedAt: i });
        await store.addParticipant(w.id, p, { bypassLock: false });
        ids.push(p.id);
      }
    });
    afterEach(async () => {
      await store.close();
    });

    const rooms = async () =>
      Object.fromEntries((await store.listParticipants(workshopId)).map((p) => [p.id, p.roomId]));
    const movesTo = (roomOf: (i: number) => string): BreakoutMove[] =>
      ids.map((participantId, i) => ({ participantId, roomId: roomOf(i) }));

    test('[BRS1] state reads back as applied, with the version bumped', async () => {
      expect(await store.breakouts.get(workshopId)).toBeNull();
      const r = await store.breakouts.apply(workshopId, 0, record({ version: 99 }), []);
      expect(r).toEqual({ ok: true, state: record({ version: 1 }), moved: [] });
      expect(await store.breakouts.get(workshopId)).toEqual(record({ version: 1 }));
      const second = await store.breakouts.apply(workshopId, 1, record({ mode: 'choose' }), []);
      expect(second.ok && second.state.version).toBe(2);
      expect(await store.breakouts.get(workshopId)).toMatchObject({ version: 2, mode: 'choose' });
    });

    test('[BRS2] a stale version is refused with the current state; its moves do not land', async () => {
      await store.breakouts.apply(workshopId, 0, record(), []);
      const stale = await store.breakouts.apply(
        workshopId,
        0,
        record({ mode: 'manual' }),
        movesTo(() => 'r1'),
      );
      expect(stale).toEqual({ ok: false, current: record({ version: 1 }) });
      expect(Object.values(await rooms()).every((r) => r === 'plenary')).toBe(true);
    });

    test('[BRS3] moves set rooms; unknown and removed participants are skipped', async () => {
      await store.removeParticipant(workshopId, ids[1]!);
      const moves = [...movesTo((i) => (i % 2 ? 'r2' : 'r1')), { participantId: 'ghost', roomId: 'r1' }];
      const r = await store.breakouts.apply(workshopId, 0, record(), moves);
      expect(r.ok && r.moved).toEqual(moves.filter((m) => m.participantId !== ids[1] && m.participantId !== 'ghost'));
      const now = await rooms();
      ids.forEach((id, i) => expect(now[id]).toBe(i === 1 ? 'plenary' : i % 2 ? 'r2' : 'r1'));
    });

    test('[BRS4] an open round is due once its deadline passes; closing removes it', async () => {
      const other = workshopRecord();
      await store.createWorkshop(other);
      await store.breakouts.apply(workshopId, 0, open(5_000), []);
      await store.breakouts.apply(other.id, 0, open(3_000), []);
      expect(await store.breakouts.dueWorkshops(2_999, 10)).toEqual([]);
      expect(await store.breakouts.dueWorkshops(5_000, 10)).toEqual([other.id, workshopId]);
      expect(await store.breakouts.dueWorkshops(5_000, 1)).toEqual([other.id]);
      await store.breakouts.apply(other.id, 1, record({ status: 'closed' }), []);
      expect(await store.breakouts.dueWorkshops(9_000, 10)).toEqual([workshopId]);
      await store.breakouts.apply(workshopId, 1, open(8_000), []); // extended
      expect(await store.breakouts.dueWorkshops(7_999, 10)).toEqual([]);
    });

    test('[BRS5] two moderators against the same version: one wins, whole; the other gets the winner state', async () => {
      const a = store.breakouts.apply(
        workshopId,
        0,
        record({ mode: 'random' }),
        movesTo(() => 'r1'),
      );
      const b = store.breakouts.apply(
        workshopId,
        0,
        record({ mode: 'manual' }),
        movesTo(() => 'r2'),
      );
      const results = await Promise.all([a, b]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = results.findIndex((r) => r.ok);
      const loser = results[1 - winner]!;
      expect(loser.ok === false && loser.current?.mode).toBe(winner === 0 ? 'random' : 'manual');
      expect(new Set(Object.values(await rooms()))).toEqual(new Set([winner === 0 ? 'r1' : 'r2']));
    });

    test('[BRS6] many changes retried on top of each other all land', async () => {
      const mover = async (i: number) => {
        for (;;) {
          const current = (await store.breakouts.get(workshopId)) ?? emptyBreakouts();
          const plan = { ...current.plan, [ids[i]!]: 'r2' };
          const r = await store.breakouts.apply(workshopId, current.version, { ...current, plan }, [
            { participantId: ids[i]!, roomId: 'r2' },
          ]);
          if (r.ok) return;
        }
      };
      await Promise.all(ids.map((_, i) => mover(i)));
      const final = await store.breakouts.get(workshopId);
      expect(final?.version).toBe(ids.length);
      expect(Object.keys(final!.plan).sort()).toEqual([...ids].sort());
      expect(Object.values(await rooms()).every((r) => r === 'r2')).toBe(true);
    });

    test('[BRS7] someone joining while a whole assignment lands keeps a consistent record', async () => {
      const late = participantRecord({ id: `late-${workshopId}`, joinedAt: 99 });
      const [applied, added] = await Promise.all([
        store.breakouts.apply(workshopId, 0, open(9_000), [
          ...movesTo(() => 'r1'),
          { participantId: late.id, roomId: 'r2' },
        ]),
        store.addParticipant(workshopId, late, { bypassLock: false }),
      ]);
      expect(added).toBe('ok');
      const stored = await store.getParticipant(workshopId, late.id);
      // Either the join came first (then the move landed) or the move skipped the unknown joiner.
      const movedLate = applied.ok && applied.moved.some((m) => m.participantId === late.id);
      expect(stored?.roomId).toBe(movedLate ? 'r2' : 'plenary');
      expect({ ...stored, roomId: late.roomId }).toEqual(late);
      for (const id of ids) expect((await store.getParticipant(workshopId, id))?.roomId).toBe('r1');
    });

    test('[BRS8] someone disconnecting mid-move ends moved and reconnecting', async () => {
      await store.attachConnection(workshopId, ids[0]!, 'c1');
      await Promise.all([
        store.breakouts.apply(
          workshopId,
          0,
          open(9_000),
          movesTo(() => 'r2'),
        ),
        store.detachConnection(workshopId, ids[0]!, 'c1', 500),
      ]);
      expect(await store.getParticipant(workshopId, ids[0]!)).toMatchObject({
        roomId: 'r2',
        presence: 'reconnecting',
        disconnectedAt: 500,
        connectionId: '',
      });
    });

    test('[BRS9] a lock has one owner at a time and expires', async () => {
      const name = `breakouts:${workshopId}`;
      expect(await store.breakouts.tryLock(name, 'node-a', 10_000)).toBe(true);
      expect(await store.breakouts.tryLock(name, 'node-b', 10_000)).toBe(false);
      await store.breakouts.unlock(name, 'node-b');
      expect(await store.breakouts.tryLock(name, 'node-b', 10_000)).toBe(false);
      await store.breakouts.unlock(name, 'node-a');
      expect(await store.breakouts.tryLock(name, 'node-b', 50)).toBe(true);
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.breakouts.tryLock(name, 'node-c', 10_000)).toBe(true);
      const racers = await Promise.all(['x', 'y', 'z'].map((o) => store.breakouts.tryLock(`${name}:race`, o, 10_000)));
      expect(racers.filter(Boolean)).toHaveLength(1);
    });

    test('[BRS10] notes per person, overwritten on save; a four files its card once; a new 1-2-4-All starts empty', async () => {
      await Promise.all(ids.map((id, i) => store.breakouts.saveNote(workshopId, id, `idea ${i}`)));
      await store.breakouts.saveNote(workshopId, ids[0]!, 'better idea');
      const racers = await Promise.all(
        ['first', 'second', 'third'].map((text) => store.breakouts.fileCard(workshopId, 'r1', text)),
      );
      expect(racers.filter((r) => r.first)).toHaveLength(1);
      const winner = racers.find((r) => r.first)!.text;
      expect(racers.every((r) => r.text === winner)).toBe(true);
      await store.breakouts.fileCard(workshopId, 'r2', 'Zwei Städte, ein Fest');
      const nested = await store.breakouts.nested(workshopId);
      expect(nested.notes[ids[0]!]).toBe('better idea');
      expect(nested.notes[ids[7]!]).toBe('idea 7');
      expect(Object.keys(nested.notes)).toHaveLength(ids.length);
      expect(nested.cards).toEqual({ r1: winner, r2: 'Zwei Städte, ein Fest' });
      await store.breakouts.clearNested(workshopId);
      expect(await store.breakouts.nested(workshopId)).toEqual({ notes: {}, cards: {} });
    });
  });
}
