import { z } from 'zod';
import { FISHBOWL_LIMITS as L, type FishbowlPhase } from './constants.js';

export * from './constants.js';

/**
 * What starts a fishbowl: by hand (`fishbowl:start`) or from a run-sheet step (`fishbowlMechanic` in
 * server/fishbowl/service.ts). It runs in the plenary, on top of stage mode.
 */
export const fishbowlParamsSchema = z.object({
  seats: z.number().int().min(L.seatsMin).max(L.seatsMax).default(L.seatsDefault),
});
export type FishbowlParams = z.output<typeof fishbowlParamsSchema>;
export type FishbowlParamsInput = z.input<typeof fishbowlParamsSchema>;

/** Take the empty seat, tap out, raise or lower a hand, stop, sync: no payload (the sender is the person). */
export const fishbowlEmptySchema = z.object({}).strict();

/** Someone in the circle. */
export interface Seat {
  id: string;
  name: string;
  town: string;
  /** Server time they sat down: the longest sitter is asked to make room. */
  since: number;
  /** A moderator's seat: never asked to make room. */
  permanent: boolean;
}

/** Someone waiting for a seat, in the order they raised their hand. */
export interface Waiting {
  id: string;
  name: string;
  town: string;
  since: number;
}

export interface Fishbowl {
  id: string;
  roomId: string;
  phase: FishbowlPhase;
  /** The circle: `null` is a free seat. Its length is the number of seats (3–6). */
  seats: (Seat | null)[];
  queue: Waiting[];
  startedAt: number;
  endedAt: number | null;
  /** Stage mode was on in the room before the fishbowl switched it on: stopping leaves it on. */
  stageWasOn: boolean;
}

/** The fishbowl of a workshop (at most one, in the plenary), with a version that grows with each change. */
export interface FishbowlView {
  version: number;
  fishbowl: Fishbowl | null;
}
