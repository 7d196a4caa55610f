import type { BreakoutView } from '../../shared/breakouts/schema.js';
import type { PollView } from '../../shared/polls/schema.js';

/** Who is looking: moderators see every room's polls; others vote only in their own room. */
export interface Viewer {
  moderator: boolean;
  roomId: string;
}

/** [POLL4] An open poll is offered to the people in its rooms (and to moderators, who may vote anywhere). */
export function canVoteIn(poll: PollView, viewer: Viewer): boolean {
  return poll.status === 'open' && (viewer.moderator || poll.rooms.includes(viewer.roomId));
}

/**
 * [POLL6] A closed poll belongs to the whole workshop: a poll run in the breakout rooms keeps showing
 * (with its results, which the server sends to everyone once closed) after people return to the plenary.
 */
export function isListed(poll: PollView, viewer: Viewer): boolean {
  if (poll.status === 'draft') return viewer.moderator;
  if (poll.status === 'closed') return true;
  return canVoteIn(poll, viewer);
}

/** [POLL3] "Launch in every breakout room": the open breakout rooms, from the breakouts state; none otherwise. */
export function launchRoomIds(breakouts: Pick<BreakoutView, 'status' | 'rooms'> | null): string[] {
  return breakouts?.status === 'open' ? breakouts.rooms.map((r) => r.id) : [];
}
