import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { RedisStore } from '../store/redis/redis-store.js';
import { describeMediaStore } from '../store/test-contract-media.js';

describeMediaStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('media-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeMediaStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
