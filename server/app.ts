import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import QRCode from 'qrcode';
import { Server } from 'socket.io';
import { createHandlers } from './features.js';
import type { Config } from './config.js';
import { cryptoIds, type IdSource } from './ids.js';
import { createLogger, type Logger } from './logger.js';
import { Attempts } from './realtime/attempts.js';
import { clientAddress } from './realtime/client-address.js';
import { TokenBucket } from './realtime/rate-limit.js';
import type { Deps, HandlerTable, TypedServer } from './realtime/types.js';
import { registerCommands } from './realtime/wrapper.js';
import { openStore } from './store/index.js';
import { RedisStore } from './store/redis/redis-store.js';
import type { Store } from './store/types.js';
import { onDisconnect } from './workshops/handlers.js';
import { startLifetimeSweeper } from './workshops/lifetime.js';
import { startPresenceKeeper } from './workshops/presence.js';
import { CommandError } from '../shared/command.js';
import { formatJoinCode, normalizeJoinCode } from '../shared/workshops/schema.js';

export interface AppOptions {
  config: Config;
  /** A store to use instead of the one the config names (tests pass a prefixed Redis store). */
  store?: Store;
  log?: Logger;
  clock?: () => number;
  ids?: IdSource;
  /** Pub/sub channel prefix of the Redis adapter (default 'socket.io'); tests isolate their nodes with it. */
  adapterKey?: string;
}

export interface App {
  httpServer: HttpServer;
  io: TypedServer;
  store: Store;
  deps: Deps;
  /** Listens on config.port (0 = a free port) and resolves with the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** Builds the whole server without listening, so tests can start as many as they like on port 0. */
export async function createApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  const log = opts.log ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const store = opts.store ?? (await openStore(config.redisUrl));
  const ownsStore = !opts.store;
  const web = express();
  web.disable('x-powered-by');
  const httpServer = createServer(web);
  const io: TypedServer = new Server(httpServer, {
    // Bigger than any command's own limit, so a too-large payload is answered, not dropped.
    maxHttpBufferSize: 4 * 1024 * 1024,
    connectionStateRecovery: undefined,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });

  const adapterClients: RedisStore['client'][] = [];
  if (config.redisUrl) {
    const pub = (await RedisStore.connect(config.redisUrl)).client;
    // The adapter does not await its publishes: while Redis is away they would reject unhandled and
    // end the process. A broadcast lost then is caught up by the clients' own sync on resume.
    const publish = pub.publish.bind(pub);
    (pub as { publish: unknown }).publish = (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0);
    const sub = pub.duplicate();
    sub.on('error', () => {});
    await sub.connect();
    adapterClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub, opts.adapterKey ? { key: opts.adapterKey } : {}));
  }

  const deps: Deps = {
    io,
    store,
    config,
    log,
    clock: opts.clock ?? Date.now,
    ids: opts.ids ?? cryptoIds,
    attempts: new Attempts(store, config.abuse),
    timers: new Set(),
  };
  const handlers: HandlerTable = createHandlers(deps);
  startPresenceKeeper(deps);
  startLifetimeSweeper(deps);

  // Drops still being recorded and broadcast; close() lets them finish before closing Redis.
  const disconnecting = new Set<Promise<void>>();
  io.on('connection', (socket) => {
    socket.data.session = null;
    socket.data.address = clientAddress(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
      config.trustProxy,
    );
    socket.data.bucket = new TokenBucket(config.rateLimitPerSecond, config.rateLimitPerSecond * 2, deps.clock());
    socket.data.volatileBucket = new TokenBucket(
      config.volatileRateLimitPerSecond,
      config.volatileRateLimitPerSecond * 2,
      deps.clock(),
    );
    registerCommands(socket, deps, handlers);
    socket.on('disconnect', () => {
      const done = onDisconnect(socket, deps).finally(() => disconnecting.delete(done));
      disconnecting.add(done);
    });
  });

  web.get('/api/health', (_req, res) => {
    res.json({ ok: true, store: store.kind });
  });

  web.get('/api/workshops/:code/qr.svg', async (req, res) => {
    const code = normalizeJoinCode(req.params.code);
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy);
    let id: string | null;
    try {
      id = await deps.attempts.lookup(address, () => store.workshopIdByCode(code));
    } catch (err) {
      if (err instanceof CommandError && err.retryAfterS !== undefined) {
        res.status(429).set('Retry-After', String(err.retryAfterS)).type('text/plain').send(err.message);
        return;
      }
      id = null;
    }
    if (!id) {
      res.status(404).type('text/plain').send('Unknown workshop');
      return;
    }
    const base = config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const svg = await QRCode.toString(`${base}/j/${formatJoinCode(code)}?via=qr`, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=3600').send(svg);
  });

  const clientDir = config.clientDir ?? path.resolve(process.cwd(), 'dist/client');
  if (existsSync(path.join(clientDir, 'index.html'))) {
    web.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    web.get('/{*path}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
      res.set('Cache-Control', 'no-cache').sendFile(path.join(clientDir, 'index.html'));
    });
  } else {
    log.warn('client build not found; run `npm run build`', { clientDir });
  }

  let closed = false;
  return {
    httpServer,
    io,
    store,
    deps,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled([...disconnecting]);
      // After the drops above: they start grace timers of their own.
      for (const t of deps.timers) clearTimeout(t);
      deps.timers.clear();
      await Promise.all(adapterClients.map((c) => (c.isOpen ? c.close() : undefined)));
      if (ownsStore) await store.close();
    },
  };
}
