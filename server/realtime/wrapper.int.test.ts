/** The command wrapper over real sockets: every command gets exactly one ack, whatever it carried. */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { COMMANDS, PROTOCOL_VERSION, type CommandName } from '../../shared/protocol.js';
import {
  closeAllClients,
  connectClient,
  deleteKeys,
  describeWithRedis,
  ok,
  request,
  requestRaw,
  startServer,
  uniquePrefix,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { MEMBER_COMMANDS } from '../../test/command-samples.js';
import { workshopWith } from '../../test/workshop-helpers.js';
import { RedisStore } from '../store/redis-store.js';

let server: TestServer | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  expect(server?.errors).toEqual([]);
  server = undefined;
});

describe('before joining', () => {
  test('every member and moderator command gets not_joined', async () => {
    // One socket sends every command of the table: a rate limit above the table's size (rates are tested below).
    server = await startServer({ config: { rateLimitPerSecond: 1_000 } });
    const restricted = (Object.keys(COMMANDS) as CommandName[]).filter((name) => COMMANDS[name].access !== 'public');
    expect(Object.keys(MEMBER_COMMANDS).sort()).toEqual(restricted.sort());
    const socket = await connectClient(server.url);
    for (const [name, payload] of Object.entries(MEMBER_COMMANDS)) {
      expect({ name, ack: await requestRaw(socket, name, payload) }).toMatchObject({
        name,
        ack: { ok: false, code: 'not_joined' },
      });
    }
  });
});

