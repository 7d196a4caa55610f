/**
 * The poll rules both sides apply (shared/polls/RULES.md): who may vote, whether a vote fits the poll,
 * when two answers are the same, who sees results, whether a quiz answer is right, where a poll may be
 * launched. The server's logic and both stores apply them; the client uses them to offer only what the
 * server will accept. Pure and free of zod at runtime (types only), so the client bundle stays small.
 */
import type { BreakoutStatus } from '../breakouts/schema.js';
import type { ErrorCode } from '../command.js';
import { PLENARY } from '../rooms.js';
import type { PollKind, PollStatus, PollView, ResultVisibility } from './schema.js';

/** A refusal: the ack's error code and a message for logs and developers (people see the code's translation). */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** An answer as people give it: option ids (a ranking in order) or an open text. */
export interface Answer {
  choices: readonly string[];
  text: string;
}

/** What the vote rules read of a poll: the client's view and the server's record both have it. */
export type VotePoll = Pick<PollView, 'kind' | 'status' | 'deadline' | 'rooms' | 'maxSelections' | 'allowChange'> & {
  options: readonly { id: string }[];
};

const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });

/** [POLL4] Voting is open: launched, not closed, and (a quiz with a time limit) not past its deadline. */
function votingRefusal(poll: Pick<PollView, 'status' | 'deadline'>, now: number): Refusal | null {
  if (poll.status !== 'open') return refuse('poll_closed', 'Voting on this poll is not open');
  if (poll.deadline !== null && now > poll.deadline) return refuse('poll_deadline', 'Time is up for this question');
  return null;
}

export const isVotingOpen = (poll: Pick<PollView, 'status' | 'deadline'>, now: number): boolean =>
  votingRefusal(poll, now) === null;

/** Who is voting: moderators may vote in any room, others only in one of the poll's rooms. */
export interface VoterPlace {
  moderator: boolean;
  roomId: string;
}

/** [POLL4] An open poll takes votes from the people in its rooms and from moderators anywhere. */
export function mayVote(poll: Pick<PollView, 'status' | 'rooms'>, voter: VoterPlace): boolean {
  return poll.status === 'open' && (voter.moderator || poll.rooms.includes(voter.roomId));
}

/** The most options an answer may have: the maximum (multiple), all of them (ranking), else one. */
function maxChoices(poll: Pick<VotePoll, 'kind' | 'maxSelections' | 'options'>): number {
  if (poll.kind === 'multiple') return poll.maxSelections;
  if (poll.kind === 'ranking') return poll.options.length;
  return poll.kind === 'text' ? 0 : 1;
}

/**
 * [POLL4] The answer fits the poll: existing options, each at most once; one for single, yes/no and scale;
 * 1..max for multiple choice; every option exactly once for a ranking; a non-empty text (and no options)
 * for an open question. This part never changes once a poll is launched.
 */
export function answerRefusal(poll: Pick<VotePoll, 'kind' | 'maxSelections' | 'options'>, a: Answer): Refusal | null {
  const bad = (message: string) => refuse('invalid_choice', message);
  const { choices } = a;
  if (poll.kind === 'text') {
    if (choices.length > 0) return bad('An open question takes text, not options');
    return a.text ? null : bad('Please write an answer');
  }
  if (a.text) return bad('This poll takes options, not text');
  const ids = new Set(poll.options.map((o) => o.id));
  if (choices.some((id) => !ids.has(id))) return bad('No such option');
  if (new Set(choices).size !== choices.length) return bad('An option was chosen twice');
  if (poll.kind === 'ranking') return choices.length === ids.size ? null : bad('Please rank every option');
  if (choices.length < 1) return bad('Please choose an option');
  const max = maxChoices(poll);
  return choices.length > max ? bad(`Choose at most ${max}`) : null;
}

/** An answer's options as stored and compared: sorted, except a ranking whose order is the answer. */
export function canonicalChoices(kind: PollKind, choices: readonly string[]): string[] {
  return kind === 'ranking' ? [...choices] : [...choices].sort();
}

