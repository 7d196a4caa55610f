/** Chat over real sockets: messages both ways, history for late joiners, limits, isolation. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CHAT_MAX_LENGTH, type ChatMessage } from '../../shared/chat/schema.js';
import {
  closeAllClients,
  ok,
  recordEvents,
  request,
  settled,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

describe('chat', () => {
  test('messages go both ways, to the sender too, with author name and town', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;

    const atMod = waitFor(moderator.socket, 'chat:message');
    const atAna = waitFor(ana.socket, 'chat:message');
    const sent = await ok(ana.socket, 'chat:send', { text: '  Bonjour à tous !  ' });
    expect(sent).toMatchObject({
      roomId: 'plenary',
      authorId: ana.id,
      authorName: 'Ana',
      authorTown: 'Lyon',
      text: 'Bonjour à tous !',
    });
    expect(await atMod).toEqual(sent);
    expect(await atAna).toEqual(sent);

    const reply = waitFor(ana.socket, 'chat:message');
    const answer = await ok(moderator.socket, 'chat:send', { text: 'Herzlich willkommen' });
    expect(await reply).toEqual(answer);
    expect(answer).toMatchObject({ authorId: moderator.id, authorTown: 'Chemnitz' });
    expect(answer.id).not.toBe(sent.id);
  });

  test('history gives a late joiner the earlier messages, oldest first', async () => {
    const { code, moderator, people } = await workshopWith(server.url, 'Ana');
    const texts = ['eins', 'deux', 'trzy', 'four'];
    const sent: ChatMessage[] = [];
    for (const [i, text] of texts.entries())
      sent.push(await ok(i % 2 ? moderator.socket : people[0]!.socket, 'chat:send', { text }));

    const late = await joinAs(server.url, code, { name: 'Late', town: 'Łódź' });
    const history = await ok(late.socket, 'chat:history', {});
    expect(history).toEqual(sent);
    expect(history.map((m) => m.text)).toEqual(texts);
  });

  test('blank and too long messages are refused and not delivered', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const seen = recordEvents(moderator.socket);
    const ana = people[0]!.socket;
    expect(await request(ana, 'chat:send', { text: '   ' })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await request(ana, 'chat:send', { text: 'x'.repeat(CHAT_MAX_LENGTH + 1) })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect((await ok(ana, 'chat:send', { text: 'x'.repeat(CHAT_MAX_LENGTH) })).text).toHaveLength(CHAT_MAX_LENGTH);
    await settled(moderator.socket);
    expect(seen.filter((e) => e.event === 'chat:message')).toHaveLength(1);
    expect(await ok(moderator.socket, 'chat:history', {})).toHaveLength(1);
  });

  test('messages stay in their workshop', async () => {
    const first = await workshopWith(server.url, 'Ana');
    const second = await workshopWith(server.url, 'Ben');
    const elsewhere = recordEvents(second.people[0]!.socket);
    const delivered = waitFor(first.moderator.socket, 'chat:message');
    await ok(first.people[0]!.socket, 'chat:send', { text: 'only for the first workshop' });
    await delivered;
    await settled(second.people[0]!.socket);
    expect(elsewhere).toEqual([]);
    expect(await ok(second.moderator.socket, 'chat:history', {})).toEqual([]);
  });

  test('someone who left no longer receives messages', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    await ok(ana, 'workshop:leave', {});
    const seen = recordEvents(ana);
    await ok(moderator.socket, 'chat:send', { text: 'after Ana left' });
    await settled(ana); // not joined any more: the round trip uses a public command
    expect(seen).toEqual([]);
    expect(await request(ana, 'chat:history', {})).toMatchObject({ ok: false, code: 'not_joined' });
  });

  test('[WS24] moderators close the chat in the plenary or everywhere; they still write, everyone still reads', async () => {
    const { code, moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const anaSees = waitFor(ana.socket, 'workshop:updated');
    expect((await ok(moderator.socket, 'workshop:chatLock', { lock: 'plenary' })).chatLock).toBe('plenary');
    expect((await anaSees).chatLock).toBe('plenary');
    expect(await request(ana.socket, 'chat:send', { text: 'Hallo?' })).toMatchObject({
      ok: false,
      code: 'chat_locked',
    });
    expect(await request(ana.socket, 'workshop:chatLock', { lock: 'open' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const fromModerator = await ok(moderator.socket, 'chat:send', { text: 'Fragen bitte per Handzeichen' });
    // A latecomer is under the same rule and reads what was written.
    const late = await joinAs(server.url, code, { name: 'Ben' });
    expect(late.snapshot.workshop.chatLock).toBe('plenary');
    expect(await request(late.socket, 'chat:send', { text: 'Ich auch?' })).toMatchObject({
      ok: false,
      code: 'chat_locked',
    });
    expect(await ok(late.socket, 'chat:history', {})).toEqual([fromModerator]);
    // In a breakout room the room's chat stays open unless closed everywhere.
    let view = await ok(moderator.socket, 'breakout:sync', {});
    view = await ok(moderator.socket, 'breakout:rooms', { version: view.version, rooms: [{ name: 'Salon' }] });
    view = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 1 });
    await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 60_000 });
    expect((await ok(ana.socket, 'chat:send', { text: 'Im Salon' })).text).toBe('Im Salon');
    await ok(moderator.socket, 'workshop:chatLock', { lock: 'all' });
    expect(await request(ana.socket, 'chat:send', { text: 'Noch da?' })).toMatchObject({
      ok: false,
      code: 'chat_locked',
    });
    await ok(moderator.socket, 'workshop:chatLock', { lock: 'open' });
    expect((await ok(ana.socket, 'chat:send', { text: 'Wieder offen' })).text).toBe('Wieder offen');
  });
});

describe('[CHAT2][CHAT3] edit and delete', () => {
  test('[CHAT2] the author edits their message, everyone sees it marked; nobody else may', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people;
    const sent = await ok(ana!.socket, 'chat:send', { text: 'Wir treffen uns um 18 Uhr' });
    const seen = [moderator, ben!].map((p) => waitFor(p.socket, 'chat:updated'));
    const edited = await ok(ana!.socket, 'chat:edit', { id: sent.id, text: 'Wir treffen uns um 19 Uhr' });
    expect(edited).toEqual({ ...sent, text: 'Wir treffen uns um 19 Uhr', editedAt: expect.any(Number) });
    expect(await Promise.all(seen)).toEqual([edited, edited]);
    expect(await ok(ben!.socket, 'chat:history', {})).toEqual([edited]);
    for (const other of [ben!, moderator])
      expect(await request(other.socket, 'chat:edit', { id: sent.id, text: 'Gehackt' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    expect(await request(ana!.socket, 'chat:edit', { id: 'nope', text: 'x' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  test('[CHAT3] the author or a moderator deletes; the text is gone for everyone, also from the history', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people;
    const first = await ok(ana!.socket, 'chat:send', { text: 'Meine Telefonnummer: 0123' });
    const second = await ok(ben!.socket, 'chat:send', { text: 'Unfreundlich' });
    expect(await request(ana!.socket, 'chat:delete', { id: second.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const heard = waitFor(ben!.socket, 'chat:updated');
    const gone = await ok(ana!.socket, 'chat:delete', { id: first.id });
    expect(gone).toEqual({ ...first, text: '', deleted: true, editedAt: expect.any(Number) });
    expect(await heard).toEqual(gone);
    expect((await ok(moderator.socket, 'chat:delete', { id: second.id })).deleted).toBe(true);
    const history = await ok(ben!.socket, 'chat:history', {});
    expect(history.map((m) => [m.text, m.deleted])).toEqual([
      ['', true],
      ['', true],
    ]);
    expect(JSON.stringify(history)).not.toContain('0123');
    // Deleted stays deleted: no edit brings it back, a second delete finds nothing.
    expect(await request(ana!.socket, 'chat:edit', { id: first.id, text: 'zurück' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await request(moderator.socket, 'chat:delete', { id: first.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
