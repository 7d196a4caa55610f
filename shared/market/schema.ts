import { z } from 'zod';
import { MARKET_LIMITS as L, type MarketPhase } from './constants.js';

export * from './constants.js';

const id = z.string().min(1).max(64);

/** Starts a new market (set-up phase): by hand or from a run-sheet step; `fromBoard` top cards become stalls. */
export const marketStartSchema = z.object({
  fromBoard: z.number().int().min(0).max(L.stalls).default(0),
  pitchSec: z.number().int().min(L.pitchSecMin).max(L.pitchSecMax).default(L.pitchSecDefault),
});
export type MarketStartInput = z.input<typeof marketStartSchema>;

/** A stall typed by the moderator (owner: a participant, or none: the moderator who made it). */
export const marketAddSchema = z.object({
  title: z.string().trim().min(1).max(L.title),
  ownerId: id.nullable().default(null),
  capacity: z.number().int().min(1).max(L.capacityMax).nullable().default(null),
});
/** The plenary board's `count` top cards by dots become stalls (their authors the owners). */
export const marketFromBoardSchema = z.object({
  count: z.number().int().min(1).max(L.stalls).default(L.fromBoardDefault),
  capacity: z.number().int().min(1).max(L.capacityMax).nullable().default(null),
});
export const marketStallSchema = z.object({ stallId: id });
/** [MKT3] Next pitch; `from`: the pitch index the sender saw (-1: none yet), so a double press moves once. */
export const marketPitchSchema = z.object({ from: z.number().int().min(-1).max(L.stalls).optional() });
export const marketOpenSchema = z.object({
  durationMs: z
    .number()
    .int()
    .min(1_000)
    .max(4 * 3600_000),
});
export const marketSignupSchema = z.object({ stallId: id, offer: z.string().trim().max(L.offer).default('') });
export const marketNotesSchema = z.object({
  stallId: id,
  notes: z.string().max(L.notes),
  /** The contact person; absent: unchanged. */
  contactId: id.optional(),
});
export const marketEmptySchema = z.object({}).strict();

/** "I'm in": who signed up at a stall and what they offer. */
export interface Signup {
  participantId: string;
  name: string;
  town: string;
  offer: string;
  at: number;
}

export interface Stall {
  id: string;
  /** [MKT4] The stall's breakout room, once the market opened. */
  roomId: string | null;
  title: string;
  ownerId: string | null;
  ownerName: string;
  /** People (headcount) in its room, and sign-ups; null: no limit. */
  capacity: number | null;
  signups: Signup[];
  /** Next steps. */
  notes: string;
  contactId: string | null;
  contactName: string;
}

export interface Pitch {
  /** Index into `stalls` of the stall whose owner pitches now. */
  index: number;
  startedAt: number;
  /** Server time the pitch's slot ends (nothing moves on by itself: the moderator presses Next). */
  deadline: number;
}

export interface Market {
  id: string;
  phase: MarketPhase;
  stalls: Stall[];
  pitchSec: number;
  pitch: Pitch | null;
  startedAt: number;
  endedAt: number | null;
}

/** The idea market of a workshop (at most one), with a version that grows with each change. */
export interface MarketView {
  version: number;
  market: Market | null;
}
