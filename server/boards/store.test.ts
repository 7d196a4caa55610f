import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { RedisStore } from '../store/redis/redis-store.js';
import { describeBoardStore } from './test-store-contract.js';

describeBoardStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('boards-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeBoardStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
