/** Two truths and a lie (or three hashtags): schema and views, one place for both sides. See RULES.md. */
import { z } from 'zod';
import { PLENARY } from '../rooms.js';

import { HASHTAG_LIMITS, TRUTHS_LIMITS, TRUTHS_VARIANTS, type GamePhase, type TruthsVariant } from './constants.js';
import { HASHTAG_PROBLEM_TEXT, normaliseHashtags, type Hashtags } from './rules.js';

export * from './constants.js';
export type { Hashtags } from './rules.js';

const roomId = z.string().min(1).max(64);
const participantId = z.string().min(1).max(64);
const statement = z.string().trim().min(1).max(TRUTHS_LIMITS.statement);
const choice = z.number().int().min(0).max(2);

/** What starts a game (by hand or from a run-sheet step). `scope` as for the speaking order. */
export const truthsParamsSchema = z.object({
  voteSec: z
    .number()
    .int()
    .min(TRUTHS_LIMITS.voteMinSec)
    .max(TRUTHS_LIMITS.voteMaxSec)
    .default(TRUTHS_LIMITS.voteDefaultSec),
  scope: roomId.default(PLENARY),
  /** [TRUTH7] Statements with a lie and votes, or three hashtags shown at once. */
  variant: z.enum(TRUTHS_VARIANTS).default('statements'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
export type TruthsParams = z.output<typeof truthsParamsSchema>;
export type TruthsParamsInput = z.input<typeof truthsParamsSchema>;

/** Three statements and which one is the lie. */
export const truthsSubmitSchema = z.object({ statements: z.tuple([statement, statement, statement]), lie: choice });
/** [TRUTH8] Three hashtags as typed: normalised by the shared rule, refused with the reason for the first bad one. */
const rawTag = z.string().max(HASHTAG_LIMITS.raw);
export const truthsHashtagsSchema = z
  .object({ tags: z.tuple([rawTag, rawTag, rawTag]) })
  .strict()
  .transform((input, ctx): { tags: Hashtags } => {
    const r = normaliseHashtags(input.tags);
    if (r.ok) return { tags: r.tags };
    ctx.addIssue({
      code: 'custom',
      path: ['tags', r.index],
      message: `Hashtag ${r.index + 1} ${HASHTAG_PROBLEM_TEXT[r.problem]}`,
    });
    return z.NEVER;
  });
export const truthsGuessSchema = z.object({ authorId: participantId, guess: choice });
export const truthsRoomSchema = z.object({ roomId });
export const truthsStopSchema = z.object({ roomId: roomId.optional() });
export const truthsSyncSchema = z.object({}).strict();

export interface TruthsEntry {
  statements: [string, string, string];
  lie: 0 | 1 | 2;
  at: number;
}

/** One author's turn once revealed: the lie and who found it. */
export interface TruthsReveal {
  authorId: string;
  name: string;
  town: string;
  statements: [string, string, string];
  lie: number;
  /** Who guessed right. */
  right: string[];
  /** How many guessed at all. */
  votes: number;
}

/** One room's game as everyone sees it: the lie stays hidden until its reveal. */
export interface TruthsGame {
  id: string;
  roomId: string;
  /** [TRUTH7] 'hashtags': no lie and no vote; everyone's hashtags are shown in the room until the game ends. */
  variant: TruthsVariant;
  voteSec: number;
  phase: GamePhase;
  /** Authors in the order their turns come (fixed when voting starts). */
  order: string[];
  /** Index into `order` of the author voted on or just revealed; -1 while collecting, once ended. */
  current: number;
  /** The current author's three statements (voting, reveal). */
  statements: [string, string, string] | null;
  /** Server time the vote closes; null outside voting. */
  deadline: number | null;
  reveals: TruthsReveal[];
}

export interface TruthsScore {
  id: string;
  name: string;
  town: string;
  points: number;
}

export interface TruthsView {
  version: number;
  games: TruthsGame[];
  /** Who has entered statements (ids), so people see who is ready. */
  ready: string[];
  /** One point per right guess, per person and per town (sum of its people). */
  people: TruthsScore[];
  towns: { town: string; points: number; players: number }[];
  /**
   * [TRUTH9] Everyone's hashtags (participant id -> three), while a hashtags game runs somewhere (else empty):
   * pages show those of the people in their room while that room's game runs.
   */
  hashtags: Record<string, Hashtags>;
}

/** What only this person gets: their own entry (with the lie) and their guesses. */
export interface TruthsMine {
  view: TruthsView;
  entry: TruthsEntry | null;
  /** This person's own hashtags (kept after a game, to fill the form again). */
  hashtags: Hashtags | null;
  guesses: Record<string, number>;
}
