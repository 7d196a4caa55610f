/** Speaking order (Blitzlicht / flash round): limits and kinds, one place for both sides. */

export const SPEAKING_LIMITS = {
  question: 300,
  /** Seconds to think before the first speaker. */
  thinkMinSec: 0,
  thinkMaxSec: 300,
  thinkDefaultSec: 60,
  /** The handbook's 30–60 s per speaker. */
  perSpeakerMinSec: 30,
  perSpeakerMaxSec: 60,
  perSpeakerDefaultSec: 45,
  /** Speakers in one round (one room). */
  speakers: 300,
} as const;

/**
 * `towns`: random, towns alternating while possible; `list`: the order given (by default the
 * participant list, i.e. join order).
 */
export const ORDER_MODES = ['towns', 'list'] as const;
export type OrderMode = (typeof ORDER_MODES)[number];

/** The scope that means every open breakout room at once. */
export const ALL_BREAKOUTS = 'breakouts';

export const ROUND_PHASES = ['think', 'speaking', 'ended'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/**
 * `waiting`: not yet; `speaking`: now; `spoke`: had the turn; `skipped`: passed as the last one waiting,
 * or was gone when the turn came; both end a person's part in the round.
 */
export const SPEAKER_STATUSES = ['waiting', 'speaking', 'spoke', 'skipped'] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];

/** How often the page announces the time left to screen readers (not every second). */
export const ANNOUNCE_AT_SEC = [30, 10] as const;
