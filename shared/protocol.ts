/**
 * The wire protocol, one map for both sides. Every command is a Socket.IO event with a payload
 * (validated on the server by the command's zod schema) and an ack. See PROTOCOL.md.
 */
import type { z } from 'zod';
import type { Ack, CommandDef } from './command.js';
import { agendaCommands, type AgendaServerEvents } from './agenda/events.js';
import { breakoutCommands, type BreakoutServerEvents } from './breakouts/events.js';
import { barcampCommands, type BarcampServerEvents } from './barcamp/events.js';
import { boardCommands, type BoardServerEvents } from './boards/events.js';
import { chatCommands, type ChatServerEvents } from './chat/events.js';
import { fishbowlCommands, type FishbowlServerEvents } from './fishbowl/events.js';
import { galleryCommands, type GalleryServerEvents } from './gallery/events.js';
import { marketCommands, type MarketServerEvents } from './market/events.js';
import { mediaCommands, sfuCommands, type MediaServerEvents } from './media/events.js';
import { pollCommands, type PollServerEvents } from './polls/events.js';
import { speakingCommands, type SpeakingServerEvents } from './speaking/events.js';
import { truthsCommands, type TruthsServerEvents } from './truths/events.js';
import { workshopCommands, type WorkshopServerEvents } from './workshops/events.js';

export * from './command.js';

export { PROTOCOL_VERSION } from './protocol-version.js';

export const COMMANDS = {
  ...workshopCommands,
  ...chatCommands,
  ...mediaCommands,
  ...sfuCommands,
  ...breakoutCommands,
  ...boardCommands,
  ...pollCommands,
  ...speakingCommands,
  ...truthsCommands,
  ...fishbowlCommands,
  ...galleryCommands,
  ...marketCommands,
  ...barcampCommands,
  ...agendaCommands,
} as const;

type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['schema']>;
export type CommandPayload<K extends CommandName> = z.output<Commands[K]['schema']>;
export type CommandResult<K extends CommandName> = Commands[K] extends CommandDef<z.ZodType, infer R> ? R : never;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandInput<K>, ack: (result: Ack<CommandResult<K>>) => void) => void;
};

/** Sent to a connection whose command waits for the store: the page says the server is having trouble saving. */
export interface SystemServerEvents {
  'server:trouble': (e: { retrying: boolean }) => void;
}

export type ServerToClientEvents = SystemServerEvents &
  WorkshopServerEvents &
  ChatServerEvents &
  MediaServerEvents &
  BreakoutServerEvents &
  BoardServerEvents &
  PollServerEvents &
  SpeakingServerEvents &
  TruthsServerEvents &
  FishbowlServerEvents &
  GalleryServerEvents &
  MarketServerEvents &
  BarcampServerEvents &
  AgendaServerEvents;

/** What one node tells the others (Socket.IO serverSideEmit over the Redis adapter). */
export interface InterServerEvents {
  /** A board's settings changed (lock, who may draw, ...): nodes that hold it drop their copy. */
  'board:settings': (ref: { workshopId: string; roomId: string }) => void;
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
