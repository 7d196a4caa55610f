import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from './memory/memory-store.js';
import { RedisStore } from './redis/redis-store.js';
import { describeBreakoutStore } from './test-breakouts-contract.js';

describeBreakoutStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('breakouts-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeBreakoutStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
