import { z } from 'zod';

import { CHAT_MAX_LENGTH } from './constants.js';
import { parseThread } from './threads.js';

export * from './constants.js';
export * from './threads.js';
export { PLENARY } from '../rooms.js';

export const chatSendSchema = z.object({ text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) });
export const chatHistorySchema = z.object({}).strict();
const messageId = z.string().min(1).max(64);
/** [CHAT4] A private conversation's id (threads.ts); absent: the chat of the room the sender is in. */
const threadId = z
  .string()
  .max(140)
  .refine((t) => parseThread(t) !== null, 'not a private conversation');
/** [CHAT2] The author changes their own message (in the room they are in, or in a private conversation). */
export const chatEditSchema = z.object({
  id: messageId,
  text: z.string().trim().min(1).max(CHAT_MAX_LENGTH),
  thread: threadId.optional(),
});
/** [CHAT3] The author, or a moderator, deletes a message (in the room they are in, or in a private conversation). */
export const chatDeleteSchema = z.object({ id: messageId, thread: threadId.optional() });
/**
 * [CHAT4] A private message: to one person (`to`: their id), to the moderators (`to: 'moderators'`), or,
 * from a moderator, into someone's conversation with the moderators (`to`: their id, `moderators: true`).
 */
export const chatPrivateSchema = z.object({
  to: z.string().min(1).max(64),
  moderators: z.boolean().optional(),
  text: z.string().trim().min(1).max(CHAT_MAX_LENGTH),
});
export const chatPrivateHistorySchema = z.object({}).strict();

export interface ChatMessage {
  id: string;
  /** The room (PLENARY or a breakout room's id), or for a private message its thread id ([CHAT4]). */
  roomId: string;
  authorId: string;
  authorName: string;
  authorTown: string;
  text: string;
  at: number;
  /** [CHAT2] Server time of the last edit (or of the deletion). */
  editedAt?: number;
  /** [CHAT3] Deleted: the text is gone, the line says so. */
  deleted?: boolean;
}
