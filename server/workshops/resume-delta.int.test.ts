/**
 * [WS30] Resume with a delta and [WS31] batched presence, over real sockets: on one node with the memory
 * store, and on two nodes with Redis (the resume and half the people on the other node).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Participant, SessionSnapshot } from '../../shared/workshops/schema.js';
import {
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  startServer,
  twoNodes,
  type ClientSocket,
  type TestServer,
} from '../../test/server-harness.js';
import {
  batchEntries,
  createWorkshop,
  joinAs,
  participantSeen,
  recordParticipants,
  resumeInput,
  type Person,
} from '../../test/workshop-helpers.js';
import { PRESENCE_STORM } from '../realtime/participant-events.js';
import { rooms } from '../realtime/rooms.js';
import { DELTA_READ_MAX } from './roster.js';

type Urls = () => [string, string];

/** What a page shows of each person (the snapshot's list, with a delta merged in as the page merges it). */
const shown = (list: readonly Participant[]) =>
  Object.fromEntries([...list].sort((a, b) => a.id.localeCompare(b.id)).map((p) => [p.id, p]));

function merge(before: readonly Participant[], snap: SessionSnapshot): Participant[] {
  const byId = new Map(before.map((p) => [p.id, p]));
  for (const id of snap.delta?.removed ?? []) byId.delete(id);
  for (const p of snap.participants) byId.set(p.id, p);
  for (const { id, presence, seq } of snap.delta?.presence ?? []) byId.set(id, { ...byId.get(id)!, presence, seq });
  return [...byId.values()];
}

const dropped = (socket: ClientSocket) => socket.io.engine.close();
const known = (snap: SessionSnapshot) => ({ participantsSeq: snap.participantsSeq, roomsVersion: snap.roomsVersion });

