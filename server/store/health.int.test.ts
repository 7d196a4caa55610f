/**
 * The store's health over HTTP, with a Redis of the test's own that it stops and starts again by PID.
 *
 * HEALTH1 /api/health is 200 {ok, store} while the store answers, 503 while Redis does not answer PING,
 *         and 200 again once Redis is back
 * HEALTH2 /api/ready is 200 while the node serves and 503 while it shuts down (and while Redis is away)
 * HEALTH3 a workshop's QR code is 404 only for an unknown code: a Redis outage is a 503 that says so (the
 *         results report too)
 * HEALTH4 a silent connection or a half-sent request does not hold up a shutdown (the port is free again within seconds)
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { describeWithRedis, startServer, type TestServer } from '../../test/server-harness.js';
import { findOnPath, freePort, stopProcess } from '../../test/processes.js';
import { startRedis } from '../../test/redis-server.js';
import { createWorkshop } from '../../test/workshop-helpers.js';

async function get(url: string) {
  const res = await fetch(url);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

describe('health on the memory store', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ config: { shutdownDrainMs: 1_000 } });
  });
  afterEach(() => server.close());

  test('[HEALTH1] the memory store is healthy', async () => {
    expect(await get(`${server.url}/api/health`)).toEqual({ status: 200, body: { ok: true, store: 'memory' } });
  });

  test('[HEALTH2] ready while serving, not ready while shutting down', async () => {
    expect(await get(`${server.url}/api/ready`)).toEqual({ status: 200, body: { ready: true } });
    const closing = server.close();
    expect(await get(`${server.url}/api/ready`)).toEqual({
      status: 503,
      body: { ready: false, reason: 'shutting down' },
    });
    await closing;
  });

  test('[HEALTH4] a silent connection or a half-sent request does not hold up the shutdown', async () => {
    const port = Number(new URL(server.url).port);
    // A connection that sends nothing yet (as a browser's preconnect does) and one with a half-sent request.
    const [silent, slow] = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
    await Promise.all([silent, slow].map((s) => new Promise((resolve) => s.once('connect', resolve))));
    slow.write('GET /api/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // the blank line that ends it never comes
    const cut = [silent, slow].map((s) => new Promise((resolve) => s.once('close', resolve)));
    const started = Date.now();
    await server.close();
    await Promise.all(cut);
    // 1 s drain + 1 s grace for open requests; without the cut this waits for Node's 60 s header timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
    // The same port can be listened on again, as a restarted node does.
    const again = await startServer({ config: { port } });
    expect((await get(`${again.url}/api/ready`)).status).toBe(200);
    await again.close();
  });
});

describeWithRedis('health on a Redis that goes away', () => {
  const binary = findOnPath('redis-server');
  let redis: ChildProcess | null = null;
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    if (redis) await stopProcess(redis);
  });

  test('[HEALTH1] [HEALTH2] [HEALTH3] Redis stopped: health, readiness and QR codes say 503; back: 200', async () => {
    if (!binary) throw new Error('this test starts a redis-server of its own: install redis-server');
    const port = await freePort();
    redis = await startRedis(binary, port);
    server = await startServer({ redisUrl: `redis://127.0.0.1:${port}` });
    const { url } = server;
    const created = await createWorkshop(url);
    const qr = (code: string) => `${url}/api/workshops/${code}/qr.svg`;

    expect(await get(`${url}/api/health`)).toEqual({ status: 200, body: { ok: true, store: 'redis' } });
    expect(await get(`${url}/api/ready`)).toEqual({ status: 200, body: { ready: true } });
    expect((await get(qr(created.workshop.code))).status).toBe(200);
    expect((await get(qr('ZZZZZZ'))).status).toBe(404);

    await stopProcess(redis);
    const down = await get(`${url}/api/health`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, store: 'redis' });
    expect((await get(`${url}/api/ready`)).status).toBe(503);
    const qrDown = await get(qr(created.workshop.code));
    expect(qrDown.status).toBe(503);
    expect(qrDown.body).toMatch(/cannot reach its storage/);
    // The results report says the same in words the page translates; nothing is taken for a refusal.
    const report = await fetch(`${url}/api/workshops/${created.workshop.id}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participantId: 'p1', resumeToken: 't', locale: 'de' }),
    });
    expect(report.status).toBe(503);
    expect(await report.json()).toMatchObject({ code: 'store_unavailable' });

    redis = await startRedis(binary, port);
    await expect.poll(async () => (await get(`${url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    expect(await get(`${url}/api/ready`)).toEqual({ status: 200, body: { ready: true } });
    // This Redis keeps nothing across a restart: the old code is unknown now, a new workshop has its QR code.
    expect((await get(qr(created.workshop.code))).status).toBe(404);
    const again = await createWorkshop(url);
    expect((await get(qr(again.workshop.code))).status).toBe(200);
    // The outage was logged once, with the client it concerned.
    expect(server.errors.some((line) => line.includes('redis connection error') && line.includes('role=store'))).toBe(
      true,
    );
  });
});
