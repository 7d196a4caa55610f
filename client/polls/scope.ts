import { mayVote, type VoterPlace } from '../../shared/polls/rules.js';
import type { PollView } from '../../shared/polls/schema.js';

/** Who is looking: moderators see every room's polls; others vote only in their own room. */
export type Viewer = VoterPlace;

/**
 * [POLL6] A closed poll belongs to the whole workshop: a poll run in the breakout rooms keeps showing
 * (with its results, which the server sends to everyone once closed) after people return to the plenary.
 * An open one is listed where it may be voted on ([POLL4], the shared rule).
 */
export function isListed(poll: PollView, viewer: Viewer): boolean {
  if (poll.status === 'draft') return viewer.moderator;
  if (poll.status === 'closed') return true;
  return mayVote(poll, viewer);
}
