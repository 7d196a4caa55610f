/**
 * Large rooms on the SFU (a real Janus from test/janus.ts) and small ones on the mesh, in real
 * headless Chromium with fake devices. MESH_MAX_PEERS is 4 here: a fifth person moves a room to Janus.
 * Every page keeps ICE on 127.0.0.1 (e2e/loopback-ice.ts) and sends 320x180 at 10 fps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLENARY } from '../shared/rooms.js';
import {
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  startServer,
  type TestServer,
  openPanel,
  tileNames,
} from './harness.js';
import { LOOPBACK_ICE_SCRIPT, loopbackIceScript } from './loopback-ice.js';
import { chromiumArgs } from '../test/chromium.mjs';

const janusUrl = inject('janusUrl');
const poll = { timeout: 45_000, interval: 300 };

interface Debug {
  path(): string | null;
  stats(): Promise<{ remoteId: string; inFramesDecoded: number }[]>;
  connections(): RTCPeerConnection[];
  peers(): { remoteId: string; state: string; pc: RTCPeerConnection | null }[];
}

const pathOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __jumelageMedia?: Debug }).__jumelageMedia?.path() ?? null);

/** Frames decoded so far from each other person, by the name on their tile. */
function framesByName(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const m = (globalThis as unknown as { __jumelageMedia: Debug }).__jumelageMedia;
    const names = new Map(
      [...document.querySelectorAll<HTMLElement>('[data-testid=tile]')].map((e) => [
        e.dataset.participant,
        e.dataset.who,
      ]),
    );
    const out: Record<string, number> = {};
    for (const s of await m.stats()) out[names.get(s.remoteId) ?? s.remoteId] = s.inFramesDecoded;
    return out;
  });
}

/** The addresses of the candidate pair each connection of the page has selected (both ends). */
function selectedAddresses(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const m = (globalThis as unknown as { __jumelageMedia: Debug }).__jumelageMedia;
    const out: string[] = [];
    for (const pc of m.connections()) {
      const report = await pc.getStats();
      report.forEach((t: Record<string, unknown>) => {
        if (t.type !== 'transport' || !t.selectedCandidatePairId) return;
        const pair = report.get(t.selectedCandidatePairId as string) as Record<string, unknown> | undefined;
        for (const id of [pair?.localCandidateId, pair?.remoteCandidateId]) {
          const c = report.get(id as string) as { address?: string; ip?: string } | undefined;
          out.push(c?.address ?? c?.ip ?? '?');
        }
      });
    }
    return out;
  });
}

/** Each named person's video advances on this page: frames decoded (from getStats) keep growing. */
async function expectDecodedFramesAdvance(page: Page, names: string[]) {
  const has = async () =>
    Object.entries(await framesByName(page))
      .filter(([, n]) => n > 0)
      .map(([who]) => who)
      .sort();
  try {
    await expect.poll(has, poll).toEqual(expect.arrayContaining([...names].sort()));
  } catch (err) {
    const dump = await page.evaluate(() =>
      JSON.stringify(
        (globalThis as unknown as { __jumelageMedia: Debug }).__jumelageMedia
          .peers()
          .map((p) => [p.remoteId, p.state, p.pc?.connectionState]),
      ),
    );
    const sfu = await page.evaluate(() =>
      JSON.stringify((globalThis as unknown as { __jumelageMedia: { sfu(): unknown } }).__jumelageMedia.sfu()),
    );
    throw new Error(
      `frames from ${JSON.stringify(await framesByName(page))}, wanted ${names}; peers ${dump}; sfu ${sfu}`,
      {
        cause: err,
      },
    );
  }
  const before = await framesByName(page);
  const stalled = async () => {
    const now = await framesByName(page);
    return names.filter((name) => !((now[name] ?? 0) > (before[name] ?? 0)));
  };
  await expect.poll(stalled, { ...poll, message: 'videos whose decoded frames did not advance' }).toEqual([]);
}

