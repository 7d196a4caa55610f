import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../../test/server-harness.js';
import { MemoryStore } from '../../workshops/store/memory.js';
import { RedisStore } from '../../workshops/store/redis.js';
import { describeBoardStore } from './test-contract.js';

describeBoardStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('boards-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeBoardStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
