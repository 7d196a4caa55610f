/**
 * Who gets in, in the browser: the waiting room, the passcode and the occupancy limit, with the
 * moderator and the newcomers in separate browsers and in four UI languages.
 *
 * E2E-LOBBY1 the moderator turns on the waiting room and a passcode; the invite link carries the passcode
 *            (Ola never types it), she waits and is let in; Marie types a wrong passcode, then the
 *            right one, is sent away with a message, asks again and gets in when the waiting room is
 *            turned off
 *            (a co-moderator on a phone sees the moderation panel without sideways scrolling)
 * E2E-LOBBY2 at the limit, Heinz reads that the workshop is full and gets in by himself once someone leaves
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  screenshotPath,
  startServer,
  type TestServer,
  openPanel,
  showBoard,
} from './harness.js';

/** Fills the join form (without media) and sends it, without waiting to be inside. */
async function ask(page: Page, url: string, who: { name: string; town: string; passcode?: string }) {
  await page.goto(url);
  await page.getByTestId('join-without-media').check();
  if (who.passcode !== undefined) await page.locator('#join-passcode').fill(who.passcode);
  await page.locator('#join-name').fill(who.name);
  await page.locator('#join-town').fill(who.town);
  await page.locator('form.join-form button[type=submit]').click();
}

const doorStatus = (page: Page) =>
  page
    .getByTestId('door')
    .getAttribute('data-status', { timeout: 1_000 })
    .catch(() => null);

describe.skipIf(!hasBrowser())('who gets in, in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server?.close();
  });

  it('[E2E-LOBBY1] waiting room and passcode: let in, sent away with a message, asked again', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Partnerschaftsrat');
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false });

    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('lobby-toggle').check();
    await jonas.page.getByTestId('access-passcode').fill('Kamen 2030');
    await jonas.page.getByTestId('access-save').click();
    await expect.poll(() => jonas.page.getByTestId('access').textContent()).toContain('Saved.');
    // The invite link people pass on carries the passcode.
    await openPanel(jonas.page, 'people');
    await jonas.page.locator('details.invite summary').click();
    const invite = await jonas.page.locator('#ws-invite').inputValue();
    expect(invite).toBe(`${inviteUrl}#pass=${encodeURIComponent('Kamen 2030')}`);

    // Ola opens that link: no passcode to type; she waits, in Polish, until Jonas lets her in.
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await ask(ola.page, invite, { name: 'Ola', town: 'Wołów' });
    expect(await ola.page.locator('#join-passcode').count()).toBe(0);
    await expect.poll(() => doorStatus(ola.page)).toBe('waiting');
    expect(await ola.page.getByTestId('door').textContent()).toContain('Czekasz na wpuszczenie');
    await expectAccessible(ola.page, 'waiting room');
    await ola.page.screenshot({ path: screenshotPath('lobby-waiting.png') }).catch(() => undefined);
    await jonas.page.getByTestId('knock').filter({ hasText: 'Ola' }).waitFor();
    await expectAccessible(jonas.page, 'lobby: moderator with a knock');
    await jonas.page.screenshot({ path: screenshotPath('lobby-moderator.png'), fullPage: false });
    await jonas.page.getByRole('button', { name: 'Let in Ola', exact: true }).click();
    await ola.page.getByTestId('workshop').waitFor();
    await expect.poll(() => jonas.page.getByTestId('lobby').count()).toBe(0);

    // Marie has the plain link: she is asked for the passcode, in French.
    const marie = await newPerson(browser, { locale: 'fr-FR' });
    await ask(marie.page, inviteUrl, { name: 'Marie', town: 'Lyon', passcode: 'kamen 2031' });
    await expect.poll(() => marie.page.getByTestId('join-error').textContent()).toContain('code d’accès');
    await marie.page.locator('#join-passcode').fill('Kamen 2030');
    await marie.page.locator('form.join-form button[type=submit]').click();
    await expect.poll(() => doorStatus(marie.page)).toBe('waiting');

    // Sent away with a message she reads; she asks again.
    await jonas.page.getByRole('button', { name: 'Do not let in Marie' }).click();
    await jonas.page.getByLabel('Message to Marie (optional)').fill('Un instant, s’il vous plaît');
    await jonas.page.getByRole('button', { name: 'Send away' }).click();
    await expect.poll(() => doorStatus(marie.page)).toBe('denied');
    expect(await marie.page.getByTestId('denied-reason').textContent()).toContain('Un instant, s’il vous plaît');
    await expectAccessible(marie.page, 'lobby: sent away');
    await marie.page.getByRole('button', { name: 'Demander à nouveau' }).click();
    await expect.poll(() => doorStatus(marie.page)).toBe('waiting');
    await jonas.page.getByTestId('knock').filter({ hasText: 'Marie' }).waitFor();

    // Turning the waiting room off lets everyone waiting in.
    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('lobby-toggle').uncheck();
    await marie.page.getByTestId('workshop').waitFor();
    await expect
      .poll(() => jonas.page.locator('[data-testid=participant]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Marie'), expect.stringContaining('Ola')]));

    // A co-moderator on a phone, in German: the moderation panel (its long chat setting included) fits.
    const ute = await newPerson(browser, { locale: 'de-DE', viewport: { width: 390, height: 844 } });
    await joinWorkshop(ute.page, moderatorUrl, { name: 'Ute', town: 'Kamen', media: false });
    await openPanel(ute.page, 'host');
    await ute.page.getByTestId('access').waitFor();
    expect(await ute.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // And one in Italian, whose board settings are the longest words ("Nascoste finché non vengono mostrate").
    const giulia = await newPerson(browser, { locale: 'it-IT', viewport: { width: 390, height: 844 } });
    await joinWorkshop(giulia.page, moderatorUrl, { name: 'Giulia', town: 'Monteroni', media: false });
    await showBoard(giulia.page);
    await giulia.page.getByTestId('board-cards-hidden').waitFor();
    expect(await giulia.page.getByTestId('access').textContent()).toContain('Chi può entrare');
    expect(await giulia.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('[E2E-LOBBY2] a full workshop: Heinz waits for a place and gets in by himself when someone leaves', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Stammtisch');
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false });
    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('access-limit').fill('2');
    await jonas.page.getByTestId('access-save').click();
    await expect.poll(() => jonas.page.getByTestId('access').textContent()).toContain('Saved.');
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media: false });

    const heinz = await newPerson(browser, { locale: 'de-DE', viewport: { width: 390, height: 844 } });
    await ask(heinz.page, inviteUrl, { name: 'Heinz', town: 'Kamen' });
    await expect.poll(() => doorStatus(heinz.page)).toBe('full');
    expect(await heinz.page.getByTestId('door').textContent()).toContain('Der Workshop ist voll');
    await heinz.page.screenshot({ path: screenshotPath('lobby-full-390.png') });
    expect(await heinz.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await ola.page.getByTestId('leave').click();
    await heinz.page.getByTestId('workshop').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => jonas.page.locator('[data-testid=participant]').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Heinz')]));
  });
});
