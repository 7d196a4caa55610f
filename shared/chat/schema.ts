import { z } from 'zod';

import { CHAT_MAX_LENGTH } from './constants.js';

export * from './constants.js';
export { PLENARY } from '../rooms.js';

export const chatSendSchema = z.object({ text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) });
export const chatHistorySchema = z.object({}).strict();
const messageId = z.string().min(1).max(64);
/** [CHAT2] The author changes their own message (in the room they are in). */
export const chatEditSchema = z.object({ id: messageId, text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) });
/** [CHAT3] The author, or a moderator, deletes a message (in the room they are in). */
export const chatDeleteSchema = z.object({ id: messageId });

export interface ChatMessage {
  id: string;
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
