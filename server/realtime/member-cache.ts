/**
 * The member of a socket, cached for volatile commands (a drawer sends up to 120 live strokes and
 * cursors a second; each would otherwise cost two store reads).
 *
 * A socket's cache is valid while the socket is in the room `rooms.memberCache()`. Whatever changes
 * what the cache holds (role, room, removal, the workshop's end) calls memberChanged() after its store
 * write, which makes the affected sockets leave that room on every node (through the adapter, in order
 * with the broadcasts that follow), so their next volatile command reads the store again.
 */
import { CommandError, type CommandName } from '../../shared/protocol.js';
import { rooms } from './rooms.js';
import type { Deps, Member, TypedServer, TypedSocket } from './types.js';

/** The sender as a member of their workshop, read from the store; refused when they may not act. */
export async function loadMember(socket: TypedSocket, deps: Deps, name: CommandName): Promise<Member> {
  const session = socket.data.session;
  if (!session) throw new CommandError('not_joined', 'Join the workshop first');
  const [actor, workshop] = await Promise.all([
    deps.store.getParticipant(session.workshopId, session.participantId),
    deps.store.getWorkshop(session.workshopId),
  ]);
  if (!actor || !workshop) throw new CommandError('not_found', 'Workshop or participant not found');
  if (actor.removed) throw new CommandError('removed', 'You were removed from this workshop');
  if (workshop.endedAt !== null && name !== 'workshop:leave') throw new CommandError('ended', 'The workshop has ended');
  return { session, actor, workshop };
}

export async function loadCachedMember(socket: TypedSocket, deps: Deps, name: CommandName): Promise<Member> {
  const cached = socket.data.member;
  const valid = rooms.memberCache();
  // The session object is replaced on join, resume and leave: a cache of another session is never used.
  if (cached && cached.session === socket.data.session && socket.rooms.has(valid)) return cached;
  socket.data.member = null;
  // Joined before the read: a change landing during the read takes the socket out again, so the
  // possibly outdated result is used for this one command only.
  void socket.join(valid);
  const member = await loadMember(socket, deps, name);
  socket.data.member = member;
  return member;
}

/** After a store write that changed a participant's role or room, or removed them (or, without one, anything of the workshop's). */
export function memberChanged(io: TypedServer, workshopId: string, participantId?: string): void {
  const target =
    participantId === undefined ? rooms.workshop(workshopId) : rooms.participant(workshopId, participantId);
  io.in(target).socketsLeave(rooms.memberCache());
}
