/** [CHAT4][CHAT5] Private messages in the browser, people in different UI languages. */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  startServer,
  type TestServer,
} from './harness.js';

describe.skipIf(!hasBrowser())('private messages in the browser', () => {
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

  it('[E2E-CHAT4] Anna writes privately to Heinz: he sees the unread badge and the message, a third person nothing; Heinz leaves, her field closes with a line', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Städtepartnerschaft');
    const anna = await newPerson(browser, { locale: 'de-DE' });
    const heinz = await newPerson(browser, { locale: 'fr-FR' });
    const carl = await newPerson(browser, { locale: 'en-GB' });
    await joinWorkshop(anna.page, inviteUrl, { name: 'Anna', town: 'Kamen', media: false });
    await joinWorkshop(heinz.page, inviteUrl, { name: 'Heinz', town: 'Montreuil', media: false });
    await joinWorkshop(carl.page, inviteUrl, { name: 'Carl', town: 'Uden', media: false });

    // Joined without media, everyone has the phone layout: chat and participants open from buttons.
    // Anna starts from the participant list (German): the chat opens the conversation with Heinz, focused.
    await anna.page.getByTestId('tab-people').click();
    await anna.page.getByRole('button', { name: 'Nachricht privat an Heinz' }).click();
    const field = anna.page.locator('#chat-input');
    await expect.poll(() => anna.page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    expect(await field.getAttribute('placeholder')).toBe('Privat an Heinz schreiben…');
    expect(await anna.page.getByTestId('chat-private-hint').textContent()).toBe(
      'Nur Heinz und Sie sehen diese Unterhaltung.',
    );
    await field.fill('Heinz, treffen wir uns nach der Sitzung?');
    await field.press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('treffen wir uns nach der Sitzung')]);

    // Heinz (French): a badge on the chat button, then on the conversation and the chat title, then the message.
    await expect.poll(() => heinz.page.getByTestId('tab-chat').textContent()).toContain('1 message non lu');
    await heinz.page.getByTestId('tab-chat').click();
    const fromAnna = heinz.page.getByTestId('chat-conversation').filter({ hasText: 'Anna' });
    const badge = fromAnna.getByTestId('chat-unread');
    await expect.poll(() => badge.locator('[aria-hidden=true]').textContent()).toBe('1');
    expect(await badge.locator('.visually-hidden').textContent()).toBe('1 message non lu');
    const total = heinz.page.getByTestId('chat-unread-total');
    expect(await total.locator('.visually-hidden').textContent()).toBe('1 message privé non lu');
    expect(await heinz.page.getByTestId('chat-message').allTextContents()).toEqual([]);
    await fromAnna.click();
    await expect
      .poll(() => heinz.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('treffen wir uns nach der Sitzung')]);
    expect(await fromAnna.getAttribute('aria-pressed')).toBe('true');
    expect(await heinz.page.getByTestId('chat-unread').count()).toBe(0);
    expect(await heinz.page.getByTestId('chat-unread-total').count()).toBe(0);
    await heinz.page.locator('#chat-input').fill('Avec plaisir !');
    await heinz.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => anna.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('treffen'), expect.stringContaining('Avec plaisir !')]);

    // [CHAT2] Anna corrects her private message; Heinz sees the new text, marked as edited (in French).
    await anna.page.getByRole('button', { name: 'Ihre Nachricht bearbeiten' }).first().click();
    const edit = anna.page.locator('.chat__edit input');
    await edit.fill('Heinz, treffen wir uns nach der Sitzung am Rathaus?');
    await edit.press('Enter');
    await expect
      .poll(() => heinz.page.getByTestId('chat-message').first().textContent())
      .toContain('am Rathaus? (modifié)');

    // Carl: after a later room message from Anna has reached him, still nothing private anywhere.
    await carl.page.getByTestId('tab-chat').click();
    await anna.page.getByTestId('chat-everyone').click();
    await field.fill('Hallo zusammen');
    await field.press('Enter');
    await expect
      .poll(() => carl.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Hallo zusammen')]);
    expect(await carl.page.getByTestId('chat-conversation').allTextContents()).toEqual(['Moderators']);
    expect(await carl.page.getByTestId('chat-unread-total').count()).toBe(0);
    expect(await carl.page.locator('body').textContent()).not.toContain('Sitzung');

    // Heinz leaves: Anna still reads the conversation, her field is closed and says why.
    await anna.page.getByTestId('chat-conversation').filter({ hasText: 'Heinz' }).click();
    await heinz.page.getByTestId('leave').click();
    await expect
      .poll(() => anna.page.getByTestId('chat-closed').textContent())
      .toBe('Heinz hat den Workshop verlassen. Sie können die Unterhaltung weiter lesen.');
    expect(await field.isDisabled()).toBe(true);
    expect(await anna.page.getByRole('button', { name: 'Senden' }).isDisabled()).toBe(true);
    expect(await anna.page.getByTestId('chat-message').count()).toBe(2);
    // The room's chat stays open to her.
    await anna.page.getByTestId('chat-everyone').click();
    expect(await field.isDisabled()).toBe(false);
  });
});
