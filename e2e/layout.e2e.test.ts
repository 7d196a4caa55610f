import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeEveryone,
  createWorkshop,
  expectAccessible,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  saveFailureArtifacts,
  screenshotPath,
  startServer,
  type TestServer,
} from './harness.js';

/** How far the page itself scrolls, down and sideways (the stage and panels scroll inside). */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    down: document.documentElement.scrollHeight - innerHeight,
    sideways: document.documentElement.scrollWidth - innerWidth,
  }));

/** Presses Tab until `target` has the focus, as someone without a mouse does; fails when it is never reached. */
async function tabTo(page: Page, target: Locator, most = 160) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable by keyboard: ${target}`);
}

describe.skipIf(!hasBrowser())('[LAYOUT] the workshop screen in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureArtifacts(ctx.task.name);
    await closeEveryone();
  });

  it("[E2E-LAYOUT1] desktop: stage and panels without page scroll; the board on everyone's stage; tools two clicks away", async () => {
    const marie = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    const mod = marie.page;
    const { moderatorUrl, inviteUrl } = await createWorkshop(mod, server.url, 'Lippstadt – Uden');
    await joinWorkshop(mod, moderatorUrl, { name: 'Marie', town: 'Lippstadt' });
    const heinz = (await newPerson(browser, { locale: 'de-DE', viewport: { width: 1280, height: 800 } })).page;
    await joinWorkshop(heinz, inviteUrl, { name: 'Heinz Becker', town: 'Lippstadt' });
    await expect.poll(() => mod.locator('[data-testid=participant]').count()).toBe(2);

    for (const page of [mod, heinz]) {
      expect(await page.getByTestId('workshop').getAttribute('data-layout')).toBe('desktop');
      expect(await overflow(page)).toEqual({ down: 0, sideways: 0 });
    }

    // [LAYOUT7] A tile is read as one sentence: name, town, microphone, camera.
    await expect
      .poll(() => mod.locator('[data-testid=tile][data-who="Heinz Becker"] [data-testid=tile-summary]').textContent())
      .toMatch(/^Heinz Becker, Lippstadt, Microphone (on|off)/);

    // Heinz raises his hand: Marie hears it where she is, with the way to it.
    await heinz.getByTestId('hand-toggle').click();
    const toast = mod.locator('[data-testid=toast][data-key^="hand:"]');
    await expect.poll(() => toast.textContent()).toContain('Heinz Becker');
    await mod.getByTestId('tab-chat').click();
    await toast.getByTestId('toast-action').click();
    expect(await mod.getByTestId('tab-people').getAttribute('aria-selected')).toBe('true');
    expect(await mod.getByTestId('badge-people').textContent()).toContain('1');

    // Two clicks from the stage: dot voting, opening rooms, a new poll.
    await mod.getByTestId('stage-board').click();
    await mod.getByTestId('board-start-dots').waitFor({ state: 'visible' });
    await mod.getByTestId('tab-rooms').click();
    await mod.getByTestId('br-make-rooms').waitFor({ state: 'visible' });
    await mod.getByTestId('tab-polls').click();
    await mod.getByTestId('poll-new').waitFor({ state: 'visible' });

    // Marie looks at the board alone until she shows it to everyone.
    expect(await heinz.getByTestId('stage').getAttribute('data-view')).toBe('video');
    await mod.getByTestId('stage-share').click();
    await mod.getByTestId('stage-everyone').waitFor();
    await expect.poll(() => heinz.getByTestId('stage').getAttribute('data-view')).toBe('board');
    await heinz.locator('[data-testid=toast][data-key=stage]').waitFor();
    await heinz.getByTestId('board-canvas').waitFor({ state: 'visible' });
    // Heinz may look at the video for himself, and come back.
    await heinz.getByTestId('stage-video').click();
    await heinz.getByTestId('stage-follow').click();
    expect(await heinz.getByTestId('stage').getAttribute('data-view')).toBe('board');

    for (const page of [mod, heinz]) expect(await overflow(page)).toEqual({ down: 0, sideways: 0 });
    await mod.screenshot({ path: screenshotPath('layout-desktop-moderator.png') });
    await heinz.screenshot({ path: screenshotPath('layout-desktop-participant.png') });
    // UPDATE_SCREENSHOTS=1 refreshes the README's pictures of the screen.
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      copyFileSync(screenshotPath('layout-desktop-moderator.png'), 'docs/screenshots/workshop.png');
      copyFileSync(screenshotPath('layout-desktop-participant.png'), 'docs/screenshots/participant.png');
    }
    await expectAccessible(mod, 'desktop moderator, board on the stage');
    await expectAccessible(heinz, 'desktop participant, board on the stage');

    // A larger screen, and 200 % zoom on the laptop (640 × 400 CSS pixels): nothing sideways, nothing hidden.
    await mod.setViewportSize({ width: 1920, height: 1080 });
    expect(await overflow(mod)).toEqual({ down: 0, sideways: 0 });
    await heinz.setViewportSize({ width: 640, height: 400 });
    await expect.poll(() => heinz.getByTestId('workshop').getAttribute('data-layout')).toBe('phone');
    expect((await overflow(heinz)).sideways).toBe(0);
    await heinz.getByTestId('tabbar').waitFor({ state: 'visible' });
    await heinz.getByTestId('hand-toggle').waitFor({ state: 'visible' });
  });

  it('[E2E-LAYOUT2] phone: one view at a time; a new poll says so wherever one is; no drawing toolbar unless asked', async () => {
    const marie = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    const mod = marie.page;
    const { moderatorUrl, inviteUrl } = await createWorkshop(mod, server.url, 'Kamen – Wołów');
    await joinWorkshop(mod, moderatorUrl, { name: 'Marie', town: 'Kamen', media: false });
    const ola = (await newPerson(browser, { locale: 'pl-PL', viewport: { width: 390, height: 844 } })).page;
    await joinWorkshop(ola, inviteUrl, { name: 'Ola', town: 'Wołów', media: false });
    expect(await ola.getByTestId('workshop').getAttribute('data-layout')).toBe('phone');
    expect((await overflow(ola)).sideways).toBe(0);

    // Ola reads the chat when the poll starts: a notification takes her to it.
    await ola.getByTestId('phone-chat').click();
    await mod.getByTestId('tab-polls').click();
    await mod.getByTestId('poll-new').click();
    await mod.locator('#poll-question').fill('Wann treffen wir uns?');
    await mod.locator('#poll-kind').selectOption('yesno');
    await mod.getByTestId('poll-save').click();
    await mod.getByTestId('poll-launch').click();
    const toast = ola.locator('[data-testid=toast][data-key^="poll:"]');
    await expect.poll(() => toast.textContent()).toContain('Wann treffen wir uns?');
    await toast.getByTestId('toast-action').click();
    expect(await ola.getByTestId('tab-now').getAttribute('aria-selected')).toBe('true');
    await ola.locator('[data-testid=poll-option][data-option=yes]').click();
    await ola.getByTestId('poll-voted').waitFor();
    await ola.screenshot({ path: screenshotPath('layout-phone.png') });
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(screenshotPath('layout-phone.png'), 'docs/screenshots/phone.png');

    // The board: cards and the view; the drawing tools only after "Draw".
    await ola.getByTestId('tab-board').click();
    await ola.getByTestId('write-card').waitFor({ state: 'visible' });
    expect(await ola.getByTestId('board-toolbar').count()).toBe(0);
    await ola.getByTestId('board-draw-toggle').click();
    await ola.getByTestId('board-toolbar').waitFor({ state: 'visible' });
    expect((await overflow(ola)).sideways).toBe(0);
    await ola.screenshot({ path: screenshotPath('layout-phone-board.png') });
    await expectAccessible(ola, 'phone, board tab');

    // The moderators put the board on the stage, then video again: the phone follows to "Now".
    await ola.getByTestId('phone-people').click();
    await ola.setViewportSize({ width: 360, height: 740 });
    expect((await overflow(ola)).sideways).toBe(0);
    await mod.getByTestId('stage-board').click();
    await mod.getByTestId('stage-share').click();
    await expect.poll(() => ola.getByTestId('tab-board').getAttribute('aria-selected')).toBe('false');
    await mod.getByTestId('stage-video').click();
    await mod.getByTestId('stage-share').click();
    await ola.getByTestId('tab-now').click();
    expect(await ola.getByTestId('tab-now').getAttribute('aria-selected')).toBe('true');
  });

  it('[E2E-KEYS1] by keyboard alone: a participant joins, raises a hand, chats, votes, writes a card and places a dot; the moderator starts a poll, shows the board, runs cards and dots and opens rooms', async () => {
    const marie = await newPerson(browser, { viewport: { width: 1280, height: 800 } });
    const mod = marie.page;
    const { moderatorUrl, inviteUrl } = await createWorkshop(mod, server.url, 'Tastatur');
    await joinWorkshop(mod, moderatorUrl, { name: 'Marie', town: 'Kamen', media: false });

    const { page } = await newPerson(browser, { locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    await page.goto(inviteUrl);
    // The media choice is a radio group: Tab reaches the chosen one, an arrow key picks the other.
    await tabTo(page, page.locator('input[name=media][value=with]'));
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('join-without-media').isChecked()).toBe(true);
    await tabTo(page, page.locator('#join-name'));
    await page.keyboard.type('Claire');
    await tabTo(page, page.locator('#join-town'));
    await page.keyboard.type('Uden');
    await page.keyboard.press('Enter');
    await page.getByTestId('workshop').waitFor();

    await tabTo(page, page.getByTestId('hand-toggle'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('hand-toggle').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => mod.getByTestId('hand-entry').count()).toBe(1);

    // The side panels' tabs: arrow keys between them, the chat field, Enter sends.
    await tabTo(page, page.locator('[role=tab][aria-selected=true]'));
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('tab-chat').getAttribute('aria-selected')).toBe('true');
    await tabTo(page, page.locator('#chat-input'));
    await page.keyboard.type('Bonjour à tous');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => mod.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Bonjour à tous')]);

    // The moderator by keyboard: the Polls tab, a new poll, launched.
    await tabTo(mod, mod.getByTestId('tab-people'));
    await mod.keyboard.press('ArrowRight');
    await mod.keyboard.press('ArrowRight');
    expect(await mod.getByTestId('tab-polls').getAttribute('aria-selected')).toBe('true');
    await tabTo(mod, mod.getByTestId('poll-new'));
    await mod.keyboard.press('Enter');
    await tabTo(mod, mod.locator('#poll-question'));
    await mod.keyboard.type('On continue ?');
    await tabTo(mod, mod.locator('#poll-kind'));
    await mod.locator('#poll-kind').press('y');
    await tabTo(mod, mod.getByTestId('poll-save'));
    await mod.keyboard.press('Enter');
    await tabTo(mod, mod.getByTestId('poll-launch'));
    await mod.keyboard.press('Enter');

    // Claire hears of it, goes there by keyboard and votes.
    const action = page.locator('[data-testid=toast][data-key^="poll:"]').getByTestId('toast-action');
    await tabTo(page, action);
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('[data-testid=poll-option]').first());
    // The focus is visible: the focused option has an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('poll-voted').waitFor();
    // After voting the focus is still on the page's content, not lost to the document.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // The moderator shows the board to everyone and starts a card collection; Claire writes a card.
    await tabTo(mod, mod.getByTestId('stage-board'));
    await mod.keyboard.press('Enter');
    await tabTo(mod, mod.getByTestId('stage-share'));
    await mod.keyboard.press('Enter');
    await tabTo(mod, mod.getByTestId('board-start-cards'));
    await mod.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('stage').getAttribute('data-view')).toBe('board');
    await tabTo(page, page.locator('#card-text'));
    await page.keyboard.type('Un jumelage des écoles');
    await tabTo(page, page.getByTestId('add-card'));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => mod.getByTestId('card-entry').allTextContents())
      .toEqual([expect.stringContaining('Un jumelage des écoles')]);
    // Dot voting: Claire places a dot on the card.
    await tabTo(mod, mod.getByTestId('board-start-dots'));
    await mod.keyboard.press('Enter');
    await tabTo(page, page.getByTestId('dot-add').first());
    const before = await page.getByTestId('dots-left').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dots-left').textContent()).not.toBe(before);
    // The moderator opens rooms: the Rooms tab, two rooms, open; Claire is in hers.
    await tabTo(mod, mod.locator('[role=tab][aria-selected=true]'));
    await mod.keyboard.press('ArrowRight');
    expect(await mod.getByTestId('tab-rooms').getAttribute('aria-selected')).toBe('true');
    await tabTo(mod, mod.getByTestId('br-make-rooms'));
    await mod.keyboard.press('Enter');
    await tabTo(mod, mod.getByTestId('br-open'));
    await mod.keyboard.press('Enter');
    await page.getByTestId('room-banner').waitFor();
  });
});
