/** Two truths and a lie: limits and phases (no zod: the client imports this). */
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
