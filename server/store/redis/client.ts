import { createClient } from 'redis';
import { AGENDA_SCRIPTS } from '../../agenda/store/scripts.js';
import { BARCAMP_SCRIPTS } from '../../barcamp/store/scripts.js';
import { BOARD_SCRIPTS } from '../../boards/store/scripts.js';
import { BREAKOUT_SCRIPTS } from '../../breakouts/store/scripts.js';
import { GALLERY_SCRIPTS } from '../../gallery/store/scripts.js';
import type { Logger } from '../../logger.js';
import { FISHBOWL_SCRIPTS } from '../../fishbowl/store/scripts.js';
import { MARKET_SCRIPTS } from '../../market/store/scripts.js';
import { POLL_SCRIPTS } from '../../polls/store/scripts.js';
import { SFU_SCRIPTS } from '../../sfu/store/scripts.js';
import { SPEAKING_SCRIPTS } from '../../speaking/store/scripts.js';
import { TRUTHS_SCRIPTS } from '../../truths/store/scripts.js';
import { WORKSHOP_SCRIPTS } from '../../workshops/store/scripts.js';

/** Every feature's Lua scripts, registered once per client so that calls go by SHA (EVALSHA). */
const SCRIPTS = {
  ...WORKSHOP_SCRIPTS,
  ...POLL_SCRIPTS,
  ...BOARD_SCRIPTS,
  ...BREAKOUT_SCRIPTS,
  ...SFU_SCRIPTS,
  ...SPEAKING_SCRIPTS,
  ...TRUTHS_SCRIPTS,
  ...FISHBOWL_SCRIPTS,
  ...GALLERY_SCRIPTS,
  ...MARKET_SCRIPTS,
  ...BARCAMP_SCRIPTS,
  ...AGENDA_SCRIPTS,
};

/** Reconnection is quick and keeps trying: a restarted Redis is used again within half a second. */
const makeClient = (url: string, failFast = false) =>
  createClient({
    url,
    scripts: SCRIPTS,
    disableOfflineQueue: failFast,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500) },
  });
export type RedisClient = ReturnType<typeof makeClient>;

/**
 * Connects to Redis. Reconnection is automatic, and the outage is logged once with its cause, then
 * once more when Redis is back. With `failFast` (the store), a command sent while Redis is away fails
 * at once (and is answered as an error) instead of waiting, unbounded, for Redis to come back.
 */
export async function connectRedis(url: string, log: Logger, role: string, failFast = false): Promise<RedisClient> {
  const client = makeClient(url, failFast);
  watchRedis(client, log, role);
  await client.connect();
  return client;
}

/** Logs a client's connection errors with context: the first of an outage, and the recovery. */
export function watchRedis(client: RedisClient, log: Logger, role: string) {
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.error('redis connection error; retrying', { role, err: err.message });
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.warn('redis connection restored', { role });
  });
}

/** Reads many hashes in one round trip, in the order of `keys` (an absent hash reads as {}). */
export async function readHashes(client: RedisClient, keys: readonly string[]): Promise<Record<string, string>[]> {
  if (keys.length === 0) return [];
  const multi = client.multi();
  for (const key of keys) multi.hGetAll(key);
  return (await multi.exec()) as unknown as Record<string, string>[];
}

/** The records whose ids a list holds, in list order, read in one round trip; absent ones are left out. */
export async function readListed<T>(
  client: RedisClient,
  listKey: string,
  hashKey: (id: string) => string,
  decode: (hash: Record<string, string>) => T | null,
): Promise<T[]> {
  const ids = await client.lRange(listKey, 0, -1);
  return (await readHashes(client, ids.map(hashKey))).map(decode).filter((r): r is T => r !== null);
}
