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

const proposal = (page: Page, title: string) => page.locator(`[data-testid=barcamp-proposal][data-title="${title}"]`);
const session = (page: Page, title: string) => page.locator(`[data-testid=barcamp-session][data-title="${title}"]`);
const phaseIs = (page: Page, phase: string) =>
  page.locator(`[data-testid=barcamp-phase][data-phase=${phase}]`).waitFor({ timeout: 5_000 });

describe.skipIf(!hasBrowser())('the barcamp in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-BCAMP1] two people propose sessions and vote; the moderator builds the grid and starts a slot; one, on a phone, switches session and writes notes', async () => {
    // Everyone without media: a barcamp's own part is proposing, voting and moving between sessions.
    const jonas = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(jonas.page, server.url, 'Barcamp');
    const [ana, ben] = await Promise.all([
      newPerson(browser, { viewport: { width: 390, height: 844 } }),
      newPerson(browser),
    ]);
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false }),
      joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false }),
      joinWorkshop(ben.page, inviteUrl, { name: 'Ben', town: 'Wołów', media: false }),
    ]);
    const mod = jonas.page;

    await openPanel(mod, 'agenda');
    await mod.getByTestId('barcamp-setup').locator('summary').click();
    await mod.locator('#barcamp-start-rooms').fill('2');
    await mod.getByTestId('barcamp-start').click();
    await Promise.all([ana.page, ben.page].map((p) => phaseIs(p, 'proposing')));

    const propose = async (page: Page, title: string) => {
      await page.locator('#barcamp-title-input').fill(title);
      await page.getByTestId('barcamp-submit').click();
      await proposal(page, title).waitFor();
    };
    await propose(ana.page, 'Radtour');
    await propose(ben.page, 'Chor');
    await proposal(ana.page, 'Chor').getByTestId('barcamp-vote').click();
    await expect.poll(() => proposal(mod, 'Chor').getByTestId('barcamp-votes').textContent()).toBe('1 interested');
    expect(await proposal(ana.page, 'Chor').getByTestId('barcamp-vote').getAttribute('aria-pressed')).toBe('true');

    await mod.getByTestId('barcamp-build').click();
    await phaseIs(mod, 'grid');
    await mod.getByTestId('barcamp-next').click();
    await phaseIs(ana.page, 'running');

    // Ana hosts Radtour and starts there; she leaves it for Chor (law of two feet) and writes its notes.
    await session(ana.page, 'Radtour').locator('.barcamp__here').waitFor();
    await session(ana.page, 'Chor').getByTestId('barcamp-go').click();
    await session(ana.page, 'Chor').locator('.barcamp__here').waitFor();
    await session(ana.page, 'Chor').locator('textarea').fill('Proben online, montags');
    await session(ana.page, 'Chor').getByTestId('barcamp-save-notes').click();
    await expect.poll(() => session(ben.page, 'Chor').locator('textarea').inputValue()).toBe('Proben online, montags');
    // The grid fits a phone: nothing wider than the screen.
    expect(await ana.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Its heading reads across the screen (a table caption in a stacked table once stood one letter a line).
    expect((await ana.page.locator('[data-testid=barcamp-grid] caption').boundingBox())!.height).toBeLessThan(60);
    await expectAccessible(ana.page, 'barcamp, in a session on a phone');
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture (only then: the suite is near its time budget).
    if (process.env.UPDATE_SCREENSHOTS) {
      await ana.page.getByTestId('barcamp').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      mkdirSync('docs/screenshots', { recursive: true });
      await ana.page.screenshot({ path: 'docs/screenshots/barcamp-phone.png' });
    }
  }, 40_000);
});
