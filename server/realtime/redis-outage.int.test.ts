/**
 * [WS17] Redis goes away and comes back: people are told within a second that the server is having
 * trouble saving, safe commands are retried and then succeed, and with an append-only file nothing
 * acknowledged is lost.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { closeAllClients, ok, request, startServer, waitFor, type TestServer } from '../../test/server-harness.js';
import { persistentRedis } from '../../test/redis-server.js';
import { workshopWith } from '../../test/workshop-helpers.js';
import { describeWithRedis } from '../../test/server-harness.js';

describeWithRedis('a Redis restart', () => {
  let redis: Awaited<ReturnType<typeof persistentRedis>> | null = null;
  let server: TestServer | null = null;
  afterEach(async () => {
    closeAllClients();
    await server?.close();
    await redis?.dispose();
    // The outage itself is logged (once per client, see server/store/redis/client.ts); nothing else is.
    expect((server?.errors ?? []).filter((line) => !line.includes('redis connection error; retrying'))).toEqual([]);
    server = null;
    redis = null;
  });

  test('[WS17] told within a second, safe commands retried, nothing acknowledged lost', async () => {
    redis = await persistentRedis();
    server = await startServer({ redisUrl: redis.url, config: { rateLimitPerSecond: 500 } });
    const { moderator, people, code } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    for (let i = 0; i < 5; i++)
      await ok(ana.socket, 'board:op', {
        op: {
          type: 'add',
          item: { kind: 'card', id: `c${i}`, x: i, y: 0, text: `Idee ${i}`, color: '#fff176', clusterId: null },
        },
      });
    for (const text of ['Bonjour', 'Dzień dobry', 'Guten Tag']) await ok(moderator.socket, 'chat:send', { text });
    const raised = await ok(ana.socket, 'hand:raise', {});

    await redis.kill();
    // A command that must not be repeated: refused at once, with its own code.
    let started = Date.now();
    const refused = await request(moderator.socket, 'chat:send', { text: 'Lost?' });
    expect(refused).toMatchObject({ ok: false, code: 'store_unavailable' });
    expect(Date.now() - started).toBeLessThan(1000);
    // A safe one: the sender hears of the trouble within a second, and the command waits for Redis.
    started = Date.now();
    const trouble = waitFor(moderator.socket, 'server:trouble', () => true, 1000);
    const locking = request(moderator.socket, 'workshop:lock', { locked: true }, 15_000);
    expect(await trouble).toEqual({ retrying: true });
    expect(Date.now() - started).toBeLessThan(1000);

    // Redis comes back only after the server has started retrying the command.
    await vi.waitFor(() => expect(server!.errors.some((line) => line.includes('retrying role=store'))).toBe(true), {
      timeout: 5000,
    });
    await redis.start();
    expect(await locking).toMatchObject({ ok: true, data: { locked: true } });
    expect(server.errors.filter((line) => line.includes('retrying role=store'))).toHaveLength(1);

    // Everything acknowledged before the outage is there, read fresh from the restarted Redis.
    const board = await ok(moderator.socket, 'board:sync', { sinceSeq: 0, full: true });
    expect(board.kind === 'snapshot' && board.snapshot.items.map((i) => i.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    const chat = await ok(moderator.socket, 'chat:history', {});
    expect(JSON.stringify(chat)).toContain('Dzień dobry');
    expect(JSON.stringify(chat)).not.toContain('Lost?');
    const stored = await server.app.store.getParticipant(ana.workshopId, ana.id);
    expect(stored?.handRaisedAt).toBe(raised.handRaisedAt);
    expect((await server.app.store.getWorkshop(ana.workshopId))?.locked).toBe(true);
    expect(await server.app.store.workshopIdByCode(code)).toBe(ana.workshopId);
  });

  test('[WS17] a node closed while its Redis connections are still coming back closes cleanly', async () => {
    redis = await persistentRedis();
    server = await startServer({ redisUrl: redis.url });
    await workshopWith(server.url, 'Ana');
    await redis.kill();
    await vi.waitFor(() => expect(server!.app.store.health()).resolves.toMatchObject({ ok: false }), { timeout: 5000 });
    await redis.start();
    // Closed at once: the adapter's subscriber is still reconnecting (re-subscribing to its channels).
    // Dropping it then rejected its subscriptions unhandled, which fails this file.
    await server.close();
    server = null;
  });
});
