/**
 * [WS13] [WS14] Guessing join codes and moderator keys, and flooding workshop creation, is limited per client
 * address (and per workshop for moderator keys), across reconnects and across nodes.
 */
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { AbuseLimits } from '../config.js';
import {
  closeAllClients,
  connectClient,
  describeWithRedis,
  request,
  startServer,
  twoNodes,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs } from '../../test/workshop-helpers.js';

const tight = (limits: Partial<AbuseLimits>): AbuseLimits => ({
  lookupFailures: 100,
  lookupWindowS: 600,
  moderatorKeyFailures: 100,
  moderatorKeyWindowS: 900,
  creates: 100,
  createWindowS: 3600,
  knocks: 100,
  knockWindowS: 600,
  ...limits,
});

const wrongCode = (i: number) => `ZZZ${'ABCDEFGHJK'[Math.floor(i / 10)]}${'ABCDEFGHJK'[i % 10]}Z`;

let server: TestServer | null = null;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  expect(server?.errors ?? []).toEqual([]);
  server = null;
});

describe('[WS13] guessing join codes', () => {
  test('after the allowed misses an address is refused with the wait, even with a new connection and the right code', async () => {
    server = await startServer({ config: { abuse: tight({ lookupFailures: 5 }) } });
    const created = await createWorkshop(server.url);
    const guesser = await connectClient(server.url);
    for (let i = 0; i < 5; i++)
      expect(await request(guesser, 'workshop:preview', { code: wrongCode(i) })).toMatchObject({ code: 'not_found' });
    const refused = await request(guesser, 'workshop:preview', { code: wrongCode(6) });
    expect(refused).toMatchObject({ ok: false, code: 'too_many_attempts' });
    expect(!refused.ok && refused.retryAfterS).toBeGreaterThan(500);
    expect(!refused.ok && refused.retryAfterS).toBeLessThanOrEqual(600);

    // A reconnect does not reset it, and a hit is no way around it: the address is blocked.
    guesser.disconnect();
    const again = await connectClient(server.url);
    expect(await request(again, 'workshop:preview', { code: created.workshop.code })).toMatchObject({
      code: 'too_many_attempts',
    });
    expect(
      await request(again, 'workshop:join', { v: PROTOCOL_VERSION, code: wrongCode(7), name: 'Eve', town: 'Lyon' }),
    ).toMatchObject({ code: 'too_many_attempts' });
    const qr = await fetch(`${server.url}/api/workshops/${created.workshop.code}/qr.svg`);
    expect(qr.status).toBe(429);
    expect(Number(qr.headers.get('retry-after'))).toBeGreaterThan(500);
  });

  test('hits do not count, and after the window the address may try again', async () => {
    server = await startServer({ config: { abuse: tight({ lookupFailures: 3, lookupWindowS: 1 }) } });
    const created = await createWorkshop(server.url);
    const visitor = await connectClient(server.url);
    for (let i = 0; i < 10; i++)
      expect(await request(visitor, 'workshop:preview', { code: created.workshop.code })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) await request(visitor, 'workshop:preview', { code: wrongCode(i) });
    expect(await request(visitor, 'workshop:preview', { code: created.workshop.code })).toMatchObject({
      code: 'too_many_attempts',
      retryAfterS: 1,
    });
    // The limiter's window is real time (kept in Redis or memory by rate-limiter-flexible): wait for it to pass.
    await vi.waitFor(
      async () =>
        expect(await request(visitor, 'workshop:preview', { code: created.workshop.code })).toMatchObject({ ok: true }),
      { timeout: 3000, interval: 100 },
    );
  });

  test('X-Forwarded-For counts only when TRUST_PROXY says a proxy is in front', async () => {
    const connectVia = async (forwardedFor: string): Promise<ClientSocket> => {
      const socket: ClientSocket = ioClient(server!.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { 'X-Forwarded-For': forwardedFor },
      });
      await new Promise<void>((resolve, reject) =>
        socket.once('connect', () => resolve()).once('connect_error', reject),
      );
      return socket;
    };
    const missThree = async (socket: ClientSocket) => {
      for (let i = 0; i < 3; i++) await request(socket, 'workshop:preview', { code: wrongCode(i) });
      const last = await request(socket, 'workshop:preview', { code: wrongCode(4) });
      socket.disconnect();
      return last.ok ? 'ok' : last.code;
    };
    // Behind no proxy, a forged header changes nothing: both "addresses" are 127.0.0.1.
    server = await startServer({ config: { abuse: tight({ lookupFailures: 3 }) } });
    expect(await missThree(await connectVia('203.0.113.1'))).toBe('too_many_attempts');
    expect(await missThree(await connectVia('203.0.113.2'))).toBe('too_many_attempts');
    await server.close();
    // Behind one trusted proxy, each client address has its own budget.
    server = await startServer({ config: { trustProxy: ['loopback'], abuse: tight({ lookupFailures: 3 }) } });
    expect(await missThree(await connectVia('203.0.113.1'))).toBe('too_many_attempts');
    expect(await missThree(await connectVia('forged, 203.0.113.2'))).toBe('too_many_attempts');
    const fresh = await connectVia('203.0.113.3');
    expect(await request(fresh, 'workshop:preview', { code: wrongCode(1) })).toMatchObject({ code: 'not_found' });
  });
});

