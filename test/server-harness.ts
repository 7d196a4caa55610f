/**
 * Real servers on port 0 and real socket.io-client sockets against them. No mocks: a test talks to
 * the same createApp() that main.ts runs.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, inject } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { testConfig, type Config } from '../server/config.js';
import { createLogger, type Logger } from '../server/logger.js';
import { RedisStore } from '../server/store/redis-store.js';
import type { Store } from '../server/store/store.js';
import type {
  Ack,
  ClientToServerEvents,
  CommandInput,
  CommandName,
  CommandResult,
  ServerToClientEvents,
} from '../shared/protocol.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ServerEvent = keyof ServerToClientEvents;
type EventArg<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

export interface TestServer {
  url: string;
  port: number;
  app: App;
  /** Messages the server logged at level error (e.g. a handler that threw): tests expect none. */
  errors: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use Redis: a store under `prefix` plus the Socket.IO Redis adapter on channel `prefix`. */
  redisUrl?: string;
  prefix?: string;
  /** A store to share between several servers (two-node tests). */
  store?: Store;
  config?: Partial<Config>;
  /** A logger of the test's own (to read what the server logs); `errors` then stays empty. */
  log?: Logger;
  /** The server's clock (rate limits, deadlines, lifetimes, timestamps): a test that moves time itself passes its own. */
  clock?: () => number;
}

/** Open client sockets and the server URL each talks to, so a server's close() can close its clients. */
const openClients = new Map<ClientSocket, string>();

/** Starts createApp() on 127.0.0.1 and a free port. */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const prefix = opts.prefix ?? uniquePrefix('srv');
  const redisUrl = opts.redisUrl ?? null;
  const errors: string[] = [];
  // Collected, not printed: a test expecting none shows them in its failure.
  const log = opts.log ?? createLogger({ level: 'error', format: 'pretty' }, (line) => errors.push(line));
  const ownStore = !opts.store && redisUrl ? await RedisStore.connect(redisUrl, { prefix, log }) : null;
  const config = testConfig({ redisUrl, ...opts.config });
  const app = await createApp({
    config,
    log,
    store: opts.store ?? ownStore ?? undefined,
    clock: opts.clock,
    adapterKey: redisUrl ? prefix : undefined,
  });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    app,
    errors,
    async close() {
      for (const [socket, target] of [...openClients]) if (target === url) closeClient(socket);
      await app.close();
      await ownStore?.close();
    },
  };
}

/**
 * Stops a node as SIGKILL would, as far as anyone else can tell: its timers stop (no heartbeats, no
 * grace timers), its connections break without the node recording any drop. Only the other nodes
 * and the store are left to notice. close() afterwards only releases what remains.
 */
export async function crash(node: TestServer) {
  const { app } = node;
  await app.features.stop();
  for (const socket of app.io.of('/').sockets.values()) {
    socket.data.session = null;
    socket.conn.close();
  }
}

/**
 * How long a test client waits for a connection or an ack before giving up: a safety net, well above
 * what a command needs even when the machine is busy (a 200-voter test beside a second copy of the
 * suite once needed more than 5 s); the test's own time limit stays the real bound.
 */
export const CLIENT_WAIT_MS = 15_000;

/** A typed client, connected (websocket only, no automatic reconnection: tests drive reconnects). */
export async function connectClient(url: string, timeoutMs = CLIENT_WAIT_MS): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  openClients.set(socket, url);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

export function closeClient(socket: ClientSocket) {
  openClients.delete(socket);
  socket.disconnect();
}

export function closeAllClients() {
  for (const socket of [...openClients.keys()]) closeClient(socket);
}

/** Sends a command and resolves with its ack; rejects when none arrives in time. */
export function request<K extends CommandName>(
  socket: ClientSocket,
  event: K,
  payload: CommandInput<K>,
  timeoutMs = CLIENT_WAIT_MS,
): Promise<Ack<CommandResult<K>>> {
  return requestRaw(socket, event, payload, timeoutMs) as Promise<Ack<CommandResult<K>>>;
}

/** Like request, without the types: for malformed payloads and unknown events. */
export function requestRaw(
  socket: ClientSocket,
  event: string,
  payload: unknown,
  timeoutMs = CLIENT_WAIT_MS,
): Promise<Ack<unknown>> {
  const raw = socket as unknown as {
    timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };
  };
  return raw.timeout(timeoutMs).emitWithAck(event, payload);
}

