import { PLENARY } from '../rooms.js';
import type { ChatLock } from '../workshops/schema.js';
import { isInThread, partnerOf, type Thread } from './threads.js';

/**
 * [WS24] Who may write in the chat of the room they are in: moderators always; others unless the
 * moderators closed the chat everywhere, or in the plenary while they are in it.
 */
export function mayWriteChat(lock: ChatLock, who: { role: string; roomId: string }): boolean {
  if (who.role === 'moderator' || lock === 'open') return true;
  return lock === 'plenary' && who.roomId !== PLENARY;
}

/** Why a private message may not be written now (the ack's error code), or null when it may. */
export type PrivateRefusal = 'forbidden' | 'partner_left' | 'chat_locked';

/**
 * [CHAT4][CHAT5][CHAT6] May `sender` write (or edit) in `thread` now? One rule for the server (which
 * refuses) and the page (which disables the field and says why).
 * - only the people in the thread write in it (`forbidden`);
 * - not while the person on the other side has left or was removed (`partner`: null when they are
 *   not here any more; `partner_left`); the moderators' side is never "gone";
 * - a closed chat ([WS24]) closes conversations between two participants too, where the sender may not
 *   write in their room (`chat_locked`); a conversation with the moderators, or with a moderator, stays open.
 */
export function privateRefusal(
  lock: ChatLock,
  thread: Thread,
  sender: { id: string; role: string; roomId: string },
  partner: { role: string; present: boolean } | null,
): PrivateRefusal | null {
  if (!isInThread(thread, sender)) return 'forbidden';
  const partnerId = partnerOf(thread, sender.id);
  if (partnerId !== null && !partner?.present) return 'partner_left';
  if (thread.kind === 'dm' && partner?.role !== 'moderator' && !mayWriteChat(lock, sender)) return 'chat_locked';
  return null;
}
