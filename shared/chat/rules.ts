import { PLENARY } from '../rooms.js';
import type { ChatLock } from '../workshops/schema.js';

/**
 * [WS24] Who may write in the chat of the room they are in: moderators always; others unless the
 * moderators closed the chat everywhere, or in the plenary while they are in it.
 */
export function mayWriteChat(lock: ChatLock, who: { role: string; roomId: string }): boolean {
  if (who.role === 'moderator' || lock === 'open') return true;
  return lock === 'plenary' && who.roomId !== PLENARY;
}