/** Sends a command that must succeed and returns its data. */
export async function ok<K extends CommandName>(
  socket: ClientSocket,
  event: K,
  payload: CommandInput<K>,
): Promise<CommandResult<K>> {
  const ack = await request(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.code} ${ack.message}`);
  return ack.data;
}

/** Waits started by waitFor and not yet over: afterEach cancels them, so no timer outlives its test. */
const pendingWaits = new Set<() => void>();

/**
 * Cancels every wait still pending (its timer cleared, its listener removed). The promise stays
 * unsettled: a test that never awaited it leaves no unhandled rejection behind for a later test.
 */
export function cancelPendingWaits() {
  for (const cancel of [...pendingWaits]) cancel();
}
afterEach(cancelPendingWaits);

/** The next `event` (matching `predicate`) on `socket`. Start waiting before triggering it. */
export function waitFor<E extends ServerEvent>(
  socket: ClientSocket,
  event: E,
  predicate: (arg: EventArg<E>) => boolean = () => true,
  timeoutMs = CLIENT_WAIT_MS,
): Promise<EventArg<E>> {
  return new Promise((resolve, reject) => {
    const target = socket as unknown as {
      on(e: string, l: (a: unknown) => void): void;
      off(e: string, l: (a: unknown) => void): void;
    };
    const cancel = () => {
      clearTimeout(timer);
      target.off(event, listener);
      pendingWaits.delete(cancel);
    };
    const timer = setTimeout(() => {
      cancel();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (arg: unknown) => {
      if (!predicate(arg as EventArg<E>)) return;
      cancel();
      resolve(arg as EventArg<E>);
    };
    target.on(event, listener);
    pendingWaits.add(cancel);
  });
}

/**
 * A round trip on `socket`: resolves once the server has answered a harmless read sent now. On one
 * node Socket.IO delivers a connection's packets in order and handlers emit before they ack, so every
 * event the server sent this socket before handling the read (for instance while handling a command
 * another socket already got the ack for) has arrived by then. Use it before asserting that something
 * did NOT arrive. `workshop:preview` is public, so it works for joined and not joined sockets alike;
 * the answer (a preview, or not_found for the made-up code) does not matter. Not across nodes: there,
 * wait for a later event on the same path instead.
 */
export async function settled(socket: ClientSocket): Promise<void> {
  await request(socket, 'workshop:preview', { code: 'ZZZZZZ' });
}

/** Every server event the socket receives, in order, for asserting what did (not) happen. */
export function recordEvents(socket: ClientSocket): Array<{ event: string; arg: unknown }> {
  const seen: Array<{ event: string; arg: unknown }> = [];
  socket.onAny((event: string, arg: unknown) => seen.push({ event, arg }));
  return seen;
}

/** A Redis key prefix no other test file (or run) uses. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix`, so a shared REDIS_URL is left as it was found. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = createClient({ url: redisUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length > 0) await client.del(keys);
  } finally {
    await client.close();
  }
}

/** A describe block that needs Redis; without it the block is skipped and says why. */
export function describeWithRedis(name: string, fn: (redisUrl: string) => void) {
  const redisUrl = inject('redisUrl');
  if (redisUrl) describe(name, () => fn(redisUrl));
  else describe.skip(`${name} [SKIPPED: no redis-server; install it with apt-get install redis-server]`, () => fn(''));
}

/**
 * Two server nodes against one Redis, as two processes would run: each with its own Redis connections,
 * sharing keys and the adapter channel under a fresh prefix. Registers its own set-up and clean-up
 * (clients closed, nodes closed, keys deleted, no error logged); read `nodes` inside a test.
 */
export function twoNodes(redisUrl: string, label: string, config: Partial<Config> = {}) {
  let prefix = '';
  let stores: RedisStore[] = [];
  let nodes: [TestServer, TestServer] | null = null;
  beforeEach(async () => {
    prefix = uniquePrefix(label);
    stores = [await RedisStore.connect(redisUrl, { prefix }), await RedisStore.connect(redisUrl, { prefix })];
    nodes = [
      await startServer({ redisUrl, prefix, store: stores[0], config }),
      await startServer({ redisUrl, prefix, store: stores[1], config }),
    ];
  });
  afterEach(async () => {
    closeAllClients();
    const started = nodes ?? [];
    await Promise.all(started.map((n) => n.close()));
    await Promise.all(stores.map((s) => s.close()));
    await deleteKeys(redisUrl, prefix);
    expect(started.flatMap((n) => n.errors)).toEqual([]);
    nodes = null;
  });
  return {
    get nodes(): [TestServer, TestServer] {
      if (!nodes) throw new Error('twoNodes: the nodes exist only inside a test');
      return nodes;
    },
    get stores() {
      return stores;
    },
    get prefix() {
      return prefix;
    },
  };
}
