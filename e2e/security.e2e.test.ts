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

  it('[SURF4] the page, its styles, the QR code, joining and chat work; the policy blocks nothing', async () => {
    const organiser = await newPerson(browser);
    const response = await organiser.page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const { moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Sicher ist sicher');
    const qr = organiser.page.locator('figure.qr img');
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const styled = await organiser.page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    expect(styled).toBe(true);

    await joinWorkshop(organiser.page, moderatorUrl, { name: 'Mia', town: 'Chemnitz' });
    await organiser.page.locator('#chat-input').fill('Hallo aus Chemnitz');
    await organiser.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => organiser.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Hallo aus Chemnitz')]);

    // zod (still in the client bundle) probes `new Function('')` once and falls back when refused: the policy
    // reports that probe. Remove this exception once the client ships no zod (issue 9, point 4).
    const zodProbe = /^script-src eval /;
    expect((await cspViolations(organiser.page)).filter((v) => !zodProbe.test(v))).toEqual([]);
    // The source map is not served in production.
    expect((await organiser.page.request.get(`${server.url}/assets/index.js.map`)).status()).toBe(404);
    await organiser.context.close();
  });
});
