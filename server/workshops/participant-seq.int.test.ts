/**
 * The participant sequence over real sockets, on both stores: every participant event carries the next
 * number after the watcher's snapshot (no gap, no repeat), and `participant:sync` answers at least as new.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Participant } from '../../shared/workshops/schema.js';
import {
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  recordEvents,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, resumeInput, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  expect(server?.errors).toEqual([]);
  server = undefined;
});

const PARTICIPANT_EVENTS = new Set(['participant:joined', 'participant:updated', 'participant:left']);
const seqOf = (arg: unknown) => (arg as { seq: number }).seq;

function runSuite(start: () => Promise<TestServer>) {
  test('[WS20] every participant event carries the next number after the snapshot: no gap, no repeat', async () => {
    server = await start();
    const { code, moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    // A fresh watcher: its snapshot number, then every change as it happens.
    const watcher = await joinAs(server.url, code, { name: 'Wiktor' });
    const seen = recordEvents(watcher.socket);
    const start0 = watcher.snapshot.participantsSeq;
    expect(start0).toBeGreaterThanOrEqual(3); // three attaches before it
    expect(watcher.snapshot.self.seq).toBe(start0); // its own attach is the newest change

    await ok(ana.socket, 'hand:raise', {});
    await ok(ben.socket, 'media:update', { micOn: false });
    await ok(moderator.socket, 'hand:lower', { participantId: ana.id });
    await ok(moderator.socket, 'participant:promote', { participantId: ben.id });
    const reconnecting = waitFor(watcher.socket, 'participant:updated', (p) => p.presence === 'reconnecting');
    ana.socket.io.engine.close(); // a dropped laptop
    await reconnecting;
    const fresh = await connectClient(server.url);
    await ok(fresh, 'workshop:resume', resumeInput(ana));
    await ok(ben.socket, 'workshop:leave', {});
    const late = await joinAs(server.url, code, { name: 'Cleo' });
    const removed = waitFor(watcher.socket, 'participant:left', (e) => e.reason === 'removed');
    await ok(moderator.socket, 'participant:remove', { participantId: late.id });
    await removed;

    const numbers = seen.filter((e) => PARTICIPANT_EVENTS.has(e.event)).map((e) => seqOf(e.arg));
    // raise, mic, lower, promote, drop, resume, leave, Cleo's attach, removal
    expect(numbers).toEqual(Array.from({ length: 9 }, (_, i) => start0 + 1 + i));

    const sync = await ok(watcher.socket, 'participant:sync', {});
    expect(sync.seq).toBe(start0 + 9);
    expect(sync.participants.map((p) => p.name).sort()).toEqual(['Ana', 'Ben', 'Mia Moderatorin', 'Wiktor']);
    const anaNow = sync.participants.find((p) => p.id === ana.id) as Participant;
    expect(anaNow).toMatchObject({ presence: 'online', handRaisedAt: null, seq: start0 + 6 });
  });

  test('[WS21] someone who missed events while away sees the gap close: the resume snapshot is at least as new', async () => {
    server = await start();
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const lastSeen = ana.snapshot.participantsSeq;
    ana.socket.io.engine.close();
    await waitFor(moderator.socket, 'participant:updated', (p) => p.id === ana.id && p.presence === 'reconnecting');
    const raised = await ok(moderator.socket, 'hand:raise', {}); // missed by Ana
    expect(raised.seq).toBeGreaterThan(lastSeen + 1);
    const fresh = await connectClient(server.url);
    const snapshot = await ok(fresh, 'workshop:resume', resumeInput(ana));
    expect(snapshot.participantsSeq).toBeGreaterThanOrEqual(raised.seq);
    expect(snapshot.participants.find((p) => p.id === moderator.id)?.handRaisedAt).toBe(raised.handRaisedAt);
  });

  test('[WS22] participant:sync is for members only', async () => {
    server = await start();
    const socket = await connectClient(server.url);
    const r = await new Promise((resolve) => socket.emit('participant:sync', {}, resolve));
    expect(r).toMatchObject({ ok: false, code: 'not_joined' });
  });
}

describe('participant sequence (memory)', () => runSuite(() => startServer()));

describeWithRedis('participant sequence (redis)', (redisUrl) => runSuite(() => startServer({ redisUrl })));
