import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../../test/server-harness.js';
import { MemoryStore } from '../../workshops/store/memory.js';
import { RedisStore } from '../../workshops/store/redis.js';
import { describePollStore } from './test-contract.js';

describePollStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('polls-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describePollStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
