/**
 * Two server nodes on one real Redis (store + Socket.IO Redis adapter), a client on each.
 * Any node serves any participant: events cross nodes and a session resumes on the other node.
 */
import { expect, test, vi } from 'vitest';
import type { Participant } from '../../shared/workshops/schema.js';
import { connectClient, describeWithRedis, ok, recordEvents, waitFor, twoNodes } from '../../test/server-harness.js';
import {
  createWorkshop,
  joinAs,
  participantSeen,
  recordParticipants,
  resumeInput,
  type Person,
} from '../../test/workshop-helpers.js';

describeWithRedis('two nodes on one Redis', (redisUrl) => {
  const two = twoNodes(redisUrl, 'two-nodes');

  /** A moderator on node A and Ana on node B. */
  async function moderatorOnAAnaOnB(): Promise<{ code: string; moderator: Person; ana: Person }> {
    const created = await createWorkshop(two.nodes[0].url);
    const code = created.workshop.code;
    const moderator = await joinAs(two.nodes[0].url, code, {
      name: 'Mia',
      town: 'Chemnitz',
      moderatorKey: created.moderatorKey,
    });
    const joined = waitFor(moderator.socket, 'participant:joined');
    const ana = await joinAs(two.nodes[1].url, code, { name: 'Ana', town: 'Lyon' });
    expect(await joined).toEqual(ana.snapshot.self);
    return { code, moderator, ana };
  }

  test('participants on different nodes see each other join', async () => {
    const { code, moderator, ana } = await moderatorOnAAnaOnB();
    expect(two.nodes[0].app.store.kind).toBe('redis');
    expect(ana.snapshot.participants.map((p) => p.id)).toEqual([moderator.id, ana.id]);

    const anaSees = waitFor(ana.socket, 'participant:joined');
    const ben = await joinAs(two.nodes[0].url, code, { name: 'Ben', town: 'Łódź' });
    expect(await anaSees).toEqual(ben.snapshot.self);
    expect(ben.snapshot.participants.map((p) => p.name)).toEqual(['Mia', 'Ana', 'Ben']);

    // [WS2] The preview suggests towns of two people or more: one more from each town, on either node.
    for (const [name, town] of [
      ['Cem', 'Chemnitz'],
      ['Ola', 'Łódź'],
      ['Léa', 'Lyon'],
    ] as const)
      await joinAs(two.nodes[1].url, code, { name, town });
    const visitor = await connectClient(two.nodes[1].url);
    expect((await ok(visitor, 'workshop:preview', { code })).towns).toEqual(['Chemnitz', 'Łódź', 'Lyon']); // equal counts: by name, Ł sorting as L
  });

  test('chat goes both ways across nodes, and history is shared', async () => {
    const { moderator, ana } = await moderatorOnAAnaOnB();
    const atAna = waitFor(ana.socket, 'chat:message');
    const hello = await ok(moderator.socket, 'chat:send', { text: 'Hallo aus Chemnitz' });
    expect(await atAna).toEqual(hello);

    const atMod = waitFor(moderator.socket, 'chat:message');
    const reply = await ok(ana.socket, 'chat:send', { text: 'Salut de Lyon' });
    expect(await atMod).toEqual(reply);
    expect(await ok(ana.socket, 'chat:history', {})).toEqual([hello, reply]);
  });

  test('a participant dropping from node A resumes on node B with the same id, role and raised hand', async () => {
    const created = await createWorkshop(two.nodes[0].url);
    const code = created.workshop.code;
    const observer = await joinAs(two.nodes[1].url, code, { name: 'Mia', moderatorKey: created.moderatorKey });
    const ana = await joinAs(two.nodes[0].url, code, { name: 'Ana' });
    await ok(observer.socket, 'participant:promote', { participantId: ana.id });
    const raisedSeen = waitFor(
      observer.socket,
      'participant:updated',
      (p) => p.id === ana.id && p.handRaisedAt !== null,
    );
    const raised = await ok(ana.socket, 'hand:raise', {});
    await raisedSeen; // crosses nodes after Ana's ack
    const seen = recordEvents(observer.socket);

    const isAna = (presence: Participant['presence']) => (p: Participant) => p.id === ana.id && p.presence === presence;
    const reconnecting = waitFor(observer.socket, 'participant:updated', isAna('reconnecting'));
    ana.socket.io.engine.close();
    await reconnecting;

    const online = waitFor(observer.socket, 'participant:updated', isAna('online'));
    const onB = await connectClient(two.nodes[1].url);
    const snapshot = await ok(onB, 'workshop:resume', resumeInput(ana));
    expect(snapshot.self).toMatchObject({
      id: ana.id,
      name: 'Ana',
      role: 'moderator',
      presence: 'online',
      handRaisedAt: raised.handRaisedAt,
    });
    const back = await online;
    expect(back).toEqual(snapshot.self);
    expect(seen.map((e) => e.event)).toEqual(['participant:updated', 'participant:updated']);

    // The resumed session works on its new node, including what her role allows.
    const message = waitFor(observer.socket, 'chat:message');
    await ok(onB, 'chat:send', { text: 'wieder da' });
    expect((await message).authorId).toBe(ana.id);
    expect((await ok(onB, 'hand:lower', { participantId: observer.id })).id).toBe(observer.id);
  });

  test('when node A shuts down, its participants show as reconnecting and resume on node B', async () => {
    const { code, moderator, ana } = await moderatorOnAAnaOnB();
    const onA = await joinAs(two.nodes[0].url, code, { name: 'Ben' });
    const reconnecting = participantSeen(ana.socket, (p) => p.presence === 'reconnecting');
    const both = [moderator.id, onA.id];
    // [WS31] Both drops of the closing node may come as one batch.
    const seen = recordParticipants(ana.socket);
    await two.nodes[0].close();
    await reconnecting;
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen.map((p) => [p.id, p.presence]).sort()).toEqual(both.map((id) => [id, 'reconnecting']).sort());

    const online = participantSeen(ana.socket, (p) => p.id === moderator.id && p.presence === 'online');
    const moved = await connectClient(two.nodes[1].url);
    expect((await ok(moved, 'workshop:resume', resumeInput(moderator))).self).toMatchObject({
      id: moderator.id,
      role: 'moderator',
    });
    await online;
    // The moderator coming back is the later event on the same path: nothing else came before it.
    expect(seen.map((p) => [p.id, p.presence])).toHaveLength(3);
    expect(seen.at(-1)).toMatchObject({ id: moderator.id, presence: 'online' });
  });

  test('a moderator on node A removes a participant connected to node B', async () => {
    const { moderator, ana } = await moderatorOnAAnaOnB();
    const closed = waitFor(ana.socket, 'session:closed');
    const disconnected = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    await ok(moderator.socket, 'participant:remove', { participantId: ana.id });
    expect(await closed).toEqual({ reason: 'removed' });
    expect(await disconnected).toBe('io server disconnect');
    const retry = await connectClient(two.nodes[0].url);
    expect(await retry.timeout(5000).emitWithAck('workshop:resume', resumeInput(ana))).toMatchObject({
      ok: false,
      code: 'removed',
    });
  });

  test('opening the session on the other node closes the first connection as replaced', async () => {
    const { moderator, ana } = await moderatorOnAAnaOnB();
    const closed = waitFor(ana.socket, 'session:closed');
    const secondTab = await connectClient(two.nodes[0].url);
    await ok(secondTab, 'workshop:resume', resumeInput(ana));
    expect(await closed).toEqual({ reason: 'replaced' });
    const raised = waitFor(moderator.socket, 'participant:updated', (p) => p.id === ana.id && p.handRaisedAt !== null);
    await ok(secondTab, 'hand:raise', {});
    expect((await raised).presence).toBe('online');
  });
});
