/** The idea market's rules both sides need (see RULES.md). */
import type { Market, Stall } from './schema.js';

export function stallById(m: Market | null, stallId: string): Stall | null {
  return m?.stalls.find((s) => s.id === stallId) ?? null;
}

/** [MKT5] Signed up already. */
export const signedUp = (s: Stall, participantId: string) => s.signups.some((x) => x.participantId === participantId);

/** [MKT5] No more sign-ups: the capacity is reached. */
export const stallFull = (s: Stall) => s.capacity !== null && s.signups.length >= s.capacity;

/** [MKT6] Who may edit a stall's notes and contact. */
export const mayEditStall = (s: Stall, participantId: string, moderator: boolean) =>
  moderator || s.ownerId === participantId || s.contactId === participantId;

/** [MKT3] The stall whose owner pitches now. */
export const pitching = (m: Market | null): Stall | null =>
  m?.phase === 'pitch' && m.pitch ? (m.stalls[m.pitch.index] ?? null) : null;
