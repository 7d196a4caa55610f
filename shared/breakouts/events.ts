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
  noteSchema,
  postCardSchema,
  type NestedView,
  type NoteSaved,
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
  /** [BR28] 1-2-4-All: one's own note and the notes of one's room-mates, and the four's posted card. */
  'breakout:nested': command<NestedView>()(emptySchema, 'member'),
  /** [BR28] Saves one's private note (shown to the room-mates of the pairs and fours). */
  'breakout:note': command<NestedView>()(noteSchema, 'member'),
  /** [BR29] The four posts its one card on the plenary board (once per four; again: the card it posted). */
  'breakout:post-card': command<NestedView>()(postCardSchema, 'member'),
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
  /** [BR28] To the room of whoever saved their note (not sent while they are alone in the plenary). */
  'breakout:noted': (event: NoteSaved) => void;
  /** [BR29] To the four whose card went onto the plenary board. */
  'breakout:card-posted': (event: { roomId: string; text: string }) => void;
}
