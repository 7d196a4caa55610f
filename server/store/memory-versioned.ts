/**
 * One versioned record per workshop in memory (a flash round's rounds, a fishbowl, a game of two truths, an
 * idea market), and the deadline its ticker looks for. Each method runs without awaiting, so a version check
 * and its write are one step, as one Lua script is in Redis.
 */
export type Applied<R> = { ok: true; state: R } | { ok: false; current: R | null };

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryVersioned<R extends { version: number }> {
  protected readonly states = new Map<string, R>();
  protected readonly deadlines = new Map<string, number>();

  /** [WS16] Forgets the record of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
    this.deadlines.delete(workshopId);
  }

  async get(workshopId: string): Promise<R | null> {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  /**
   * Stores `next` as version `expectedVersion + 1` if the stored one is still `expectedVersion` (0: none yet),
   * with its deadline (null: none; undefined: the record has no deadlines); else answers the current record.
   */
  protected put(workshopId: string, expectedVersion: number, next: R, deadline?: number | null): Applied<R> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    if (deadline === null) this.deadlines.delete(workshopId);
    else if (deadline !== undefined) this.deadlines.set(workshopId, deadline);
    return { ok: true, state: copy(state) };
  }

  /** Workshops whose deadline has passed, the most overdue first. */
  async dueWorkshops(now: number, limit: number): Promise<string[]> {
    return [...this.deadlines.entries()]
      .filter(([, deadline]) => deadline <= now)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
