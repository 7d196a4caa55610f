import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol.js';
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
} from './harness.js';

describe.skipIf(!hasBrowser())('workshop in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Each test gets its own server on a free port, against the built client.
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server?.close();
  });

  it('[E2E1] two people join through the invite link, see each other under their town, chat both ways (and edit and delete) and react', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl, code } = await createWorkshop(
      organiser.page,
      server.url,
      'Partnerschaftstreffen 2027',
      { countries: ['DE', 'PL'] },
    );
    expect(inviteUrl).toMatch(/\/j\/[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(moderatorUrl).toContain('#key=');
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await expectAccessible(organiser.page, 'created: invite links and QR');
    const qr = await organiser.page.request.get(`${server.url}/api/workshops/${code}/qr.svg`);
    expect(qr.headers()['content-type']).toContain('image/svg+xml');

    const petra = await newPerson(browser, { locale: 'de-DE' });
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen' });
    await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });
    // The workshop opens at its top, not where the join button was at the bottom of the form.
    await expect.poll(() => petra.page.evaluate(() => window.scrollY)).toBe(0);

    for (const { page } of [petra, ola]) {
      await expect
        .poll(() => page.locator('[data-town="Kamen"] [data-testid=participant]').allTextContents())
        .toEqual([expect.stringContaining('Petra')]);
      await expect
        .poll(() => page.locator('[data-town="Wołów"] [data-testid=participant]').allTextContents())
        .toEqual([expect.stringContaining('Ola')]);
    }
    // The town field offers towns already present, once two people came from a town ([WS2]: a town of
    // one person is not shown to someone who only has the code). One more from each town, by socket.
    const others = [];
    for (const [name, town] of [
      ['Jens', 'Kamen'],
      ['Ania', 'Wołów'],
    ] as const) {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { transports: ['websocket'] });
      others.push(socket);
      expect(await socket.emitWithAck('workshop:join', { v: PROTOCOL_VERSION, code, name, town })).toMatchObject({
        ok: true,
      });
    }
    // A phone that scanned the projector's QR code joins without media by default (no echo in the room).
    const heinz = await newPerson(browser, { locale: 'de-DE' });
    await heinz.page.goto(`${inviteUrl}?via=qr`);
    await expect.poll(() => heinz.page.getByTestId('join-without-media').isChecked()).toBe(true);
    await expect
      .poll(() =>
        heinz.page
          .locator('#town-suggestions option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).sort()),
      )
      .toEqual(['Kamen', 'Wołów']);
    await expectAccessible(heinz.page, 'join form (German, phone link)');

    await openPanel(petra.page, 'chat');
    await openPanel(ola.page, 'chat');
    await petra.page.locator('#chat-input').fill('Guten Abend aus Kamen!');
    await petra.page.locator('#chat-input').press('Enter');
    await expect
      .poll(() => ola.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Guten Abend aus Kamen!')]);
    await ola.page.locator('#chat-input').fill('Dzień dobry z Wołowa!');
    await ola.page.getByRole('button', { name: 'Wyślij' }).click();
    await expect
      .poll(() => petra.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Guten Abend aus Kamen!'), expect.stringContaining('Dzień dobry z Wołowa!')]);
    // [CHAT2][CHAT3] Petra corrects her message, Ola deletes hers; both see it, each in their language.
    await petra.page.getByRole('button', { name: 'Ihre Nachricht bearbeiten' }).click();
    await petra.page.getByLabel('Ihre Nachricht bearbeiten').fill('Guten Abend aus Kamen an der Seseke!');
    await petra.page.getByLabel('Ihre Nachricht bearbeiten').press('Enter');
    await expect
      .poll(() => ola.page.getByTestId('chat-message').first().textContent())
      .toMatch(/Guten Abend aus Kamen an der Seseke!.*edytowano/);
    ola.page.once('dialog', (d) => void d.accept());
    await ola.page.getByRole('button', { name: 'Usuń wiadomość: Ola' }).click();
    await expect.poll(() => petra.page.getByTestId('chat-deleted').textContent()).toBe('Nachricht gelöscht');
    expect(await petra.page.getByTestId('chat-list').textContent()).not.toContain('Dzień dobry z Wołowa!');
    await expectAccessible(petra.page, 'plenary as participant with chat');
    // [WS29] Petra applauds: it floats on her tile at Ola's and is counted by Ola's applause button.
    await petra.page.getByRole('button', { name: 'Reagieren: Applaus' }).click();
    await expect
      .poll(() => ola.page.locator('[data-testid=tile][data-who=Petra] [data-testid=tile-reaction]').textContent())
      .toBe('👏');
    await expect.poll(() => ola.page.locator('[data-emoji="👏"] [data-testid=reaction-count]').textContent()).toBe('1');
    // The flags of the two countries the organiser named join the reactions, named in each language.
    await ola.page.getByRole('button', { name: 'Zareaguj: flaga: Niemcy' }).click();
    await expect
      .poll(() => petra.page.locator('[data-emoji="🇩🇪"] [data-testid=reaction-count]').textContent())
      .toBe('1');
    expect(await petra.page.getByRole('button', { name: /Flagge: Polen/ }).count()).toBe(1);
    expect(await petra.page.locator('[data-emoji="🇫🇷"]').count()).toBe(0);
    // Each sees the interface in their browser's language without choosing it.
    expect(await petra.page.getByTestId('hand-toggle').textContent()).toContain('Hand heben');
    expect(await ola.page.getByTestId('hand-toggle').textContent()).toContain('Podnieś rękę');
    // So does a partner from Italy: the join form and the workshop in Italian, the page marked as Italian.
    const giulia = await newPerson(browser, { locale: 'it-IT' });
    await giulia.page.goto(inviteUrl);
    await expect.poll(() => giulia.page.locator('label[for=join-name]').textContent()).toBe('Il Suo nome');
    expect(await giulia.page.locator('form.join-form button[type=submit]').textContent()).toBe('Partecipa al workshop');
    await joinWorkshop(giulia.page, inviteUrl, { name: 'Giulia', town: 'Monteroni d’Arbia', media: false });
    await expect.poll(() => giulia.page.getByTestId('hand-toggle').textContent()).toContain('Alza la mano');
    expect(await giulia.page.evaluate(() => document.documentElement.lang)).toBe('it');
    for (const socket of others) socket.disconnect();
    await Promise.all([organiser, petra, ola, heinz, giulia].map((p) => p.context.close()));
  });

  it('[E2E2] a reload keeps the same participant and the raised hand; the moderator sees hands in order', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Hands test');
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
    expect(new URL(jonas.page.url()).hash).toBe(''); // the secret leaves the address bar
    const heinz = await newPerson(browser, { locale: 'de-DE' });
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await joinWorkshop(heinz.page, inviteUrl, { name: 'Heinz', town: 'Kamen' });
    await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });

    await ola.page.getByTestId('hand-toggle').click();
    await heinz.page.getByTestId('hand-toggle').click();
    await expect
      .poll(() => jonas.page.getByTestId('hand-entry').allTextContents())
      .toEqual([expect.stringContaining('Ola'), expect.stringContaining('Heinz')]);
    await expectAccessible(jonas.page, 'plenary as moderator with raised hands');

    const heinzId = await heinz.page.evaluate(
      () => Object.entries(localStorage).find(([k]) => k.startsWith('jumelage.session.'))?.[1],
    );
    await heinz.page.reload();
    await heinz.page.getByTestId('workshop').waitFor();
    expect(
      await heinz.page.evaluate(
        () => Object.entries(localStorage).find(([k]) => k.startsWith('jumelage.session.'))?.[1],
      ),
    ).toBe(heinzId);
    await expect.poll(() => heinz.page.getByTestId('hand-toggle').getAttribute('aria-pressed')).toBe('true');
    // Still one Heinz, still second in the queue: a resume, not a new join.
    await expect.poll(() => jonas.page.locator('[data-testid=participant][data-name=Heinz]').count()).toBe(1);
    await expect
      .poll(() => jonas.page.getByTestId('hand-entry').allTextContents())
      .toEqual([expect.stringContaining('Ola'), expect.stringContaining('Heinz')]);
    await expect
      .poll(() => jonas.page.locator('[data-testid=participant][data-name=Heinz]').getAttribute('data-presence'))
      .toBe('online');

    // The moderator lowers Ola's hand; Ola sees it.
    await jonas.page.getByRole('button', { name: "Lower Ola's hand" }).click();
    await expect.poll(() => ola.page.getByTestId('hand-toggle').getAttribute('aria-pressed')).toBe('false');
    await Promise.all([organiser, jonas, heinz, ola].map((p) => p.context.close()));
  });

  it('[E2E3] a participant who sends a moderator command through the socket gets forbidden and nothing changes', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Forbidden test');
    const mod = await newPerson(browser);
    await joinWorkshop(mod.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
    const eve = await newPerson(browser);
    await joinWorkshop(eve.page, inviteUrl, { name: 'Eve', town: 'Elsewhere' });
    const saved = JSON.parse(
      (await eve.page.evaluate(
        () => Object.entries(localStorage).find(([k]) => k.startsWith('jumelage.session.'))?.[1],
      ))!,
    );

    // Eve's own credentials, used outside the interface.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, { transports: ['websocket'] });
    try {
      const resumed = await socket.emitWithAck('workshop:resume', { v: PROTOCOL_VERSION, ...saved });
      expect(resumed.ok).toBe(true);
      const jonasId = (resumed.ok && resumed.data.participants.find((p) => p.name === 'Jonas')?.id)!;
      for (const [event, payload] of [
        ['workshop:lock', { locked: true }],
        ['workshop:end', {}],
        ['participant:remove', { participantId: jonasId }],
        ['participant:promote', { participantId: saved.participantId }],
      ] as const) {
        const r = await socket.emitWithAck(event as 'workshop:lock', payload as never);
        expect(r, event).toMatchObject({ ok: false, code: 'forbidden' });
      }
    } finally {
      socket.close();
    }
    await mod.page.waitForTimeout(300);
    expect(await mod.page.getByTestId('locked-badge').count()).toBe(0);
    expect(await mod.page.locator('[data-testid=participant][data-name=Jonas]').count()).toBe(1);
    expect(await mod.page.locator('[data-testid=participant][data-name=Eve] .badge--role').count()).toBe(0);
    // Eve's script took over her session, so her own tab says so instead of silently going stale.
    await expect.poll(() => eve.page.getByTestId('closed').getAttribute('data-reason')).toBe('replaced');
    await Promise.all([organiser, mod, eve].map((p) => p.context.close()));
  });

  it('[E2E4] the language switch changes the visible interface, and the choice stays after a reload', async () => {
    const { page, context } = await newPerson(browser, { locale: 'en-US' });
    await page.goto(server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Create a workshop');
    await expectAccessible(page, 'home: create form');
    await page.getByTestId('language-switch').selectOption('fr');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Créer un atelier');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByTestId('language-switch').selectOption('pl');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Utwórz warsztat');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Utwórz warsztat');
    await page.getByTestId('language-switch').selectOption('de');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Workshop anlegen');
    await context.close();
  });

  it('[E2E5] moderators lock, remove and end; people see why', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Moderation test');
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
    const heinz = await newPerson(browser, { locale: 'de-DE' });
    await joinWorkshop(heinz.page, inviteUrl, { name: 'Heinz', town: 'Kamen' });

    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('lock-toggle').click();
    await expect.poll(() => heinz.page.getByTestId('locked-badge').count()).toBe(1);
    const late = await newPerson(browser, { locale: 'fr-FR' });
    await late.page.goto(inviteUrl);
    await expect.poll(() => late.page.getByTestId('join-locked').textContent()).toContain('verrouillé');

    // The chat closed to participants: Heinz reads why and cannot type; opened again, he can.
    await openPanel(heinz.page, 'chat');
    await jonas.page.getByTestId('chat-lock').selectOption('all');
    await expect.poll(() => heinz.page.getByTestId('chat-closed').textContent()).toContain('geschlossen');
    expect(await heinz.page.locator('#chat-input').isDisabled()).toBe(true);
    await jonas.page.getByTestId('chat-lock').selectOption('open');
    await expect.poll(() => heinz.page.locator('#chat-input').isDisabled()).toBe(false);

    jonas.page.on('dialog', (d) => void d.accept());
    await openPanel(jonas.page, 'people');
    await jonas.page.locator('[data-name=Heinz] summary').click();
    await jonas.page.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => heinz.page.getByTestId('closed').getAttribute('data-reason')).toBe('removed');
    expect(await heinz.page.getByTestId('closed').textContent()).toContain('entfernt');

    // Removal sticks: the invite link again, with the form filled in as before, is refused and says why.
    await openPanel(jonas.page, 'host');
    await jonas.page.getByTestId('lock-toggle').click();
    await expect
      .poll(() => heinz.page.goto(inviteUrl).then(() => heinz.page.getByTestId('join-locked').count()))
      .toBe(0);
    expect(await heinz.page.locator('#join-name').inputValue()).toBe('Heinz');
    await heinz.page.locator('form.join-form button[type=submit]').click();
    await expect.poll(() => heinz.page.getByTestId('join-error').textContent()).toContain('wieder hereinlassen');
    // The moderator lets him back in; the same click now works.
    const removed = jonas.page.getByTestId('removed-person');
    await expect.poll(() => removed.getAttribute('data-name')).toBe('Heinz');
    await jonas.page.getByTestId('moderation').screenshot({ path: screenshotPath('removed-people.png') });
    await jonas.page.getByRole('button', { name: 'Let back in: Heinz' }).click();
    await expect.poll(() => removed.count()).toBe(0);
    await heinz.page.locator('form.join-form button[type=submit]').click();
    await heinz.page.getByTestId('workshop').waitFor();
    await expect.poll(() => jonas.page.locator('[data-testid=participant][data-name=Heinz]').count()).toBe(1);

    await jonas.page.getByTestId('end-workshop').click();
    await expect.poll(() => jonas.page.getByTestId('closed').getAttribute('data-reason')).toBe('ended');
    await expectAccessible(jonas.page, 'ended');
    await Promise.all([organiser, jonas, heinz, late].map((p) => p.context.close()));
  });

  it('[E2E7] on a phone "Now" shows the current poll, the board tab the cards to write; chat and people are tabs', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl } = await createWorkshop(organiser.page, server.url, 'Phone layout');
    const phone = await newPerson(browser, { locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    await joinWorkshop(phone.page, `${inviteUrl}?via=qr`, { name: 'Claire', town: 'Ville-sur-Mer' });
    await phone.page.getByTestId('polls').waitFor({ state: 'visible' });
    // One thing at a time: the cards and the people are in their tabs, not below the poll.
    expect(await phone.page.getByTestId('cards-panel').count()).toBe(0);
    expect(await phone.page.getByTestId('panel-people').isVisible()).toBe(false);
    await phone.page.getByTestId('tab-board').click();
    await phone.page.getByTestId('cards-panel').waitFor({ state: 'visible' });
    // Nothing is wider than the phone.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: screenshotPath('phone.png'), fullPage: true });
    // A 60-letter name without a space and a 300-letter word in the chat wrap instead of widening the page.
    const wide = await newPerson(browser, { viewport: { width: 800, height: 800 } });
    const longName = 'Partnerschaftskomitee'.repeat(3).slice(0, 60);
    await joinWorkshop(wide.page, inviteUrl, { name: longName, town: 'Kamen', media: false });
    // 800 pixels wide is the phone layout too: chat and people open from the tab bar.
    await wide.page.getByTestId('phone-chat').click();
    await wide.page.locator('#chat-input').fill(`https://example.org/${'a'.repeat(280)}`);
    await wide.page.locator('#chat-input').press('Enter');
    await expect.poll(() => wide.page.getByTestId('chat-message').count()).toBe(1);
    await expect.poll(() => phone.page.getByTestId('chat-message').count()).toBe(1);
    // Claire was on the board: the chat tab counts the message for her.
    await expect.poll(() => phone.page.getByTestId('badge-chat').textContent()).toContain('1');
    await phone.page.getByTestId('phone-chat').click();
    await expect.poll(() => phone.page.getByTestId('badge-chat').count()).toBe(0);
    await expectAccessible(phone.page, 'phone with chat open');
    await phone.page.getByTestId('phone-people').click();
    await phone.page.locator(`[data-name="${longName}"]`).waitFor();
    await wide.page.getByTestId('phone-people').click();
    expect(await wide.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await Promise.all([organiser, phone, wide].map((p) => p.context.close()));
  });

  // Not a test: pictures of the created page and of a full workshop for looking at, made with
  // UPDATE_SCREENSHOTS=1 (what they show is tested in [E2E1], [E2E2] and the layout tests).
  it.runIf(process.env.UPDATE_SCREENSHOTS)(
    '[E2E6] the workshop page looks like a product (screenshot saved for the README)',
    async () => {
      const organiser = await newPerson(browser, { locale: 'de-DE' });
      const { inviteUrl, moderatorUrl } = await createWorkshop(
        organiser.page,
        server.url,
        'Partnerschaftstreffen 2027',
      );
      await organiser.page.screenshot({ path: screenshotPath('created.png'), fullPage: true });
      const petra = await newPerson(browser, { locale: 'de-DE' });
      await joinWorkshop(petra.page, moderatorUrl, { name: 'Petra Schulz', town: 'Kamen' });
      const mairie = await newPerson(browser, { locale: 'fr-FR' });
      await joinWorkshop(mairie.page, inviteUrl, { name: 'Mairie de Ville-sur-Mer', town: 'Ville-sur-Mer', group: 12 });
      const ola = await newPerson(browser, { locale: 'pl-PL' });
      await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });
      await ola.page.getByTestId('hand-toggle').click();
      await openPanel(mairie.page, 'chat');
      await mairie.page.locator('#chat-input').fill('Bonsoir à tous depuis la mairie !');
      await mairie.page.locator('#chat-input').press('Enter');
      await expect.poll(() => petra.page.getByTestId('chat-message').count()).toBe(1);
      await expect.poll(() => petra.page.getByTestId('hand-entry').count()).toBe(1);
      const file = screenshotPath('workshop.png');
      await petra.page.screenshot({ path: file, fullPage: true });
      expect(await petra.page.locator('[data-testid=participant]').count()).toBe(3);
      await Promise.all([organiser, petra, mairie, ola].map((p) => p.context.close()));
    },
  );
});
