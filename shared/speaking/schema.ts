import { z } from 'zod';
import { PLENARY } from '../rooms.js';
import { ORDER_MODES, SPEAKING_LIMITS as L, type OrderMode, type RoundPhase, type SpeakerStatus } from './constants.js';

export * from './constants.js';

const roomId = z.string().min(1).max(64);
const participantId = z.string().min(1).max(64);

/**
 * What starts a round: by hand (`speaking:start`) or from a run-sheet step (`startRound` in
 * server/speaking/service.ts). `scope`: the plenary, one breakout room's id, or ALL_BREAKOUTS.
 */
export const speakingParamsSchema = z.object({
  question: z.string().trim().min(1).max(L.question),
  thinkSec: z.number().int().min(L.thinkMinSec).max(L.thinkMaxSec).default(L.thinkDefaultSec),
  perSpeakerSec: z.number().int().min(L.perSpeakerMinSec).max(L.perSpeakerMaxSec).default(L.perSpeakerDefaultSec),
  order: z.enum(ORDER_MODES).default('towns'),
  /** With `list`: these participants first, in this order; everyone else after them in join order. */
  list: z.array(participantId).max(L.speakers).default([]),
  /** When a speaker's time is up the next one starts by itself; off: the countdown only shows. */
  autoAdvance: z.boolean().default(true),
  scope: roomId.default(PLENARY),
  /** Fixes the random order (tests, a replay); otherwise the server draws one. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
export type SpeakingParams = z.output<typeof speakingParamsSchema>;
export type SpeakingParamsInput = z.input<typeof speakingParamsSchema>;

/**
 * Next / back in one room. `from`: the speaker the sender saw as current; when someone else is current
 * by now (another moderator pressed first, the time ran out) nothing happens, so a double press moves once.
 */
export const speakingStepSchema = z.object({ roomId, from: participantId.nullable().optional() });
/** Pass: the current speaker's own turn (a moderator may pass for them); the room defaults to the sender's. */
export const speakingPassSchema = z.object({ roomId: roomId.optional() });
/** Stop one room's round, or every running round when no room is given. */
export const speakingStopSchema = z.object({ roomId: roomId.optional() });
export const speakingSyncSchema = z.object({}).strict();

export interface Speaker {
  id: string;
  name: string;
  town: string;
  kind: 'person' | 'group';
  headcount: number;
  /** Joined without camera and microphone: speaks through chat. */
  media: boolean;
  status: SpeakerStatus;
  /** Used their one pass. */
  passed: boolean;
}

/** One room's round, as everyone sees it. */
export interface SpeakingRound {
  id: string;
  roomId: string;
  question: string;
  thinkSec: number;
  perSpeakerSec: number;
  order: OrderMode;
  autoAdvance: boolean;
  phase: RoundPhase;
  startedAt: number;
  /** Server time the think time ends (= startedAt when there is none). */
  thinkEndsAt: number;
  /** Server time the current turn started; null outside a turn. */
  turnStartedAt: number | null;
  /** Server time the current phase ends: think time, or the current turn. Null once ended. */
  deadline: number | null;
  endedAt: number | null;
  speakers: Speaker[];
  /** Index into `speakers` of the one speaking; -1 while thinking and once ended. */
  current: number;
}

/** Every round of a workshop (at most one per room), with a version that grows with each change. */
export interface SpeakingView {
  version: number;
  rounds: SpeakingRound[];
}
