import type { MarketRecord } from '../logic.js';
import type { ApplyMarketResult, MarketStore } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The idea market in memory: `apply` runs without awaiting, so the version check and the write are one step. */
export class MemoryMarketStore implements MarketStore {
  private readonly states = new Map<string, MarketRecord>();

  /** [WS16] Forgets the market of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
  }

  async get(workshopId: string) {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: MarketRecord): Promise<ApplyMarketResult> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    return { ok: true, state: copy(state) };
  }
}
