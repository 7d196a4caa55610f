import type { Hashtags, TruthsEntry } from '../../../shared/truths/schema.js';
import type { TruthsRecord } from '../logic.js';

export type ApplyTruthsResult = { ok: true; state: TruthsRecord } | { ok: false; current: TruthsRecord | null };

/**
 * Two truths and a lie in the domain's words. The games of a workshop change as one versioned record
 * (`apply`, like the speaking order); statements are one field per author and guesses one field per voter
 * and vote, so thirty people entering or voting at once never contend.
 */
export interface TruthsStore {
  get(workshopId: string): Promise<TruthsRecord | null>;
  /**
   * When the stored version is `expectedVersion`: saves `next` (version + 1), replaces the open votes
   * (vote key -> deadline) that `recordGuess` checks, and files `deadline` for `dueWorkshops`.
   */
  apply(
    workshopId: string,
    expectedVersion: number,
    next: TruthsRecord,
    open: Record<string, number>,
    deadline: number | null,
  ): Promise<ApplyTruthsResult>;
  dueWorkshops(now: number, limit: number): Promise<string[]>;
  /** Sets (or replaces) an author's three statements and lie. */
  setEntry(workshopId: string, participantId: string, entry: TruthsEntry): Promise<void>;
  entries(workshopId: string): Promise<Map<string, TruthsEntry>>;
  /** [TRUTH8] Sets (or replaces) a person's three hashtags, normalised already. */
  setHashtags(workshopId: string, participantId: string, tags: Hashtags): Promise<void>;
  hashtags(workshopId: string): Promise<Map<string, Hashtags>>;
  /** [TRUTH3] Records a guess while the vote is open at `at` (a second guess replaces the first); else 'closed'. */
  recordGuess(
    workshopId: string,
    key: string,
    voterId: string,
    guess: number,
    at: number,
  ): Promise<'recorded' | 'closed'>;
  guesses(workshopId: string, key: string): Promise<Map<string, number>>;
}
