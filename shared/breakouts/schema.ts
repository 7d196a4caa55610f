import { z } from 'zod';
import { isLanguageCode } from '../languages.js';
import { PLENARY } from '../rooms.js';

import {
  ASSIGN_MODES,
  MAX_DURATION_MS,
  MAX_ROOMS,
  MAX_ROUNDS,
  MIN_DURATION_MS,
  ROOM_NAME_MAX,
  BROADCAST_MAX,
  ROTATION_KINDS,
  NOTE_MAX,
  type AssignMode,
  type BreakoutStatus,
  type RotationKind,
} from './constants.js';

export { PLENARY };
export * from './constants.js';

export interface BreakoutRoom {
  id: string;
  name: string;
  /** World Café table host: stays in this room every round. */
  hostId: string | null;
  /** Self-chosen rooms: how many people (headcount) may choose it; null = no limit. */
  capacity: number | null;
  /** Same-language rooms and tandems: the language(s) spoken there. */
  languages: string[];
  /**
   * [BR24] An unnamed room's number, fixed once a room closed alone while the others run (so "Room 3"
   * stays "Room 3"); absent: its place in the list.
   */
  number?: number;
}

export interface BreakoutRound {
  /** 0-based; a single session is round 0 of 1. */
  index: number;
  total: number;
  startedAt: number;
  /** Server time the round ends. Moved by "extend". */
  deadline: number;
  /** Planned length, for the half-time language switch of a tandem. */
  durationMs: number;
}

export interface BreakoutRotation {
  kind: RotationKind;
  rounds: number;
  durationMs: number;
  /** Tandem: the two languages. */
  languages: string[];
  /** [BR27] The length of each round when they differ (1-2-4-All: alone, pairs, fours); else `durationMs` each. */
  durations?: number[];
}

export interface ArchivedRoom {
  id: string;
  name: string;
  closedAt: number;
  /** [BR24] The number people saw while it ran (absent in archives written before: its place among its session). */
  number?: number;
}

export interface HelpRequest {
  participantId: string;
  roomId: string;
  at: number;
}

/** What every member of the workshop sees of the breakouts. */
export interface BreakoutView {
  /** Bumped by every change: plans are saved against the version they were made from. */
  version: number;
  status: BreakoutStatus;
  rooms: BreakoutRoom[];
  /** participantId -> roomId: the prepared plan, and while open the current rooms. */
  plan: Record<string, string>;
  mode: AssignMode;
  rotation: BreakoutRotation | null;
  round: BreakoutRound | null;
  /** How many rounds have ended so far (each exactly once, whichever node ended it). */
  roundsEnded: number;
  help: HelpRequest[];
  archive: ArchivedRoom[];
  /** [BR23] The moderators' latest broadcast of the running round, for those who join or reload later. */
  broadcast: BreakoutBroadcast | null;
}

export interface BreakoutMove {
  participantId: string;
  roomId: string;
}

export interface BreakoutBroadcast {
  id: string;
  text: string;
  fromId: string;
  fromName: string;
  at: number;
}

export interface RoundEnded {
  /** The round that ended, 0-based. */
  index: number;
  total: number;
  next: 'round' | 'plenary';
  /** Ended by its deadline or by the moderator calling everyone back. */
  by: 'deadline' | 'moderator';
}

const id = z.string().min(1).max(64);
const language = z.string().refine(isLanguageCode, 'Not a language code');
const duration = z.number().int().min(MIN_DURATION_MS).max(MAX_DURATION_MS);

export const roomInputSchema = z.object({
  id: id.refine((v) => v !== PLENARY).optional(),
  /** Empty: everyone sees "Room n" in their own language. */
  name: z.string().trim().max(ROOM_NAME_MAX).default(''),
  hostId: id.nullable().default(null),
  capacity: z.number().int().min(1).max(500).nullable().default(null),
  languages: z.array(language).max(2).default([]),
});
export type RoomInput = z.input<typeof roomInputSchema>;

export const emptySchema = z.object({}).strict();

export const roomsSetSchema = z.object({
  version: z.number().int().min(0),
  rooms: z.array(roomInputSchema).max(MAX_ROOMS),
});

export const assignSchema = z.object({
  version: z.number().int().min(0),
  mode: z.enum(ASSIGN_MODES).default('random'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
  /** By language: the two tandem languages, or none for same-language groups. */
  languages: z.array(language).max(2).default([]),
  /** Choose: how many people each room takes. */
  capacity: z.number().int().min(1).max(500).nullable().default(null),
});
export type AssignInput = z.input<typeof assignSchema>;

export const moveSchema = z.object({ participantId: id, roomId: id });
export const openSchema = z.object({ version: z.number().int().min(0), durationMs: duration });
export const extendSchema = z.object({ ms: z.number().int().min(MIN_DURATION_MS).max(3600_000) });
export const broadcastSchema = z.object({ text: z.string().trim().min(1).max(BROADCAST_MAX) });
export const visitSchema = z.object({ roomId: id });
/** [BR26] One room closes while the others run. */
export const closeRoomSchema = z.object({ roomId: id.refine((v) => v !== PLENARY) });
export const chooseSchema = z.object({ roomId: id });
export const ackSchema = z.object({ roomId: id });
export const helpResolveSchema = z.object({ participantId: id });
export const roomChatSchema = z.object({ roomId: id });

export const rotateSchema = z.object({
  version: z.number().int().min(0),
  kind: z.enum(ROTATION_KINDS),
  rounds: z.number().int().min(1).max(MAX_ROUNDS),
  durationMs: duration,
  /** [BR27] Each round's own length (1-2-4-All: alone, pairs, fours); missing rounds last `durationMs`. */
  durations: z.array(duration).max(MAX_ROUNDS).optional(),
  languages: z.array(language).max(2).default([]),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
export type RotateInput = z.input<typeof rotateSchema>;

/** [BR28] A private note of the silent minute (saved again as it is edited). */
export const noteSchema = z.object({ text: z.string().max(NOTE_MAX) });
/** [BR29] A four's one card for the plenary board. */
export const postCardSchema = z.object({ text: z.string().trim().min(1).max(NOTE_MAX) });

/**
 * [BR28] What a person sees of a 1-2-4-All: their own note, and from the pairs on the notes of whoever
 * shares their room; in the fours, the card their four posted (null until then).
 */
export interface NestedView {
  /** participantId -> note. */
  notes: Record<string, string>;
  card: string | null;
}

/** [BR28] Someone in the room saved their note. */
export interface NoteSaved {
  participantId: string;
  text: string;
}
