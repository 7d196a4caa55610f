import type { FishbowlRecord } from '../logic.js';

export type ApplyFishbowlResult = { ok: true; state: FishbowlRecord } | { ok: false; current: FishbowlRecord | null };

/**
 * The fishbowl of a workshop in the domain's words. `apply` is the one write: the seats and the queue
 * land at once, or not at all when someone else changed them first (optimistic version check), so a
 * seat clicked by two people at once is given once.
 */
export interface FishbowlStore {
  get(workshopId: string): Promise<FishbowlRecord | null>;
  /** When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version + 1. */
  apply(workshopId: string, expectedVersion: number, next: FishbowlRecord): Promise<ApplyFishbowlResult>;
}
