/**
 * Drops and restarts in a real Chromium: what someone does while the connection is away is sent once
 * it is back, and a workshop lost with a memory-store restart says so.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  openPanel,
  startServer,
  type TestServer,
} from './harness.js';

describe.skipIf(!hasBrowser())('reconnects in the browser', () => {
  let browser: Browser;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('[E2E20] a chat message sent while the connection is down waits, then arrives once for everyone', async () => {
    const server = await startServer();
    servers.push(server);
    const organiser = await newPerson(browser);
    const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Funkloch');
    const ana = await newPerson(browser);
    const ben = await newPerson(browser);
    await joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false });
    await joinWorkshop(ben.page, inviteUrl, { name: 'Ben', town: 'Kamen', media: false });
    // Joined without media (the phone layout): the chat opens from its button.
    await openPanel(ana.page, 'chat');
    await openPanel(ben.page, 'chat');

    // The network goes away and the open socket with it (as when a train enters a tunnel).
    await ana.context.setOffline(true);
    await ana.page.evaluate(() => (globalThis as { __jumelageNet?: { drop(): void } }).__jumelageNet?.drop());
    await expect.poll(() => ana.page.getByTestId('reconnecting-banner').isVisible()).toBe(true);

    await ana.page.locator('#chat-input').fill('Bin gleich wieder da');
    await ana.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => ana.page.getByTestId('chat-waiting').allTextContents())
      .toEqual([expect.stringContaining('Bin gleich wieder da')]);
    expect(await ana.page.locator('#chat-input').inputValue()).toBe('');

    await ana.context.setOffline(false);
    const texts = (page: typeof ana.page) => page.getByTestId('chat-message').allTextContents();
    const once = (list: string[]) => list.filter((t) => t.includes('Bin gleich wieder da')).length;
    await expect.poll(async () => once(await texts(ben.page)), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => once(await texts(ana.page))).toBe(1);
    expect(await ana.page.getByTestId('chat-waiting').count()).toBe(0);
    await expect.poll(() => ana.page.getByTestId('reconnecting-banner').count()).toBe(0);
    // Still once after everything settled (no second delivery by a retry).
    await ben.page.locator('#chat-input').fill('Willkommen zurück');
    await ben.page.locator('#chat-input').press('Enter');
    await expect.poll(async () => (await texts(ana.page)).some((t) => t.includes('Willkommen zurück'))).toBe(true);
    expect(once(await texts(ben.page))).toBe(1);
    expect(once(await texts(ana.page))).toBe(1);
    await Promise.all([organiser, ana, ben].map((p) => p.context.close()));
  });

  it('[E2E21] after a restart of a server that kept the workshop in memory, people are told and offered the start page', async () => {
    const first = await startServer();
    servers.push(first);
    const organiser = await newPerson(browser);
    const { inviteUrl } = await createWorkshop(organiser.page, first.url, 'Nur im Speicher');
    const ana = await newPerson(browser, { locale: 'de-DE' });
    await joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false });

    const port = Number(new URL(first.url).port);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await startServer({ port }); // same address, empty memory
    servers.push(second);

    const gone = ana.page.getByTestId('closed');
    await gone.waitFor({ timeout: 20_000 });
    expect(await gone.getAttribute('data-reason')).toBe('gone');
    expect(await gone.textContent()).toContain('Arbeitsspeicher');
    const toStart = ana.page.getByTestId('to-start');
    expect(await toStart.textContent()).toBe('Zur Startseite');
    await toStart.click();
    await ana.page.waitForURL(`${second.url}/`);
    await ana.page.locator('form.create-form').waitFor();
    await Promise.all([organiser, ana].map((p) => p.context.close()));
  });
});
