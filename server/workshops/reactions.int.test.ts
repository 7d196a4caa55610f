/**
 * [WS29] Reactions over real sockets.
 *
 * REACT1 a reaction reaches everyone in the sender's room at once, the sender too, with who sent it
 * REACT2 a person may send REACTION_BURST at once, then one a second (`rate_limited` in between); others are not held up
 * REACT3 only the listed reactions are accepted
 * REACT4 a workshop created with its partner countries also takes their flags, and only theirs
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { REACTION_BURST, REACTION_EVERY_MS } from '../../shared/workshops/constants.js';
import {
  closeAllClients,
  connectClient,
  ok,
  request,
  startServer,
  type TestServer,
  waitFor,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer;
let now = 1_000_000;
beforeEach(async () => {
  now = 1_000_000;
  server = await startServer({ clock: () => now });
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

describe('[WS29] reactions', () => {
  test('[REACT1] a reaction reaches everyone in the room, the sender too', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people;
    const heard = [moderator, ana!, ben!].map((p) => waitFor(p.socket, 'reaction'));
    expect(await ok(ana!.socket, 'reaction:send', { emoji: '🎉' })).toEqual({
      participantId: ana!.id,
      emoji: '🎉',
      roomId: 'plenary',
      at: now,
    });
    for (const event of await Promise.all(heard)) expect(event).toMatchObject({ participantId: ana!.id, emoji: '🎉' });
  });

  test('[REACT2] a burst, then one a second; someone else is not held up', async () => {
    const { people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people;
    const codes: string[] = [];
    for (let i = 0; i < REACTION_BURST + 2; i++) {
      const r = await request(ana!.socket, 'reaction:send', { emoji: '👍' });
      codes.push(r.ok ? 'ok' : r.code);
    }
    expect(codes).toEqual([...Array(REACTION_BURST).fill('ok'), 'rate_limited', 'rate_limited']);
    expect((await request(ben!.socket, 'reaction:send', { emoji: '👏' })).ok).toBe(true);
    now += REACTION_EVERY_MS;
    expect((await request(ana!.socket, 'reaction:send', { emoji: '👍' })).ok).toBe(true);
    expect(await request(ana!.socket, 'reaction:send', { emoji: '👍' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
  });

  test('[REACT3] only the listed reactions', async () => {
    const { people } = await workshopWith(server.url, 'Ana');
    for (const emoji of ['💩', '<script>', '', '👍👍'])
      expect(await request(people[0]!.socket, 'reaction:send', { emoji } as never)).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
  });

  test('[REACT4] the flags of the workshop’s countries, and no others', async () => {
    const created = await createWorkshop(server.url, { countries: ['DE', 'PL', 'DE'] });
    expect(created.workshop.countries).toEqual(['DE', 'PL']);
    const ana = await joinAs(server.url, created.workshop.code, { name: 'Ana' });
    const ben = await joinAs(server.url, created.workshop.code, { name: 'Ben' });
    expect(ana.snapshot.workshop.countries).toEqual(['DE', 'PL']);
    const heard = waitFor(ben.socket, 'reaction');
    expect((await ok(ana.socket, 'reaction:send', { emoji: '🇵🇱' })).emoji).toBe('🇵🇱');
    expect((await heard).emoji).toBe('🇵🇱');
    now += REACTION_EVERY_MS;
    // France is not one of this workshop's countries.
    expect(await request(ana.socket, 'reaction:send', { emoji: '🇫🇷' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    // A workshop without countries takes no flag at all.
    const plain = await workshopWith(server.url, 'Cleo');
    expect(await request(plain.people[0]!.socket, 'reaction:send', { emoji: '🇩🇪' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  test('[REACT4] only real country codes, at most MAX_COUNTRIES', async () => {
    const socket = await connectClient(server.url);
    for (const countries of [['XX'], ['de'], ['ZZ'], ['DE', 'FR', 'PL', 'NL', 'IT', 'CZ', 'AT', 'BE', 'LU']])
      expect(
        await request(socket, 'workshop:create', { title: 'Treffen', languages: ['de'], countries }),
      ).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});
