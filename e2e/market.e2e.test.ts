import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  openPanel,
  startServer,
  type TestServer,
} from './harness.js';

const stall = (page: Page, title: string) => page.locator(`[data-testid=market-stall][data-stall="${title}"]`);
const phaseIs = (page: Page, phase: string) =>
  page.locator(`[data-testid=market-phase][data-phase=${phase}]`).waitFor({ timeout: 5_000 });

describe.skipIf(!hasBrowser())('the idea market in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-MKT1] a moderator sets up two stalls and opens them; two people choose a stall and say "I’m in" with what they offer; the moderator sees who is in', async () => {
    // Everyone without media: the market is about choosing and signing up, not video.
    const jonas = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(jonas.page, server.url, 'Ideenbörse');
    const [ana, ben] = await Promise.all([newPerson(browser), newPerson(browser, { locale: 'de-DE' })]);
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false }),
      joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false }),
      joinWorkshop(ben.page, inviteUrl, { name: 'Ben', town: 'Wołów', media: false }),
    ]);
    const mod = jonas.page;

    await openPanel(mod, 'agenda');
    await mod.getByTestId('market-setup').locator('summary').click();
    await mod.getByTestId('market-start').click();
    for (const [title, places] of [
      ['Radtour', '2'],
      ['Chor', ''],
    ] as const) {
      await mod.locator('#market-stall-title').fill(title);
      await mod.locator('#market-stall-capacity').fill(places);
      await mod.getByTestId('market-add-stall').click();
      await stall(mod, title).waitFor();
    }
    await Promise.all([ana.page, ben.page].map((p) => stall(p, 'Chor').waitFor()));
    expect(await stall(ana.page, 'Radtour').getByTestId('market-places').textContent()).toBe('Signed up: 0 of 2');

    await mod.locator('#market-minutes').fill('10');
    await mod.getByTestId('market-open').click();
    await Promise.all([mod, ana.page, ben.page].map((p) => phaseIs(p, 'open')));

    // Each chooses a stall (its room) and signs up with what they offer.
    const joins = async (page: Page, title: string, offer: string) => {
      const s = stall(page, title);
      await s.getByTestId('market-go').click();
      await s.locator('.market__here').waitFor();
      await s.locator('input').first().fill(offer);
      await s.getByTestId('market-imin').click();
      await s.getByTestId('market-in').waitFor();
    };
    await Promise.all([joins(ana.page, 'Radtour', 'Ich leihe Fahrräder'), joins(ben.page, 'Chor', 'Tenor')]);

    // The moderator sees who is in, at which stall, with what.
    await expect
      .poll(() => stall(mod, 'Radtour').getByTestId('market-signups').textContent())
      .toBe('Ana · Lyon · Ich leihe Fahrräder');
    await expect.poll(() => stall(mod, 'Chor').getByTestId('market-signups').textContent()).toBe('Ben · Wołów · Tenor');
    expect(await stall(mod, 'Radtour').getByTestId('market-places').textContent()).toBe('Signed up: 1 of 2');
    await expectAccessible(ana.page, 'idea market, signed up at a stall');
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture (only then: the suite is near its time budget).
    if (process.env.UPDATE_SCREENSHOTS) {
      await ana.page.getByTestId('market').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      mkdirSync('docs/screenshots', { recursive: true });
      await ana.page.screenshot({ path: 'docs/screenshots/market-participant.png' });
    }
  }, 40_000);
});
