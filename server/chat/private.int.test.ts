/**
 * [CHAT4]–[CHAT6] Private messages over real sockets: one node on memory, two nodes on one Redis.
 * Absence is proven with a marker: a later event on the same path (a room message from the same sender)
 * has arrived, so a private message meant for this socket would have arrived before it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatMessage } from '../../shared/chat/schema.js';
import {
  type ClientSocket,
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  recordEvents,
  request,
  settled,
  startServer,
  type TestServer,
  twoNodes,
  waitFor,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person, resumeInput, workshopWith } from '../../test/workshop-helpers.js';

const privateEvents = (seen: Array<{ event: string }>) => seen.filter((e) => e.event.startsWith('chat:private'));

/** Resolves once `sockets` received the room message `marker` from `from` (sent after what must not arrive). */
async function afterMarker(from: ClientSocket, sockets: ClientSocket[], marker: string) {
  const arrived = sockets.map((s) => waitFor(s, 'chat:message', (m) => m.text === marker));
  await ok(from, 'chat:send', { text: marker });
  await Promise.all(arrived);
}

async function resumeOn(url: string, person: Person): Promise<ClientSocket> {
  const socket = await connectClient(url);
  await ok(socket, 'workshop:resume', resumeInput(person));
  return socket;
}

describe('[CHAT4] private messages (memory)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    closeAllClients();
    await server.close();
    expect(server.errors).toEqual([]);
  });

  test('[CHAT4] Anna writes to Heinz: only the two of them receive it; a third person, the moderator, another workshop nothing', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Anna', 'Heinz', 'Carl');
    const [anna, heinz, carl] = people as [Person, Person, Person];
    const elsewhere = await workshopWith(server.url, 'Olga');
    const watchers = [carl, moderator, elsewhere.people[0]!, elsewhere.moderator];
    const seen = watchers.map((p) => recordEvents(p.socket));

    const atHeinz = waitFor(heinz.socket, 'chat:privateMessage');
    const atAnna = waitFor(anna.socket, 'chat:privateMessage');
    const sent = await ok(anna.socket, 'chat:private', { to: heinz.id, text: '  Treffen wir uns nachher?  ' });
    expect(sent).toMatchObject({
      roomId: `dm:${[anna.id, heinz.id].sort().join(':')}`,
      authorId: anna.id,
      authorName: 'Anna',
      text: 'Treffen wir uns nachher?',
    });
    expect(await atHeinz).toEqual(sent);
    expect(await atAnna).toEqual(sent);
    const reply = waitFor(anna.socket, 'chat:privateMessage');
    const answer = await ok(heinz.socket, 'chat:private', { to: anna.id, text: 'Gern!' });
    expect(answer.roomId).toBe(sent.roomId);
    expect(await reply).toEqual(answer);

    await Promise.all(watchers.map((p) => settled(p.socket)));
    expect(seen.map(privateEvents)).toEqual([[], [], [], []]);
    // Not in the room's chat, not readable as a room by a moderator, not in anyone else's private history.
    expect(await ok(heinz.socket, 'chat:history', {})).toEqual([]);
    expect(await request(moderator.socket, 'breakout:room-chat', { roomId: sent.roomId })).toMatchObject({
      ok: true,
      data: [],
    });
    expect(await ok(carl.socket, 'chat:privateHistory', {})).toEqual([]);
    expect(await ok(moderator.socket, 'chat:privateHistory', {})).toEqual([]);
    expect(await ok(heinz.socket, 'chat:privateHistory', {})).toEqual([sent, answer]);
  });

  test('[CHAT4] to the moderators: every moderator receives it and may answer in it; other participants nothing', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Anna', 'Cora', 'Carl');
    const [anna, cora, carl] = people as [Person, Person, Person];
    await ok(moderator.socket, 'participant:promote', { participantId: cora.id });
    const carlSees = recordEvents(carl.socket);

    const atMods = [moderator, cora, anna].map((p) => waitFor(p.socket, 'chat:privateMessage'));
    const asked = await ok(anna.socket, 'chat:private', { to: 'moderators', text: 'Ich höre nichts' });
    expect(asked.roomId).toBe(`mods:${anna.id}`);
    expect(await Promise.all(atMods)).toEqual([asked, asked, asked]);

    const atAll = [moderator, anna].map((p) => waitFor(p.socket, 'chat:privateMessage'));
    const answered = await ok(cora.socket, 'chat:private', { to: anna.id, moderators: true, text: 'Mikrofon prüfen' });
    expect(answered.roomId).toBe(asked.roomId);
    expect(await Promise.all(atAll)).toEqual([answered, answered]);
    // A participant cannot write into someone else's thread with the moderators.
    expect(
      await request(carl.socket, 'chat:private', { to: anna.id, moderators: true, text: 'Ich auch' }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await settled(carl.socket);
    expect(privateEvents(carlSees)).toEqual([]);
    expect(await ok(moderator.socket, 'chat:privateHistory', {})).toEqual([asked, answered]);
    expect(await ok(carl.socket, 'chat:privateHistory', {})).toEqual([]);
  });

  test('[CHAT5] refused to oneself, to nobody, to someone of another workshop, to someone who left or was removed; open again when they come back', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Anna', 'Heinz', 'Rex');
    const [anna, heinz, rex] = people as [Person, Person, Person];
    const other = await workshopWith(server.url, 'Olga');
    const refused = (to: string) => request(anna.socket, 'chat:private', { to, text: 'Hallo' });
    expect(await refused(anna.id)).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await refused('nobody')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await refused(other.people[0]!.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await refused('bad:id')).toMatchObject({ ok: false, code: 'not_found' });

    const before = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'Bist du da?' });
    await ok(heinz.socket, 'workshop:leave', {});
    expect(await refused(heinz.id)).toMatchObject({ ok: false, code: 'partner_left' });
    // The one who left cannot write either (not joined), and reads nothing more.
    expect(await request(heinz.socket, 'chat:private', { to: anna.id, text: 'x' })).toMatchObject({
      ok: false,
      code: 'not_joined',
    });
    const atRex = waitFor(rex.socket, 'chat:privateMessage');
    await ok(anna.socket, 'chat:private', { to: rex.id, text: 'Hallo Rex' });
    await atRex;
    const rexSees = recordEvents(rex.socket);
    await ok(moderator.socket, 'participant:remove', { participantId: rex.id });
    expect(await refused(rex.id)).toMatchObject({ ok: false, code: 'partner_left' });
    expect(privateEvents(rexSees)).toEqual([]);

    // Heinz comes back: the conversation is open again, with what was written before.
    const back = await resumeOn(server.url, heinz);
    expect(await ok(back, 'chat:privateHistory', {})).toEqual([before]);
    const atHeinz = waitFor(back, 'chat:privateMessage');
    const again = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'Willkommen zurück' });
    expect(await atHeinz).toEqual(again);
  });

  test('[CHAT6] a closed chat closes conversations between participants, not those with moderators', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Anna', 'Heinz');
    const [anna, heinz] = people as [Person, Person];
    const early = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'vorher' });
    const toMods = await ok(anna.socket, 'chat:private', { to: 'moderators', text: 'vorher an die Moderation' });
    for (const lock of ['plenary', 'all'] as const) {
      await ok(moderator.socket, 'workshop:chatLock', { lock });
      expect(await request(anna.socket, 'chat:private', { to: heinz.id, text: 'Psst' })).toMatchObject({
        ok: false,
        code: 'chat_locked',
      });
      expect(await request(anna.socket, 'chat:edit', { id: early.id, thread: early.roomId, text: 'x' })).toMatchObject({
        ok: false,
        code: 'chat_locked',
      });
      expect((await ok(anna.socket, 'chat:private', { to: 'moderators', text: 'Frage' })).roomId).toBe(toMods.roomId);
      expect(
        await ok(anna.socket, 'chat:edit', { id: toMods.id, thread: toMods.roomId, text: 'Frage!' }),
      ).toMatchObject({
        text: 'Frage!',
      });
      expect((await ok(anna.socket, 'chat:private', { to: moderator.id, text: 'an Mia' })).authorId).toBe(anna.id);
      expect((await ok(moderator.socket, 'chat:private', { to: heinz.id, text: 'Hinweis' })).authorId).toBe(
        moderator.id,
      );
    }
    // Deleting one's own message stays possible, as in a room.
    expect((await ok(anna.socket, 'chat:delete', { id: early.id, thread: early.roomId })).deleted).toBe(true);
    await ok(moderator.socket, 'workshop:chatLock', { lock: 'open' });
    expect((await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'wieder offen' })).text).toBe('wieder offen');
  });

  test('[CHAT4][CHAT2][CHAT3] edit and delete in a private conversation: same rules, only its people hear of it', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Anna', 'Heinz', 'Carl');
    const [anna, heinz, carl] = people as [Person, Person, Person];
    const sent = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'um 18 Uhr' });
    const seen = [carl, moderator].map((p) => recordEvents(p.socket));
    const atHeinz = waitFor(heinz.socket, 'chat:privateUpdated');
    const edited = await ok(anna.socket, 'chat:edit', { id: sent.id, thread: sent.roomId, text: 'um 19 Uhr' });
    expect(edited).toEqual({ ...sent, text: 'um 19 Uhr', editedAt: expect.any(Number) });
    expect(await atHeinz).toEqual(edited);
    for (const [who, socket] of [
      ['Heinz', heinz.socket],
      ['Carl', carl.socket],
      ['the moderator', moderator.socket],
    ] as const) {
      expect({
        who,
        ack: await request(socket, 'chat:edit', { id: sent.id, thread: sent.roomId, text: 'x' }),
      }).toMatchObject({
        who,
        ack: { ok: false, code: 'forbidden' },
      });
    }
    for (const socket of [carl.socket, moderator.socket])
      expect(await request(socket, 'chat:delete', { id: sent.id, thread: sent.roomId })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    // The room's chat does not know private messages.
    expect(await request(anna.socket, 'chat:edit', { id: sent.id, text: 'x' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const deletedAtHeinz = waitFor(heinz.socket, 'chat:privateUpdated');
    const gone = await ok(anna.socket, 'chat:delete', { id: sent.id, thread: sent.roomId });
    expect(await deletedAtHeinz).toEqual(gone);
    expect(await ok(heinz.socket, 'chat:privateHistory', {})).toEqual([gone]);
    expect(JSON.stringify(gone)).not.toContain('Uhr');

    // In a thread with the moderators, any moderator deletes.
    const asked = await ok(carl.socket, 'chat:private', { to: 'moderators', text: 'unfreundlich' });
    expect((await ok(moderator.socket, 'chat:delete', { id: asked.id, thread: asked.roomId })).deleted).toBe(true);
    await Promise.all([carl, moderator].map((p) => settled(p.socket)));
    expect(privateEvents(seen[0]!).map((e) => e.event)).toEqual(['chat:privateMessage', 'chat:privateUpdated']);
    expect(privateEvents(seen[1]!).map((e) => e.event)).toEqual(['chat:privateMessage', 'chat:privateUpdated']);
  });
});

