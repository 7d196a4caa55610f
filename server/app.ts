import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import helmet from 'helmet';
import QRCode from 'qrcode';
import { Server } from 'socket.io';
import type { Config } from './config.js';
import { createFeatures, type Features } from './features.js';
import { cryptoIds, type IdSource } from './ids.js';
import { createLogger, type Logger } from './logger.js';
import { Attempts } from './realtime/attempts.js';
import { clientAddress } from './realtime/client-address.js';
import { isTrustedProxy, originAllowed, requestOrigin } from './realtime/origin.js';
import type { Deps, TypedServer } from './realtime/types.js';
import { MAX_MESSAGE_BYTES, registerCommands } from './realtime/wrapper.js';
import { openStore } from './store/index.js';
import { connectRedis, type RedisClient, watchRedis } from './store/redis/client.js';
import type { Store } from './store/store.js';
import { CommandError } from '../shared/command.js';
import { formatJoinCode, normalizeJoinCode } from '../shared/workshops/schema.js';
import { passcodeCheck } from './workshops/logic.js';
import { reportRoute } from './report/route.js';
import { REPORT_STYLE_SOURCES } from './report/style.js';
import { createParticipantEvents } from './realtime/participant-events.js';

/** How long close() waits for a Redis client in the middle of reconnecting before dropping it. */
const REDIS_RECONNECT_WAIT_MS = 2_000;

/**
 * Closes a Redis client: gracefully when it is ready, or once it is ready again within `waitMs` (a
 * reconnection in progress finishes re-subscribing, instead of its commands being rejected unhandled
 * inside the client). During an outage a graceful close would wait for Redis: the queue is dropped.
 */
async function closeRedisClient(c: RedisClient, waitMs: number): Promise<void> {
  if (!c.isOpen) return;
  if (!c.isReady)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      c.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  if (c.isReady) await c.close();
  else c.destroy();
}

/** How long close() lets an HTTP request still in flight finish before cutting its connection. */
const OPEN_REQUEST_GRACE_MS = 1_000;

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
  /** The features' handlers and what runs on its own (tests stop its timers to play a killed node). */
  features: Features;
  /** Listens on config.port (0 = a free port) and resolves with the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** Builds the whole server without listening, so tests can start as many as they like on port 0. */
