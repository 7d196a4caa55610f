/** The media plane's server side over real sockets: signal relay and its checks, media flags, moderation, stage. */
import { afterEach, describe, expect, test } from 'vitest';
import type { SignalData } from '../../shared/media/schema.js';
import {
  closeAllClients,
  connectClient,
  deleteKeys,
  describeWithRedis,
  ok,
  recordEvents,
  request,
  settled,
  startServer,
  uniquePrefix,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, resumeInput, workshopWith, type Person } from '../../test/workshop-helpers.js';
import { createApp } from '../app.js';
import { testConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { RedisStore } from '../store/redis-store.js';

const offer: SignalData[] = [{ type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' }];
const hello: SignalData[] = [{ type: 'hello', have: null, restart: false }];

let servers: TestServer[] = [];
afterEach(async () => {
  closeAllClients();
  for (const s of servers) {
    await s.close();
    expect(s.errors).toEqual([]);
  }
  servers = [];
});
async function server(opts: Parameters<typeof startServer>[0] = {}) {
  const s = await startServer(opts);
  servers.push(s);
  return s;
}

describe('[MEDIA1] signals', () => {
  test('a signal reaches the target in the same room, with `from` set by the server', async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    const got = waitFor(ben.socket, 'media:signaled');
    expect(await request(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer })).toEqual({
      ok: true,
      data: null,
    });
    expect(await got).toEqual({ from: ana.id, cid: 'abcd1234', signals: offer });
    // A forged `from` in the payload is not part of the schema and never reaches anyone.
    const again = waitFor(ben.socket, 'media:signaled');
    await ok(ana.socket, 'media:signal', { to: ben.id, cid: '-', signals: hello, from: 'someone-else' } as never);
    expect((await again).from).toBe(ana.id);
  });

  test('a signal to another room is forbidden, to another workshop not_found, and nothing is delivered', async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben, cleo] = people as [Person, Person, Person];
    const other = await workshopWith(s.url, 'Otto');
    const otto = other.people[0]!;
    const seenByBen = recordEvents(ben.socket);
    const seenByOtto = recordEvents(otto.socket);

    // Breakout rooms come later: the store puts Ben into another room directly.
    await s.app.store.setRoom(ana.workshopId, ben.id, 'room-2');
    expect(await request(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(ben.socket, 'media:signal', { to: ana.id, cid: '-', signals: hello })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(ana.socket, 'media:signal', { to: otto.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await request(otto.socket, 'media:signal', { to: ana.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await request(ana.socket, 'media:signal', { to: ana.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    // The check reads fresh state: Ben back in the plenary can be reached at once; Cleo moved away cannot.
    await s.app.store.setRoom(ana.workshopId, ben.id, 'plenary');
    await s.app.store.setRoom(ana.workshopId, cleo.id, 'room-3');
    await ok(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer });
    expect(await request(ana.socket, 'media:signal', { to: cleo.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // Two people in the same breakout room may signal each other.
    await s.app.store.setRoom(ana.workshopId, ben.id, 'room-3');
    await ok(cleo.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer });
    // Relays are emitted before the sender's ack: a round trip on each watcher brings anything sent so far.
    await settled(ben.socket);
    await settled(otto.socket);
    expect(seenByBen.filter((e) => e.event === 'media:signaled').map((e) => (e.arg as { from: string }).from)).toEqual([
      ana.id,
      cleo.id,
    ]);
    expect(seenByOtto.filter((e) => e.event === 'media:signaled')).toEqual([]);
  });

  test('a refused signal is logged with both rooms', async () => {
    const lines: string[] = [];
    const app = await createApp({
      config: testConfig(),
      log: createLogger({ level: 'warn', format: 'json' }, (l) => lines.push(l)),
    });
    const port = await app.listen();
    try {
      const url = `http://127.0.0.1:${port}`;
      const { people } = await workshopWith(url, 'Ana', 'Ben');
      const [ana, ben] = people as [Person, Person];
      await app.store.setRoom(ana.workshopId, ben.id, 'room-2');
      expect(await request(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      const line = lines.find((l) => l.includes('media signal refused'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ from: ana.id, to: ben.id, fromRoom: 'plenary', toRoom: 'room-2' });
    } finally {
      closeAllClients();
      await app.close();
    }
  });

  test('without media there are no signals, either way', async () => {
    const s = await server();
    const { code, people } = await workshopWith(s.url, 'Ana');
    const ana = people[0]!;
    const phone = await joinAs(s.url, code, { name: 'Phone', media: false });
    expect(phone.snapshot.self).toMatchObject({ media: false, micOn: false, cameraOn: false });
    expect(await request(phone.socket, 'media:signal', { to: ana.id, cid: '-', signals: hello })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(ana.socket, 'media:signal', { to: phone.id, cid: 'abcd1234', signals: offer })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  test('malformed signals are invalid_payload', async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    const bad = [
      { to: ben.id, cid: 'abcd1234', signals: [] },
      { to: ben.id, cid: 'has space', signals: offer },
      { to: ben.id, cid: 'abcd1234', signals: [{ type: 'evil', payload: 1 }] },
      { to: ben.id, cid: 'abcd1234', signals: [{ type: 'offer', sdp: 'x'.repeat(70_000) }] },
    ];
    for (const payload of bad)
      expect(await request(ana.socket, 'media:signal', payload as never)).toMatchObject({ ok: false });
    expect(await request(ana.socket, 'media:signal', bad[2] as never)).toMatchObject({ code: 'invalid_payload' });
  });
});

describe('[MEDIA2] media flags', () => {
  test('join choices and updates are stored and broadcast; late joiners see them', async () => {
    const s = await server();
    const { code, moderator, people } = await workshopWith(s.url, 'Ana');
    const ana = people[0]!;
    const ben = await joinAs(s.url, code, { name: 'Ben', micOn: false, cameraOn: false });
    expect(ben.snapshot.self).toMatchObject({
      media: true,
      micOn: false,
      cameraOn: false,
      screenSharing: false,
      lowBandwidth: false,
      onStage: false,
    });
    const seen = waitFor(moderator.socket, 'participant:updated', (p) => p.id === ana.id);
    const after = await ok(ana.socket, 'media:update', { cameraOn: false, screenSharing: true, lowBandwidth: true });
    expect(after).toMatchObject({ micOn: true, cameraOn: false, screenSharing: true, lowBandwidth: true });
    expect(await seen).toEqual(after);
    const late = await joinAs(s.url, code, { name: 'Late' });
    expect(late.snapshot.participants.find((p) => p.id === ana.id)).toMatchObject({
      cameraOn: false,
      screenSharing: true,
      lowBandwidth: true,
    });
    expect(await request(ana.socket, 'media:update', {} as never)).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(await request(ana.socket, 'media:update', { onStage: true } as never)).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  test('someone who joined without media cannot turn media on, but may pick low bandwidth', async () => {
    const s = await server();
    const { code } = await workshopWith(s.url);
    const phone = await joinAs(s.url, code, { name: 'Phone', media: false, micOn: true });
    expect(phone.snapshot.self.micOn).toBe(false);
    for (const patch of [{ micOn: true }, { cameraOn: true }, { screenSharing: true }]) {
      expect(await request(phone.socket, 'media:update', patch)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await ok(phone.socket, 'media:update', { lowBandwidth: true })).lowBandwidth).toBe(true);
  });

  test('the join and the resume of someone with media bring the media config (the page starts its video at once); a phone without media gets none', async () => {
    const s = await server({ config: { media: { ...testConfig().media, uploadBudgetKbps: 1700 } } });
    const { code, moderator, people } = await workshopWith(s.url, 'Ana');
    const ana = people[0]!;
    expect(ana.snapshot.media).toEqual(await ok(ana.socket, 'media:config', {}));
    expect(ana.snapshot.media).toMatchObject({ uploadBudgetKbps: 1700, stageRooms: [] });
    const phone = await joinAs(s.url, code, { name: 'Phone', media: false });
    expect(phone.snapshot.media).toBeUndefined();
    // Stage mode turned on while Ana was away: her resume says so.
    ana.socket.disconnect();
    await ok(moderator.socket, 'media:stage', { on: true });
    const back = await connectClient(s.url);
    const resumed = await ok(back, 'workshop:resume', resumeInput(ana));
    expect(resumed.media?.stageRooms).toEqual(['plenary']);
    back.disconnect();
  });

  test('media:config gives ICE servers, the budget and the stage rooms', async () => {
    const s = await server({
      config: {
        media: {
          iceServers: [{ urls: 'stun:stun.example.org:3478' }],
          turnSecretUrls: ['turn:turn.example.org:3478'],
          turnSecret: 's'.repeat(20),
          turnTtlSeconds: 3600,
          uploadBudgetKbps: 1800,
        },
      },
    });
    const { people } = await workshopWith(s.url, 'Ana');
    const config = await ok(people[0]!.socket, 'media:config', {});
    expect(config.uploadBudgetKbps).toBe(1800);
    expect(config.stageRooms).toEqual([]);
    expect(config.iceServers[0]).toEqual({ urls: 'stun:stun.example.org:3478' });
    expect(config.iceServers[1]).toMatchObject({
      urls: ['turn:turn.example.org:3478'],
      username: expect.stringMatching(new RegExp(`^\\d+:${people[0]!.id}$`)),
    });
  });
});

describe('moderating media', () => {
  test('[MEDIA3] a moderator mutes one person, who is told; a participant may not', async () => {
    const s = await server();
    const { moderator, people } = await workshopWith(s.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    expect(await request(ana.socket, 'media:mute', { participantId: ben.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const told = waitFor(ben.socket, 'media:muted');
    const othersSee = waitFor(ana.socket, 'participant:updated', (p) => p.id === ben.id);
    expect((await ok(moderator.socket, 'media:mute', { participantId: ben.id })).micOn).toBe(false);
    expect(await told).toEqual({ by: moderator.id, byName: 'Mia Moderatorin' });
    expect((await othersSee).micOn).toBe(false);
    expect(await request(moderator.socket, 'media:mute', { participantId: moderator.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(moderator.socket, 'media:mute', { participantId: 'nobody' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  test('[MEDIA4] asking to unmute only asks: the person decides', async () => {
    const s = await server();
    const { moderator, people } = await workshopWith(s.url, 'Ana');
    const ana = people[0]!;
    expect(await request(moderator.socket, 'media:askUnmute', { participantId: ana.id })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    await ok(ana.socket, 'media:update', { micOn: false });
    const asked = waitFor(ana.socket, 'media:unmuteRequested');
    await ok(moderator.socket, 'media:askUnmute', { participantId: ana.id });
    expect(await asked).toEqual({ by: moderator.id, byName: 'Mia Moderatorin' });
    await settled(ana.socket);
    const [stored] = (await s.app.store.listParticipants(ana.workshopId)).filter((p) => p.id === ana.id);
    expect(stored!.micOn).toBe(false);
    expect((await ok(ana.socket, 'media:update', { micOn: true })).micOn).toBe(true);
  });

  test('[MEDIA6] mute everyone mutes the room except moderators and other rooms', async () => {
    const s = await server();
    const { moderator, people } = await workshopWith(s.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben, cleo] = people as [Person, Person, Person];
    await ok(moderator.socket, 'participant:promote', { participantId: cleo.id });
    await s.app.store.setRoom(ana.workshopId, ben.id, 'room-2');
    expect(await ok(moderator.socket, 'media:muteAll', {})).toEqual({ muted: 1 });
    const byId = new Map((await s.app.store.listParticipants(ana.workshopId)).map((p) => [p.id, p.micOn]));
    expect([byId.get(moderator.id), byId.get(ana.id), byId.get(ben.id), byId.get(cleo.id)]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  test('[MEDIA5] stage mode mutes the audience and late joiners, refuses their unmute until invited, and [MEDIA7] leaving the stage mutes', async () => {
    const s = await server();
    const { moderator, people } = await workshopWith(s.url, 'Ana', 'Ben');
    const [ana, ben] = people as [Person, Person];
    const changed = waitFor(ana.socket, 'media:stageChanged');
    expect(await ok(moderator.socket, 'media:stage', { on: true })).toEqual({ roomId: 'plenary', on: true });
    expect(await changed).toEqual({ roomId: 'plenary', on: true });
    expect((await ok(ana.socket, 'media:config', {})).stageRooms).toEqual(['plenary']);
    const stored = new Map((await s.app.store.listParticipants(ana.workshopId)).map((p) => [p.id, p.micOn]));
    expect([stored.get(moderator.id), stored.get(ana.id), stored.get(ben.id)]).toEqual([true, false, false]);

    expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(moderator.socket, 'media:askUnmute', { participantId: ana.id })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect((await ok(ana.socket, 'media:update', { cameraOn: false })).cameraOn).toBe(false);
    expect(await request(ana.socket, 'media:update', { cameraOn: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(ana.socket, 'media:update', { screenSharing: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const anaStored = await s.app.store.getParticipant(ana.workshopId, ana.id);
    expect(anaStored).toMatchObject({ cameraOn: false, screenSharing: false });
    expect(await request(ana.socket, 'media:invite', { participantId: ana.id, onStage: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    expect((await ok(moderator.socket, 'media:invite', { participantId: ana.id, onStage: true })).onStage).toBe(true);
    expect((await ok(ana.socket, 'media:update', { micOn: true })).micOn).toBe(true);
    expect(await ok(ana.socket, 'media:update', { cameraOn: true, screenSharing: true })).toMatchObject({
      cameraOn: true,
      screenSharing: true,
    });
    expect(await ok(moderator.socket, 'media:invite', { participantId: ana.id, onStage: false })).toMatchObject({
      onStage: false,
      micOn: false,
    });
    expect(await request(ana.socket, 'media:update', { micOn: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(ben.socket, 'media:update', { cameraOn: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    const late = await joinAs(s.url, ana.snapshot.workshop.code, {
      name: 'Lea',
      media: true,
      micOn: true,
      cameraOn: true,
    });
    expect(late.snapshot.self).toMatchObject({ micOn: false, cameraOn: false });
    await ok(moderator.socket, 'media:stage', { on: false });
    const everyone = await ok(moderator.socket, 'participant:sync', {});
    expect(everyone.participants.find((p) => p.id === late.id)).toMatchObject({ micOn: false, cameraOn: false });
    expect((await ok(ben.socket, 'media:update', { cameraOn: true })).cameraOn).toBe(true);
    expect((await ok(ben.socket, 'media:update', { micOn: true })).micOn).toBe(true);
    expect((await ok(ana.socket, 'media:config', {})).stageRooms).toEqual([]);
  });
});

describeWithRedis('[MEDIA1] signals across two nodes', (redisUrl) => {
  test('a signal from a client on node A reaches a client on node B; the room check still applies', async () => {
    const prefix = uniquePrefix('media-nodes');
    const stores = [await RedisStore.connect(redisUrl, { prefix }), await RedisStore.connect(redisUrl, { prefix })];
    try {
      const a = await server({ redisUrl, prefix, store: stores[0] });
      const b = await server({ redisUrl, prefix, store: stores[1] });
      const { code, people } = await workshopWith(a.url, 'Ana');
      const ana = people[0]!;
      const ben = await joinAs(b.url, code, { name: 'Ben' });
      const got = waitFor(ben.socket, 'media:signaled');
      await ok(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer });
      expect((await got).from).toBe(ana.id);
      await stores[1]!.setRoom(ben.workshopId, ben.id, 'room-2');
      expect(await request(ana.socket, 'media:signal', { to: ben.id, cid: 'abcd1234', signals: offer })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    } finally {
      closeAllClients();
      for (const s of servers) await s.close();
      servers = [];
      await Promise.all(stores.map((s) => s.close()));
      await deleteKeys(redisUrl, prefix);
    }
  });
});
