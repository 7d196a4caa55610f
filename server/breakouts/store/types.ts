import type { BreakoutMove, BreakoutView } from '../../../shared/breakouts/schema.js';

/** The stored breakouts of one workshop: what everyone sees, plus the rotation's schedule. */
export interface BreakoutRecord extends BreakoutView {
  /** Per round of a rotation: participantId -> roomId, computed once when the rotation starts. */
  schedule: Record<string, string>[];
}

export type ApplyBreakoutsResult =
  | { ok: true; state: BreakoutRecord; moved: BreakoutMove[] }
  | { ok: false; current: BreakoutRecord | null };

/**
 * Breakout rooms in the domain's words. `apply` is the one write: a whole change (plan, rooms,
 * round, and every participant's room) lands at once, or not at all when someone else changed
 * the breakouts first (optimistic version check).
 */
export interface BreakoutStore {
  get(workshopId: string): Promise<BreakoutRecord | null>;
  /**
   * When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with
   * version expectedVersion + 1, sets each listed participant's roomId (skipping unknown and
   * removed ones: they are left out of `moved`), and files the round's deadline for the tickers.
   */
  apply(
    workshopId: string,
    expectedVersion: number,
    next: BreakoutRecord,
    moves: readonly BreakoutMove[],
  ): Promise<ApplyBreakoutsResult>;
  /** Workshops whose open round's deadline is at or before `now`, earliest first. */
  dueWorkshops(now: number, limit: number): Promise<string[]>;
  /** [BR28] 1-2-4-All: saves one person's note (a field per person, so typing never races the plan). */
  saveNote(workshopId: string, participantId: string, text: string): Promise<void>;
  /** [BR29] Files a four's card once: answers the card filed for that room (the first) and whether it is this one. */
  fileCard(workshopId: string, roomId: string, text: string): Promise<{ text: string; first: boolean }>;
  /** [BR28] The notes (participantId -> text) and the filed cards (roomId -> text) of the 1-2-4-All. */
  nested(workshopId: string): Promise<NestedRecord>;
  /** A new 1-2-4-All starts with no notes and no cards. */
  clearNested(workshopId: string): Promise<void>;
  /** A short lock (Redis: SET NX PX) so that one node at a time ends a round; false when someone holds it. */
  tryLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if `owner` still holds it. */
  unlock(name: string, owner: string): Promise<void>;
}

export interface NestedRecord {
  notes: Record<string, string>;
  cards: Record<string, string>;
}
