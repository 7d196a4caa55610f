import type { MarketRecord } from '../logic.js';

export type ApplyMarketResult = { ok: true; state: MarketRecord } | { ok: false; current: MarketRecord | null };

/**
 * The idea market of a workshop in the domain's words. `apply` is the one write: stalls, sign-ups and
 * notes land at once, or not at all when someone else changed them first (optimistic version check), so
 * the last free place at a stall is given once.
 */
export interface MarketStore {
  get(workshopId: string): Promise<MarketRecord | null>;
  /**
   * When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version + 1 and
   * files `deadline` (the running pitch's end; null: none) for `dueWorkshops`.
   */
  apply(
    workshopId: string,
    expectedVersion: number,
    next: MarketRecord,
    deadline: number | null,
  ): Promise<ApplyMarketResult>;
  /** [MKT3] Workshops whose running pitch is over (deadline at or before `now`), earliest first. */
  dueWorkshops(now: number, limit: number): Promise<string[]>;
}
