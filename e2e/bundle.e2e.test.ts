import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exclusiveFiles, filesOf, LAZY, readManifest } from '../scripts/bundle-report.mjs';
import {
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  startServer,
  type TestServer,
  openPanel,
  showBoard,
} from './harness.js';

const PHONE = { width: 390, height: 844 };

/** Every file of the built client this page asked the server for, as `assets/<name>`. */
function recordAssets(page: Page): Set<string> {
  const asked = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/')) asked.add(path.slice(1));
  });
  return asked;
}

describe.skipIf(!hasBrowser())('what each visitor downloads', () => {
  let browser: Browser;
  let server: TestServer;
  const manifest = readManifest();
  const mediaFiles = exclusiveFiles(manifest, 'media');
  const moderatorFiles = exclusiveFiles(manifest, 'moderator');
  const [english, german, french, polish, dutch, italian] = LAZY.locales.map(
    (key) => [...filesOf(manifest, [key])][0]!,
  );

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a phone that joins without media loads no media or moderator code and takes part in a poll', async () => {
    expect(mediaFiles.some((f) => f.includes('MediaArea'))).toBe(true);
    expect(moderatorFiles.some((f) => f.includes('BreakoutPanel'))).toBe(true);

    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Bundle check');
    await organiser.context.close();

    // The moderator (with media) does load both: the lists this test checks against are the real chunks.
    const jonas = await newPerson(browser);
    const jonasAsked = recordAssets(jonas.page);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('moderation').waitFor();
    await openPanel(jonas.page, 'rooms');
    await jonas.page.getByTestId('breakout-panel').waitFor();
    await jonas.page.getByTestId('media').waitFor();
    await showBoard(jonas.page);
    await jonas.page.getByTestId('board-controls').waitFor();
    await openPanel(jonas.page, 'polls');
    await jonas.page.getByTestId('poll-new').click();
    await jonas.page.locator('#poll-question').fill('Kaffee oder Tee?');
    await jonas.page.locator('#poll-kind').selectOption('yesno');
    await jonas.page.getByTestId('poll-save').click();
    const draft = jonas.page.locator('[data-testid=poll][data-status=draft]', { hasText: 'Kaffee oder Tee?' });
    await draft.getByTestId('poll-launch').click();
    for (const file of [...mediaFiles, ...moderatorFiles]) expect(jonasAsked, file).toContain(file);

    // Petra scans the QR code on the projector with her phone: joins without media, in German.
    const petra = await newPerson(browser, { locale: 'de-DE', viewport: PHONE });
    const asked = recordAssets(petra.page);
    await petra.page.goto(`${inviteUrl}?via=qr`);
    await expect.poll(() => petra.page.getByTestId('join-without-media').isChecked()).toBe(true);
    await petra.page.locator('#join-name').fill('Petra');
    await petra.page.locator('#join-town').fill('Kamen');
    await petra.page.locator('form.join-form button[type=submit]').click();
    await petra.page.getByTestId('workshop').waitFor();

    // The page works: she sees who is here and votes in the running poll, in German.
    // (On a phone the list of people starts folded away: it is there, not shown.)
    await petra.page.locator('[data-testid=participant][data-name=Jonas]').waitFor({ state: 'attached' });
    await expect.poll(() => petra.page.locator('#polls-title').textContent()).toContain('Umfragen');
    const poll = petra.page.locator('[data-testid=poll][data-status=open]', { hasText: 'Kaffee oder Tee?' });
    await poll.locator('[data-testid=poll-option][data-option=yes]').click();
    await poll.getByTestId('poll-voted').waitFor();
    // Everything lazy she does need arrives with the board's tab (the board and its gallery).
    await showBoard(petra.page);
    await petra.page.locator('svg.board-canvas').waitFor();
    await petra.page.getByTestId('gallery-open').waitFor();

    // Her language only: not English besides (every language is a chunk of its own).
    expect(asked).toContain(german);
    expect(asked).not.toContain(english);
    expect(asked).not.toContain(french);
    expect(asked).not.toContain(polish);
    expect(asked).not.toContain(dutch);
    expect(asked).not.toContain(italian);
    expect(
      mediaFiles.filter((f) => asked.has(f)),
      'media chunks',
    ).toEqual([]);
    expect(
      moderatorFiles.filter((f) => asked.has(f)),
      'moderator chunks',
    ).toEqual([]);
    await expect.poll(() => petra.page.getByTestId('media').count()).toBe(0);
    expect(await petra.page.getByTestId('moderation').count()).toBe(0);

    await Promise.all([jonas.context.close(), petra.context.close()]);
  }, 60_000);
});
