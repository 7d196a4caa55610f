import type { MarketRecord } from '../logic.js';
import type { ApplyMarketResult, MarketStore } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The idea market in memory: `apply` runs without awaiting, so the version check and the write are one step. */
export class MemoryMarketStore implements MarketStore {
  private readonly states = new Map<string, MarketRecord>();
  private readonly deadlines = new Map<string, number>();

  /** [WS16] Forgets the market of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
    this.deadlines.delete(workshopId);
  }

  async get(workshopId: string) {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: MarketRecord,
    deadline: number | null,
  ): Promise<ApplyMarketResult> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    if (deadline === null) this.deadlines.delete(workshopId);
    else this.deadlines.set(workshopId, deadline);
    return { ok: true, state: copy(state) };
  }

  async dueWorkshops(now: number, limit: number) {
    return [...this.deadlines.entries()]
      .filter(([, deadline]) => deadline <= now)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
