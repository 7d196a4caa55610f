import type { BreakoutMove } from '../../../shared/breakouts/schema.js';
import type { ApplyBreakoutsResult, BreakoutRecord, BreakoutStore, NestedRecord } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Breakouts in memory. `apply` runs to completion without awaiting, so the version check, the
 * state and every room move happen as one step; the lock is in-process (one node).
 */
export class MemoryBreakoutStore implements BreakoutStore {
  private readonly states = new Map<string, BreakoutRecord>();
  private readonly deadlines = new Map<string, number>();
  private readonly locks = new Map<string, { owner: string; until: number }>();
  private readonly nestedOf = new Map<string, NestedRecord>();

  /** `setRoom` changes a participant's room when they exist and were not removed. */
  constructor(private readonly setRoom: (workshopId: string, participantId: string, roomId: string) => boolean) {}

  /** [WS16] Forgets the breakouts of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
    this.deadlines.delete(workshopId);
    this.nestedOf.delete(workshopId);
  }

  async get(workshopId: string) {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: BreakoutRecord,
    moves: readonly BreakoutMove[],
  ): Promise<ApplyBreakoutsResult> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    if (state.status === 'open' && state.round) this.deadlines.set(workshopId, state.round.deadline);
    else this.deadlines.delete(workshopId);
    const moved = moves.filter((m) => this.setRoom(workshopId, m.participantId, m.roomId)).map(copy);
    return { ok: true, state: copy(state), moved };
  }

  async dueWorkshops(now: number, limit: number) {
    return [...this.deadlines.entries()]
      .filter(([, deadline]) => deadline <= now)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([id]) => id);
  }

  private nestedRecord(workshopId: string): NestedRecord {
    let r = this.nestedOf.get(workshopId);
    if (!r) this.nestedOf.set(workshopId, (r = { notes: {}, cards: {} }));
    return r;
  }

  async saveNote(workshopId: string, participantId: string, text: string) {
    this.nestedRecord(workshopId).notes[participantId] = text;
  }

  async fileCard(workshopId: string, roomId: string, text: string) {
    const { cards } = this.nestedRecord(workshopId);
    const first = cards[roomId] === undefined;
    if (first) cards[roomId] = text;
    return { text: cards[roomId]!, first };
  }

  async nested(workshopId: string) {
    return copy(this.nestedOf.get(workshopId) ?? { notes: {}, cards: {} });
  }

  async clearNested(workshopId: string) {
    this.nestedOf.delete(workshopId);
  }

  async tryLock(name: string, owner: string, ttlMs: number) {
    const held = this.locks.get(name);
    const now = Date.now();
    if (held && held.until > now) return false;
    this.locks.set(name, { owner, until: now + ttlMs });
    return true;
  }

  async unlock(name: string, owner: string) {
    if (this.locks.get(name)?.owner === owner) this.locks.delete(name);
  }
}
