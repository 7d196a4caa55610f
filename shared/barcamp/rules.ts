/** The barcamp's rules both sides need (see RULES.md). */
import type { Barcamp, Grid, Proposal } from './schema.js';

export function proposalById(b: Barcamp | null, proposalId: string): Proposal | null {
  return b?.proposals.find((p) => p.id === proposalId) ?? null;
}

/** [BCAMP3] Interested already. */
export const voted = (p: Proposal, participantId: string) => p.votes.includes(participantId);

/** [BCAMP4] Where a session is in the grid, or null. */
export function cellOf(grid: Grid | null, proposalId: string): { slot: number; room: number } | null {
  if (!grid) return null;
  for (let slot = 0; slot < grid.cells.length; slot++) {
    const room = grid.cells[slot]!.indexOf(proposalId);
    if (room >= 0) return { slot, room };
  }
  return null;
}

/** [BCAMP5] The proposals of a slot, in room order (empty cells left out). */
export function sessionsOf(b: Barcamp, slot: number): Proposal[] {
  const ids = b.grid?.cells[slot] ?? [];
  return ids.flatMap((id) => {
    const p = id === null ? null : proposalById(b, id);
    return p ? [p] : [];
  });
}

/** [BCAMP7] Who may write a session's notes: its host, a moderator, or whoever is in its room now. */
export const mayWriteNotes = (p: Proposal, person: { id: string; roomId: string }, moderator: boolean) =>
  moderator || p.hostId === person.id || (p.roomId !== null && p.roomId === person.roomId);

/** [BCAMP6] The session running now whose room this person is in. */
export function sessionHere(b: Barcamp | null, roomId: string): Proposal | null {
  if (b?.phase !== 'running' || b.current === null) return null;
  return sessionsOf(b, b.current).find((p) => p.roomId === roomId) ?? null;
}
