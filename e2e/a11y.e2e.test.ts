import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  launchBrowser,
  newPerson,
  startServer,
  type TestServer,
} from './harness.js';

/**
 * The screens no other browser test reaches on the way, checked with axe-core (WCAG 2.1 A/AA, no serious or
 * critical violation). The other screens are checked where their tests reach them (see NOTES-a11y.md).
 */
describe.skipIf(!hasBrowser())('accessibility of the screens before the workshop', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-A11Y1] the large QR code, the join form with the camera check, and home and join on a phone', async () => {
    const organiser = await newPerson(browser, { locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Jumelage accessible');
    await organiser.page.getByRole('button', { name: 'Afficher le QR code en grand' }).click();
    await organiser.page.getByRole('dialog').waitFor();
    await expectAccessible(organiser.page, 'created: large QR code');

    // The desktop join form with the camera and microphone check (joinWorkshop goes past it at once).
    const { page } = await newPerson(browser, { locale: 'pl-PL', viewport: { width: 1280, height: 800 } });
    await page.goto(inviteUrl);
    await page.getByTestId('join-camera-on').waitFor();
    await expect.poll(() => page.locator('.join-media__preview video').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'join form with the camera check');

    const phone = await newPerson(browser, { locale: 'de-DE', viewport: { width: 390, height: 844 } });
    await phone.page.goto(server.url);
    await phone.page.locator('form.create-form').waitFor();
    await expectAccessible(phone.page, 'home on a phone');
    await phone.page.goto(`${inviteUrl}?via=qr`);
    await expect.poll(() => phone.page.getByTestId('join-without-media').isChecked()).toBe(true);
    await expectAccessible(phone.page, 'join form on a phone');

    // The check fails, and says where and why, when a screen breaks a rule: pale text, a button without a name.
    // (Styles set through the DOM: the Content-Security-Policy drops inline style attributes.)
    await phone.page.evaluate(() => {
      const pale = document.createElement('span');
      pale.textContent = 'Pale text';
      pale.style.color = '#bbb';
      const nameless = document.createElement('button');
      nameless.type = 'button';
      document.querySelector('main')!.append(pale, nameless);
    });
    const failure = await expectAccessible(phone.page, 'broken on purpose').catch((e: Error) => e.message);
    expect(failure).toMatch(/color-contrast \(serious, 1x\).*\n.*span/);
    expect(failure).toMatch(/button-name \(critical, 1x\)/);
  });
});
