import { z } from 'zod';
import {
  COMMANDS,
  CommandError,
  isCommandName,
  type Ack,
  type CommandName,
  type Fail,
  type ErrorCode,
} from '../../shared/protocol.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import type { Deps, HandlerContext, HandlerTable, Member, TypedSocket } from './types.js';

/**
 * Commands the server retries while the store is unavailable: reads, and writes that give the same
 * result when applied twice (a lost ack after an applied write must not duplicate anything).
 */
const SAFE_TO_RETRY: ReadonlySet<CommandName> = new Set<CommandName>([
  'workshop:preview',
  'workshop:resume',
  'workshop:leave',
  'workshop:lock',
  'workshop:end',
  'hand:raise',
  'hand:lower',
  'participant:promote',
  'board:sync',
  'board:list',
  'board:view',
  'board:op', // items carry their id: applied twice is refused, never doubled
  'breakout:sync',
  'chat:history',
  'poll:sync',
  'poll:vote', // one field per voter: a re-vote overwrites
  'poll:leaderboard',
  'media:update',
]);
/** How long a safe command is retried before the page is told it failed. */
const RETRY_FOR_MS = 8000;

const fail = (code: ErrorCode, message: string, retryAfterS?: number): Fail =>
  retryAfterS === undefined ? { ok: false, code, message } : { ok: false, code, message, retryAfterS };

/**
 * The one wrapper every command goes through: rate limit, size, schema, role, then the handler.
 * Whatever happens, the sender gets exactly one ack and the server keeps running.
 */
export function registerCommands(socket: TypedSocket, deps: Deps, handlers: HandlerTable) {
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    socket.on(name, ((...args: unknown[]) => {
      // `emit(name, ack)` without a payload: the ack arrives where the payload would be.
      const [payload, ack] = args.length === 1 && typeof args[0] === 'function' ? [undefined, args[0]] : args;
      void runCommand(name, payload, ack, socket, deps, handlers);
    }) as never);
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (isCommandName(event)) return;
    deps.log.info('unknown event', { event, socket: socket.id });
    const ack = args.at(-1);
    if (typeof ack === 'function') ack(fail('unknown_event', `Unknown event "${event}"`));
  });
}

async function runCommand(
  name: CommandName,
  payload: unknown,
  rawAck: unknown,
  socket: TypedSocket,
  deps: Deps,
  handlers: HandlerTable,
) {
  const started = performance.now();
  const session = socket.data.session;
  const ack = typeof rawAck === 'function' ? (rawAck as (r: Ack<unknown>) => void) : () => {};
  const logFields = {
    event: name,
    socket: socket.id,
    workshop: session?.workshopId,
    participant: session?.participantId,
  };
  let result: Ack<unknown>;
  try {
    result = {
      ok: true,
      data: await withRetries(name, socket, () => execute(name, payload, socket, deps, handlers)),
    };
  } catch (err) {
    if (isStoreUnavailable(err)) {
      deps.log.warn('store unavailable', { ...logFields, err });
      result = fail('store_unavailable', 'The server is having trouble saving; try again in a moment');
    } else if (err instanceof CommandError) {
      result = fail(err.code, err.message, err.retryAfterS);
    } else {
      deps.log.error('command failed', { ...logFields, err });
      result = fail('internal', 'Something went wrong on the server');
    }
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (result.ok) deps.log.debug('command', { ...logFields, ms });
  else deps.log.info('command refused', { ...logFields, ms, code: result.code, message: result.message });
  ack(result);
}

/** Runs a command; while the store is unavailable, retries it if that is safe, telling the sender at once. */
async function withRetries<T>(name: CommandName, socket: TypedSocket, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const retry = isStoreUnavailable(err) && SAFE_TO_RETRY.has(name) && Date.now() - started < RETRY_FOR_MS;
      if (attempt === 0 && isStoreUnavailable(err)) socket.emit('server:trouble', { retrying: retry });
      if (!retry) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1000)));
    }
  }
}

async function execute(name: CommandName, payload: unknown, socket: TypedSocket, deps: Deps, handlers: HandlerTable) {
  const def = COMMANDS[name];
  const bucket = def.volatile ? socket.data.volatileBucket : socket.data.bucket;
  if (!bucket.take(deps.clock())) throw new CommandError('rate_limited', 'Too many requests; slow down');
  if (jsonSize(payload) > def.maxBytes)
    throw new CommandError('payload_too_large', `Payload larger than ${def.maxBytes} bytes`);
  const parsed = def.schema.safeParse(payload ?? {});
  if (!parsed.success) throw new CommandError('invalid_payload', z.prettifyError(parsed.error).slice(0, 500));
  const ctx: HandlerContext = { deps, socket, member: null };
  if (def.access !== 'public') {
    ctx.member = await loadMember(socket, deps, name);
    if (def.access === 'moderator' && ctx.member.actor.role !== 'moderator') {
      throw new CommandError('forbidden', 'Only moderators may do this');
    }
  }
  const handler = handlers[name] as (p: unknown, c: HandlerContext) => Promise<unknown>;
  return handler(parsed.data, ctx);
}

async function loadMember(socket: TypedSocket, deps: Deps, name: CommandName): Promise<Member> {
  const session = socket.data.session;
  if (!session) throw new CommandError('not_joined', 'Join the workshop first');
  const [actor, workshop] = await Promise.all([
    deps.store.getParticipant(session.workshopId, session.participantId),
    deps.store.getWorkshop(session.workshopId),
  ]);
  if (!actor || !workshop) throw new CommandError('not_found', 'Workshop or participant not found');
  if (actor.removed) throw new CommandError('removed', 'You were removed from this workshop');
  if (workshop.endedAt !== null && name !== 'workshop:leave') throw new CommandError('ended', 'The workshop has ended');
  return { session, actor, workshop };
}

function jsonSize(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
