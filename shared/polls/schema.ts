import { z } from 'zod';
import { UI_LOCALES } from '../languages.js';
import { PLENARY } from '../rooms.js';
import {
  POLL_KINDS,
  POLL_LIMITS,
  QUIZ_SCORING,
  RESULT_VISIBILITY,
  type PollKind,
  type PollOption,
  type PollStatus,
  type QuizScoring,
  type ResultVisibility,
} from './constants.js';

export * from './constants.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const pollId = z.string().min(1).max(64);
const roomId = z.string().min(1).max(64);

export const quizSchema = z.object({
  /** Option ids that make an answer right (all of them, for multiple choice). */
  correct: z.array(z.string().min(1).max(16)).min(1).max(POLL_LIMITS.options),
  /** Seconds to answer after launch; null = until the moderator closes. */
  timeLimitSec: z.number().int().min(5).max(3600).nullable().default(null),
  /** Questions with the same series name share a leaderboard. */
  series: text(POLL_LIMITS.series).default('Quiz'),
  scoring: z.enum(QUIZ_SCORING).default('person'),
});
export type QuizSettings = z.output<typeof quizSchema>;

export const pollDraftSchema = z.object({
  question: text(POLL_LIMITS.question),
  kind: z.enum(POLL_KINDS),
  options: z.array(text(POLL_LIMITS.option)).max(POLL_LIMITS.options).default([]),
  maxSelections: z.number().int().min(1).max(POLL_LIMITS.options).default(1),
  scaleMax: z.union([z.literal(5), z.literal(10)]).default(5),
  anonymous: z.boolean().default(true),
  /** Left out: defaultVisibility (rules.ts), i.e. after closing for a quiz, live otherwise. */
  visibility: z.enum(RESULT_VISIBILITY).optional(),
  allowChange: z.boolean().default(true),
  weighted: z.boolean().default(false),
  quiz: quizSchema.nullable().default(null),
});
export type PollDraft = z.output<typeof pollDraftSchema>;
export type PollDraftInput = z.input<typeof pollDraftSchema>;

export const pollCreateSchema = pollDraftSchema;
export const pollUpdateSchema = pollDraftSchema.extend({ pollId });
export const pollTargetSchema = z.object({ pollId });
export const pollLaunchSchema = z.object({
  pollId,
  /** The rooms it runs in: the plenary, or every breakout room at once. */
  roomIds: z.array(roomId).min(1).max(POLL_LIMITS.rooms).default([PLENARY]),
});
export const pollVoteSchema = z.object({
  pollId,
  /** Option ids: one, several, or all of them in order (ranking). */
  choices: z.array(z.string().min(1).max(16)).max(POLL_LIMITS.options).default([]),
  /** The answer of an open-text poll. */
  text: z.string().trim().max(POLL_LIMITS.text).default(''),
});
export const pollSyncSchema = z.object({}).strict();
export const pollLeaderboardSchema = z.object({ series: text(POLL_LIMITS.series) });
export const pollExportSchema = z.object({ locale: z.enum(UI_LOCALES).default('en') });

/** A poll as a client sees it. For people who are not moderators `quiz.correct` is null until revealed. */
export interface PollView {
  id: string;
  createdAt: number;
  question: string;
  kind: PollKind;
  options: PollOption[];
  maxSelections: number;
  scaleMax: number;
  anonymous: boolean;
  visibility: ResultVisibility;
  allowChange: boolean;
  weighted: boolean;
  quiz: (Omit<QuizSettings, 'correct'> & { correct: string[] | null }) | null;
  status: PollStatus;
  rooms: string[];
  openedAt: number | null;
  closedAt: number | null;
  /** Server time after which votes are refused (quiz time limit); null when none. */
  deadline: number | null;
  revealed: boolean;
}

/** One person's answer as they see it again after a reload. */
export interface MyVote {
  pollId: string;
  choices: string[];
  text: string;
  at: number;
}

export interface WordCount {
  word: string;
  count: number;
}

/** Aggregated answers of one room (or all rooms). Counts are weighted by headcount when the poll says so. */
export interface Tally {
  /** Distinct participants who answered. */
  voters: number;
  /** Sum of their weights (= voters unless weighted). */
  weight: number;
  /** Weighted count per option id (ranking: first places). */
  counts: Record<string, number>;
  /** Ranking: Borda points per option id (n-1 for a first place ... 0 for the last). */
  points: Record<string, number>;
  /** Scale: weighted mean; null otherwise or with no votes. */
  mean: number | null;
  /** Open text: the most frequent words, for a word cloud. */
  words: WordCount[];
}

export interface PollTally {
  pollId: string;
  /** Grows with every accepted vote: a client keeps the tally with the highest rev. */
  rev: number;
  total: Tally;
  byRoom: Record<string, Tally>;
}

export interface VoteResult {
  vote: MyVote;
  outcome: 'recorded' | 'replaced' | 'unchanged';
}

export interface LeaderboardEntry {
  name: string;
  town: string;
  points: number;
  answered: number;
}

export interface Leaderboard {
  series: string;
  scoring: QuizScoring;
  /** Revealed questions that count. */
  questions: number;
  people: LeaderboardEntry[];
  towns: { town: string; points: number; players: number }[];
}

export interface PollSync {
  polls: PollView[];
  myVotes: MyVote[];
  tallies: PollTally[];
  leaderboards: Leaderboard[];
}

export interface PollExport {
  filename: string;
  /** UTF-8 text with a byte order mark, comma separated, every field quoted. */
  csv: string;
}
