import { command } from '../command.js';
import { chatHistorySchema, chatSendSchema, type ChatMessage } from './schema.js';

export const chatCommands = {
  'chat:send': command<ChatMessage>()(chatSendSchema, 'member'),
  'chat:history': command<ChatMessage[]>()(chatHistorySchema, 'member'),
} as const;

export interface ChatServerEvents {
  'chat:message': (message: ChatMessage) => void;
}
