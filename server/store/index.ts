import { MemoryStore } from './memory/memory-store.js';
import { RedisStore } from './redis/redis-store.js';
import type { Store } from './types.js';

export type { Store } from './types.js';

export async function openStore(redisUrl: string | null): Promise<Store> {
  return redisUrl ? RedisStore.connect(redisUrl) : new MemoryStore();
}
