import { z } from 'zod';
import { isLanguageCode } from '../languages.js';
import { BARCAMP_LIMITS as L, type BarcampPhase } from './constants.js';

export * from './constants.js';

const id = z.string().min(1).max(64);
const rooms = z.number().int().min(L.roomsMin).max(L.roomsMax);

/** [BCAMP1] A new barcamp: rooms per slot and each slot's minutes (from a run-sheet step or by hand). */
export const barcampStartSchema = z.object({
  rooms: rooms.default(L.roomsDefault),
  slotMin: z.number().int().min(L.slotMinMin).max(L.slotMinMax).default(L.slotMinDefault),
});
export type BarcampStartInput = z.input<typeof barcampStartSchema>;

/** [BCAMP2] A session proposal; `hostId` (moderators only) names another host than the sender. */
export const barcampProposeSchema = z.object({
  title: z.string().trim().min(1).max(L.title),
  language: z.string().refine(isLanguageCode, 'Not a language code').nullable().default(null),
  hostId: id.optional(),
});
export const barcampProposalSchema = z.object({ proposalId: id });
/** [BCAMP3] Interest in a session: on or off (not a toggle: sent twice is the same). */
export const barcampVoteSchema = z.object({ proposalId: id, on: z.boolean() });
/** [BCAMP4] Builds the grid from the votes, with `rooms` per slot (absent: the barcamp's own). */
export const barcampBuildSchema = z.object({ rooms: rooms.optional() });
/** [BCAMP5] Puts a session into a cell (its occupant swaps with it), or out of the grid (`to: null`). */
export const barcampMoveSchema = z.object({
  proposalId: id,
  to: z
    .object({
      slot: z
        .number()
        .int()
        .min(0)
        .max(L.slotsMax - 1),
      room: z
        .number()
        .int()
        .min(0)
        .max(L.roomsMax - 1),
    })
    .nullable(),
});
/** [BCAMP6] Starts slot `slot` (its sessions open as rooms); null: the running slot closes. */
export const barcampSlotSchema = z.object({ slot: z.number().int().min(0).max(L.slotsMax).nullable() });
/** [BCAMP7] A session's notes; `rev`: the notes' revision the writer started from. */
export const barcampNotesSchema = z.object({
  proposalId: id,
  notes: z.string().max(L.notes),
  rev: z.number().int().min(0),
});
export const barcampEmptySchema = z.object({}).strict();

export interface Proposal {
  id: string;
  title: string;
  hostId: string;
  hostName: string;
  /** The session's language (a language code), null: any. */
  language: string | null;
  /** Who is interested (participant ids), in the order they said so. */
  votes: string[];
  /** [BCAMP7] The session's notes, and their revision (bumped on every save). */
  notes: string;
  notesRev: number;
  /** [BCAMP6] The breakout room of the session, once its slot started. */
  roomId: string | null;
}

export interface Slot {
  id: string;
  /** '' : "Slot n" in each reader's language. */
  label: string;
}

export interface Grid {
  rooms: number;
  slots: Slot[];
  /** slots × rooms: the proposal id in that cell, or null. */
  cells: (string | null)[][];
}

export interface Barcamp {
  id: string;
  phase: BarcampPhase;
  rooms: number;
  slotMin: number;
  proposals: Proposal[];
  grid: Grid | null;
  /** The index of the running slot (phase `running`), else null. */
  current: number | null;
  startedAt: number;
  endedAt: number | null;
}

/** The barcamp of a workshop (at most one), with a version that grows with each change. */
export interface BarcampView {
  version: number;
  barcamp: Barcamp | null;
}
