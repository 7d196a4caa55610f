import { z } from 'zod';

import { CHAT_MAX_LENGTH } from './constants.js';

export * from './constants.js';
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
