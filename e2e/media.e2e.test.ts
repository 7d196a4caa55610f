/**
 * The media plane in real headless Chromium with fake camera and microphone (e2e/harness.ts flags),
 * against the built client. WebRTC on a shared 2-core machine is slow under load: generous, bounded waits.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLENARY } from '../shared/rooms.js';
import {
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  screenshotPath,
  startServer,
  type TestServer,
  expectFramesAdvance,
  remoteVideos,
  tileNames,
  openPanel,
} from './harness.js';

const LONG = 60_000;
const poll = { timeout: 30_000, interval: 250 };

const tileAttr = (page: Page, name: string, attr: string) =>
  page.locator(`[data-testid=tile][data-who="${name}"]`).getAttribute(attr);

/** The mesh as one page sees it, for failure messages. */
function meshDump(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const m = (
        globalThis as unknown as {
          __jumelageMedia?: {
            peers(): {
              remoteId: string;
              cid: string;
              state: string;
              attempts: number;
              pc: RTCPeerConnection | null;
              video: MediaStreamTrack | null;
            }[];
            stats(): Promise<unknown>;
          };
        }
      ).__jumelageMedia;
      if (!m) return 'no media controller';
      const peers = m.peers().map((v) => ({
        r: v.remoteId,
        cid: v.cid,
        s: v.state,
        a: v.attempts,
        pc: v.pc?.connectionState,
        ice: v.pc?.iceConnectionState,
        sig: v.pc?.signalingState,
        video: v.video ? `${v.video.readyState}${v.video.muted ? '/muted' : ''}` : null,
      }));
      const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid=tile]')].map(
        (e) =>
          `${e.dataset.who}:${e.dataset.participant}:${e.dataset.state}:mic=${e.dataset.mic}:cam=${e.dataset.camera}:${(e.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? '-'}`,
      );
      const notices = [...document.querySelectorAll('[data-testid=media] .alert')].map((e) => e.textContent);
      return JSON.stringify({ peers, tiles, notices, stats: await m.stats() });
    })
    .catch((err: Error) => `dump failed: ${err.message}`);
}

/** Frames advance: every remote video has a size and its currentTime grows. */
async function expectLiveVideos(page: Page, names: string[]) {
  const live = async () =>
    (await remoteVideos(page))
      .filter((v) => v.width > 0)
      .map((v) => v.name)
      .sort();
  try {
    await expect.poll(live, poll).toEqual([...names].sort());
  } catch (err) {
    throw new Error(
      `live remote videos ${JSON.stringify(await live())}, expected ${JSON.stringify(names)}; mesh: ${await meshDump(page)}`,
      { cause: err },
    );
  }
  await expectFramesAdvance(page, names, poll);
}

/** newPerson with a longer per-action timeout: pages with live video are slow on a loaded machine. */
async function person(browser: Browser, opts: Parameters<typeof newPerson>[1] = {}) {
  const p = await newPerson(browser, opts);
  p.context.setDefaultTimeout(30_000);
  return p;
}

