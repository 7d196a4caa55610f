import { CommandError } from '../../shared/command.js';
import { POLL_LIMITS, pollOptions, type MyVote, type PollDraft, type PollView } from '../../shared/polls/schema.js';
import {
  defaultVisibility,
  canonicalChoices,
  launchRefusal,
  voteRefusal,
  type Answer,
  type LaunchRooms,
  type Refusal,
} from '../../shared/polls/rules.js';
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
function checkDraft(d: PollDraft) {
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
    visibility: d.visibility ?? defaultVisibility(d.quiz !== null),
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

const refused = (r: Refusal | null) => {
  if (r) throw new CommandError(r.code, r.message);
};

export type { LaunchRooms };

/** [POLL3] A launch opens a draft in open rooms; a quiz time limit becomes a stored server deadline. */
export function launchPlan(poll: PollRecord, roomIds: readonly string[], now: number, breakouts: LaunchRooms | null) {
  refused(launchRefusal(poll, roomIds, breakouts));
  const limit = poll.quiz?.timeLimitSec ?? null;
  return { openedAt: now, deadline: limit === null ? null : now + limit * 1000, rooms: [...new Set(roomIds)] };
}

/** [POLL4] A vote must fit the poll (shared/polls/rules.ts). Returns the canonical vote to store. */
export function checkVote(poll: PollRecord, input: Answer, voter: Voter, now: number): StoredVote {
  refused(voteRefusal(poll, { moderator: voter.role === 'moderator', roomId: voter.roomId }, input, now));
  return {
    c: canonicalChoices(poll.kind, input.choices),
    t: input.text,
    w: poll.weighted ? Math.max(1, voter.headcount) : 1,
    r: voter.roomId,
    at: now,
  };
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

export { canSeeResults } from '../../shared/polls/rules.js';

/** Who receives a tally broadcast now: everyone in the workshop, the poll's voters and the moderators, or moderators only. */
export function tallyAudience(poll: PollRecord): 'everyone' | 'voters' | 'moderators' {
  if (poll.status === 'closed' || (poll.status === 'open' && poll.visibility === 'live')) return 'everyone';
  if (poll.status === 'open' && poll.visibility === 'voted') return 'voters';
  return 'moderators';
}
