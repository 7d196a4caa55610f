import { z } from 'zod';

export const CHAT_MAX_LENGTH = 1000;
export const CHAT_HISTORY = 200;
export { PLENARY } from '../rooms.js';

export const chatSendSchema = z.object({ text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) });
export const chatHistorySchema = z.object({}).strict();

export interface ChatMessage {
  id: string;
  roomId: string;
  authorId: string;
  authorName: string;
  authorTown: string;
  text: string;
  at: number;
}