describe('[WS14] moderator keys and creating workshops', () => {
  test('wrong moderator keys lock the workshop’s moderator link for a while, from any address', async () => {
    server = await startServer({ config: { abuse: tight({ moderatorKeyFailures: 3 }) } });
    const created = await createWorkshop(server.url);
    const code = created.workshop.code;
    const join = async (moderatorKey: string) => {
      const socket = await connectClient(server!.url);
      return request(socket, 'workshop:join', { v: PROTOCOL_VERSION, code, name: 'Eve', town: 'Lyon', moderatorKey });
    };
    for (let i = 0; i < 3; i++) expect(await join(`wrong-key-${i}-xxxxxxxx`)).toMatchObject({ code: 'forbidden' });
    expect(await join('wrong-key-4-xxxxxxxx')).toMatchObject({ code: 'too_many_attempts' });
    // Joining as a participant is unaffected.
    expect((await joinAs(server.url, code, { name: 'Ana' })).snapshot.self.role).toBe('participant');
  });

  test('creating workshops is limited per address, across reconnects', async () => {
    server = await startServer({ config: { abuse: tight({ creates: 3 }) } });
    for (let i = 0; i < 3; i++) await createWorkshop(server.url);
    const socket = await connectClient(server.url);
    const refused = await request(socket, 'workshop:create', { title: 'Noch eins', languages: ['de'] });
    expect(refused).toMatchObject({ ok: false, code: 'too_many_attempts' });
    expect(!refused.ok && refused.retryAfterS).toBeGreaterThan(3000);
  });

  test('[WS2] the preview shows the invitation, not the people: no id, no towns of single people', async () => {
    server = await startServer();
    const created = await createWorkshop(server.url, { title: 'Jumelage Chemnitz–Łódź', description: 'Radwege' });
    const code = created.workshop.code;
    await joinAs(server.url, code, { name: 'Ana', town: 'Łódź' });
    await joinAs(server.url, code, { name: 'Ola', town: 'Łódź' });
    await joinAs(server.url, code, { name: 'Heinz', town: 'Klein Kleckersdorf' });
    const visitor = await connectClient(server.url);
    const preview = await request(visitor, 'workshop:preview', { code });
    expect(preview).toEqual({
      ok: true,
      data: {
        workshop: {
          code,
          title: 'Jumelage Chemnitz–Łódź',
          description: 'Radwege',
          languages: ['de', 'fr'],
          startsAt: null,
          locked: false,
          endedAt: null,
          lobby: false,
          passcodeNeeded: false,
        },
        towns: ['Łódź'],
      },
    });
  });
});

describeWithRedis('[WS13] limits shared by the nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'attempts', { abuse: tight({ lookupFailures: 4 }) });

  test('misses on one node count on the other', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const atA = await connectClient(a.url);
    for (let i = 0; i < 4; i++) await request(atA, 'workshop:preview', { code: wrongCode(i) });
    const atB = await connectClient(b.url);
    expect(await request(atB, 'workshop:preview', { code: created.workshop.code })).toMatchObject({
      code: 'too_many_attempts',
    });
  });
});
