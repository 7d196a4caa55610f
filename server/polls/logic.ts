import { CommandError } from '../../shared/command.js';
import { POLL_LIMITS, pollOptions, type MyVote, type PollDraft, type PollView } from '../../shared/polls/schema.js';
import type { BreakoutStatus } from '../../shared/breakouts/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import type { IdSource } from '../ids.js';
import type { PollRecord, StoredVote } from './store/types.js';

/** Time and ids come in; nothing here reads the clock or touches the store. */
export interface PollCtx {
  now: number;
  ids: IdSource;
}

/** Who is voting: enough of a participant to check scope and weight. */
export interface Voter {
  role: 'moderator' | 'participant';
  roomId: string;
  headcount: number;
}

const invalid = (message: string) => new CommandError('invalid_payload', message);

/** [POLL1] A draft must make sense for its kind; returns its options. */
export function checkDraft(d: PollDraft) {
  const labelled = d.kind === 'single' || d.kind === 'multiple' || d.kind === 'ranking';
  if (labelled) {
    if (d.options.length < 2) throw invalid('A poll of this kind needs at least two options');
    const unique = new Set(d.options.map((o) => o.toLocaleLowerCase()));
    if (unique.size !== d.options.length) throw invalid('Options must differ from each other');
  }
  if (d.kind === 'multiple' && d.maxSelections > d.options.length)
    throw invalid('The maximum cannot exceed the number of options');
  const options = pollOptions(d.kind, labelled ? d.options : [], d.scaleMax);
  if (d.quiz) {
    if (!POLL_LIMITS.quizKinds.includes(d.kind))
      throw invalid('A quiz question is single choice, multiple choice or yes/no');
    if (d.anonymous) throw invalid('A quiz keeps score per person: it cannot be anonymous');
    const ids = new Set(options.map((o) => o.id));
    const correct = new Set(d.quiz.correct);
    if ([...correct].some((id) => !ids.has(id))) throw invalid('A correct answer must be one of the options');
    if (d.kind !== 'multiple' && correct.size !== 1)
      throw invalid('This kind of question has exactly one correct answer');
    if (d.kind === 'multiple' && correct.size > d.maxSelections)
      throw invalid('More correct answers than may be chosen');
  }
  return options;
}

function maxSelectionsOf(d: PollDraft, optionCount: number): number {
  if (d.kind === 'multiple') return d.maxSelections;
  if (d.kind === 'ranking') return optionCount;
  return 1;
}

function definition(d: PollDraft) {
  const options = checkDraft(d);
  return {
    question: d.question,
    kind: d.kind,
    options,
    maxSelections: maxSelectionsOf(d, options.length),
    scaleMax: d.scaleMax,
    anonymous: d.anonymous,
    visibility: d.visibility,
    allowChange: d.allowChange,
    weighted: d.weighted,
    quiz: d.quiz ? { ...d.quiz, correct: [...new Set(d.quiz.correct)].sort() } : null,
  };
}

export function newPoll(workshopId: string, d: PollDraft, ctx: PollCtx): PollRecord {
  return {
    id: ctx.ids.id(12),
    workshopId,
    createdAt: ctx.now,
    ...definition(d),
    status: 'draft',
    rooms: [PLENARY],
    openedAt: null,
    closedAt: null,
    deadline: null,
    revealed: false,
  };
}

/** [POLL2] Only drafts can be edited; launched polls keep the options people voted on. */
export function editDraft(poll: PollRecord, d: PollDraft): PollRecord {
  if (poll.status !== 'draft')
    throw new CommandError('conflict', 'Only a poll that was not launched yet can be edited');
  return { ...poll, ...definition(d) };
}

/** The breakouts as far as a launch needs them: which rooms exist and whether they are open. */
export interface LaunchRooms {
  status: BreakoutStatus;
  rooms: readonly { id: string }[];
}

/**
 * [POLL3] A poll runs in the plenary or in breakout rooms that are open now: a room id from a stale
 * client (rooms closed or replaced meanwhile) would open a poll nobody can vote in.
 */
export function checkLaunchRooms(roomIds: readonly string[], breakouts: LaunchRooms | null): void {
  const open = breakouts?.status === 'open' ? new Set(breakouts.rooms.map((r) => r.id)) : new Set<string>();
  const unknown = roomIds.filter((id) => id !== PLENARY && !open.has(id));
  if (unknown.length === 0) return;
  if (open.size === 0)
    throw new CommandError('not_found', 'No breakout rooms are open: launch the poll in the plenary');
  throw new CommandError('not_found', `Not an open breakout room: ${unknown.join(', ')}`);
}

