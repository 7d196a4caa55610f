/** Idea market: limits, one place for both sides. */

export const MARKET_LIMITS = {
  stalls: 20,
  title: 80,
  offer: 200,
  notes: 2000,
  capacityMax: 200,
  /** The handbook's 2-minute pitch. */
  pitchSecDefault: 120,
  pitchSecMin: 30,
  pitchSecMax: 600,
  /** Stalls made from the plenary board's top cards by dots. */
  fromBoardDefault: 5,
} as const;

/** setup: stalls are made; pitch: one owner after the other; open: stalls are rooms; ended: results stay. */
export const MARKET_PHASES = ['setup', 'pitch', 'open', 'ended'] as const;
export type MarketPhase = (typeof MARKET_PHASES)[number];
