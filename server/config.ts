import { z } from 'zod';
import { mediaEnvSchema, mediaSettings, type MediaSettings } from './media/ice.js';
import { isAddressOrRange } from './realtime/origin.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** [WS32] PRESENCE_DROP_DELAY_MS when not set (the storm benchmark runs with it too). */
export const PRESENCE_DROP_DELAY_DEFAULT_MS = 3_000;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** How long a dropped participant shows as "reconnecting" before they count as gone. */
  PRESENCE_GRACE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /**
   * How often each node tells the store its connections are alive. A node that stops (killed,
   * frozen) for three of these has its people shown as reconnecting by the other nodes.
   */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /**
   * [WS32] A connection that drops shows as "reconnecting" only when the person is not back within this:
   * a network blip (the browser reconnects within about a second) changes nothing anyone sees, and a
   * reconnect storm of a whole plenary is not a storm of changes. 0: at once.
   */
  PRESENCE_DROP_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(PRESENCE_DROP_DELAY_DEFAULT_MS),
  /** Commands a single connection may send per second (burst is twice that). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Volatile commands (live strokes, cursors) a connection may send per second, in their own bucket (burst twice that). */
  VOLATILE_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(120),
  CLIENT_DIR: z.string().min(1).optional(),
  /** On shutdown, how long /api/ready answers 503 before connections close, so a load balancer can stop sending. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(8_000).default(0),
  /** Other origins whose pages may open a socket (same-origin pages and PUBLIC_URL always may), comma-separated. */
  ALLOWED_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)))
    .optional(),
  /**
   * Whether X-Forwarded-Proto/-Host (and the client address) are believed: `true` (any peer), `false`,
   * or the proxies' addresses and ranges, comma-separated (`loopback`, `uniquelocal`, `10.0.0.0/8`, ...).
   */
  TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(
      z.union([
        z.tuple([z.enum(['true', 'false'])]).transform(([v]) => v === 'true'),
        z.array(z.string().refine(isAddressOrRange, 'an IP address, a CIDR range, loopback, linklocal or uniquelocal')),
      ]),
    )
    .optional(),
  /** Failed join-code lookups (preview, join, QR code) one client address may make per 10 minutes. */
  JOIN_FAILURES_PER_10_MIN: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Wrong moderator keys one workshop accepts per 15 minutes (from all addresses together). */
  MODERATOR_KEY_FAILURES_PER_15_MIN: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** [WS16] Days a workshop is kept after it ended, then deleted with everything in it. */
  WORKSHOP_DAYS_AFTER_END: z.coerce.number().min(0).max(3650).default(7),
  /** [WS16] Days a workshop is kept without anyone joining (counted from creation, start or the last join). */
  WORKSHOP_IDLE_DAYS: z.coerce.number().min(0).max(3650).default(30),
  /** Workshops one client address may create per hour. */
  WORKSHOPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
  KNOCKS_PER_10_MIN: z.coerce.number().int().min(1).max(1_000_000).default(40),
  ...mediaEnvSchema,
  /** Comma-separated ws:// URLs of Janus instances (websockets transport); none: the mesh serves every room. */
  JANUS_URLS: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^wss?$/ }))),
  /** A room with more media participants than this moves to the SFU (when Janus is configured). */
  MESH_MAX_PEERS: z.coerce.number().int().min(2).max(50).default(4),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  redisUrl: string | null;
  production: boolean;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  presenceGraceMs: number;
  presenceHeartbeatMs: number;
  presenceDropDelayMs: number;
  rateLimitPerSecond: number;
  volatileRateLimitPerSecond: number;
  clientDir: string | null;
  shutdownDrainMs: number;
  /** Origins (besides the server's own and PUBLIC_URL) whose pages may open a socket. */
  allowedOrigins: string[];
  /** Which peers' X-Forwarded-* headers are believed (see realtime/origin.ts). */
  trustProxy: boolean | string[];
  /** [WS16] How long workshops are kept, and how often each node looks for ones to delete. */
  lifetime: { afterEndMs: number; idleMs: number; sweepMs: number };
  /** Limits per client address (and per workshop for moderator keys), shared by all nodes. */
  abuse: AbuseLimits;
  /** ICE servers (STUN/TURN) and the upload budget: README, "Video and audio". */
  media: MediaSettings;
  /** Janus instances for large rooms (README, "Video and audio"). */
  sfu: { janusUrls: string[]; meshMaxPeers: number };
}

const DAY_MS = 24 * 60 * 60_000;

export interface AbuseLimits {
  lookupFailures: number;
  lookupWindowS: number;
  moderatorKeyFailures: number;
  moderatorKeyWindowS: number;
  creates: number;
  createWindowS: number;
  /** [WS25] Knocks at one workshop's lobby from one client address (a town hall's Wi-Fi is one address). */
  knocks: number;
  knockWindowS: number;
}

export class ConfigError extends Error {}

/** Reads the environment; a bad value throws a ConfigError naming the variable and what is expected. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      // The variable, not the position inside a list it holds.
      const name = String(i.path[0] ?? '');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const media = mediaSettings(e);
  if (Array.isArray(media)) throw new ConfigError(`Invalid configuration:\n${media.map((m) => `  ${m}`).join('\n')}`);
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    production,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    presenceGraceMs: e.PRESENCE_GRACE_MS,
    presenceHeartbeatMs: e.PRESENCE_HEARTBEAT_MS,
    presenceDropDelayMs: e.PRESENCE_DROP_DELAY_MS,
    rateLimitPerSecond: e.RATE_LIMIT_PER_SECOND,
    volatileRateLimitPerSecond: e.VOLATILE_RATE_LIMIT_PER_SECOND,
    clientDir: e.CLIENT_DIR ?? null,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    allowedOrigins: e.ALLOWED_ORIGINS ?? [],
    trustProxy: e.TRUST_PROXY ?? false,
    lifetime: {
      afterEndMs: Math.round(e.WORKSHOP_DAYS_AFTER_END * DAY_MS),
      idleMs: Math.round(e.WORKSHOP_IDLE_DAYS * DAY_MS),
      sweepMs: 60_000,
    },
    abuse: {
      lookupFailures: e.JOIN_FAILURES_PER_10_MIN,
      lookupWindowS: 600,
      moderatorKeyFailures: e.MODERATOR_KEY_FAILURES_PER_15_MIN,
      moderatorKeyWindowS: 900,
      creates: e.WORKSHOPS_PER_HOUR,
      createWindowS: 3600,
      knocks: e.KNOCKS_PER_10_MIN,
      knockWindowS: 600,
    },
    media,
    sfu: { janusUrls: e.JANUS_URLS, meshMaxPeers: e.MESH_MAX_PEERS },
  };
}

/**
 * Tests and benches create many workshops and mistype codes from one address: the abuse limits are
 * out of their way unless a test sets them.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1' });
  const generous = {
    ...base.abuse,
    lookupFailures: 100_000,
    moderatorKeyFailures: 100_000,
    creates: 100_000,
    knocks: 100_000,
  };
  // A drop is recorded at once, so that tests of presence do not wait; [WS32]'s own tests set a delay.
  return { ...base, abuse: generous, presenceDropDelayMs: 0, ...overrides };
}
