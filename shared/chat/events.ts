import { command } from '../command.js';
import { chatDeleteSchema, chatEditSchema, chatHistorySchema, chatSendSchema, type ChatMessage } from './schema.js';

export const chatCommands = {
  'chat:send': command<ChatMessage>()(chatSendSchema, 'member'),
  'chat:history': command<ChatMessage[]>()(chatHistorySchema, 'member'),
  /** [CHAT2] Own messages only. */
  'chat:edit': command<ChatMessage>()(chatEditSchema, 'member'),
  /** [CHAT3] Own messages; moderators any. */
  'chat:delete': command<ChatMessage>()(chatDeleteSchema, 'member'),
} as const;

export interface ChatServerEvents {
  'chat:message': (message: ChatMessage) => void;
  /** [CHAT2][CHAT3] A message of this room was edited or deleted: replace it by id. */
  'chat:updated': (message: ChatMessage) => void;
}
