/** Presence and resume over real sockets: drops, grace period, resume tokens, protocol version. */
import { afterEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { Participant } from '../../shared/workshops/schema.js';
import {
  closeAllClients,
  connectClient,
  ok,
  recordEvents,
  request,
  startServer,
  waitFor,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import { resumeInput, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  expect(server?.errors).toEqual([]);
  server = undefined;
});

/** An abrupt drop of the transport, as when a laptop lid closes (no leave, no clean disconnect). */
function drop(socket: ClientSocket) {
  socket.io.engine.close();
}

const presenceOf = (id: string, presence: Participant['presence']) => (p: Participant) =>
  p.id === id && p.presence === presence;

describe('resume', () => {
  test('[WS6] resuming after a drop keeps id, role and raised hand; others see reconnecting then online', async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    await ok(moderator.socket, 'participant:promote', { participantId: ana.id });
    const raised = await ok(ana.socket, 'hand:raise', {});
    const seen = recordEvents(moderator.socket);

    const reconnecting = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'reconnecting'));
    drop(ana.socket);
    await reconnecting;

    const online = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'online'));
    const fresh = await connectClient(server.url);
    const snapshot = await ok(fresh, 'workshop:resume', resumeInput(ana));
    expect(snapshot.self).toMatchObject({
      id: ana.id,
      name: 'Ana',
      role: 'moderator',
      presence: 'online',
      handRaisedAt: raised.handRaisedAt,
    });
    expect(snapshot.resumeToken).toBe(ana.snapshot.resumeToken);
    expect(snapshot.participants.map((p) => p.id)).toEqual([moderator.id, ana.id]);
    await online;

    expect(seen.map((e) => e.event)).toEqual(['participant:updated', 'participant:updated']);
    // The resumed session is a full member again, with the moderator room.
    const lockSeen = waitFor(moderator.socket, 'workshop:updated');
    await ok(fresh, 'workshop:lock', { locked: true });
    expect((await lockSeen).locked).toBe(true);
  });

  test('[WS10] without a resume within the grace period the participant becomes offline', async () => {
    server = await startServer({ config: { presenceGraceMs: 200 } });
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const reconnecting = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'reconnecting'));
    const offline = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'offline'));
    drop(ana.socket);
    const dropped = Date.now();
    await reconnecting;
    await offline;
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(150);

    const snapshot = await ok(moderator.socket, 'workshop:resume', resumeInput(moderator));
    expect(snapshot.participants.find((p) => p.id === ana.id)?.presence).toBe('offline');
    const back = await connectClient(server.url);
    expect((await ok(back, 'workshop:resume', resumeInput(ana))).self.presence).toBe('online');
  });

  test('[WS10] a resume within the grace period cancels the offline', async () => {
    server = await startServer({ config: { presenceGraceMs: 300 } });
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const reconnecting = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'reconnecting'));
    drop(ana.socket);
    await reconnecting;
    const seen = recordEvents(moderator.socket);
    await ok(await connectClient(server.url), 'workshop:resume', resumeInput(ana));
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.map((e) => (e.arg as Participant).presence)).toEqual(['online']);
  });

  test('opening the session on a second connection closes the first as replaced', async () => {
    server = await startServer();
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const seen = recordEvents(moderator.socket);
    const closed = waitFor(ana.socket, 'session:closed');
    const disconnected = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    const secondTab = await connectClient(server.url);
    await ok(secondTab, 'workshop:resume', resumeInput(ana));
    expect(await closed).toEqual({ reason: 'replaced' });
    await disconnected;
    await ok(secondTab, 'hand:raise', {});
    // Others saw Ana stay online throughout: the old connection's drop is not a drop of Ana, and [WS32] a
    // second tab of someone online is no change either: the first update they hear is her hand.
    const updates = seen.filter((e) => e.event === 'participant:updated').map((e) => e.arg as Participant);
    expect(updates.map((p) => [p.presence, p.handRaisedAt !== null])).toEqual([['online', true]]);
  });

  test('[WS32] back within PRESENCE_DROP_DELAY_MS: nobody hears of the blip and no number is taken', async () => {
    server = await startServer({ config: { presenceDropDelayMs: 1_500, presenceGraceMs: 5_000 } });
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const seen = recordEvents(moderator.socket);
    const before = await ok(moderator.socket, 'participant:sync', {});
    drop(ana.socket);
    const back = await ok(await connectClient(server.url), 'workshop:resume', resumeInput(ana));
    expect(back.self).toMatchObject({ id: ana.id, presence: 'online' });
    expect(back.participantsSeq).toBe(before.seq);
    // The same path a real drop takes: once it is past, the first thing anyone hears of Ana is a later
    // drop (that one announced after the delay, with the next number), nothing of the blip.
    const seq = back.self.seq;
    const again = await connectClient(server.url);
    await ok(again, 'workshop:resume', resumeInput(ana));
    const reconnecting = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'reconnecting'));
    const dropped = Date.now();
    drop(again);
    const update = await reconnecting;
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(1_400);
    expect(update.seq).toBe(seq + 1);
    expect(seen.filter((e) => e.event.startsWith('participant:')).map((e) => e.event)).toEqual(['participant:updated']);
  });

  test('[WS6] a wrong token, an unknown participant or an unknown workshop is not_found', async () => {
    server = await startServer();
    const { people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const other = await connectClient(server.url);
    const attempts = [
      { ...resumeInput(ana), resumeToken: 'x'.repeat(32) },
      { ...resumeInput(ana), participantId: 'nobody' },
      { ...resumeInput(ana), workshopId: 'nowhere' },
    ];
    for (const input of attempts)
      expect(await request(other, 'workshop:resume', input)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await request(other, 'hand:raise', {})).toMatchObject({ ok: false, code: 'not_joined' });
  });
});

describe('one socket, one participant', () => {
  test('[WS11] a socket that joins as someone else drops the participant it spoke for before', async () => {
    server = await startServer();
    const { code, moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const reconnecting = waitFor(moderator.socket, 'participant:updated', presenceOf(ana.id, 'reconnecting'));
    const second = await ok(ana.socket, 'workshop:join', {
      v: PROTOCOL_VERSION,
      code,
      name: 'Ana again',
      town: 'Lyon',
    });
    expect(second.self.id).not.toBe(ana.id);
    await reconnecting;
    const fresh = second.participants.find((p) => p.id === ana.id);
    expect(fresh?.presence).not.toBe('online');
  });
});

describe('protocol version', () => {
  test('join and resume with another protocol version get version_mismatch', async () => {
    server = await startServer();
    const { code, people } = await workshopWith(server.url, 'Ana');
    const socket = await connectClient(server.url);
    const join = await request(socket, 'workshop:join', {
      v: PROTOCOL_VERSION + 1,
      code,
      name: 'Old tab',
      town: 'Lyon',
    });
    expect(join).toMatchObject({ ok: false, code: 'version_mismatch' });
    const resume = await request(socket, 'workshop:resume', { ...resumeInput(people[0]!), v: PROTOCOL_VERSION - 1 });
    expect(resume).toMatchObject({ ok: false, code: 'version_mismatch' });
    expect(await request(socket, 'hand:raise', {})).toMatchObject({ ok: false, code: 'not_joined' });
  });
});