describe('malformed input', () => {
  test.each([
    ['workshop:create', { languages: ['de'] }, 'title missing'],
    ['workshop:create', { title: 'T', languages: ['xx'] }, 'unknown language'],
    ['workshop:preview', 'ABCDEF', 'a string instead of an object'],
    ['workshop:preview', { code: 'ABC' }, 'code too short'],
    ['workshop:join', { v: PROTOCOL_VERSION, code: 'ABCDEF', name: '   ', town: 'Lyon' }, 'blank name'],
    ['workshop:join', { v: '1', code: 'ABCDEF', name: 'Ana', town: 'Lyon' }, 'version as a string'],
    ['workshop:resume', null, 'null'],
  ])('%s with %j (%s) gets invalid_payload', async (event, payload, _reason) => {
    server = await startServer();
    const ack = await requestRaw(await connectClient(server.url), event, payload);
    expect(ack).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(ack.ok === false && ack.message.length).toBeGreaterThan(0);
  });

  test('a joined member sending bad payloads gets invalid_payload and nothing changes', async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    expect(await requestRaw(ana, 'hand:raise', { extra: true })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await requestRaw(ana, 'chat:send', { text: 42 })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await requestRaw(moderator.socket, 'workshop:lock', { locked: 'yes' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(await requestRaw(moderator.socket, 'participant:remove', {})).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const snapshot = await ok(moderator.socket, 'workshop:resume', {
      v: PROTOCOL_VERSION,
      workshopId: moderator.workshopId,
      participantId: moderator.id,
      resumeToken: moderator.snapshot.resumeToken,
    });
    expect(snapshot.workshop.locked).toBe(false);
    expect(snapshot.participants.map((p) => p.handRaisedAt)).toEqual([null, null]);
  });

  test('an unknown event with an ack gets unknown_event; without an ack it is ignored', async () => {
    server = await startServer();
    const socket = await connectClient(server.url);
    expect(await requestRaw(socket, 'poll:hack', { x: 1 })).toMatchObject({ ok: false, code: 'unknown_event' });
    (socket as unknown as { emit(e: string, p: unknown): void }).emit('poll:hack', { x: 1 });
    expect(await ok(socket, 'workshop:create', { title: 'Still here', languages: ['en'] })).toHaveProperty(
      'moderatorKey',
    );
  });

  test('a command sent without a payload still gets its ack', async () => {
    server = await startServer();
    const { people } = await workshopWith(server.url, 'Ana');
    const bare = people[0]!.socket as unknown as { timeout(ms: number): { emitWithAck(e: string): Promise<unknown> } };
    expect(await bare.timeout(2000).emitWithAck('hand:raise')).toMatchObject({
      ok: true,
      data: { handRaisedAt: expect.any(Number) },
    });
    expect(await bare.timeout(2000).emitWithAck('workshop:preview')).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  test('a command sent with extra arguments gets its ack: the last argument, when it is a function', async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket as unknown as {
      timeout(ms: number): { emitWithAck(e: string, ...args: unknown[]): Promise<unknown> };
    };
    const heard = waitFor(moderator.socket, 'chat:message');
    expect(await ana.timeout(2000).emitWithAck('chat:send', { text: 'hallo' }, 'extra', 42)).toMatchObject({
      ok: true,
      data: { text: 'hallo' },
    });
    expect((await heard).text).toBe('hallo');
    expect(await ana.timeout(2000).emitWithAck('chat:send', { text: 42 }, { more: true })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(await ana.timeout(2000).emitWithAck('poll:hack', 1, 2, 3)).toMatchObject({
      ok: false,
      code: 'unknown_event',
    });
  });

  test('an oversized payload gets payload_too_large and the connection stays usable', async () => {
    server = await startServer();
    const { people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    expect(await request(ana, 'chat:send', { text: 'x'.repeat(17 * 1024) })).toMatchObject({
      ok: false,
      code: 'payload_too_large',
    });
    const visitor = await connectClient(server.url);
    const create = await request(visitor, 'workshop:create', {
      title: 'T',
      languages: ['de'],
      description: 'ü'.repeat(9000),
    });
    expect(create).toMatchObject({ ok: false, code: 'payload_too_large' });
    expect((await ok(ana, 'chat:send', { text: 'short' })).text).toBe('short');
  });
});

describe('rate limit', () => {
  test('a flood gets rate_limited acks, others are unaffected, and the sender recovers', async () => {
    // The server's clock moves only when the test moves it: the bucket refills when we say, not while we wait.
    let now = Date.now();
    server = await startServer({ config: { rateLimitPerSecond: 5 }, clock: () => now });
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    now += 2_000; // the joins above spent some of the burst: two seconds refill it
    let delivered = 0;
    moderator.socket.on('chat:message', () => delivered++);

    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, i) => request(ana, 'chat:send', { text: `spam ${i}` })),
    );
    const accepted = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(accepted + limited).toBe(200);
    expect(accepted).toBe(10); // the burst (twice the rate): no time passed during the flood

    expect((await ok(moderator.socket, 'chat:send', { text: 'I can still talk' })).text).toBe('I can still talk');
    expect(delivered).toBe(accepted + 1);
    expect(await request(ana, 'chat:send', { text: 'still too soon' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    now += 400; // two tokens at five a second
    expect((await ok(ana, 'chat:send', { text: 'sorry' })).text).toBe('sorry');
  });

  test('unknown events count against the same bucket as commands', async () => {
    // The server's clock stands still: a busy machine cannot refill the bucket between the flood and the check.
    const now = Date.now();
    server = await startServer({ config: { rateLimitPerSecond: 5 }, clock: () => now });
    const socket = await connectClient(server.url);
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => requestRaw(socket, `nope:${i}`, {})));
    const unknown = acks.filter((a) => !a.ok && a.code === 'unknown_event').length;
    expect(acks.filter((a) => !a.ok && a.code === 'rate_limited')).toHaveLength(100 - unknown);
    expect(unknown).toBeGreaterThanOrEqual(9);
    expect(unknown).toBeLessThanOrEqual(15);
    // The flood of unknown names spent the budget of real commands too.
    expect(await request(socket, 'workshop:create', { title: 'T', languages: ['de'] })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  test('volatile commands have their own bucket: a client moving its cursor at 60/s still gets its commands through', async () => {
    let now = Date.now();
    server = await startServer({ clock: () => now }); // the default limits; the test moves the clock
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    let cursors = 0;
    moderator.socket.on('board:cursor', () => cursors++);
    const chats: Array<Promise<{ ok: boolean }>> = [];
    // 60 cursor moves a second for two seconds, in steps of 50 ms of the server's clock (each step's
    // acks awaited, so the server sees them at that time), and a chat message every half second.
    for (let step = 1; step <= 40; step++) {
      now += 50;
      const acks: Array<Promise<unknown>> = [];
      for (let i = 0; i < 3; i++) acks.push(ok(ana, 'board:cursor', { x: step, y: i }));
      if (step % 10 === 0) chats.push(request(ana, 'chat:send', { text: `step ${step}` }));
      await Promise.all(acks);
    }
    expect(await Promise.all(chats)).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ ok: true })));
    // Every cursor was accepted (ok() throws otherwise); socket.io may drop volatile relays while the transport is busy.
    expect(cursors).toBeGreaterThan(0);
  });

  test('over the volatile bucket, volatile commands are refused as rate_limited and the main bucket is untouched', async () => {
    server = await startServer({ config: { rateLimitPerSecond: 5, volatileRateLimitPerSecond: 5 } });
    const { people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => request(ana, 'board:cursor', { x: i, y: i })));
    const accepted = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok && a.code === 'rate_limited')).toHaveLength(100 - accepted);
    expect(accepted).toBeGreaterThanOrEqual(9);
    expect(accepted).toBeLessThanOrEqual(15);
    for (let i = 0; i < 5; i++)
      expect(await request(ana, 'chat:send', { text: `still here ${i}` })).toMatchObject({ ok: true });
  });
});

describeWithRedis('store failures', (redisUrl) => {
  const prefix = uniquePrefix('wrapper');
  afterAll(() => deleteKeys(redisUrl, prefix));

  test('[WS17] a store that cannot be reached is acked as store_unavailable at once, and the server keeps serving', async () => {
    const store = await RedisStore.connect(redisUrl, { prefix });
    server = await startServer({ store });
    const socket = await connectClient(server.url);
    await ok(socket, 'workshop:create', { title: 'Before', languages: ['de'] });
    await store.close(); // Redis is now unreachable for this server
    const started = Date.now();
    const ack = await request(socket, 'workshop:create', { title: 'During', languages: ['de'] });
    expect(ack).toMatchObject({ ok: false, code: 'store_unavailable' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await requestRaw(socket, 'poll:hack', {})).toMatchObject({ ok: false, code: 'unknown_event' });
  });
});
