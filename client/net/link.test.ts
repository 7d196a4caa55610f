/** The command queue of client/net: nothing that needs a session goes out before the session is resumed. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { COMMANDS, type CommandName } from '../../shared/protocol.js';
import { QUEUE_WAIT_MS, SESSIONLESS } from './link.js';
import { createFakeConnection, settle } from './test-fake-connection.js';

afterEach(() => vi.useRealTimers());

describe('connection queue', () => {
  test('the commands sent without a session are exactly the public ones of the protocol', () => {
    const publicOnes = (Object.keys(COMMANDS) as CommandName[]).filter((k) => COMMANDS[k].access === 'public');
    expect([...SESSIONLESS].sort()).toEqual(publicOnes.sort());
  });

  test('a command made before the session is joined waits, then goes out in order once, with its ack', async () => {
    const fake = createFakeConnection();
    const hand = fake.conn.request('hand:raise', {});
    const chat = fake.conn.request('chat:send', { text: 'Bonjour' });
    await settle();
    expect(fake.requests).toEqual([]);

    fake.conn.markJoined();
    expect(fake.requests.map((r) => r.event)).toEqual(['hand:raise', 'chat:send']);
    fake.refuse('hand:raise', 'forbidden');
    fake.reply('chat:send', {
      id: 'm1',
      roomId: 'plenary',
      authorId: 'a',
      authorName: 'A',
      authorTown: 'Lyon',
      text: 'Bonjour',
      at: 1,
    });
    expect(await hand).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await chat).toMatchObject({ ok: true, data: { id: 'm1' } });
    expect(fake.requests).toHaveLength(2);
  });

  test('[15.5] after a drop, commands wait for the resume: only the resume goes out on the new link first', async () => {
    const fake = createFakeConnection();
    const asked = vi.fn();
    fake.conn.onNeedsSession(asked);
    fake.conn.markJoined();
    fake.drop();
    expect(fake.conn.joined.value).toBe(false);
    const chat = fake.conn.request('chat:send', { text: 'typed offline' });
    fake.restore();
    expect(asked).toHaveBeenCalledTimes(1);
    const resume = fake.conn.request('workshop:resume', {
      v: 1,
      workshopId: 'w1',
      participantId: 'p1',
      resumeToken: 'token-0123456789',
    });
    await settle();
    expect(fake.requests.map((r) => r.event)).toEqual(['workshop:resume']);
    fake.conn.markJoined();
    expect(fake.requests.map((r) => r.event)).toEqual(['workshop:resume', 'chat:send']);
    fake.refuse('chat:send', 'rate_limited');
    expect(await chat).toMatchObject({ ok: false, code: 'rate_limited' });
    void resume;
  });

  test('[WS17] server:trouble shows the store trouble until the next command succeeds; store_unavailable shows it too', async () => {
    const fake = createFakeConnection();
    fake.conn.markJoined();
    expect(fake.conn.storeTrouble.value).toBe(false);
    fake.push('server:trouble', { retrying: true });
    expect(fake.conn.storeTrouble.value).toBe(true);
    const lock = fake.conn.request('workshop:lock', { locked: true });
    await settle();
    fake.reply('workshop:lock', {} as never);
    await lock;
    expect(fake.conn.storeTrouble.value).toBe(false);
    const chat = fake.conn.request('chat:send', { text: 'Bonjour' });
    await settle();
    fake.refuse('chat:send', 'store_unavailable');
    expect(await chat).toMatchObject({ ok: false, code: 'store_unavailable' });
    expect(fake.conn.storeTrouble.value).toBe(true);
  });

  test('a command on its way when the link drops fails as network (it may or may not have arrived)', async () => {
    const fake = createFakeConnection();
    fake.conn.markJoined();
    const vote = fake.conn.request('poll:vote', { pollId: 'p', choices: ['a'], text: '' });
    await settle();
    fake.drop();
    expect(await vote).toMatchObject({ ok: false, code: 'network' });
  });

  test('a session that cannot come back fails what waits with its reason', async () => {
    const fake = createFakeConnection();
    const hand = fake.conn.request('hand:raise', {});
    fake.conn.abandon('not_found');
    expect(await hand).toMatchObject({ ok: false, code: 'not_found' });
    fake.conn.markJoined();
    expect(fake.requests).toEqual([]);
  });

  test('a not_joined answer sends the command again after the next resume, once', async () => {
    const fake = createFakeConnection();
    const asked = vi.fn();
    fake.conn.onNeedsSession(asked);
    fake.conn.markJoined();
    const hand = fake.conn.request('hand:raise', {});
    await settle();
    fake.refuse('hand:raise', 'not_joined');
    await settle();
    expect(asked).toHaveBeenCalledTimes(1);
    expect(fake.conn.joined.value).toBe(false);
    fake.conn.markJoined();
    fake.refuse('hand:raise', 'not_joined');
    expect(await hand).toMatchObject({ ok: false, code: 'not_joined' });
    expect(fake.sent('hand:raise')).toHaveLength(2);
  });

  test('volatile messages go out only while joined, and never wait', () => {
    const fake = createFakeConnection();
    fake.conn.volatile('board:cursor', { roomId: 'plenary', x: 1, y: 2, laser: false, gone: false });
    fake.conn.markJoined();
    fake.conn.volatile('board:cursor', { roomId: 'plenary', x: 3, y: 4, laser: false, gone: false });
    expect(fake.volatiles).toEqual([{ event: 'board:cursor', payload: expect.objectContaining({ x: 3 }) }]);
  });

  test('a command that waits longer than QUEUE_WAIT_MS is given up as network', async () => {
    vi.useFakeTimers();
    const fake = createFakeConnection({ online: false });
    const hand = fake.conn.request('hand:raise', {});
    vi.advanceTimersByTime(QUEUE_WAIT_MS);
    expect(await hand).toMatchObject({ ok: false, code: 'network' });
    fake.conn.markJoined();
    expect(fake.requests).toEqual([]);
  });
});