function runSuite(urls: Urls) {
  async function workshop(...names: string[]) {
    const [a, b] = urls();
    const created = await createWorkshop(a);
    const code = created.workshop.code;
    const mia = await joinAs(a, code, { name: 'Mia', moderatorKey: created.moderatorKey });
    const people: Person[] = [];
    for (const [i, name] of names.entries()) people.push(await joinAs(i % 2 ? b : a, code, { name }));
    return { code, mia, people };
  }

  /** Someone (Wiktor) joins on node A, drops, and (after `meanwhile`) resumes on node B saying what he knew. */
  async function awayAndBack(
    code: string,
    mia: Person,
    meanwhile: () => Promise<void>,
    since: (snapshot: SessionSnapshot, drop: Participant) => ReturnType<typeof known> = known,
    name = 'Wiktor',
  ) {
    const [a, b] = urls();
    const wiktor = await joinAs(a, code, { name });
    const gone = participantSeen(mia.socket, (p) => p.id === wiktor.id && p.presence === 'reconnecting');
    dropped(wiktor.socket);
    const drop = await gone;
    await meanwhile();
    const back = await ok(await connectClient(b), 'workshop:resume', {
      ...resumeInput(wiktor),
      since: since(wiktor.snapshot, drop),
    });
    return { wiktor, back };
  }

  test('[WS30] a resume that says what it knew gets only who changed since, and then shows what a full list shows', async () => {
    const { code, mia, people } = await workshop('Ana', 'Ben', 'Cleo', 'Eve');
    const [ana, ben, cleo] = people as [Person, Person, Person];
    let dora: Person | undefined;
    const { wiktor, back } = await awayAndBack(code, mia, async () => {
      await ok(ana.socket, 'hand:raise', {});
      await ok(ben.socket, 'workshop:leave', {});
      await ok(mia.socket, 'participant:remove', { participantId: cleo.id });
      dora = await joinAs(urls()[1], code, { name: 'Dora' });
    });
    expect(back.self.id).toBe(wiktor.id);
    // Mia and Eve did not change while Wiktor was away: they are not sent again; Wiktor only came and went.
    expect(back.delta).toEqual({
      since: wiktor.snapshot.participantsSeq,
      removed: [cleo.id],
      presence: [{ id: wiktor.id, presence: 'online', seq: back.self.seq }],
    });
    expect(back.participants.map((p) => p.name).sort()).toEqual(['Ana', 'Ben', 'Dora']);
    expect(back.participantsSeq).toBeGreaterThan(wiktor.snapshot.participantsSeq);

    const everyone = await ok(mia.socket, 'participant:sync', {});
    expect(everyone.seq).toBe(back.participantsSeq);
    expect(shown(merge(wiktor.snapshot.participants, back))).toEqual(shown(everyone.participants));
    expect(everyone.participants.find((p) => p.id === dora!.id)).toBeDefined();
  });

  test('[WS30] exactly who changed after the number: the very next change included', async () => {
    const { code, mia, people } = await workshop('Ana', 'Ben');
    const [ana] = people as [Person];
    // A page that heard everything up to its own drop (events in flight when the link died are not).
    const { back } = await awayAndBack(
      code,
      mia,
      async () => void (await ok(ana.socket, 'hand:raise', {})),
      (s, drop) => ({ ...known(s), participantsSeq: drop.seq }),
    );
    expect(back.participants.map((p) => [p.name, p.handRaisedAt !== null])).toEqual([['Ana', true]]);
    expect(back.delta?.presence).toHaveLength(1);
  });

  test(`[WS30] a delta of more than ${DELTA_READ_MAX} people (read with the whole list) is the same as a full list`, async () => {
    const { code, mia } = await workshop();
    const { wiktor, back } = await awayAndBack(code, mia, async () => {
      const [a, b] = urls();
      await Promise.all(
        Array.from({ length: DELTA_READ_MAX + 6 }, (_, i) => joinAs(i % 2 ? b : a, code, { name: `Gast ${i}` })),
      );
    });
    expect(back.delta?.since).toBe(wiktor.snapshot.participantsSeq);
    expect(back.participants).toHaveLength(DELTA_READ_MAX + 6); // the guests; Wiktor only came and went
    expect(back.delta?.presence.map((p) => p.id)).toEqual([wiktor.id]);
    const everyone = await ok(mia.socket, 'participant:sync', {});
    expect(shown(merge(wiktor.snapshot.participants, back))).toEqual(shown(everyone.participants));
  });

  test('[WS30] a number the server cannot answer from, or a breakout move missed, gets the full list', async () => {
    const { code, mia } = await workshop('Ana');
    const ahead = await awayAndBack(
      code,
      mia,
      async () => {},
      (s) => ({ ...known(s), participantsSeq: 10_000 }),
    );
    expect(ahead.back.delta).toBeUndefined();
    expect(ahead.back.participants.map((p) => p.name).sort()).toEqual(['Ana', 'Mia', 'Wiktor']);

    // Rooms are numbered by the breakouts' version: a page that missed a version gets everyone again.
    const moved = await awayAndBack(
      code,
      mia,
      async () => {
        const view = await ok(mia.socket, 'breakout:sync', {});
        await ok(mia.socket, 'breakout:rooms', { version: view.version, rooms: [{ name: 'Salon' }] });
      },
      known,
      'Xenia',
    );
    expect(moved.back.delta).toBeUndefined();
    expect(moved.back.roomsVersion).toBeGreaterThan(moved.wiktor.snapshot.roomsVersion);
    expect(moved.back.participants.map((p) => p.name).sort()).toEqual(['Ana', 'Mia', 'Wiktor', 'Xenia']);
  });

  test('[WS31] people dropped and back at the same moment are announced together; every page ends with the right list', async () => {
    const { mia, people } = await workshop('Ana', 'Ben', 'Cleo', 'Dora', 'Eve', 'Fil', 'Gosia', 'Hans');
    const heard = recordParticipants(mia.socket);
    const batches: number[] = [];
    mia.socket.on('participant:batch', (batch) => batches.push(batchEntries(batch).length));
    const start = await ok(mia.socket, 'participant:sync', {});
    const before = start.seq;

    const allGone = Promise.all(
      people.map((p) => participantSeen(mia.socket, (q) => q.id === p.id && q.presence === 'reconnecting')),
    );
    for (const p of people) dropped(p.socket);
    await allGone;
    const allBack = Promise.all(
      people.map((p) => participantSeen(mia.socket, (q) => q.id === p.id && q.presence === 'online')),
    );
    await Promise.all(
      people.map(async (p, i) =>
        ok(await connectClient(urls()[i % 2 ? 1 : 0]), 'workshop:resume', {
          ...resumeInput(p),
          since: known(p.snapshot),
        }),
      ),
    );
    await allBack;

    // 16 changes (8 drops, 8 returns), in fewer messages: at least one batch carried several people.
    expect(heard).toHaveLength(2 * people.length);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    // Every number in between was heard (no gap a page would have to fill with a full sync).
    const after = (await ok(mia.socket, 'participant:sync', {})).seq;
    expect(heard.map((p) => p.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: after - before }, (_, i) => before + 1 + i),
    );
    // Mia's list, following the events as the page does (newest number wins), is the server's list.
    const list = new Map(start.participants.map((p) => [p.id, p]));
    for (const p of heard) if (p.seq > (list.get(p.id)?.seq ?? 0)) list.set(p.id, { ...list.get(p.id)!, ...p });
    const everyone = await ok(mia.socket, 'participant:sync', {});
    const current = shown(everyone.participants.filter((p) => p.id !== mia.id));
    expect(shown([...list.values()].filter((p) => p.id !== mia.id))).toEqual(current);
    expect(Object.values(current).every((p) => p.presence === 'online')).toBe(true);
  });
}

