import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../../test/server-harness.js';
import { MemoryStore } from '../../workshops/store/memory.js';
import { RedisStore } from '../../workshops/store/redis.js';
import { describeBreakoutStore } from './test-contract.js';

describeBreakoutStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('breakouts-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeBreakoutStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
