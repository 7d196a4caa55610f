import { createClient } from 'redis';
import { BOARD_SCRIPTS } from '../../boards/store/scripts.js';
import { BREAKOUT_SCRIPTS } from '../../breakouts/store/scripts.js';
import type { Logger } from '../../logger.js';
import { POLL_SCRIPTS } from '../../polls/store/scripts.js';
import { WORKSHOP_SCRIPTS } from '../../workshops/store/scripts.js';

/** Every feature's Lua scripts, registered once per client so that calls go by SHA (EVALSHA). */
const SCRIPTS = { ...WORKSHOP_SCRIPTS, ...POLL_SCRIPTS, ...BOARD_SCRIPTS, ...BREAKOUT_SCRIPTS };

const makeClient = (url: string) => createClient({ url, scripts: SCRIPTS });
export type RedisClient = ReturnType<typeof makeClient>;

/**
 * Connects to Redis. Reconnection is automatic; while Redis is away commands fail (and are acked as
 * errors), and the outage is logged once with its cause, then once more when Redis is back.
 */
export async function connectRedis(url: string, log: Logger, role: string): Promise<RedisClient> {
  const client = makeClient(url);
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
