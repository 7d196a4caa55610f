import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from './memory/memory-store.js';
import { RedisStore } from './redis/redis-store.js';
import { describePollStore } from './test-polls-contract.js';

describePollStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('polls-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describePollStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
