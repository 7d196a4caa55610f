import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../../test/server-harness.js';
import { MemoryStore } from './memory.js';
import { RedisStore } from './redis.js';
import { describeMediaStore } from './test-contract-media.js';

describeMediaStore('memory', async () => new MemoryStore());

describeWithRedis('redis', (redisUrl) => {
  const prefix = uniquePrefix('media-store');
  afterAll(() => deleteKeys(redisUrl, prefix));
  describeMediaStore('redis', () => RedisStore.connect(redisUrl, { prefix }));
});
