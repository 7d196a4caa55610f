import type { boardCommands } from '../shared/boards/events.js';
import type { chatCommands } from '../shared/chat/events.js';
import type { mediaCommands } from '../shared/media/events.js';
import type { CommandName } from '../shared/protocol.js';
import type { DisconnectReason } from 'socket.io';
import { agendaFeature } from './agenda/handlers.js';
import { barcampFeature } from './barcamp/handlers.js';
import { boardHandlers } from './boards/handlers.js';
import { breakoutFeature } from './breakouts/handlers.js';
import { chatHandlers } from './chat/handlers.js';
import { fishbowlFeature } from './fishbowl/handlers.js';
import { galleryFeature } from './gallery/handlers.js';
import { marketFeature } from './market/handlers.js';
import { mediaConfigFor, mediaHandlers } from './media/handlers.js';
import { pollFeature } from './polls/handlers.js';
import type { Deps, Handler, HandlerTable, TypedSocket } from './realtime/types.js';
import { sfuFeature } from './sfu/handlers.js';
import { speakingFeature } from './speaking/handlers.js';
import { truthsFeature } from './truths/handlers.js';
import { workshopFeature } from './workshops/handlers.js';

/**
 * A feature: its command handlers, and what runs on its own (tickers, throttles, timers). Building one
 * starts nothing: createApp calls start() once and close() calls stop(), so timers live and die with the app.
 */
export interface Feature<K extends CommandName> {
  handlers: { [P in K]: Handler<P> };
  /** Starts what runs on its own; a promise when the feature first connects to something (SFU: Janus). */
  start(): void | Promise<void>;
  /** Stops its timers and waits for work in flight; called before the store closes. */
  stop(): Promise<void>;
  /** A connection ended (Socket.IO's reason); resolves when what that means is recorded. */
  disconnected?(socket: TypedSocket, reason: DisconnectReason): Promise<void>;
}

/** A feature that only answers commands. */
function handlersOnly<K extends CommandName>(handlers: { [P in K]: Handler<P> }): Feature<K> {
  return { handlers, start() {}, stop: async () => {} };
}

export interface Features {
  handlers: HandlerTable;
  /** Starts every feature; resolves once each is ready (the SFU has tried each Janus once). */
  start(): Promise<void>;
  stop(): Promise<void>;
  disconnected(socket: TypedSocket, reason: DisconnectReason): Promise<void>;
}

/** Every feature; the type of `handlers` makes a command without a handler a compile error. */
export function createFeatures(deps: Deps): Features {
  const sfu = sfuFeature(deps);
  const mediaConfig = mediaConfigFor(deps, sfu.info);
  const workshops = workshopFeature(deps, mediaConfig);
  const chat: Feature<keyof typeof chatCommands> = handlersOnly(chatHandlers(deps));
  const breakouts = breakoutFeature(deps);
  const media: Feature<keyof typeof mediaCommands> = handlersOnly(mediaHandlers(deps, mediaConfig));
  const boards: Feature<keyof typeof boardCommands> = handlersOnly(boardHandlers(deps));
  const polls = pollFeature(deps);
  // The agenda's steps run the other features' commands through this table (filled just below).
  let table: HandlerTable | null = null;
  const agenda = agendaFeature(deps, () => table!);
  const speaking = speakingFeature(deps);
  const truths = truthsFeature(deps);
  const fishbowl = fishbowlFeature(deps);
  const gallery = galleryFeature(deps);
  const market = marketFeature(deps, () => table!);
  const barcamp = barcampFeature(deps, () => table!);
  const all = [
    workshops,
    chat,
    breakouts,
    media,
    sfu,
    boards,
    polls,
    agenda,
    speaking,
    truths,
    fishbowl,
    gallery,
    market,
    barcamp,
  ];
  table = {
    ...workshops.handlers,
    ...chat.handlers,
    ...breakouts.handlers,
    ...media.handlers,
    ...sfu.handlers,
    ...boards.handlers,
    ...polls.handlers,
    ...agenda.handlers,
    ...speaking.handlers,
    ...truths.handlers,
    ...fishbowl.handlers,
    ...gallery.handlers,
    ...market.handlers,
    ...barcamp.handlers,
  };
  return {
    handlers: table,
    start: async () => {
      await Promise.all(all.map((f) => f.start()));
    },
    stop: async () => {
      await Promise.all(all.map((f) => f.stop()));
    },
    disconnected: async (socket, reason) => {
      await Promise.all(all.map((f) => f.disconnected?.(socket, reason)));
    },
  };
}
