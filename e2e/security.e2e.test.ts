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
  openPanel,
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
    await openPanel(organiser.page, 'chat');
    await organiser.page.locator('#chat-input').fill('Hallo aus Chemnitz');
    await organiser.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => organiser.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Hallo aus Chemnitz')]);

    // The client ships no zod (nor anything else that evaluates strings): the policy blocks nothing.
    expect(await cspViolations(organiser.page)).toEqual([]);
    // The source map is not served in production.
    const script = await organiser.page.locator('script[type=module][src]').first().getAttribute('src');
    expect(script).toMatch(/^\/assets\/index-.+\.js$/);
    expect((await organiser.page.request.get(`${server.url}${script}`)).status()).toBe(200);
    expect((await organiser.page.request.get(`${server.url}${script}.map`)).status()).toBe(404);
    await organiser.context.close();
  });
});
