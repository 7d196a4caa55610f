/** Fishbowl seats: limits, one place for both sides. */

export const FISHBOWL_LIMITS = {
  /** The handbook's inner circle of 3–6 seats; one of them is the empty seat. */
  seatsMin: 3,
  seatsMax: 6,
  seatsDefault: 5,
  /** Raised hands waiting for a seat. */
  queue: 300,
} as const;

export const FISHBOWL_PHASES = ['open', 'ended'] as const;
export type FishbowlPhase = (typeof FISHBOWL_PHASES)[number];
