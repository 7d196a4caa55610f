import type { Logger } from '../logger.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { Store } from './store.js';

export type { Store, StoreHealth } from './store.js';

/** The store the configuration names: Redis when REDIS_URL is set, else the embedded memory store. */
export async function openStore(redisUrl: string | null, log?: Logger): Promise<Store> {
  return redisUrl ? RedisStore.connect(redisUrl, { log }) : new MemoryStore();
}
