import type { PollView, QuizSettings } from '../../../shared/polls/schema.js';

/** A poll as stored: what clients see plus its workshop, and the quiz's correct answers always kept. */
export interface PollRecord extends Omit<PollView, 'quiz'> {
  workshopId: string;
  quiz: QuizSettings | null;
}

/** One participant's answer, stored as one field per participant: a second vote can only replace it. */
export interface StoredVote {
  /** Option ids (sorted, except for a ranking where the order is the answer). */
  c: string[];
  /** Open-text answer ('' otherwise). */
  t: string;
  /** Weight: the participant's headcount when the poll is weighted, else 1. */
  w: number;
  /** The room the participant was in when voting. */
  r: string;
  at: number;
}

export type RecordVoteResult =
  | 'recorded'
  | 'replaced'
  | 'unchanged'
  | 'not_found'
  | 'poll_closed'
  | 'poll_deadline'
  | 'invalid_choice'
  | 'vote_locked';
export type PollChange = PollRecord | 'not_found' | 'conflict';

/**
 * Polls in the domain's words. Each method is one atomic step: the check and the write it guards
 * cannot be split by another node's command (Lua in Redis, one synchronous turn in memory).
 */
export interface PollStore {
  createPoll(poll: PollRecord): Promise<void>;
  getPoll(workshopId: string, pollId: string): Promise<PollRecord | null>;
  /** Every poll of a workshop, oldest first. */
  listPolls(workshopId: string): Promise<PollRecord[]>;
  /** Replaces the definition while the poll is still a draft. */
  updateDraft(poll: PollRecord): Promise<PollChange>;
  /** Deletes a poll and its votes, whatever its status (a launched poll is cancelled). */
  deletePoll(workshopId: string, pollId: string): Promise<'ok' | 'not_found'>;
  /** Opens a draft in the given rooms; anything but a draft is a conflict. */
  launchPoll(
    workshopId: string,
    pollId: string,
    launch: { openedAt: number; deadline: number | null; rooms: string[] },
  ): Promise<PollChange>;
  /** Closes an open poll; closing again keeps the first close time. */
  closePoll(workshopId: string, pollId: string, at: number): Promise<PollChange>;
  /** Reveals results and the correct answer, closing the poll if it is still open. */
  revealPoll(workshopId: string, pollId: string, at: number): Promise<PollChange>;
  /**
   * [POLL4] Stores the participant's vote as the shared rule says (`storeVoteOutcome` in
   * shared/polls/rules.ts): the poll open and not past its deadline at vote.at, the answer fitting the
   * poll; an equal answer is 'unchanged', a different one replaces it only when the poll allows changes.
   * `poll` is the caller's copy: what the answer is checked against never changes once a poll is
   * launched, while status and deadline are checked against the stored poll, atomically with the write.
   */
  recordVote(poll: PollRecord, participantId: string, vote: StoredVote): Promise<RecordVoteResult>;
  /** All votes and the revision they correspond to, read together. */
  pollVotes(workshopId: string, pollId: string): Promise<{ rev: number; votes: Map<string, StoredVote> }>;
  /** One participant's votes on the given polls (absent where they did not vote). */
  votesBy(workshopId: string, pollIds: readonly string[], participantId: string): Promise<Map<string, StoredVote>>;
}
