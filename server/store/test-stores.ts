/**
 * Runs a store contract suite against every store: memory, and a real Redis under a prefix of its own
 * (deleted afterwards). Each feature's store.test.ts calls it with its suite (named test-*.ts so the
 * server build leaves it out).
 */
import { afterAll } from 'vitest';
import { deleteKeys, describeWithRedis, uniquePrefix } from '../../test/server-harness.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { Store } from './store.js';

export function describeStores(suite: string, describeSuite: (name: string, factory: () => Promise<Store>) => void) {
  describeSuite('memory', async () => new MemoryStore());
  describeWithRedis('redis', (redisUrl) => {
    const prefix = uniquePrefix(suite);
    afterAll(() => deleteKeys(redisUrl, prefix));
    describeSuite('redis', () => RedisStore.connect(redisUrl, { prefix }));
  });
}