/** [POLL3] A launch opens the poll in the given rooms; a quiz time limit becomes a stored server deadline. */
export function launchPlan(poll: PollRecord, roomIds: readonly string[], now: number, breakouts: LaunchRooms | null) {
  if (poll.status !== 'draft') throw new CommandError('conflict', 'This poll was already launched');
  checkLaunchRooms(roomIds, breakouts);
  const limit = poll.quiz?.timeLimitSec ?? null;
  return { openedAt: now, deadline: limit === null ? null : now + limit * 1000, rooms: [...new Set(roomIds)] };
}

export function isOpen(poll: PollRecord, now: number): boolean {
  return poll.status === 'open' && (poll.deadline === null || now <= poll.deadline);
}

/**
 * [POLL4] A vote must fit the poll: open and in time, the voter in one of its rooms (moderators anywhere),
 * existing options, one choice (single, yes/no, scale), 1..max distinct ones (multiple), every option
 * exactly once (ranking) or a non-empty text. Returns the canonical vote to store.
 */
export function checkVote(
  poll: PollRecord,
  input: { choices: string[]; text: string },
  voter: Voter,
  now: number,
): StoredVote {
  if (poll.status !== 'open') throw new CommandError('poll_closed', 'Voting on this poll is not open');
  if (poll.deadline !== null && now > poll.deadline)
    throw new CommandError('poll_deadline', 'Time is up for this question');
  if (voter.role !== 'moderator' && !poll.rooms.includes(voter.roomId))
    throw new CommandError('forbidden', 'This poll runs in another room');
  const ids = new Set(poll.options.map((o) => o.id));
  const choices = input.choices;
  const bad = (message: string) => new CommandError('invalid_choice', message);
  let c: string[] = [];
  let t = '';
  if (poll.kind === 'text') {
    if (choices.length > 0) throw bad('An open question takes text, not options');
    if (!input.text) throw bad('Please write an answer');
    t = input.text;
  } else {
    if (input.text) throw bad('This poll takes options, not text');
    if (choices.some((id) => !ids.has(id))) throw bad('No such option');
    if (new Set(choices).size !== choices.length) throw bad('An option was chosen twice');
    if (poll.kind === 'ranking') {
      if (choices.length !== ids.size) throw bad('Please rank every option');
      c = [...choices];
    } else {
      const max = poll.kind === 'multiple' ? poll.maxSelections : 1;
      if (choices.length < 1) throw bad('Please choose an option');
      if (choices.length > max) throw bad(`Choose at most ${max}`);
      c = [...choices].sort();
    }
  }
  return { c, t, w: poll.weighted ? Math.max(1, voter.headcount) : 1, r: voter.roomId, at: now };
}

/** What makes two votes the same answer (a repeated submission is idempotent). The store compares it too. */
export function answerKey(v: Pick<StoredVote, 'c' | 't'>): string {
  return `${v.c.join('\u001f')}\u001e${v.t}`;
}

export function myVote(pollId: string, v: StoredVote): MyVote {
  return { pollId, choices: v.c, text: v.t, at: v.at };
}

/** [POLL5] The correct answer of a quiz stays with the moderators until it is revealed. */
export function toView(poll: PollRecord, forModerator: boolean): PollView {
  const { workshopId: _w, quiz, ...rest } = poll;
  return {
    ...rest,
    quiz: quiz && { ...quiz, correct: forModerator || poll.revealed ? quiz.correct : null },
  };
}

/**
 * [POLL6] Results are visible to moderators always; to others when the poll is live-visible, once they
 * voted (visibility 'voted'), and to everyone once the poll is closed.
 */
export function canSeeResults(poll: PollRecord, viewer: { moderator: boolean; voted: boolean }): boolean {
  if (poll.status === 'draft') return viewer.moderator;
  if (viewer.moderator || poll.status === 'closed' || poll.visibility === 'live') return true;
  return poll.visibility === 'voted' && viewer.voted;
}

/** Who receives a tally broadcast now: everyone in the workshop, the poll's voters and the moderators, or moderators only. */
export function tallyAudience(poll: PollRecord): 'everyone' | 'voters' | 'moderators' {
  if (poll.status === 'closed' || (poll.status === 'open' && poll.visibility === 'live')) return 'everyone';
  if (poll.status === 'open' && poll.visibility === 'voted') return 'voters';
  return 'moderators';
}
