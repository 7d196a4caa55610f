import { command } from '../command.js';
import {
  chatDeleteSchema,
  chatEditSchema,
  chatHistorySchema,
  chatPrivateHistorySchema,
  chatPrivateSchema,
  chatSendSchema,
  type ChatMessage,
} from './schema.js';

export const chatCommands = {
  'chat:send': command<ChatMessage>()(chatSendSchema, 'member'),
  'chat:history': command<ChatMessage[]>()(chatHistorySchema, 'member'),
  /** [CHAT2] Own messages only. */
  'chat:edit': command<ChatMessage>()(chatEditSchema, 'member'),
  /** [CHAT3] Own messages; moderators any. */
  'chat:delete': command<ChatMessage>()(chatDeleteSchema, 'member'),
  /** [CHAT4] A private message to one person or to the moderators; delivered to those people only. */
  'chat:private': command<ChatMessage>()(chatPrivateSchema, 'member'),
  /** [CHAT4] Every private message of the sender's conversations (moderators: with every moderators' thread). */
  'chat:privateHistory': command<ChatMessage[]>()(chatPrivateHistorySchema, 'member'),
} as const;

export interface ChatServerEvents {
  'chat:message': (message: ChatMessage) => void;
  /** [CHAT2][CHAT3] A message of this room was edited or deleted: replace it by id. */
  'chat:updated': (message: ChatMessage) => void;
  /** [CHAT4] A private message, sent only to the people of its conversation (`roomId` is the thread id). */
  'chat:privateMessage': (message: ChatMessage) => void;
  /** [CHAT4] A private message was edited or deleted: replace it by id. */
  'chat:privateUpdated': (message: ChatMessage) => void;
}