/** [POLL4] What makes two answers the same (a repeated submission is `unchanged`). */
export function answerKey(kind: PollKind, a: Answer): string {
  return `${canonicalChoices(kind, a.choices).join('\u001f')}\u001e${a.text}`;
}

export const sameAnswer = (kind: PollKind, a: Answer, b: Answer): boolean => answerKey(kind, a) === answerKey(kind, b);

/** [POLL4] Everything a vote must pass before it is stored, in the order the server checks it. */
export function voteRefusal(poll: VotePoll, voter: VoterPlace, a: Answer, now: number): Refusal | null {
  const closed = votingRefusal(poll, now);
  if (closed) return closed;
  if (!mayVote(poll, voter)) return refuse('forbidden', 'This poll runs in another room');
  return answerRefusal(poll, a);
}

export type StoreVoteOutcome =
  | 'recorded'
  | 'replaced'
  | 'unchanged'
  | 'poll_closed'
  | 'poll_deadline'
  | 'invalid_choice'
  | 'vote_locked';

/**
 * [POLL4] What a store does with a vote (`at` is its time), given the participant's previous answer: the
 * store's part of the rule, applied atomically with the write. Both stores and their contract test use it.
 */
export function storeVoteOutcome(
  poll: VotePoll,
  previous: Answer | undefined,
  a: Answer,
  at: number,
): StoreVoteOutcome {
  const refusal = votingRefusal(poll, at) ?? answerRefusal(poll, a);
  if (refusal) return refusal.code as 'poll_closed' | 'poll_deadline' | 'invalid_choice';
  if (!previous) return 'recorded';
  if (sameAnswer(poll.kind, previous, a)) return 'unchanged';
  return poll.allowChange ? 'replaced' : 'vote_locked';
}

/**
 * [POLL6] Results are visible to moderators always (drafts only to them); to others when the poll is
 * live-visible, once they voted (visibility 'voted'), and to everyone once the poll is closed.
 */
export function canSeeResults(
  poll: { status: PollStatus; visibility: ResultVisibility },
  viewer: { moderator: boolean; voted: boolean },
): boolean {
  if (poll.status === 'draft') return viewer.moderator;
  if (viewer.moderator || poll.status === 'closed' || poll.visibility === 'live') return true;
  return poll.visibility === 'voted' && viewer.voted;
}

/**
 * [POLL6] When the moderator does not choose: a quiz shows its results once it is closed (answers seen
 * before voting would give them away), any other poll live.
 */
export function defaultVisibility(quiz: boolean): ResultVisibility {
  return quiz ? 'closed' : 'live';
}

/** [POLL8] A quiz answer is right when its set of options equals the set of correct ones. */
export function isRightAnswer(quiz: { correct: readonly string[] | null } | null, choices: readonly string[]): boolean {
  const correct = quiz?.correct ?? [];
  const chosen = new Set(choices);
  return correct.length > 0 && chosen.size === correct.length && correct.every((id) => chosen.has(id));
}

/** The breakouts as far as a launch needs them: which rooms exist and whether they are open. */
export interface LaunchRooms {
  status: BreakoutStatus;
  rooms: readonly { id: string }[];
}

/** [POLL3] The breakout rooms a poll may run in now: the open ones; none while rooms are not open. */
export function launchableRooms(breakouts: LaunchRooms | null): string[] {
  return breakouts?.status === 'open' ? breakouts.rooms.map((r) => r.id) : [];
}

/**
 * [POLL3] A draft is launched once, into the plenary or breakout rooms that are open now: a room id
 * from a stale client (rooms closed or replaced meanwhile) would open a poll nobody can vote in.
 */
export function launchRefusal(
  poll: Pick<PollView, 'status'>,
  roomIds: readonly string[],
  breakouts: LaunchRooms | null,
): Refusal | null {
  if (poll.status !== 'draft') return refuse('conflict', 'This poll was already launched');
  const open = new Set(launchableRooms(breakouts));
  const unknown = roomIds.filter((id) => id !== PLENARY && !open.has(id));
  if (unknown.length === 0) return null;
  if (open.size === 0) return refuse('not_found', 'No breakout rooms are open: launch the poll in the plenary');
  return refuse('not_found', `Not an open breakout room: ${unknown.join(', ')}`);
}
