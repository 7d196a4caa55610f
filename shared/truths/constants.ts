/** Two truths and a lie (or three hashtags): limits and phases (no zod: the client imports this). */
export const TRUTHS_LIMITS = {
  statement: 140,
  voteMinSec: 10,
  voteMaxSec: 60,
  voteDefaultSec: 20,
  /** More people than this: the game runs in breakout rooms of 5–6 (a vote per author stays short). */
  plenaryMax: 12,
} as const;

/** [TRUTH6] How many rooms of about 5–6 people `people` make (at least two). */
export function truthsRoomCount(people: number): number {
  return Math.max(2, Math.round(people / 5.5));
}

export const GAME_PHASES = ['collect', 'voting', 'reveal', 'ended'] as const;
export type GamePhase = (typeof GAME_PHASES)[number];

/** [TRUTH7] Three statements with a lie and a vote per author, or three hashtags shown at once (no lie, no vote). */
export const TRUTHS_VARIANTS = ['statements', 'hashtags'] as const;
export type TruthsVariant = (typeof TRUTHS_VARIANTS)[number];

/** [TRUTH8] A hashtag: one word of at most `chars` characters after its '#'; `raw` caps what may be sent. */
export const HASHTAG_LIMITS = { chars: 24, raw: 64 } as const;

/** Why a hashtag is refused: nothing in it, more than one word, a character that is not allowed, too long, twice. */
export const HASHTAG_PROBLEMS = ['empty', 'spaces', 'chars', 'long', 'duplicate'] as const;
export type HashtagProblem = (typeof HASHTAG_PROBLEMS)[number];