export async function createApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  const log = opts.log ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const store = opts.store ?? (await openStore(config.redisUrl, log));
  const ownsStore = !opts.store;
  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', (address: string) => isTrustedProxy(config.trustProxy, address));
  web.use(securityHeaders(config));
  const httpServer = createServer(web);
  const io: TypedServer = new Server(httpServer, {
    // What the largest command needs: a bigger message closes the connection before it is parsed
    // (a command over its own, smaller limit is still answered with payload_too_large).
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // [ORIGIN1] Pages of other sites may not open a socket in a visitor's name.
    allowRequest: (req, callback) => {
      const allowed = originAllowed(config, req);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
    connectionStateRecovery: undefined,
    // Heartbeats: Socket.IO's defaults, chosen on purpose. The server pings every 25 s and drops a client
    // that has not answered within 20 s. 10 s/8 s dropped an overloaded laptop 29 times in one plenary: a
    // main thread busy with video for 8 s is not a lost person. A real loss shows as "reconnecting" within
    // 45 s at worst (a closed tab or a reset connection is seen at once), and a drop costs a resume, media
    // renegotiation and a "Reconnecting" banner, which is worse than a late "reconnecting" badge.
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });

  const adapterClients: RedisClient[] = [];
  if (config.redisUrl) {
    const pub = await connectRedis(config.redisUrl, log, 'adapter publisher');
    // The adapter does not await its publishes: while Redis is away they would reject unhandled and
    // end the process. A broadcast lost then is caught up by the clients' own sync on resume.
    const publish = pub.publish.bind(pub);
    (pub as { publish: unknown }).publish = (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0);
    const sub = pub.duplicate();
    watchRedis(sub, log, 'adapter subscriber');
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
    people: createParticipantEvents(io),
  };
  const features = createFeatures(deps);

  // Drops still being recorded and broadcast; close() lets them finish before closing Redis.
  const disconnecting = new Set<Promise<void>>();
  io.on('connection', (socket) => {
    registerCommands(socket, deps, features.handlers);
    socket.on('disconnect', (reason) => {
      const done = features.disconnected(socket, reason).finally(() => disconnecting.delete(done));
      disconnecting.add(done);
    });
  });

  let listening = false;
  let closing = false;

  /** The store's health: 200 when it answers, 503 (with the reason) when it does not (Redis down). */
  web.get('/api/health', async (_req, res) => {
    // Not logged here: probes come every few seconds, and the Redis client logs the outage once.
    const health = await store.health();
    res
      .status(health.ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(health.ok ? { ok: true, store: store.kind } : { ok: false, store: store.kind, reason: health.reason });
  });

  /** For load balancers: 200 while this node should get traffic (listening, store answering), 503 while it shuts down. */
  web.get('/api/ready', async (_req, res) => {
    const health = closing || !listening ? null : await store.health();
    const ready = health?.ok === true;
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({
        ready,
        ...(closing ? { reason: 'shutting down' } : health && !health.ok ? { reason: health.reason } : {}),
      });
  });

  web.get('/api/workshops/:code/qr.svg', async (req, res) => {
    const code = normalizeJoinCode(req.params.code);
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy);
    // [WS26] People inside ask for the code with the passcode (?pass=): it goes into the link, when it is the right one.
    const pass = typeof req.query.pass === 'string' ? req.query.pass.slice(0, 200) : '';
    let id: string | null;
    let withPass = false;
    try {
      // [WS13] Unknown codes count against the address, as they do over the socket.
      id = await deps.attempts.lookup(address, () => store.workshopIdByCode(code));
      const workshop = id && pass ? await store.getWorkshop(id) : null;
      if (workshop && passcodeCheck(workshop, pass) !== 'none')
        // A wrong one counts as a failed attempt: the picture must not become a way to guess it.
        withPass = await deps.attempts.passcode(workshop.id, address, () => passcodeCheck(workshop, pass) === 'ok');
    } catch (err) {
      if (err instanceof CommandError && err.retryAfterS !== undefined) {
        res.status(429).set('Retry-After', String(err.retryAfterS)).type('text/plain').send(err.message);
        return;
      }
      // A store outage is not an unknown workshop: say so, and let the browser retry later.
      log.error('qr code: store lookup failed', { store: store.kind, err });
      res
        .status(503)
        .set('Retry-After', '5')
        .type('text/plain')
        .send('The server cannot reach its storage right now. Try again in a moment.');
      return;
    }
    if (!id) {
      res.status(404).type('text/plain').send('Unknown workshop');
      return;
    }
    // An image request names no Origin: PUBLIC_URL, else a trusted proxy's forwarded host, else Host.
    const base = config.publicUrl ?? requestOrigin(config, req);
    const fragment = withPass ? `#pass=${encodeURIComponent(pass.trim())}` : '';
    const svg = await QRCode.toString(`${base}/j/${formatJoinCode(code)}?via=qr${fragment}`, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    // Shared caches may keep it only when its link comes from configuration, not from a request header.
    const shared = !pass && (config.publicUrl !== null || isTrustedProxy(config.trustProxy, req.socket.remoteAddress));
    res
      .type('image/svg+xml')
      .set('Cache-Control', `${shared ? 'public' : 'private'}, max-age=3600`)
      .send(svg);
  });

  web.use(reportRoute(deps));

  const clientDir = config.clientDir ?? path.resolve(process.cwd(), 'dist/client');
  if (existsSync(path.join(clientDir, 'index.html'))) {
    // Source maps (the whole client source) only while developing.
    if (config.production) web.get(/\.map$/, (_req, res) => void res.status(404).type('text/plain').send('Not found'));
    web.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    web.get('/{*path}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
      res.set('Cache-Control', 'no-cache').sendFile(path.join(clientDir, 'index.html'));
    });
  } else {
    log.warn('client build not found; run `npm run build`', { clientDir });
  }

  // Before the first connection: media:config must already know whether an SFU answers.
  await features.start();
  if (config.production && !config.publicUrl)
    log.warn('PUBLIC_URL is not set: links and QR codes follow the Host header of each request');
  let closed = false;
  return {
    httpServer,
    io,
    store,
    deps,
    features,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          listening = true;
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    async close() {
      if (closed) return;
      closed = true;
      closing = true;
      // Load balancers see /api/ready answer 503 for this long before the node stops accepting connections.
      if (listening && config.shutdownDrainMs > 0) await new Promise((r) => setTimeout(r, config.shutdownDrainMs));
      // io.close() stops listening and waits for every HTTP connection to end; a request still open (a
      // half-sent one, a slow download) would hold the shutdown for minutes, so those are cut after a moment.
      const cutOpenRequests = setTimeout(() => httpServer.closeAllConnections(), OPEN_REQUEST_GRACE_MS);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      clearTimeout(cutOpenRequests);
      await Promise.allSettled([...disconnecting]);
      // After the drops above: they start grace timers of their own.
      await features.stop();
      await Promise.all(adapterClients.map((c) => closeRedisClient(c, REDIS_RECONNECT_WAIT_MS)));
      if (ownsStore) await store.close();
    },
  };
}

/**
 * Security headers for every HTTP answer. The CSP fits the built client: scripts and styles from this
 * origin only, images also as data: (board images) and blob:, sockets to this origin; no framing by
 * other sites. HSTS only when PUBLIC_URL says the site is served over HTTPS.
 */
function securityHeaders(config: Config) {
  const https = config.publicUrl?.startsWith('https:') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // The results report shows inside the page (an iframe of its own HTML) with its one inline stylesheet.
        styleSrc: ["'self'", ...REPORT_STYLE_SOURCES],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
