/** Barcamp / Open Space: limits, one place for both sides. */

export const BARCAMP_LIMITS = {
  proposals: 60,
  /** Sessions one person may propose (moderators: no limit of their own, the total still holds). */
  perPerson: 3,
  title: 80,
  notes: 4000,
  roomsMin: 1,
  roomsMax: 12,
  roomsDefault: 4,
  slotsMax: 12,
  slotMinMin: 5,
  slotMinMax: 120,
  slotMinDefault: 30,
} as const;

/** proposing: proposals and interest votes; grid: the grid is built and edited; running: a slot's sessions are rooms; ended. */
export const BARCAMP_PHASES = ['proposing', 'grid', 'running', 'ended'] as const;
export type BarcampPhase = (typeof BARCAMP_PHASES)[number];
