import type { Server, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResult,
  InterServerEvents,
  ServerToClientEvents,
} from '../../shared/protocol.js';
import type { Config } from '../config.js';
import type { IdSource } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import type { ParticipantRecord, WorkshopRecord } from '../store/types.js';
import type { Attempts } from './attempts.js';
import type { TokenBucket } from './rate-limit.js';

export interface Session {
  workshopId: string;
  participantId: string;
}

export interface SocketData {
  session: Session | null;
  bucket: TokenBucket;
  /** For volatile commands (live strokes, cursors), apart from `bucket`. */
  volatileBucket: TokenBucket;
  /** The client address limits count against (see client-address.ts), fixed at the handshake. */
  address: string;
}

export type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** What every handler may use. Time and ids come from here, never from Date.now() in logic. */
export interface Deps {
  io: TypedServer;
  store: Store;
  config: Config;
  log: Logger;
  clock: () => number;
  ids: IdSource;
  /** Limits against guessing codes and keys and flooding creation, shared by all nodes. */
  attempts: Attempts;
  /** Per-node timers that are safe to lose (their effect is re-derived from stored times). */
  timers: Set<NodeJS.Timeout>;
}

/** The joined participant sending a command, loaded fresh from the store for each command. */
export interface Member {
  session: Session;
  actor: ParticipantRecord;
  workshop: WorkshopRecord;
}

export interface HandlerContext {
  deps: Deps;
  socket: TypedSocket;
  /** Present for `member` and `moderator` commands (checked by the wrapper). */
  member: Member | null;
}

export type Handler<K extends CommandName> = (
  payload: CommandPayload<K>,
  ctx: HandlerContext,
) => Promise<CommandResult<K>>;
export type HandlerTable = { [K in CommandName]: Handler<K> };
