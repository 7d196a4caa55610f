/**
 * SFU signalling over real sockets against a real Janus (test/janus.ts): placement, publish and
 * subscribe, and the rights checks of [MEDIA14]. Skipped, loudly, where Janus is not installed.
 */
import { afterEach, describe, expect, inject, test } from 'vitest';
import { closeAllClients, ok, request, startServer, waitFor, type TestServer } from '../../test/server-harness.js';
import { joinAs, workshopWith, type Person } from '../../test/workshop-helpers.js';

const janusUrl = inject('janusUrl');

/** A browser-like audio-only offer: enough for Janus to answer (no media flows in this suite). */
function audioOffer(seed: number) {
  const fp = Array.from({ length: 32 }, (_, i) => ((i * 7 + seed) % 256).toString(16).padStart(2, '0').toUpperCase());
  return [
    'v=0',
    `o=- ${1000 + seed} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=ice-ufrag:uf${seed}ab`,
    `a=ice-pwd:pwd${seed}abcdefghijklmnopqrstu`,
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${fp.join(':')}`,
    'a=setup:actpass',
    'a=mid:0',
    'a=sendonly',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    `a=ssrc:${4000 + seed} cname:test${seed}`,
    '',
  ].join('\r\n');
}

let servers: TestServer[] = [];
afterEach(async () => {
  closeAllClients();
  for (const s of servers) {
    await s.close();
    expect(s.errors).toEqual([]);
  }
  servers = [];
});

describe.skipIf(!janusUrl)('SFU signalling with a real Janus', () => {
  async function server() {
    const s = await startServer({ config: { sfu: { janusUrls: [janusUrl!], meshMaxPeers: 2 } } });
    servers.push(s);
    return s;
  }

  test('[MEDIA13] media:config tells clients that an SFU serves rooms above the mesh size', async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana');
    expect((await ok(people[0]!.socket, 'media:config', {})).sfu).toEqual({ available: true, meshMaxPeers: 2 });
  });

  test("[MEDIA14] a publisher gets Janus's answer; the room is placed on Janus; its secret stays on the server", async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben] = people as [Person, Person];
    const published = await ok(ana.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(1) } });
    expect(published.jsep.type).toBe('answer');
    expect(published.jsep.sdp).toContain('m=audio');
    // Janus's own candidates are in its answer, and only on 127.0.0.1 (test/janus.ts).
    const candidates = published.jsep.sdp.split('\r\n').filter((l) => l.startsWith('a=candidate:'));
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.split(' ')[4]).toBe('127.0.0.1');
    const placement = await s.app.store.sfu.roomPlacement(ana.workshopId, 'plenary');
    expect(placement?.server).toBe(janusUrl);
    // Ana's media is not up (no browser here): Ben's request is accepted and receives nothing yet.
    const sub = await ok(ben.socket, 'sfu:subscribe', { streams: [{ participantId: ana.id, kind: 'audio' }] });
    expect(sub).toEqual({ jsep: null, streams: [] });
    expect(JSON.stringify([published, sub])).not.toContain(placement!.secret);
  });

  test("[MEDIA14] the server refuses SFU signalling about someone not in the sender's room", async () => {
    const s = await server();
    const { people, code } = await workshopWith(s.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben, cleo] = people as [Person, Person, Person];
    await ok(ana.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(2) } });

    // Ben moves to a breakout room: Ana's plenary feed is not his to receive.
    await s.app.store.setRoom(ana.workshopId, ben.id, 'room-2');
    expect(
      await request(ben.socket, 'sfu:subscribe', { streams: [{ participantId: ana.id, kind: 'audio' }] }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    // Someone of another workshop is unknown here.
    const other = await workshopWith(s.url, 'Otto');
    expect(
      await request(other.people[0]!.socket, 'sfu:subscribe', { streams: [{ participantId: ana.id, kind: 'audio' }] }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    // Without media there is nothing to publish; trickling without a connection is a conflict.
    const phone = await joinAs(s.url, code, { name: 'Pia', media: false });
    expect(await request(phone.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(3) } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(cleo.socket, 'sfu:trickle', { handle: 'subscriber', candidates: [null] })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    // In stage mode the audience may not publish ([MEDIA5]).
    await s.app.store.setStage(ana.workshopId, 'plenary', true);
    expect(await request(cleo.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(4) } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // Cleo, still in the plenary, may ask for Ana's audio.
    await ok(cleo.socket, 'sfu:subscribe', { streams: [{ participantId: ana.id, kind: 'audio' }] });
  });

  test('[MEDIA16] the Janus room is given back when the last publisher leaves a room back at mesh size', async () => {
    const s = await server();
    const { people } = await workshopWith(s.url, 'Ana');
    const ana = people[0]!;
    await ok(ana.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(5) } });
    expect(await s.app.store.sfu.roomPlacement(ana.workshopId, 'plenary')).not.toBeNull();
    await ok(ana.socket, 'sfu:leave', {});
    expect(await s.app.store.sfu.roomPlacement(ana.workshopId, 'plenary')).toBeNull();
    expect(await s.app.store.sfu.feeds(ana.workshopId)).toEqual({});
  });
});

describe.skipIf(!janusUrl)('SFU with two Janus instances', () => {
  test('[MEDIA16] rooms spread over both; a lost instance gives its rooms up and their people are told to reconnect', async () => {
    const { startJanus } = await import('../../test/janus.js');
    const second = await startJanus();
    try {
      const s = await startServer({ config: { sfu: { janusUrls: [janusUrl!, second.url], meshMaxPeers: 2 } } });
      servers.push(s);
      const one = await workshopWith(s.url, 'Ana', 'Ben');
      const two = await workshopWith(s.url, 'Cleo', 'Dan');
      await ok(one.people[0]!.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(6) } });
      await ok(two.people[0]!.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(7) } });
      const placed = await Promise.all(
        [one, two].map((w) => s.app.store.sfu.roomPlacement(w.people[0]!.workshopId, 'plenary')),
      );
      expect(new Set(placed.map((p) => p?.server))).toEqual(new Set([janusUrl, second.url]));

      const lostWorkshop = placed[0]!.server === second.url ? one : two;
      const told = waitFor(lostWorkshop.people[1]!.socket, 'sfu:restart', () => true, 10_000);
      await second.stop();
      expect(await told).toEqual({ roomId: 'plenary' });
      expect(await s.app.store.sfu.roomPlacement(lostWorkshop.people[0]!.workshopId, 'plenary')).toBeNull();
      // The next publication places the room on the instance still answering.
      await ok(lostWorkshop.people[0]!.socket, 'sfu:publish', { jsep: { type: 'offer', sdp: audioOffer(8) } });
      expect((await s.app.store.sfu.roomPlacement(lostWorkshop.people[0]!.workshopId, 'plenary'))?.server).toBe(
        janusUrl,
      );
      expect((await ok(lostWorkshop.people[0]!.socket, 'media:config', {})).sfu.available).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
