import { MemoryStore } from '../workshops/store/memory.js';
import { RedisStore } from '../workshops/store/redis.js';
import type { Store } from '../workshops/store/types.js';

export type { Store } from '../workshops/store/types.js';

export async function openStore(redisUrl: string | null): Promise<Store> {
  return redisUrl ? RedisStore.connect(redisUrl) : new MemoryStore();
}
