import type { MediaFlags } from '../../../shared/media/schema.js';
import type { SpeakingRecord, TurnStagePerson } from '../logic.js';

/** `staged`: the people whose stage flags the write changed ([SPEAK12]), to announce. */
export type ApplySpeakingResult =
  | { ok: true; state: SpeakingRecord; staged: string[] }
  | { ok: false; current: SpeakingRecord | null };

/** What the memory store needs of the workshop store to apply [SPEAK12] in the same synchronous step. */
export interface TurnStageAccess {
  person(workshopId: string, participantId: string): TurnStagePerson | null;
  inStageMode(workshopId: string, roomId: string): boolean;
  setMedia(workshopId: string, participantId: string, patch: Partial<MediaFlags>): boolean;
}

/**
 * The speaking rounds of a workshop in the domain's words. `apply` is the one write: every room's round
 * lands at once, or not at all when someone else changed them first (optimistic version check); it
 * also files the workshop under its next deadline for the tickers of every node, and [SPEAK12] puts
 * the people who now have the word on stage and takes those it put there before off, in the same step.
 */
export interface SpeakingStore {
  get(workshopId: string): Promise<SpeakingRecord | null>;
  /**
   * When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version
   * expectedVersion + 1, files `deadline` (null: none) for `dueWorkshops`, and moves the word's stage
   * (`turnStageMoves` in server/speaking/logic.ts).
   */
  apply(
    workshopId: string,
    expectedVersion: number,
    next: SpeakingRecord,
    deadline: number | null,
  ): Promise<ApplySpeakingResult>;
  /** Workshops whose filed deadline is at or before `now`, earliest first. */
  dueWorkshops(now: number, limit: number): Promise<string[]>;
  /** [SPEAK12] Who the rounds have put on stage and not yet taken off. */
  stageGranted(workshopId: string): Promise<string[]>;
  /**
   * [SPEAK12] Someone's stage is set by hand (a moderator's invitation or withdrawal, a fishbowl seat): the
   * rounds no longer count them as theirs, so the end of their turn leaves them as set.
   */
  releaseStage(workshopId: string, participantId: string): Promise<void>;
}
