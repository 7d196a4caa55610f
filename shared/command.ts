import type { z } from 'zod';

/** Who may send a command: anyone connected, a joined member, or a moderator of that workshop. */
const ACCESS = ['public', 'member', 'moderator'] as const;
export type Access = (typeof ACCESS)[number];

export interface CommandDef<
  S extends z.ZodType = z.ZodType,
  R = unknown,
  A extends Access = Access,
  V extends boolean = boolean,
> {
  schema: S;
  /** Kept as a literal type: the server gives `member` and `moderator` handlers a non-null member. */
  access: A;
  /** Largest accepted payload in bytes of JSON; bigger gets `payload_too_large`. */
  maxBytes: number;
  /**
   * High-frequency and droppable (live strokes, cursors): counted against the connection's own
   * volatile bucket, so a drawing client keeps its budget for real commands.
   */
  volatile: V;
  /** Phantom: the type of `data` in a successful ack. */
  readonly result?: R;
}

const DEFAULT_MAX_BYTES = 16 * 1024;

/** `command<Result>()(schema, access)`: the result type is given, the payload type comes from the schema. */
export function command<R>() {
  return <S extends z.ZodType, A extends Access, V extends boolean = false>(
    schema: S,
    access: A,
    opts: { maxBytes?: number; volatile?: V } = {},
  ): CommandDef<S, R, A, V> => ({
    schema,
    access,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    volatile: (opts.volatile ?? false) as V,
  });
}

export type Ok<T> = { ok: true; data: T };
/** `retryAfterS`: with `too_many_attempts`, the seconds until trying again may succeed. */
export type Fail = { ok: false; code: ErrorCode; message: string; retryAfterS?: number };
export type Ack<T> = Ok<T> | Fail;

export const ERROR_CODES = [
  'invalid_payload',
  'payload_too_large',
  'unknown_event',
  'forbidden',
  'not_joined',
  'not_found',
  'locked',
  'ended',
  /** Boards: the moderator locked this board. */
  'board_locked',
  /** Boards: the per-person card limit or dot budget is used up. */
  'limit_reached',
  /** Boards: the board holds as much as it may. */
  'board_full',
  'removed',
  'version_mismatch',
  'rate_limited',
  /** Too many failed join codes or moderator keys, or workshops created, from one address: wait `retryAfterS`. */
  'too_many_attempts',
  'conflict',
  /** A self-chosen breakout room is at its capacity. */
  'room_full',
  /** The breakout rooms are not open (or no longer). */
  'not_open',
  /** The breakout rooms are open already: call everyone back first. */
  'already_open',
  /** There are no breakout rooms (or World Café tables) yet. */
  'no_rooms',
  /** A room with people in it cannot be removed while the rooms are open. */
  'room_occupied',
  /** Opening would put nobody into any room. */
  'rooms_empty',
  /** [BR26] A rotation uses every room in its later rounds: call everyone back instead of closing one. */
  'in_rotation',
  'internal',
  /** The store (Redis) cannot be reached right now: nothing was saved; safe commands are retried by the server. */
  'store_unavailable',
  /** [WS24] The moderators closed the chat here. */
  'chat_locked',
  /** [CHAT5] The other person of this private conversation has left the workshop or was removed. */
  'partner_left',
  /** [WS23] The last moderator present cannot be made a participant. */
  'last_moderator',
  /** [WS25] The lobby is on: knock and wait to be let in. */
  'lobby',
  /** [WS26] The passcode is missing or wrong. */
  'passcode',
  /** [WS27] The workshop has as many people as its moderators allow: wait for a place. */
  'full',
  /** [WS18] The name reads like a moderator's: choose another. */
  'name_taken',
  /** Polls: voting is not open (a draft, or closed). */
  'poll_closed',
  /** Polls: the quiz time is up. */
  'poll_deadline',
  /** Polls: an option that does not exist, too many choices, or an incomplete ranking. */
  'invalid_choice',
  /** Polls: already voted and this poll does not allow changing the vote. */
  'vote_locked',
  /** Client side only: no answer arrived (connection lost or timed out). */
  'network',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal decided by logic or a handler; the wrapper turns it into a `Fail` ack. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** For `too_many_attempts`: seconds to wait. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
