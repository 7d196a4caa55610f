/** The fishbowl rules both sides need (see RULES.md): the seat counter, who is asked to make room, the queue. */
import type { Fishbowl, Seat } from './schema.js';

/** Occupied seats. */
export function seatsTaken(f: Fishbowl): number {
  return f.seats.filter((s) => s !== null).length;
}

export function freeSeats(f: Fishbowl): number {
  return f.seats.length - seatsTaken(f);
}

export function seatOf(f: Fishbowl | null, participantId: string): Seat | null {
  return f?.seats.find((s) => s?.id === participantId) ?? null;
}

/** 1-based place in the queue of raised hands; null when not waiting. */
export function queuePosition(f: Fishbowl | null, participantId: string): number | null {
  const i = f?.queue.findIndex((w) => w.id === participantId) ?? -1;
  return i < 0 ? null : i + 1;
}

/**
 * [FISH5] When every seat is taken, the one who has sat longest (not a moderator's permanent seat) is
 * asked to make room; null while a seat is free, once ended, or when only permanent seats are full.
 */
export function askedToMakeRoom(f: Fishbowl | null): string | null {
  if (f?.phase !== 'open' || freeSeats(f) > 0) return null;
  let longest: Seat | null = null;
  for (const s of f.seats) if (s && !s.permanent && (longest === null || s.since < longest.since)) longest = s;
  return longest?.id ?? null;
}
