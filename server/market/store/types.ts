import type { MarketRecord } from '../logic.js';

export type ApplyMarketResult = { ok: true; state: MarketRecord } | { ok: false; current: MarketRecord | null };

/**
 * The idea market of a workshop in the domain's words. `apply` is the one write: stalls, sign-ups and
 * notes land at once, or not at all when someone else changed them first (optimistic version check), so
 * the last free place at a stall is given once.
 */
export interface MarketStore {
  get(workshopId: string): Promise<MarketRecord | null>;
  /** When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version + 1. */
  apply(workshopId: string, expectedVersion: number, next: MarketRecord): Promise<ApplyMarketResult>;
}