/** On every page (people[i] is names[i]), the videos of all the others advance. */
function everyoneSeesEveryone(people: { page: Page }[], names: string[]) {
  return Promise.all(
    people.map((p, i) =>
      expectDecodedFramesAdvance(
        p.page,
        names.filter((_, j) => j !== i),
      ),
    ),
  );
}

/** How often this page rebuilt its SFU connections (sfu:restart, a resume, a failure). */
const restartsOf = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { __jumelageMedia: { sfu(): { restarts: number } } }).__jumelageMedia.sfu().restarts,
  );

describe.skipIf(!hasBrowser() || !janusUrl)('media on the SFU (Janus) and the mesh', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchBrowser(),
      startServer({ sfu: { janusUrls: [janusUrl!], meshMaxPeers: 4 } }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function person() {
    // Closed after each test by e2e/setup.ts, after a failure's screenshots and console logs are saved.
    const p = await newPerson(browser);
    p.context.setDefaultTimeout(30_000);
    await p.context.addInitScript(LOOPBACK_ICE_SCRIPT);
    return p;
  }

  async function workshop(title: string, url = server.url) {
    const organiser = await person();
    const urls = await createWorkshop(organiser.page, url, title);
    await organiser.context.close();
    return urls;
  }

  const NAMES = ['Jonas', 'Petra', 'Ola', 'Anna', 'Luc', 'Marta'];

  /** A plenary of more than MESH_MAX_PEERS (Jonas moderates): all of them are on the SFU. */
  async function sfuPlenary(title: string, names: string[], url = server.url) {
    const { inviteUrl, moderatorUrl } = await workshop(title, url);
    const people = await Promise.all(names.map(() => person()));
    // One after the other: a burst of page loads on a busy 2-core machine only makes every step slower.
    for (const [i, p] of people.entries())
      await joinWorkshop(p.page, i === 0 ? moderatorUrl : inviteUrl, { name: names[i]!, town: 'Kamen' });
    for (const p of people) await expect.poll(() => pathOf(p.page), poll).toBe('sfu');
    return people;
  }

  // One plenary of five for both halves (building it with video is most of the time).
  it('[MEDIA13] [MEDIA9] six people in a plenary are on the SFU and see each other over loopback, also after one of them lost the connection for a moment; a breakout of two from them is peer-to-peer, the plenary of four back on the mesh', async () => {
    const names = NAMES.slice(0, 6);
    const people = await sfuPlenary('SFU: plenary of six', names);
    await everyoneSeesEveryone(people, names);
    // Every connection runs over loopback (Janus's candidates and the pages').
    for (const p of people) {
      const addresses = await selectedAddresses(p.page);
      expect(addresses.length).toBeGreaterThanOrEqual(4); // upload and download, two ends each
      expect(new Set(addresses)).toEqual(new Set(['127.0.0.1']));
    }

    // [MEDIA9] Anna's connection to the workshop drops for a moment (Wi-Fi): her media comes back by itself,
    // both ways, without a reload.
    const anna = people[3]!.page;
    const restarts = () => restartsOf(anna);
    const before = await restarts();
    await anna.evaluate(() => (globalThis as { __jumelageNet?: { drop(): void } }).__jumelageNet?.drop());
    // Back on a new connection, the page has built its publisher and subscriber again.
    await expect.poll(restarts, poll).toBeGreaterThan(before);
    await everyoneSeesEveryone(people, names);

    // Petra and Ola go into a room of two: peer-to-peer; Jonas, Anna, Luc and Marta stay: a mesh of four.
    const mod = people[0]!.page;
    await openPanel(mod, 'rooms');
    await mod.locator('#br-room-count').fill('2');
    await mod.getByTestId('br-make-rooms').click();
    await expect.poll(() => mod.getByTestId('room-card').count(), poll).toBe(2);
    const [first] = await mod
      .getByTestId('room-card')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.room!));
    for (const name of ['Petra', 'Ola']) await mod.getByLabel(`Room for ${name}`).selectOption(first!);
    for (const name of ['Anna', 'Luc', 'Marta']) await mod.getByLabel(`Room for ${name}`).selectOption(PLENARY);
    await mod.getByTestId('br-open').click();
    const [, petra, ola] = people;
    await expect.poll(() => pathOf(petra!.page), poll).toBe('mesh');
    await expect.poll(() => pathOf(ola!.page), poll).toBe('mesh');
    await expectDecodedFramesAdvance(petra!.page, ['Ola']);
    await expectDecodedFramesAdvance(ola!.page, ['Petra']);
    await expect.poll(() => pathOf(mod), poll).toBe('mesh');
    await expectDecodedFramesAdvance(mod, ['Anna', 'Luc', 'Marta']);
    // Six pages with video, a reconnect and a breakout: ~50 s alone, up to twice that on a busy machine.
  }, 150_000);

  it('[MEDIA13] [MEDIA17] a room growing from four to five moves to the SFU by itself and video keeps playing; on the SFU path too, muting shows, a shared screen is seen, low bandwidth receives no video but hears, stage mode lets the audience see only the stage until invited', async () => {
    const { inviteUrl, moderatorUrl } = await workshop('SFU: four to five');
    const names = ['Jonas', 'Petra', 'Ola', 'Anna'];
    const people = await Promise.all(names.map(() => person()));
    // One after the other: a burst of page loads on a busy 2-core machine only makes every step slower.
    for (const [i, p] of people.entries())
      await joinWorkshop(p.page, i === 0 ? moderatorUrl : inviteUrl, { name: names[i]!, town: 'Kamen' });
    for (const p of people) await expect.poll(() => pathOf(p.page), poll).toBe('mesh');

    const luc = await person();
    await joinWorkshop(luc.page, inviteUrl, { name: 'Luc', town: 'Wołów' });
    const all = [...people, luc];
    const everyone = [...names, 'Luc'];
    for (const p of all) await expect.poll(() => pathOf(p.page), poll).toBe('sfu');
    for (const [i, p] of all.entries())
      await expectDecodedFramesAdvance(
        p.page,
        everyone.filter((_, j) => j !== i),
      );

    // [MEDIA17] The everyday controls on the SFU path, in the same call (a call of its own took 16 s on CI).
    const [jonas, petra, ola] = all;
    const tile = (page: Page, who: string, attr: string) =>
      page.locator(`[data-testid=tile][data-who="${who}"]`).getAttribute(attr);
    // Petra mutes: the others see it on her tile.
    await petra!.page.getByTestId('mic-toggle').click();
    for (const p of [jonas!, ola!]) await expect.poll(() => tile(p.page, 'Petra', 'data-mic'), poll).toBe('off');

    // Ola shares her screen: it is what the others receive from her, and it plays.
    await ola!.page.getByTestId('screen-toggle').click();
    await expect.poll(() => tile(jonas!.page, 'Ola', 'data-screen'), poll).toBe('on');
    await expectDecodedFramesAdvance(jonas!.page, ['Ola']);
    await ola!.page.getByTestId('screen-toggle').click();
    await expect.poll(() => tile(jonas!.page, 'Ola', 'data-screen'), poll).toBe('off');

    // Petra switches to low bandwidth: no video arrives or leaves, the sound keeps coming.
    await petra!.page.getByTestId('lowbw-toggle').click();
    await petra!.page.getByTestId('lowbw-note').waitFor();
    await expect.poll(() => petra!.page.locator('[data-testid=tile][data-self=false] video').count(), poll).toBe(0);
    type Stats = { inVideoBytes: number; inAudioBytes: number; outVideoBytes: number }[];
    const stats = (page: Page) =>
      page.evaluate(() =>
        (globalThis as unknown as { __jumelageMedia: { stats(): Promise<unknown> } }).__jumelageMedia.stats(),
      ) as Promise<Stats>;
    const sum = (x: Stats, key: keyof Stats[number]) => x.reduce((n, y) => n + y[key], 0);
    await petra!.page.waitForTimeout(1500);
    const a = await stats(petra!.page);
    await petra!.page.waitForTimeout(2500);
    const b = await stats(petra!.page);
    expect(sum(b, 'inVideoBytes') - sum(a, 'inVideoBytes'), 'video bytes received in 2.5 s').toBeLessThan(2_000);
    expect(sum(b, 'inAudioBytes') - sum(a, 'inAudioBytes'), 'audio bytes received in 2.5 s').toBeGreaterThan(5_000);
    expect(sum(b, 'outVideoBytes') - sum(a, 'outVideoBytes'), 'video bytes sent in 2.5 s').toBeLessThan(2_000);
    // The others still see each other.
    await expectDecodedFramesAdvance(jonas!.page, ['Ola']);

    // Stage mode on the SFU path: the audience sees and hears only the stage, and a raised hand is invited onto it.
    const [, , , anna, lucP] = all;
    await jonas!.page.getByTestId('stage-toggle').click();
    for (const p of [anna!, lucP!]) {
      await p.page.getByTestId('stage-note').waitFor();
      await expect.poll(() => tileNames(p.page), poll).toEqual(['Jonas']);
      expect(await p.page.getByTestId('mic-toggle').isDisabled()).toBe(true);
    }
    await expectDecodedFramesAdvance(lucP!.page, ['Jonas']);
    await anna!.page.getByTestId('hand-toggle').click();
    await jonas!.page.getByTestId('invite-stage').click();
    await expect.poll(() => tileNames(lucP!.page), poll).toEqual(['Anna', 'Jonas']);
    await expect.poll(() => anna!.page.getByTestId('mic-toggle').isDisabled(), poll).toBe(false);
    await anna!.page.getByTestId('mic-toggle').click();
    await expect.poll(() => tile(lucP!.page, 'Anna', 'data-mic'), poll).toBe('on');
    await expectDecodedFramesAdvance(lucP!.page, ['Anna', 'Jonas']);
  });
  it('[MEDIA16] one of two media servers dies in the middle of a call: the room moves to the other and video comes back without a reload', async () => {
    const { startJanus } = await import('../test/janus.js');
    const second = await startJanus();
    // The second instance is listed first: with no load anywhere, the plenary is placed on it.
    const local = await startServer({ sfu: { janusUrls: [second.url, janusUrl!], meshMaxPeers: 2 } });
    try {
      const names = NAMES.slice(0, 3);
      const people = await sfuPlenary('SFU: a media server dies', names, local.url);
      await everyoneSeesEveryone(people, names);
      expect((await local.app.store.sfu.placementsOn(second.url)).length).toBe(1);
      const before = await Promise.all(people.map((p) => restartsOf(p.page)));
      // Marks each page: a reload would lose it.
      for (const p of people) await p.page.evaluate(() => ((globalThis as { __noReload?: boolean }).__noReload = true));

      second.process.kill('SIGKILL');
      for (const [i, p] of people.entries())
        await expect.poll(() => restartsOf(p.page), poll).toBeGreaterThan(before[i]!);
      await everyoneSeesEveryone(people, names);
      expect((await local.app.store.sfu.placementsOn(second.url)).length).toBe(0);
      expect((await local.app.store.sfu.placementsOn(janusUrl!)).length).toBe(1);
      for (const p of people) {
        expect(await p.page.evaluate(() => (globalThis as { __noReload?: boolean }).__noReload)).toBe(true);
        expect(await pathOf(p.page)).toBe('sfu');
      }
    } finally {
      await local.close();
      await second.stop();
    }
  }, 150_000);
  it('[MEDIA18] a subscriber on a throttled link gets the low simulcast layer and its video keeps playing; the full layer comes back when the link does', async () => {
    const { startJanus } = await import('../test/janus.js');
    const janus = await startJanus();
    // A camera of 640x360 (two simulcast layers: 320 and 640 wide) filming noise: each layer uses the bitrate
    // it may (150 and 600 kbit/s), as a real camera in a lit room would.
    const hd = await launchBrowser(chromiumArgs({ width: 640, height: 360, fps: 10, frames: 10, noise: true }));
    const local = await startServer({ sfu: { janusUrls: [janus.url], meshMaxPeers: 1 } });
    try {
      const people = [];
      for (const _ of [0, 1]) {
        const p = await newPerson(hd);
        p.context.setDefaultTimeout(30_000);
        // The camera at the size the app asks for (640x360), not the other tests' 320x180.
        await p.context.addInitScript(loopbackIceScript(null));
        people.push(p);
      }
      const organiser = await newPerson(hd);
      const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, local.url, 'SFU: a weak link');
      await organiser.context.close();
      const [jonas, petra] = people as [(typeof people)[0], (typeof people)[0]];
      await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
      await joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Wołów' });
      // Petra only watches (one encoder of noise on two cores is enough).
      await petra.page.getByTestId('camera-toggle').click();
      await expect.poll(() => pathOf(petra.page), poll).toBe('sfu');

      /** The width of the video Petra receives from Jonas (0: none yet). */
      const width = () =>
        petra.page.evaluate(async () => {
          const m = (globalThis as unknown as { __jumelageMedia: { peers(): { receivers?: RTCRtpReceiver[] }[] } })
            .__jumelageMedia;
          let w = 0;
          for (const p of m.peers())
            for (const r of p.receivers ?? [])
              if (r.track.kind === 'video')
                (await r.getStats()).forEach((s: { type: string; frameWidth?: number }) => {
                  if (s.type === 'inbound-rtp') w = Math.max(w, s.frameWidth ?? 0);
                });
          return w;
        });
      const layerCap = () =>
        petra.page.evaluate(
          () =>
            (globalThis as unknown as { __jumelageMedia: { sfu(): { layerCap: number } } }).__jumelageMedia.sfu()
              .layerCap,
        );
      // A room of two on a good link: the full layer.
      await expect.poll(width, { timeout: 60_000, interval: 500 }).toBe(640);

      // Petra's download (what Janus sends to her connection's port) now carries 300 kbit/s at most.
      const port = await petra.page.evaluate(async () => {
        const m = (globalThis as unknown as { __jumelageMedia: { peers(): { pc: RTCPeerConnection | null }[] } })
          .__jumelageMedia;
        const pc = m.peers()[0]?.pc;
        if (!pc) return null;
        const report = await pc.getStats();
        let local: number | null = null;
        report.forEach((t: { type: string; selectedCandidatePairId?: string }) => {
          if (t.type !== 'transport' || !t.selectedCandidatePairId) return;
          const pair = report.get(t.selectedCandidatePairId) as { localCandidateId: string } | undefined;
          local = (report.get(pair?.localCandidateId ?? '') as { port?: number } | undefined)?.port ?? null;
        });
        return local;
      });
      expect(port).toBeGreaterThan(0);
      janus.limitDownlink(port!, 300);
      await expect.poll(width, { timeout: 60_000, interval: 500 }).toBe(320);
      // Not frozen: Jonas's video keeps playing on the low layer.
      await expectDecodedFramesAdvance(petra.page, ['Jonas']);

      // The link is good again: the full layer comes back after a quiet spell.
      janus.limitDownlink(null);
      await expect.poll(width, { timeout: 90_000, interval: 500 }).toBe(640);
      expect(await layerCap()).toBe(1);
    } finally {
      await local.close();
      await hd.close();
      await janus.stop();
    }
  }, 150_000);
});