describe('[CHAT4] private messages share the connection’s rate limit', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ config: { rateLimitPerSecond: 5 } });
  });
  afterEach(async () => {
    closeAllClients();
    await server.close();
    expect(server.errors).toEqual([]);
  });

  test('a burst is cut by the same limiter as room chat; only what was accepted arrives', async () => {
    const { people } = await workshopWith(server.url, 'Anna', 'Heinz');
    const [anna, heinz] = people as [Person, Person];
    const seen = recordEvents(heinz.socket);
    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, i) => request(anna.socket, 'chat:private', { to: heinz.id, text: `Nr. ${i}` })),
    );
    const accepted = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(
      Array(30 - accepted).fill('rate_limited'),
    );
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(30);
    await settled(heinz.socket);
    expect(privateEvents(seen)).toHaveLength(accepted);
  });
});

describeWithRedis('[CHAT4] private messages on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'private-chat');

  /** Moderators Mia (node A) and Cora (node B); Anna and Carl on A, Heinz and Dora on B. */
  async function cast() {
    const [a, b] = two.nodes.map((n) => n.url) as [string, string];
    const created = await createWorkshop(a);
    const code = created.workshop.code;
    const mia = await joinAs(a, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const cora = await joinAs(b, code, { name: 'Cora', town: 'Łódź' });
    await ok(mia.socket, 'participant:promote', { participantId: cora.id });
    const anna = await joinAs(a, code, { name: 'Anna', town: 'Chemnitz' });
    const carl = await joinAs(a, code, { name: 'Carl', town: 'Uden' });
    const heinz = await joinAs(b, code, { name: 'Heinz', town: 'Chemnitz' });
    const dora = await joinAs(b, code, { name: 'Dora', town: 'Lyon' });
    return { a, b, code, mia, cora, anna, carl, heinz, dora };
  }

  test('[CHAT4] sender and recipient on different nodes; a third person on each node receives nothing', async () => {
    const { mia, cora, anna, carl, heinz, dora } = await cast();
    const watchers = [carl, dora, mia, cora];
    const seen = watchers.map((p) => recordEvents(p.socket));
    const atHeinz = waitFor(heinz.socket, 'chat:privateMessage');
    const sent = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'Von Knoten A' });
    expect(await atHeinz).toEqual(sent);
    const atAnna = waitFor(anna.socket, 'chat:privateMessage');
    const reply = await ok(heinz.socket, 'chat:private', { to: anna.id, text: 'Von Knoten B' });
    expect(await atAnna).toEqual(reply);
    await afterMarker(
      anna.socket,
      watchers.map((p) => p.socket),
      'marker from A',
    );
    await afterMarker(
      heinz.socket,
      watchers.map((p) => p.socket),
      'marker from B',
    );
    expect(seen.map(privateEvents)).toEqual([[], [], [], []]);
  });

  test('[CHAT4] to the moderators reaches both moderators on both nodes, and their answer the sender', async () => {
    const { mia, cora, anna, carl, heinz, dora } = await cast();
    const others = [anna, heinz, dora].map((p) => recordEvents(p.socket));
    const atMods = [mia, cora, carl].map((p) => waitFor(p.socket, 'chat:privateMessage'));
    const asked = await ok(carl.socket, 'chat:private', { to: 'moderators', text: 'Wo ist Raum 2?' });
    expect(await Promise.all(atMods)).toEqual([asked, asked, asked]);
    const atCarl = [carl, mia].map((p) => waitFor(p.socket, 'chat:privateMessage'));
    const answer = await ok(cora.socket, 'chat:private', { to: carl.id, moderators: true, text: 'Gleich links' });
    expect(await Promise.all(atCarl)).toEqual([answer, answer]);
    await afterMarker(
      carl.socket,
      [anna, heinz, dora].map((p) => p.socket),
      'marker from Carl',
    );
    await afterMarker(
      cora.socket,
      [anna, heinz, dora].map((p) => p.socket),
      'marker from Cora',
    );
    expect(others.map(privateEvents)).toEqual([[], [], []]);
  });

  test('[CHAT4] after a resume on the other node both sides get their private history; the third person does not', async () => {
    const { a, b, mia, anna, heinz, dora } = await cast();
    const sent = await ok(anna.socket, 'chat:private', { to: heinz.id, text: 'Bis gleich' });
    const reply = await ok(heinz.socket, 'chat:private', { to: anna.id, text: 'Bis gleich!' });
    const asked = await ok(anna.socket, 'chat:private', { to: 'moderators', text: 'Danke' });
    anna.socket.disconnect();
    heinz.socket.disconnect();
    const annaBack = await resumeOn(b, anna);
    const heinzBack = await resumeOn(a, heinz);
    expect(await ok(annaBack, 'chat:privateHistory', {})).toEqual([sent, reply, asked]);
    expect(await ok(heinzBack, 'chat:privateHistory', {})).toEqual([sent, reply]);
    expect(await ok(dora.socket, 'chat:privateHistory', {})).toEqual([]);
    expect(await ok(mia.socket, 'chat:privateHistory', {})).toEqual([asked]);
    // And the conversation goes on across the swapped nodes.
    const atHeinz = waitFor(heinzBack, 'chat:privateMessage');
    const more = await ok(annaBack, 'chat:private', { to: heinz.id, text: 'Jetzt andersherum' });
    expect((await atHeinz) satisfies ChatMessage).toEqual(more);
  });

  test('[CHAT5] a person who left on the other node is refused, and a removed one', async () => {
    const { mia, anna, heinz, dora } = await cast();
    await ok(heinz.socket, 'workshop:leave', {});
    expect(await request(anna.socket, 'chat:private', { to: heinz.id, text: 'Hallo?' })).toMatchObject({
      ok: false,
      code: 'partner_left',
    });
    await ok(mia.socket, 'participant:remove', { participantId: dora.id });
    expect(await request(anna.socket, 'chat:private', { to: dora.id, text: 'Hallo?' })).toMatchObject({
      ok: false,
      code: 'partner_left',
    });
  });
});
