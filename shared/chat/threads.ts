/**
 * [CHAT4] Private conversations ("threads"), free of zod so the client can import them.
 *
 * A thread id names who is in it: `dm:<a>:<b>` (two people, ids in sorted order) or `mods:<owner>`
 * (one person and every moderator of the workshop). A private message carries its thread id as `roomId`.
 */
export type Thread = { kind: 'dm'; a: string; b: string } | { kind: 'mods'; owner: string };

/** What a sender names when writing privately: a person, or the moderators (moderators may name whose thread). */
export interface PrivateTarget {
  /** A participant id, or `'moderators'` for the sender's own thread with the moderators. */
  to: string;
  /** With a participant id in `to`: that person's thread with the moderators (moderators answering). */
  moderators?: boolean;
}

const MODERATORS = 'moderators';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function dmThread(a: string, b: string): string {
  return a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`;
}

export function modsThread(owner: string): string {
  return `mods:${owner}`;
}

/** The thread an id names, or null for anything else (a room id, a malformed id, a conversation with oneself). */
export function parseThread(id: string): Thread | null {
  const [kind, a, b, ...rest] = id.split(':');
  if (rest.length > 0 || !a || !ID.test(a)) return null;
  if (kind === 'mods' && b === undefined) return { kind: 'mods', owner: a };
  if (kind === 'dm' && b !== undefined && ID.test(b) && a < b) return { kind: 'dm', a, b };
  return null;
}

/** The thread a sender means, or null when they name themselves. */
export function threadFor(senderId: string, target: PrivateTarget): string | null {
  if (target.to === MODERATORS) return target.moderators ? null : modsThread(senderId);
  if (target.moderators) return modsThread(target.to);
  return target.to === senderId ? null : dmThread(senderId, target.to);
}

/** The target that writes into `thread` for `viewerId` (the reverse of threadFor). */
export function targetFor(viewerId: string, thread: Thread): PrivateTarget {
  if (thread.kind === 'mods')
    return thread.owner === viewerId ? { to: MODERATORS } : { to: thread.owner, moderators: true };
  return { to: thread.a === viewerId ? thread.b : thread.a };
}

/** Whether this person reads the thread: one of the two, or its owner or any moderator. */
export function isInThread(thread: Thread, who: { id: string; role: string }): boolean {
  if (thread.kind === 'dm') return who.id === thread.a || who.id === thread.b;
  return who.id === thread.owner || who.role === 'moderator';
}

/**
 * The one person on the other side whose leaving closes the thread for `viewerId`: the other of two, or,
 * for a moderator in someone's thread with the moderators, that someone. Null when the other side is
 * "the moderators" (always reachable: moderators who come later read it).
 */
export function partnerOf(thread: Thread, viewerId: string): string | null {
  if (thread.kind === 'dm') return thread.a === viewerId ? thread.b : thread.a;
  return thread.owner === viewerId ? null : thread.owner;
}
