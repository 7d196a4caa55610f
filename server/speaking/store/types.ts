import type { SpeakingRecord } from '../logic.js';

export type ApplySpeakingResult = { ok: true; state: SpeakingRecord } | { ok: false; current: SpeakingRecord | null };

/**
 * The speaking rounds of a workshop in the domain's words. `apply` is the one write: every room's round
 * lands at once, or not at all when someone else changed them first (optimistic version check); it
 * also files the workshop under its next deadline for the tickers of every node.
 */
export interface SpeakingStore {
  get(workshopId: string): Promise<SpeakingRecord | null>;
  /**
   * When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version
   * expectedVersion + 1 and files `deadline` (null: none) for `dueWorkshops`.
   */
  apply(
    workshopId: string,
    expectedVersion: number,
    next: SpeakingRecord,
    deadline: number | null,
  ): Promise<ApplySpeakingResult>;
  /** Workshops whose filed deadline is at or before `now`, earliest first. */
  dueWorkshops(now: number, limit: number): Promise<string[]>;
}