describe('resume with a delta, batched presence (memory, one node)', () => {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    closeAllClients();
    await server?.close();
    expect(server?.errors).toEqual([]);
    server = undefined;
  });
  runSuite(() => [server!.url, server!.url]);
});

describe('[WS31] presence batches of one node', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    closeAllClients();
    await server?.close();
    server = undefined;
  });

  test('a person dropped and back within one window is in the batch twice (no number left out); other events wait for it', async () => {
    server = await startServer();
    const { mia, people } = await (async () => {
      const created = await createWorkshop(server!.url);
      const mia = await joinAs(server!.url, created.workshop.code, {
        name: 'Mia',
        moderatorKey: created.moderatorKey,
      });
      return { mia, people: [await joinAs(server!.url, created.workshop.code, { name: 'Ana' })] };
    })();
    const ana = people[0]!.snapshot.self;
    const heard: { event: string; seqs: number[] }[] = [];
    mia.socket.on('participant:batch', (batch) =>
      heard.push({ event: 'batch', seqs: batchEntries(batch).map((p) => p.seq) }),
    );
    mia.socket.on('participant:updated', (p) => heard.push({ event: 'updated', seqs: [p.seq] }));
    const { people: events } = server.app.deps;
    events.presence(mia.workshopId, { ...ana, presence: 'online', seq: 100 }, true); // a quiet moment: at once
    events.presence(mia.workshopId, { ...ana, presence: 'reconnecting', seq: 101 }, true);
    events.presence(mia.workshopId, { ...ana, presence: 'online', seq: 102 }, true);
    events.now(mia.workshopId, () =>
      server!.app.io.to(rooms.workshop(mia.workshopId)).emit('participant:updated', { ...ana, seq: 103 }),
    );
    await expect.poll(() => heard.length).toBe(3);
    expect(heard).toEqual([
      { event: 'updated', seqs: [100] },
      { event: 'batch', seqs: [101, 102] },
      { event: 'updated', seqs: [103] },
    ]);
  });

  test('after a batch of many (a storm) the next batch waits PRESENCE_STORM.windowMs; a quiet workshop is back to at once', async () => {
    server = await startServer();
    const created = await createWorkshop(server.url);
    const mia = await joinAs(server.url, created.workshop.code, { name: 'Mia', moderatorKey: created.moderatorKey });
    const ana = (await joinAs(server.url, created.workshop.code, { name: 'Ana' })).snapshot.self;
    const heard: { at: number; seqs: number[] }[] = [];
    mia.socket.on('participant:batch', (batch) =>
      heard.push({ at: Date.now(), seqs: batchEntries(batch).map((p) => p.seq) }),
    );
    mia.socket.on('participant:updated', (p) => heard.push({ at: Date.now(), seqs: [p.seq] }));
    const { people: events } = server.app.deps;
    const change = (seq: number) =>
      events.presence(mia.workshopId, { ...ana, presence: seq % 2 ? 'reconnecting' : 'online', seq }, true);
    change(100); // at once
    const many = Array.from({ length: PRESENCE_STORM.changes }, (_, i) => 101 + i);
    for (const seq of many) change(seq); // one batch at the end of the short window
    await expect.poll(() => heard.length).toBe(2);
    const sent = Date.now();
    change(200); // in the storm's window
    await expect.poll(() => heard.length, { timeout: 3000 }).toBe(3);
    expect(heard.map((h) => h.seqs)).toEqual([[100], many, [200]]);
    expect(heard[2]!.at - sent).toBeGreaterThanOrEqual(PRESENCE_STORM.windowMs - 150);
    // One change alone after that window: a quiet moment again, heard at once.
    await new Promise((r) => setTimeout(r, PRESENCE_STORM.windowMs));
    const quiet = Date.now();
    change(300);
    await expect.poll(() => heard.length).toBe(4);
    expect(heard[3]!.at - quiet).toBeLessThan(PRESENCE_STORM.windowMs - 150);
  });
});

describeWithRedis('resume with a delta, batched presence (redis, two nodes)', (redisUrl) => {
  const two = twoNodes(redisUrl, 'resume-delta');
  runSuite(() => [two.nodes[0].url, two.nodes[1].url]);
});
