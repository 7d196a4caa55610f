import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  cspViolations,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  startServer,
  type TestServer,
} from './harness.js';

describe.skipIf(!hasBrowser())('the built client under the security headers', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ production: true });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('[SURF4] the page, its styles, the QR code, the camera and chat work; the policy blocks nothing', async () => {
    const organiser = await newPerson(browser);
    const response = await organiser.page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Sicher ist sicher');
    const qr = organiser.page.locator('figure.qr img');
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const styled = await organiser.page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    expect(styled).toBe(true);

    await joinWorkshop(organiser.page, moderatorUrl, { name: 'Mia', town: 'Chemnitz' });
    const petra = await newPerson(browser, { locale: 'de-DE' });
    await joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen' });
    // The own camera plays (a MediaStream in a <video>).
    await expect
      .poll(
        () => organiser.page.evaluate(() => [...document.querySelectorAll('video')].some((v) => v.videoWidth > 0)),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await petra.page.locator('#chat-input').fill('Hallo aus Kamen');
    await petra.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => organiser.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Hallo aus Kamen')]);

    expect(await cspViolations(organiser.page)).toEqual([]);
    expect(await cspViolations(petra.page)).toEqual([]);
    // The source map is not served in production.
    expect((await organiser.page.request.get(`${server.url}/assets/index.js.map`)).status()).toBe(404);
    await organiser.context.close();
    await petra.context.close();
  });
});
