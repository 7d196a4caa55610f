import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../../test/server-harness.js';
import { MemoryStore } from './memory.js';
import { RedisStore } from './redis.js';
import { describeStore } from './test-contract.js';

describeStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
