/**
 * The media plane in real headless Chromium with fake camera and microphone (e2e/harness.ts flags),
 * against the built client. WebRTC on a shared 2-core machine is slow under load: generous, bounded waits.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, hasBrowser, joinWorkshop, launchBrowser, newPerson, screenshotPath, startServer, type TestServer } from './harness.js';

const LONG = 60_000;
const poll = { timeout: 30_000, interval: 250 };

interface RemoteVideo {
  name: string;
  time: number;
  width: number;
}

/** The remote tiles' <video> elements with their playback position and decoded size. */
function remoteVideos(page: Page): Promise<RemoteVideo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>('[data-testid=tile][data-self=false] video')].map((v) => ({
      name: (v.closest('[data-testid=tile]') as HTMLElement).dataset.name ?? '',
      time: v.currentTime,
      width: v.videoWidth,
    })),
  );
}

const tileNames = (page: Page) => page.locator('[data-testid=tile][data-self=false]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name).sort());
const tileAttr = (page: Page, name: string, attr: string) => page.locator(`[data-testid=tile][data-name="${name}"]`).getAttribute(attr);

/** Frames advance: every remote video has a size and its currentTime grows. */
async function expectLiveVideos(page: Page, names: string[]) {
  await expect.poll(async () => (await remoteVideos(page)).filter((v) => v.width > 0).map((v) => v.name).sort(), poll).toEqual([...names].sort());
  const before = await remoteVideos(page);
  await page.waitForTimeout(1500);
  const after = await remoteVideos(page);
  for (const name of names) {
    const a = before.find((v) => v.name === name)!;
    const b = after.find((v) => v.name === name)!;
    expect(b.time, `${name}'s video advances`).toBeGreaterThan(a.time);
    expect(b.width).toBeGreaterThan(0);
  }
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

  async function threePeople(title: string) {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, title);
    await organiser.context.close();
    const jonas = await newPerson(browser);
    const petra = await newPerson(browser, { locale: 'de-DE' });
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' }),
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen' }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' }),
    ]);
    return { inviteUrl, jonas, petra, ola, close: () => Promise.all([jonas, petra, ola].map((p) => p.context.close())) };
  }

  it('[MEDIA8] three people joining at once each see two remote videos whose frames advance', async () => {
    const { jonas, petra, ola, close } = await threePeople('Media: three');
    await expectLiveVideos(jonas.page, ['Petra', 'Ola']);
    await expectLiveVideos(petra.page, ['Jonas', 'Ola']);
    await expectLiveVideos(ola.page, ['Jonas', 'Petra']);
    // Each hears the two others: an <audio> per remote voice.
    for (const { page } of [jonas, petra, ola]) await expect.poll(() => page.locator('audio[data-testid=remote-audio]').count(), poll).toBe(2);
    await close();
  }, LONG);
});
