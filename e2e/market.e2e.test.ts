import { mkdirSync, readFileSync } from 'node:fs';
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

  it('[E2E-MKT1] a moderator sets up two stalls and opens them; four people from three towns choose a stall and say "I’m in" with what they offer; everyone sees who is in, a full stall takes nobody more, and the CSV export has every sign-up', async () => {
    const started = Date.now();
    // Everyone without media: the market is about choosing and signing up, not video.
    const jonas = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(jonas.page, server.url, 'Ideenbörse');
    const [ana, ben, petra, ola] = await Promise.all([
      newPerson(browser),
      newPerson(browser, { locale: 'de-DE' }),
      newPerson(browser, { locale: 'de-DE' }),
      newPerson(browser, { locale: 'pl-PL' }),
    ]);
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false }),
      joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false }),
      joinWorkshop(ben.page, inviteUrl, { name: 'Ben', town: 'Wołów', media: false }),
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen', media: false }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media: false }),
    ]);
    const mod = jonas.page;
    const people = [ana.page, ben.page, petra.page, ola.page];
    const everyone = [mod, ...people];

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
    await Promise.all(people.map((p) => stall(p, 'Chor').waitFor()));
    expect(await stall(ana.page, 'Radtour').getByTestId('market-places').textContent()).toBe('Signed up: 0 of 2');
    // Only the moderator sets up, opens and exports.
    for (const page of people) expect(await page.getByTestId('market-controls').count()).toBe(0);

    await mod.locator('#market-minutes').fill('10');
    await mod.getByTestId('market-open').click();
    await Promise.all(everyone.map((p) => phaseIs(p, 'open')));

    // Each chooses a stall (its room) and signs up with what they offer, all at once.
    const joins = async (page: Page, title: string, offer: string) => {
      const s = stall(page, title);
      await s.getByTestId('market-go').click();
      await s.locator('.market__here').waitFor();
      await s.locator('input').first().fill(offer);
      await s.getByTestId('market-imin').click();
      await s.getByTestId('market-in').waitFor();
    };
    await Promise.all([
      joins(ana.page, 'Radtour', 'Ich leihe Fahrräder'),
      joins(petra.page, 'Radtour', 'Karte, "Route 2"'),
      joins(ben.page, 'Chor', 'Tenor'),
      joins(ola.page, 'Chor', 'Sopran'),
    ]);

    // Everyone sees who is in, at which stall, with what; the full stall takes nobody more.
    const signups = (page: Page, title: string) =>
      stall(page, title)
        .locator('[data-testid=market-signups] li')
        .allTextContents()
        .then((l) => l.sort());
    for (const page of everyone) {
      await expect
        .poll(() => signups(page, 'Radtour'))
        .toEqual(['Ana · Lyon · Ich leihe Fahrräder', 'Petra · Kamen · Karte, "Route 2"']);
      await expect.poll(() => signups(page, 'Chor')).toEqual(['Ben · Wołów · Tenor', 'Ola · Wołów · Sopran']);
    }
    expect(await stall(mod, 'Radtour').getByTestId('market-places').textContent()).toBe('Signed up: 2 of 2');
    for (const page of [ben.page, ola.page])
      expect(await stall(page, 'Radtour').getByTestId('market-signup').count()).toBe(0);
    await expectAccessible(ana.page, 'idea market, signed up at a stall');
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture (only then: the suite is near its time budget).
    if (process.env.UPDATE_SCREENSHOTS) {
      await ana.page.getByTestId('market').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      mkdirSync('docs/screenshots', { recursive: true });
      await ana.page.screenshot({ path: 'docs/screenshots/market-participant.png' });
    }

    // The CSV export: one row per sign-up (stall, name, town, offer), quoted as every export of Jumelage.
    const [file] = await Promise.all([mod.waitForEvent('download'), mod.getByTestId('market-csv').click()]);
    expect(file.suggestedFilename()).toBe('idea-market.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    for (const row of [
      '"Radtour","Ana","Lyon","Ich leihe Fahrräder","",""',
      '"Radtour","Petra","Kamen","Karte, ""Route 2""","",""',
      '"Chor","Ben","Wołów","Tenor","",""',
      '"Chor","Ola","Wołów","Sopran","",""',
    ])
      expect(rows).toContain(row);
    // A header, four sign-ups and one notes row per stall.
    expect(rows).toHaveLength(1 + 4 + 2);
    console.info(`[E2E-MKT1] took ${Date.now() - started} ms`);
  }, 40_000);
});