describe.skipIf(!hasBrowser())('media in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function threePeople(title: string, on: TestServer = server) {
    const organiser = await person(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, on.url, title);
    await organiser.context.close();
    const jonas = await person(browser);
    const petra = await person(browser, { locale: 'de-DE' });
    const ola = await person(browser, { locale: 'pl-PL' });
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' }),
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen' }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' }),
    ]);
    return {
      inviteUrl,
      jonas,
      petra,
      ola,
      close: () => Promise.all([jonas, petra, ola].map((p) => p.context.close())),
    };
  }

  it('[MEDIA8] [MEDIA3] [MEDIA4] [MEDIA2] [MEDIA11] one call of three joining at once: each sees two remote videos whose frames advance and hears two voices; a moderator mutes someone and asks them to unmute; a shared screen is seen large and stopping it restores the camera; in low-bandwidth mode a person receives no video but still hears the others', async () => {
    // One call for the four (each would otherwise build its own call of three: about 6 s each on CI).
    const { jonas, petra, ola, close } = await threePeople('Media: one call');
    await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
    await expectLiveVideos(petra.page, ['Jonas', 'Ola']);
    await expectLiveVideos(ola.page, ['Jonas', 'Petra']);
    // Each hears the two others: an <audio> per remote voice.
    for (const { page } of [jonas, petra, ola])
      await expect.poll(() => page.locator('audio[data-testid=remote-audio]').count(), poll).toBe(2);

    // [MEDIA3] [MEDIA4] A moderator mutes Petra and asks her to unmute; she accepts.
    await expect.poll(() => tileAttr(jonas.page, 'Petra', 'data-state'), poll).toBe('connected');
    await jonas.page.locator('[data-testid=tile][data-who="Petra"] .tile__mod summary').click();
    await jonas.page.locator('[data-testid=tile][data-who="Petra"]').getByTestId('mod-mute').click();
    await expect.poll(() => tileAttr(ola.page, 'Petra', 'data-mic'), poll).toBe('off');
    await expect.poll(() => petra.page.getByTestId('muted-by').textContent(), poll).toContain('Jonas');
    await jonas.page.locator('[data-testid=tile][data-who="Petra"]').getByTestId('mod-ask-unmute').click();
    await petra.page.getByTestId('unmute-request').waitFor();
    // Asking does not unmute: only Petra's own click does.
    await petra.page.waitForTimeout(500);
    expect(await tileAttr(ola.page, 'Petra', 'data-mic')).toBe('off');
    await petra.page.getByTestId('unmute-accept').click();
    await expect.poll(() => tileAttr(ola.page, 'Petra', 'data-mic'), poll).toBe('on');

    // [MEDIA2] Petra shares her screen.
    await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
    // A camera is sent at 640x360 at most (CPU load may scale it down); the fake screen is 1280x720.
    const cameraWidth = 640;
    // Headless Chromium with the fake-media flags gives getDisplayMedia a fake 1280x720 "monitor" at once.
    await petra.page.getByTestId('screen-toggle').click();
    for (const page of [jonas.page, ola.page]) {
      await expect.poll(() => tileAttr(page, 'Petra', 'data-screen'), poll).toBe('on');
      await expect
        .poll(() => page.locator('[data-testid=tile][data-who="Petra"]').getAttribute('class'), poll)
        .toContain('tile--large');
      await expect
        .poll(async () => (await remoteVideos(page)).find((v) => v.name === 'Petra')?.width ?? 0, poll)
        .toBeGreaterThan(cameraWidth);
    }
    await expectLiveVideos(ola.page, ['Jonas', 'Petra']);
    await jonas.page.screenshot({ path: screenshotPath('media-screen.png') });
    await petra.page.getByTestId('screen-toggle').click();
    await expect.poll(() => tileAttr(jonas.page, 'Petra', 'data-screen'), poll).toBe('off');
    await expect
      .poll(async () => (await remoteVideos(jonas.page)).find((v) => v.name === 'Petra')?.width ?? 0, poll)
      .toBeLessThanOrEqual(cameraWidth);
    await expectLiveVideos(jonas.page, ['Petra', 'Ola']);

    // [MEDIA11] Ola switches to low bandwidth.
    await expectLiveVideos(ola.page, ['Jonas', 'Petra']);
    await ola.page.getByTestId('lowbw-toggle').click();
    await ola.page.getByTestId('lowbw-note').waitFor();
    await expect.poll(() => ola.page.locator('[data-testid=tile][data-self=false] video').count(), poll).toBe(0);
    type Stats = { remoteId: string; inVideoBytes: number; inAudioBytes: number; outVideoBytes: number }[];
    const stats = (page: Page) =>
      page.evaluate(() =>
        (globalThis as unknown as { __jumelageMedia: { stats(): Promise<unknown> } }).__jumelageMedia.stats(),
      ) as Promise<Stats>;
    const sum = (s: Stats, key: 'inVideoBytes' | 'inAudioBytes' | 'outVideoBytes') => s.reduce((n, x) => n + x[key], 0);
    // Senders stop within a moment; then nothing video arrives, audio keeps coming.
    await ola.page.waitForTimeout(1500);
    const a = await stats(ola.page);
    await ola.page.waitForTimeout(2500);
    const b = await stats(ola.page);
    expect(a).toHaveLength(2);
    expect(sum(b, 'inVideoBytes') - sum(a, 'inVideoBytes'), 'video bytes received in 2.5 s').toBeLessThan(2_000);
    expect(sum(b, 'inAudioBytes') - sum(a, 'inAudioBytes'), 'audio bytes received in 2.5 s').toBeGreaterThan(5_000);
    expect(sum(b, 'outVideoBytes') - sum(a, 'outVideoBytes'), 'video bytes sent in 2.5 s').toBeLessThan(2_000);
    // The others still see each other's video.
    await expectLiveVideos(jonas.page, ['Petra']);
    await expect.poll(() => petra.page.locator('[data-testid=tile][data-who="Ola"] video').count(), poll).toBe(0);
    await close();
  }, 90_000);

  it(
    "[MEDIA2][TRUTH9] muting shows on the others' tiles within a second; the word and three hashtags on a tile; a leaver's tile disappears everywhere",
    async () => {
      const { jonas, petra, ola, close } = await threePeople('Media: mute and leave');
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      await expect.poll(() => tileAttr(ola.page, 'Petra', 'data-mic'), poll).toBe('on');
      // Measured in the pages (same machine clock): from Petra's click to the change on the others' tiles.
      for (const page of [jonas.page, ola.page]) {
        await page.evaluate(() => {
          const w = globalThis as unknown as { __mutedAt?: number };
          new MutationObserver(() => {
            if (
              w.__mutedAt === undefined &&
              document.querySelector('[data-testid=tile][data-who="Petra"][data-mic=off]')
            )
              w.__mutedAt = Date.now();
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-mic'] });
        });
      }
      await petra.page
        .getByTestId('mic-toggle')
        .evaluate((b) =>
          b.addEventListener(
            'click',
            () => ((globalThis as unknown as { __clickedAt: number }).__clickedAt = Date.now()),
            { once: true },
          ),
        );
      await petra.page.getByTestId('mic-toggle').click();
      await Promise.all(
        [jonas.page, ola.page].map((page) =>
          page.locator('[data-testid=tile][data-who="Petra"][data-mic=off]').waitFor(),
        ),
      );
      const clickedAt = await petra.page.evaluate(() => (globalThis as unknown as { __clickedAt: number }).__clickedAt);
      for (const page of [jonas.page, ola.page]) {
        const seenAt = await page.evaluate(() => (globalThis as unknown as { __mutedAt: number }).__mutedAt);
        expect(seenAt - clickedAt, 'mute visible to others (ms)').toBeLessThan(1000);
      }
      expect(await petra.page.getByTestId('mic-toggle').getAttribute('aria-pressed')).toBe('true');
      // The keyboard shortcut unmutes again (focus outside any text field).
      await petra.page.locator('body').click({ position: { x: 5, y: 5 } });
      await petra.page.keyboard.press('m');
      await expect.poll(() => tileAttr(jonas.page, 'Petra', 'data-mic'), poll).toBe('on');

      // [SPEAK10] A flash round: whoever has the word is marked on their video tile on every screen, and read so.
      await openPanel(jonas.page, 'agenda');
      await jonas.page.getByTestId('speaking-setup').locator('summary').click();
      await jonas.page.locator('#speaking-question-input').fill('Wie war es?');
      await jonas.page.locator('#speaking-think').fill('0');
      await jonas.page.locator('#speaking-auto').uncheck();
      await jonas.page.getByTestId('speaking-start').click();
      const turns = (page: typeof jonas.page) =>
        page
          .locator('[data-testid=tile][data-turn=true]')
          .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-who')));
      await expect.poll(() => turns(jonas.page), poll).toHaveLength(1);
      const speaker = (await turns(jonas.page))[0]!;
      expect(['Petra', 'Ola']).toContain(speaker);
      for (const page of [petra.page, ola.page]) await expect.poll(() => turns(page), poll).toEqual([speaker]);
      expect(
        await jonas.page.locator(`[data-testid=tile][data-who="${speaker}"] [data-testid=tile-summary]`).textContent(),
      ).toContain('has the word');
      await jonas.page.getByTestId('speaking-next-button').click();
      await expect.poll(() => turns(ola.page), poll).toEqual([speaker === 'Petra' ? 'Ola' : 'Petra']);

      // [TRUTH9] Three hashtags: Petra's show under her name on the others' tiles, and are read with it.
      await jonas.page.getByTestId('truths-setup').locator('summary').click();
      await jonas.page.locator('#truths-variant').selectOption('hashtags');
      await jonas.page.getByTestId('truths-start').click();
      for (const [i, tag] of ['Chor', '#Łódź', 'rower'].entries())
        await petra.page.locator(`#truths-tag${i}`).fill(tag);
      await petra.page.getByTestId('truths-tags-save').click();
      const petraTile = '[data-testid=tile][data-who="Petra"]';
      for (const page of [jonas.page, ola.page])
        await expect
          .poll(() => page.locator(`${petraTile} [data-testid=tile-hashtags]`).textContent(), poll)
          .toBe('#Chor#Łódź#rower');
      expect(await jonas.page.locator(`${petraTile} [data-testid=tile-summary]`).textContent()).toContain(
        'hashtags #Chor #Łódź #rower',
      );

      await ola.page.getByTestId('leave').click();
      for (const page of [jonas.page, petra.page])
        await expect.poll(() => tileNames(page), poll).toEqual([page === jonas.page ? 'Petra' : 'Jonas']);
      await close();
    },
    LONG,
  );

  it(
    '[MEDIA5] stage mode: the audience listens and is invited onto the stage from a raised hand',
    async () => {
      const { jonas, petra, ola, close } = await threePeople('Media: stage');
      await expect.poll(() => tileNames(petra.page), poll).toEqual(['Jonas', 'Ola']);
      await jonas.page.getByTestId('stage-toggle').click();
      for (const page of [petra.page, ola.page]) {
        await page.getByTestId('stage-note').waitFor();
        await expect.poll(() => tileNames(page), poll).toEqual(['Jonas']);
        expect(await page.getByTestId('mic-toggle').isDisabled()).toBe(true);
      }
      await expect.poll(() => tileNames(jonas.page), poll).toEqual([]);
      await ola.page.getByTestId('hand-toggle').click();
      await jonas.page.getByTestId('invite-stage').click();
      await expect.poll(() => tileNames(petra.page), poll).toEqual(['Jonas', 'Ola']);
      await expect.poll(() => ola.page.getByTestId('mic-toggle').isDisabled(), poll).toBe(false);
      await ola.page.getByTestId('mic-toggle').click();
      await expect.poll(() => tileAttr(petra.page, 'Ola', 'data-mic'), poll).toBe('on');
      await expectLiveVideos(petra.page, ['Jonas', 'Ola']);
      await close();
    },
    LONG,
  );

  it(
    '[MEDIA2] the join screen checks devices, and joining without media gives no tile and no peer',
    async () => {
      const organiser = await person(browser);
      const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Media: join screen');
      await organiser.context.close();
      const heinz = await person(browser, { locale: 'de-DE' });
      await heinz.page.goto(inviteUrl);
      await heinz.page.getByTestId('join-media').waitFor();
      await expect
        .poll(
          () => heinz.page.locator('.join-media__preview video').evaluate((v) => (v as HTMLVideoElement).videoWidth),
          poll,
        )
        .toBeGreaterThan(0);
      await expect
        .poll(() => heinz.page.getByTestId('mic-level').evaluate((m) => (m as HTMLMeterElement).value), poll)
        .toBeGreaterThan(0);
      await heinz.page.locator('#join-name').fill('Heinz');
      await heinz.page.locator('#join-town').fill('Kamen');
      await heinz.page.screenshot({ path: screenshotPath('media-join.png'), fullPage: true });
      await heinz.page.getByTestId('join-camera-on').uncheck();
      await heinz.page.locator('form.join-form button[type=submit]').click();
      await heinz.page.getByTestId('workshop').waitFor();

      const phone = await person(browser, { locale: 'fr-FR', viewport: { width: 390, height: 800 } });
      await phone.page.goto(inviteUrl);
      await phone.page.getByTestId('join-without-media').check();
      await phone.page.locator('#join-name').fill('Téléphone');
      await phone.page.locator('#join-town').fill('Ville-sur-Mer');
      await phone.page.locator('form.join-form button[type=submit]').click();
      await phone.page.getByTestId('workshop').waitFor();
      expect(await phone.page.getByTestId('media').count()).toBe(0);
      // Heinz (camera off) is a tile for nobody but himself; the phone is no tile at all.
      await expect.poll(() => tileAttr(heinz.page, 'Heinz', 'data-camera'), poll).toBe('off');
      expect(await tileNames(heinz.page)).toEqual([]);
      await Promise.all([heinz, phone].map((p) => p.context.close()));
    },
    LONG,
  );

  it(
    '[MEDIA9] a broken connection shows on the tile and is rebuilt without a reload',
    async () => {
      const { jonas, petra, close } = await threePeople('Media: retry');
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      const petraId = (await jonas.page
        .locator('[data-testid=tile][data-who="Petra"]')
        .getAttribute('data-participant'))!;
      const jonasId = (await petra.page
        .locator('[data-testid=tile][data-who="Jonas"]')
        .getAttribute('data-participant'))!;
      type Handle = {
        __jumelageMedia: { peers(): { remoteId: string; cid: string; state: string; pc: RTCPeerConnection | null }[] };
      };
      const cidOf = (page: Page, remoteId: string) =>
        page.evaluate(
          (id) => (globalThis as unknown as Handle).__jumelageMedia.peers().find((p) => p.remoteId === id)?.cid ?? null,
          remoteId,
        );
      const before = await cidOf(jonas.page, petraId);
      // Jonas's page remembers every state the tile of Petra goes through.
      await jonas.page.evaluate(() => {
        const seen: string[] = [];
        (globalThis as unknown as { __seen: string[] }).__seen = seen;
        new MutationObserver(() => {
          const s = document.querySelector<HTMLElement>('[data-testid=tile][data-who="Petra"]')?.dataset.state;
          if (s && seen.at(-1) !== s) seen.push(s);
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
      // Petra's side of the connection dies without a word (as a crashed network stack would).
      await petra.page.evaluate(
        (id) =>
          (globalThis as unknown as Handle).__jumelageMedia
            .peers()
            .find((p) => p.remoteId === id)!
            .pc!.close(),
        jonasId,
      );
      await expect
        .poll(() => jonas.page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen), poll)
        .toContain('retrying');
      await expect.poll(async () => (await cidOf(jonas.page, petraId)) !== before, poll).toBe(true);
      await expect.poll(() => tileAttr(jonas.page, 'Petra', 'data-state'), poll).toBe('connected');
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      await expectLiveVideos(petra.page, ['Jonas', 'Ola']);
      await close();
    },
    LONG,
  );

  it('[MEDIA12] media follows the room: a breakout move closes the old peers and builds the new mesh', async () => {
    const { jonas, petra, ola, close } = await threePeople('Media: rooms');
    await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
    const peerCount = (page: Page) =>
      page.evaluate(
        () => (globalThis as unknown as { __jumelageMedia: { peers(): unknown[] } }).__jumelageMedia.peers().length,
      );
    const roomIdOf = (page: Page) =>
      page.evaluate(() =>
        (globalThis as unknown as { __jumelageMedia: { roomId(): string } }).__jumelageMedia.roomId(),
      );
    // Jonas moderates: two rooms, Petra and Ola planned into the first, then opened.
    const mod = jonas.page;
    await openPanel(mod, 'rooms');
    await mod.locator('#br-room-count').fill('2');
    await mod.getByTestId('br-make-rooms').click();
    await expect.poll(() => mod.getByTestId('room-card').count(), poll).toBe(2);
    const [first, second] = await mod
      .getByTestId('room-card')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.room!));
    for (const name of ['Petra', 'Ola']) await mod.getByLabel(`Room for ${name}`).selectOption(first!);
    await expect.poll(() => mod.getByTestId('room-card').first().getByTestId('room-person').count(), poll).toBe(2);
    await mod.getByTestId('br-open').click();
    await expectLiveVideos(petra.page, ['Ola']);
    await expectLiveVideos(ola.page, ['Petra']);
    await expect.poll(() => tileNames(mod), poll).toEqual([]);

    // While the rooms run, the moderator moves Ola (breakout:move): her old room-mate's peer closes.
    await mod.getByLabel('Room for Ola').selectOption(second!);
    await expect.poll(() => roomIdOf(ola.page), poll).toBe(second);
    await expect.poll(() => tileNames(ola.page), poll).toEqual([]);
    await expect.poll(() => tileNames(petra.page), poll).toEqual([]);
    await expect.poll(() => peerCount(petra.page), poll).toBe(0);

    // Petra follows: the two rooms' meshes are rebuilt around the move.
    await mod.getByLabel('Room for Petra').selectOption(second!);
    await expectLiveVideos(ola.page, ['Petra']);
    await expectLiveVideos(petra.page, ['Ola']);

    // Back to the plenary, Ola sees only the plenary (Jonas); Petra no longer sees her, and Jonas does.
    await mod.getByLabel('Room for Ola').selectOption(PLENARY);
    await expect.poll(() => roomIdOf(ola.page), poll).toBe(PLENARY);
    await expectLiveVideos(ola.page, ['Jonas']);
    await expectLiveVideos(mod, ['Ola']);
    await expect.poll(() => tileNames(petra.page), poll).toEqual([]);
    expect(await peerCount(petra.page)).toBe(0);
    await close();
  }, 180_000);

  it(
    "[MEDIA10] each video sender is capped so that one person's upload stays within the budget",
    async () => {
      const small = await startServer({ media: { ...server.app.deps.config.media, uploadBudgetKbps: 400 } });
      try {
        const { jonas, petra, ola, close } = await threePeople('Media: budget', small);
        await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
        type Handle = {
          __jumelageMedia: {
            peers(): { pc: RTCPeerConnection | null }[];
            stats(): Promise<{ outVideoBytes: number; outAudioBytes: number }[]>;
          };
        };
        for (const { page } of [jonas, petra, ola]) {
          // (400 - 2 x 48 audio) / 2 peers = 152 kbit/s each, at half resolution and 15 frames a second.
          await expect
            .poll(
              () =>
                page.evaluate(() =>
                  (globalThis as unknown as Handle).__jumelageMedia.peers().map(
                    (p) =>
                      p
                        .pc!.getSenders()
                        .find((s) => s.track?.kind === 'video')
                        ?.getParameters().encodings[0],
                  ),
                ),
              poll,
            )
            .toEqual([
              expect.objectContaining({ maxBitrate: 152_000, scaleResolutionDownBy: 2, maxFramerate: 15 }),
              expect.objectContaining({ maxBitrate: 152_000, scaleResolutionDownBy: 2, maxFramerate: 15 }),
            ]);
        }
        const total = () =>
          jonas.page.evaluate(async () => ({
            at: performance.now(),
            bytes: (await (globalThis as unknown as Handle).__jumelageMedia.stats()).reduce(
              (n, s) => n + s.outVideoBytes + s.outAudioBytes,
              0,
            ),
          }));
        await jonas.page.waitForTimeout(3000);
        const a = await total();
        await jonas.page.waitForTimeout(4000);
        const b = await total();
        expect(((b.bytes - a.bytes) * 8) / (b.at - a.at), 'Jonas uploads (kbit/s)').toBeLessThan(400 * 1.1);
        await close();
      } finally {
        await small.close();
      }
    },
    LONG,
  );

  it(
    '[MEDIA9] after a reload the person is seen and sees the others again, without anyone else reloading',
    async () => {
      const { jonas, petra, ola, close } = await threePeople('Media: reload');
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      await petra.page.reload();
      await petra.page.getByTestId('workshop').waitFor();
      await expectLiveVideos(petra.page, ['Jonas', 'Ola']);
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      await expectLiveVideos(ola.page, ['Jonas', 'Petra']);
      await close();
    },
    LONG,
  );

  it(
    '[MEDIA2] a refused camera permission gives a translated message; the person joins and still sees the others',
    async () => {
      const organiser = await person(browser);
      const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Media: denied');
      await organiser.context.close();
      const ola = await person(browser, { locale: 'pl-PL' });
      await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });
      const heinz = await person(browser, { locale: 'de-DE' });
      // As if Heinz had pressed "Block" in the browser's permission prompt.
      await heinz.context.addInitScript(() => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      });
      await heinz.page.goto(inviteUrl);
      await expect
        .poll(() => heinz.page.getByTestId('join-media-problem').textContent(), poll)
        .toContain('Der Browser darf Kamera und Mikrofon nicht benutzen');
      await heinz.page.locator('#join-name').fill('Heinz');
      await heinz.page.locator('#join-town').fill('Kamen');
      await heinz.page.locator('form.join-form button[type=submit]').click();
      await heinz.page.getByTestId('workshop').waitFor();
      await expect.poll(() => tileAttr(heinz.page, 'Heinz', 'data-mic'), poll).toBe('off');
      expect(await tileAttr(heinz.page, 'Heinz', 'data-camera')).toBe('off');
      await expectLiveVideos(heinz.page, ['Ola']);
      await expect.poll(() => tileNames(ola.page), poll).toEqual(['Heinz']);
      await Promise.all([ola, heinz].map((p) => p.context.close()));
    },
    LONG,
  );

  it(
    '[MEDIA2] switching the microphone mid-call keeps the others hearing',
    async () => {
      const { jonas, petra, close } = await threePeople('Media: devices');
      await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
      await petra.page.locator('.media-devices summary').click();
      const options = await petra.page
        .locator('#media-dev-mic option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(options.length).toBeGreaterThan(0);
      const label = () =>
        petra.page.evaluate(() =>
          (
            globalThis as unknown as { __jumelageMedia: { peers(): { pc: RTCPeerConnection | null }[] } }
          ).__jumelageMedia
            .peers()
            .map(
              (p) =>
                p
                  .pc!.getSenders()
                  .find((s) => s.track?.kind === 'audio')
                  ?.track?.getSettings().deviceId,
            ),
        );
      const before = await label();
      await petra.page.locator('#media-dev-mic').selectOption(options.at(-1)!);
      await expect.poll(async () => (await label()).every((id) => id === options.at(-1)), poll).toBe(true);
      expect(before).not.toEqual(await label());
      type Handle = { __jumelageMedia: { stats(): Promise<{ remoteId: string; inAudioBytes: number }[]> } };
      const petraId = (await jonas.page
        .locator('[data-testid=tile][data-who="Petra"]')
        .getAttribute('data-participant'))!;
      const heard = () =>
        jonas.page.evaluate(
          async (id) =>
            (await (globalThis as unknown as Handle).__jumelageMedia.stats()).find((s) => s.remoteId === id)!
              .inAudioBytes,
          petraId,
        );
      const a = await heard();
      await jonas.page.waitForTimeout(2000);
      expect((await heard()) - a, 'audio bytes from Petra in 2 s').toBeGreaterThan(2_000);
      await close();
    },
    LONG,
  );
});
