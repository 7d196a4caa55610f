import { z } from 'zod';
import {
  COMMANDS,
  CommandError,
  isCommandName,
  type Ack,
  type CommandName,
  type ErrorCode,
  type Fail,
} from '../../shared/protocol.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { clientAddress } from './client-address.js';
import { LogSampler } from './log-sampler.js';
import { loadCachedMember, loadMember } from './member-cache.js';
import { TokenBucket } from './rate-limit.js';
import type { Deps, HandlerTable, Member, PublicContext, TypedSocket } from './types.js';

const fail = (code: ErrorCode, message: string, retryAfterS?: number): Fail =>
  retryAfterS === undefined ? { ok: false, code, message } : { ok: false, code, message, retryAfterS };

/** Repeated refusals of one kind on one connection are logged at most once in this time. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

/** The largest message the protocol needs: the biggest command payload plus room for the event name and framing. */
export const MAX_MESSAGE_BYTES = Math.max(...Object.values(COMMANDS).map((c) => c.maxBytes)) + 8 * 1024;

type AckFn = (r: Ack<unknown>) => void;

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
  'chat:privateHistory',
  'participant:sync',
  'poll:sync',
  'poll:vote', // one field per voter: a re-vote overwrites
  'poll:leaderboard',
  'speaking:sync', // appends a late joiner once: applied twice changes nothing
  'truths:sync',
  'truths:guess', // one field per voter: a repeat overwrites
  'fishbowl:sync', // settles the seats: applied twice changes nothing
  'fishbowl:leave', // not seated (any more): nothing changes
  'fishbowl:lower',
  'gallery:sync',
  'gallery:react', // sets or takes back a set member: applied twice changes nothing
  'market:sync',
  'market:signup', // one entry per person and stall: a repeat updates the offer
  'market:withdraw', // off the list (already): nothing changes
  'market:notes', // the whole text: saved twice is saved once
  'barcamp:sync',
  'barcamp:vote', // on or off, not a toggle: applied twice changes nothing
  'barcamp:notes', // the same text again changes nothing
  'media:update',
  'agenda:sync',
  'agenda:sheet', // the whole form: saved twice is saved once
]);
/** How long a safe command is retried before the page is told it failed. */
const RETRY_FOR_MS = 8000;

/**
 * The one wrapper every command goes through: rate limit, size, schema, role, then the handler.
 * Whatever happens, the sender gets exactly one ack and the server keeps running.
 */
export function registerCommands(socket: TypedSocket, deps: Deps, handlers: HandlerTable) {
  const { config } = deps;
  const now = deps.clock();
  socket.data.session = null;
  socket.data.knock = null;
  socket.data.member = null;
  socket.data.bucket = new TokenBucket(config.rateLimitPerSecond, config.rateLimitPerSecond * 2, now);
  socket.data.volatileBucket = new TokenBucket(
    config.volatileRateLimitPerSecond,
    config.volatileRateLimitPerSecond * 2,
    now,
  );
  socket.data.refusals = new LogSampler(REFUSAL_LOG_INTERVAL_MS);
  // [WS13] The address limits count against: the peer, or what trusted proxies saw (TRUST_PROXY).
  socket.data.address = clientAddress(
    socket.handshake.address,
    socket.handshake.headers['x-forwarded-for'],
    config.trustProxy,
  );

  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    socket.on(name, ((...args: unknown[]) => {
      const { payload, ack } = splitArgs(args);
      void runCommand(name, payload, ack, socket, deps, handlers);
    }) as never);
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (isCommandName(event)) return;
    const { ack } = splitArgs(args);
    // The same bucket as commands: an unknown name is no way around the limit.
    const result = socket.data.bucket.take(deps.clock())
      ? fail('unknown_event', `Unknown event "${clip(event, 64)}"`)
      : fail('rate_limited', 'Too many requests; slow down');
    logRefusal(socket, deps, result.code, { event, socket: socket.id });
    ack(result);
  });
  socket.on('disconnect', () => {
    for (const { kind, suppressed } of socket.data.refusals.drain()) {
      deps.log.info('commands refused (not logged one by one)', { code: kind, count: suppressed, socket: socket.id });
    }
  });
}

/**
 * The ack is the last argument when it is a function, whatever came before it; the payload is the
 * first argument unless that is the ack (`emit(name, ack)`). Extra arguments are ignored.
 */
function splitArgs(args: unknown[]): { payload: unknown; ack: AckFn } {
  const last = args.at(-1);
  if (typeof last !== 'function') return { payload: args[0], ack: () => {} };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last as AckFn };
}

async function runCommand(
  name: CommandName,
  payload: unknown,
  ack: AckFn,
  socket: TypedSocket,
  deps: Deps,
  handlers: HandlerTable,
) {
  const started = performance.now();
  const session = socket.data.session;
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
  else logRefusal(socket, deps, result.code, { ...logFields, ms, message: result.message });
  ack(result);
}

/** Logs a refusal, sampled per connection and code: a flood of them writes a line, then a count. */
function logRefusal(socket: TypedSocket, deps: Deps, code: ErrorCode, fields: Record<string, unknown>) {
  const { log, suppressed } = socket.data.refusals.take(code, deps.clock());
  if (!log) return;
  deps.log.info('command refused', { ...fields, code, ...(suppressed > 0 ? { alsoRefusedBefore: suppressed } : {}) });
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
  const ctx: PublicContext & { member?: Member } = { deps, socket };
  if (def.access !== 'public') {
    // Volatile commands (up to 120 a second per drawer) use the member cached per socket.
    ctx.member = def.volatile ? await loadCachedMember(socket, deps, name) : await loadMember(socket, deps, name);
    if (def.access === 'moderator' && ctx.member.actor.role !== 'moderator') {
      throw new CommandError('forbidden', 'Only moderators may do this');
    }
  }
  const handler = handlers[name] as (p: unknown, c: PublicContext) => Promise<unknown>;
  return handler(parsed.data, ctx);
}

function jsonSize(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
