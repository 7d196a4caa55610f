/** Two truths and a lie: limits and phases (no zod: the client imports this). */
export const TRUTHS_LIMITS = {
  statement: 140,
  voteMinSec: 10,
  voteMaxSec: 60,
  voteDefaultSec: 20,
} as const;

export const GAME_PHASES = ['collect', 'voting', 'reveal', 'ended'] as const;
export type GamePhase = (typeof GAME_PHASES)[number];
