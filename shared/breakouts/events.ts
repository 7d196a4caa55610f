import type { ChatMessage } from '../chat/schema.js';
import { command } from '../command.js';
import {
  ackSchema,
  assignSchema,
  broadcastSchema,
  chooseSchema,
  emptySchema,
  extendSchema,
  helpResolveSchema,
  moveSchema,
  openSchema,
  roomChatSchema,
  roomsSetSchema,
  rotateSchema,
  visitSchema,
  closeRoomSchema,
  type BreakoutBroadcast,
  type BreakoutMove,
  type BreakoutView,
  type RoundEnded,
} from './schema.js';

export const breakoutCommands = {
  /** Everyone, after join/resume: the breakouts as they are. A late joiner is put into a room here. */
  'breakout:sync': command<BreakoutView>()(emptySchema, 'member'),
  'breakout:rooms': command<BreakoutView>()(roomsSetSchema, 'moderator', { maxBytes: 32 * 1024 }),
  'breakout:assign': command<BreakoutView>()(assignSchema, 'moderator'),
  'breakout:move': command<BreakoutView>()(moveSchema, 'moderator'),
  'breakout:open': command<BreakoutView>()(openSchema, 'moderator'),
  'breakout:rotate': command<BreakoutView>()(rotateSchema, 'moderator'),
  'breakout:extend': command<BreakoutView>()(extendSchema, 'moderator'),
  'breakout:close': command<BreakoutView>()(emptySchema, 'moderator'),
  'breakout:broadcast': command<BreakoutBroadcast>()(broadcastSchema, 'moderator'),
  'breakout:visit': command<BreakoutView>()(visitSchema, 'moderator'),
  /** [BR26] Closes one room while the others run: who is in it goes back to the plenary (and hears breakout:room-closed). */
  'breakout:closeRoom': command<BreakoutView>()(closeRoomSchema, 'moderator'),
  'breakout:help': command<BreakoutView>()(emptySchema, 'member'),
  'breakout:help-resolve': command<BreakoutView>()(helpResolveSchema, 'moderator'),
  'breakout:choose': command<BreakoutView>()(chooseSchema, 'member'),
  /** A participant confirms it follows its new room; the server puts its socket there. */
  'breakout:ack': command<{ roomId: string }>()(ackSchema, 'member'),
  /** A room's chat, readable from the plenary once the room has closed. */
  'breakout:room-chat': command<ChatMessage[]>()(roomChatSchema, 'member'),
} as const;

export interface BreakoutServerEvents {
  'breakout:updated': (view: BreakoutView) => void;
  /** People changed rooms: each participant's roomId is now the one given. */
  'breakout:moved': (event: { version: number; moves: BreakoutMove[] }) => void;
  'breakout:broadcasted': (message: BreakoutBroadcast) => void;
  'breakout:round-ended': (event: RoundEnded) => void;
  /** [BR26] To each person sent back from a room a moderator closed while the others run. */
  'breakout:room-closed': (event: { roomId: string }) => void;
}
