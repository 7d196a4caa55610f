import type { BarcampRecord } from '../logic.js';

export type ApplyBarcampResult = { ok: true; state: BarcampRecord } | { ok: false; current: BarcampRecord | null };

/**
 * The barcamp of a workshop in the domain's words. `apply` is the one write: proposals, votes, the grid
 * and the notes land at once, or not at all when someone else changed them first (optimistic version check).
 */
export interface BarcampStore {
  get(workshopId: string): Promise<BarcampRecord | null>;
  /** When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version + 1. */
  apply(workshopId: string, expectedVersion: number, next: BarcampRecord): Promise<ApplyBarcampResult>;
}
