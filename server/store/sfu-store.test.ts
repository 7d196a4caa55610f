import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from './memory/memory-store.js';
import { RedisStore } from './redis/redis-store.js';
import { describeSfuStore } from './test-sfu-contract.js';

describeSfuStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('sfu-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeSfuStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
