/** [WS16] Workshops have a lifetime: ended or idle ones are deleted with everything in them, on both stores. */
import { createClient } from 'redis';
import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import {
  closeAllClients,
  connectClient,
  deleteKeys,
  ok,
  request,
  startServer,
  uniquePrefix,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import { createWorkshop, workshopWith } from '../../test/workshop-helpers.js';

const redisUrl = inject('redisUrl');
const stores = [['memory', null], ...(redisUrl ? [['redis', redisUrl] as const] : [])] as const;
const DAY = 86_400_000;
/** The defaults (7 days after the end, 30 idle), swept often. */
const lifetime = { afterEndMs: 7 * DAY, idleMs: 30 * DAY, sweepMs: 50 };

async function redisKeysUnder(url: string, prefix: string) {
  const client = createClient({ url });
  await client.connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  await client.close();
  return keys;
}

async function preview(visitor: ClientSocket, code: string) {
  const r = await request(visitor, 'workshop:preview', { code });
  return r.ok ? 'found' : r.code;
}

describe.each(stores)('[WS16] workshop lifetimes on the %s store', (_name, url) => {
  let server: TestServer;
  let prefix = '';
  let offset = 0;
  const clock = () => Date.now() + offset;
  /** Still there after a sweep at this time (the very call every node's sweeper makes on its timer). */
  const keptAfterSweep = async (visitor: ClientSocket, code: string) => {
    await server.app.store.expireWorkshops(clock(), 100);
    return preview(visitor, code);
  };
  /** Gone: the node's own sweeper (every `lifetime.sweepMs`) deletes it. */
  const sweptAway = (visitor: ClientSocket, code: string) =>
    vi.waitFor(async () => expect(await preview(visitor, code)).toBe('not_found'), { timeout: 5000, interval: 50 });
  afterEach(async () => {
    closeAllClients();
    await server.close();
    if (url) await deleteKeys(url, prefix);
    expect(server.errors).toEqual([]);
    offset = 0;
  });

  test('ended + 7 days and idle + 30 days: then not found, and nothing of it is left', async () => {
    prefix = uniquePrefix('lifetime');
    server = await startServer({
      redisUrl: url ?? undefined,
      prefix,
      clock,
      config: { lifetime, presenceGraceMs: 3_600_000 },
    });
    const unused = await createWorkshop(server.url);
    const { code, moderator } = await workshopWith(server.url, 'Ana');
    const workshopId = moderator.workshopId;
    await ok(moderator.socket, 'board:op', {
      op: {
        type: 'add',
        item: { kind: 'card', id: 'c1', x: 1, y: 1, text: 'Bleibt?', color: '#fff176', clusterId: null },
      },
    });
    await ok(moderator.socket, 'chat:send', { text: 'Hallo' });
    await ok(moderator.socket, 'workshop:end', {});
    const visitor = await connectClient(server.url);

    offset = 7 * DAY - 60_000;
    expect(await keptAfterSweep(visitor, code)).toBe('found');
    offset = 7 * DAY + 60_000;
    await sweptAway(visitor, code);
    expect(await server.app.store.getWorkshop(workshopId)).toBeNull();
    expect(await server.app.store.boards.listBoards(workshopId)).toEqual([]);
    expect(await server.app.store.chatHistory(workshopId, 'plenary', 10)).toEqual([]);
    // (Rate-limit counters expire on their own with their window.)
    if (url)
      expect((await redisKeysUnder(url, prefix)).filter((k) => k.includes(workshopId) && !k.includes(':rl:'))).toEqual(
        [],
      );

    // Idle: a join 20 days in keeps one workshop; the unused one goes after 30 days.
    const active = await createWorkshop(server.url);
    offset += 20 * DAY;
    await ok(visitor, 'workshop:join', { v: PROTOCOL_VERSION, code: active.workshop.code, name: 'Ben', town: 'Lyon' });
    expect(await keptAfterSweep(visitor, unused.workshop.code)).toBe('found');
    offset += 15 * DAY;
    await sweptAway(visitor, unused.workshop.code);
    expect(await keptAfterSweep(visitor, active.workshop.code)).toBe('found');
    if (url) {
      const left = await redisKeysUnder(url, prefix);
      expect(left.filter((k) => k.includes(unused.workshop.id) || k.includes(unused.workshop.code))).toEqual([]);
    }
  });
});

describe('[WS16] the Redis keys of a workshop expire even without a sweep', () => {
  test.runIf(Boolean(redisUrl))('the workshop hash and its code carry an expiry', async () => {
    const prefix = uniquePrefix('lifetime-ttl');
    const server = await startServer({ redisUrl: redisUrl!, prefix, config: { lifetime } });
    try {
      const created = await createWorkshop(server.url);
      const client = createClient({ url: redisUrl! });
      await client.connect();
      const ttlCode = await client.pTTL(`${prefix}code:${created.workshop.code}`);
      const ttlHash = await client.pTTL(`${prefix}w:${created.workshop.id}`);
      await client.close();
      for (const ttl of [ttlCode, ttlHash]) expect(ttl).toBeGreaterThan(30 * DAY - 60_000);
    } finally {
      closeAllClients();
      await server.close();
      await deleteKeys(redisUrl!, prefix);
    }
  });
});
