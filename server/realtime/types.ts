import type { ParticipantEvents } from './participant-events.js';
import type { Server, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  COMMANDS,
  CommandName,
  CommandPayload,
  CommandResult,
  InterServerEvents,
  ServerToClientEvents,
} from '../../shared/protocol.js';
import type { Config } from '../config.js';
import type { IdSource } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ParticipantRecord, WorkshopRecord } from '../workshops/store/types.js';
import type { LogSampler } from './log-sampler.js';
import type { Attempts } from './attempts.js';
import type { TokenBucket } from './rate-limit.js';

export interface Session {
  workshopId: string;
  participantId: string;
}

export interface SocketData {
  session: Session | null;
  /** [WS25] The knock this socket waits with in a lobby, if any. */
  knock: { workshopId: string; knockId: string } | null;
  bucket: TokenBucket;
  /** For volatile commands (live strokes, cursors), apart from `bucket`. */
  volatileBucket: TokenBucket;
  /** The member as last loaded for a volatile command; valid while the socket is in rooms.memberCache (see member-cache.ts). */
  member: Member | null;
  /** Refusals logged for this connection, sampled (see log-sampler.ts). */
  refusals: LogSampler;
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
  /** [WS31] Every participant event this node broadcasts to a workshop goes through here. */
  people: ParticipantEvents;
}

/** The joined participant sending a command, loaded fresh from the store for each command. */
export interface Member {
  session: Session;
  actor: ParticipantRecord;
  workshop: WorkshopRecord;
}

/**
 * What a volatile command (live stroke, cursor) gets: the member cached per socket. Only the fields
 * whose every change refreshes the cache (memberChanged: role, room, removal, the workshop's end) are
 * typed here, so a volatile handler cannot read a field that may be stale (hand, media, presence).
 */
export interface CachedMember {
  session: Session;
  actor: Pick<ParticipantRecord, 'id' | 'name' | 'role' | 'roomId'>;
  workshop: Pick<WorkshopRecord, 'id'>;
}

/** Any command: who sent it, and what to use. */
export interface PublicContext {
  deps: Deps;
  socket: TypedSocket;
}

/** `member` and `moderator` commands: the wrapper has checked the member (and the role). */
export interface MemberContext extends PublicContext {
  member: Member;
}

export interface VolatileContext extends PublicContext {
  member: CachedMember;
}

type Def<K extends CommandName> = (typeof COMMANDS)[K];

/** The context a command's handler receives, from the command's access and volatility. */
export type ContextFor<K extends CommandName> = Def<K>['access'] extends 'public'
  ? PublicContext
  : Def<K>['volatile'] extends true
    ? VolatileContext
    : MemberContext;

export type Handler<K extends CommandName> = (
  payload: CommandPayload<K>,
  ctx: ContextFor<K>,
) => Promise<CommandResult<K>>;
export type HandlerTable = { [K in CommandName]: Handler<K> };
