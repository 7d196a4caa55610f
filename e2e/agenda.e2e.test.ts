import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  openPanel,
  screenshotPath,
  startServer,
  type TestServer,
} from './harness.js';

describe.skipIf(!hasBrowser())('the run sheet in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-AG1] a ready-made programme, Start on the card collection, participants see it now in their language; Next moves on', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Run sheet test');
    const mia = await newPerson(browser);
    await joinWorkshop(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen', media: false });
    const ana = await newPerson(browser, { locale: 'fr-FR' });
    await joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false });
    const ola = await newPerson(browser, { locale: 'pl-PL', viewport: { width: 390, height: 844 } });
    await joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media: false });
    // Nothing planned: participants see no run sheet at all.
    await expect(ana.page.getByTestId('agenda-panel').count()).resolves.toBe(0);

    const m = mia.page;
    // The run sheet is in the Host panel (a tab on a phone).
    await openPanel(m, 'agenda');
    await m.getByRole('button', { name: 'Use: First meeting of two towns (90 min)' }).click();
    const steps = m.getByTestId('agenda-step');
    await expect.poll(() => steps.count()).toBe(8);
    await expect.poll(() => m.getByTestId('agenda-clock').textContent()).toContain('90 min planned');

    // Reordering by keyboard: the first step moves down one place.
    await m.getByRole('button', { name: 'Move down: Plenary, Welcome' }).focus();
    await m.keyboard.press('Enter');
    await expect.poll(() => steps.first().locator('strong').textContent()).toBe('Mood barometer, Check-in');

    // [E2E-AG2] Drag and drop with the mouse on a row's handle: Welcome (2nd) goes below the 4th step. Tall
    // viewport, so the rows involved are all on screen (the drag scrolls the panel near its edges otherwise).
    await m.setViewportSize({ width: 1280, height: 1600 });
    const names = () => steps.locator('strong').allTextContents();
    const moved = (list: string[], from: number, to: number) => {
      const rest = list.filter((_, i) => i !== from);
      rest.splice(to, 0, list[from]!);
      return rest;
    };
    const list = m.getByTestId('agenda-steps');
    const version = async () => Number(await list.getAttribute('data-version'));
    const said = m.getByTestId('agenda-drag-said');
    let order = await names();
    let before = await version();
    const grip = (await steps.nth(1).getByTestId('agenda-handle').boundingBox())!;
    const fourth = (await steps.nth(3).boundingBox())!;
    await m.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await m.mouse.down();
    await m.mouse.move(grip.x + grip.width / 2, fourth.y + fourth.height - 2, { steps: 6 });
    // The moved row lifts; a line shows where it lands: after the 4th row.
    await expect.poll(() => steps.nth(1).getAttribute('class')).toContain('agenda__step--lifted');
    await expect.poll(() => steps.nth(3).getAttribute('class')).toContain('agenda__step--drop-after');
    await m.mouse.up();
    order = moved(order, 1, 3);
    // The list as the server answered (its version moved on), not only as the drop showed it.
    await expect.poll(version).toBeGreaterThan(before);
    expect(await names()).toEqual(order);
    await expect.poll(() => said.textContent()).toBe(`${order[3]} dropped at position 4 of 8.`);

    // [E2E-AG3] By keyboard on the handle: Space picks up, the arrows move, Escape cancels, Enter drops.
    before = await version();
    const handle = steps.nth(2).getByTestId('agenda-handle');
    await handle.focus();
    await m.keyboard.press('Space');
    await m.keyboard.press('ArrowDown');
    await expect.poll(() => said.textContent()).toBe('Moved to position 4 of 8.');
    await expect.poll(() => steps.nth(3).getAttribute('class')).toContain('agenda__step--drop-after');
    await m.keyboard.press('Escape');
    await expect.poll(() => said.textContent()).toContain('Reordering cancelled');
    expect(await names()).toEqual(order);
    expect(await version()).toBe(before);
    await m.keyboard.press('Space');
    await expect.poll(() => said.textContent()).toBe(`${order[2]} picked up, at position 3 of 8.`);
    await m.keyboard.press('ArrowUp');
    await m.keyboard.press('ArrowUp');
    await expect.poll(() => said.textContent()).toBe('Moved to position 1 of 8.');
    await m.keyboard.press('Enter');
    order = moved(order, 2, 0);
    await expect.poll(version).toBeGreaterThan(before);
    expect(await names()).toEqual(order);
    // The focus stays on the moved step's handle, at its new place.
    expect(await m.evaluate(() => document.activeElement?.closest('li')?.querySelector('strong')?.textContent)).toBe(
      order[0],
    );
    await m.setViewportSize({ width: 1280, height: 860 });

    // [E2E-AG4] The template sheet and the plan saved as a file, changed, and loaded again: both come back.
    const sheet = m.getByTestId('agenda-sheet');
    await sheet.locator('summary').click();
    await m.locator('#sheet-title').fill('Erstes Treffen');
    await m.getByTestId('sheet-save').click();
    await m.getByTestId('sheet-saved').waitFor();
    const [saved] = await Promise.all([m.waitForEvent('download'), m.getByTestId('sheet-export').click()]);
    expect(saved.suggestedFilename()).toBe('run-sheet.json');
    const planFile = (await saved.path())!;
    expect(JSON.parse(readFileSync(planFile, 'utf8'))).toMatchObject({ sheet: { title: 'Erstes Treffen' } });
    await m.locator('#sheet-title').fill('Something else');
    await m.getByTestId('sheet-save').click();
    await m.getByTestId('sheet-saved').waitFor();
    await m.getByRole('button', { name: `Remove: ${order[0]}`, exact: true }).click();
    await expect.poll(() => steps.count()).toBe(7);
    await m.locator('#agenda-import').setInputFiles(planFile);
    await expect.poll(names).toEqual(order);
    await expect.poll(() => m.locator('#sheet-title').inputValue()).toBe('Erstes Treffen');
    // [AG17] The file loaded says what it brought.
    await expect
      .poll(() => m.getByTestId('sheet-imported').textContent())
      .toBe('Loaded from the file: 8 steps, 90 min.');
    await sheet.locator('summary').click();

    // [E2E-AG5] Next year: the organiser starts a new workshop from that file on the start page (no new page: the
    // organiser's). Its title is the one typed; the programme and the sheet are the file's.
    const o = organiser.page;
    await o.goto(server.url);
    await o.locator('#ws-title').fill('Partnerschaftstreffen 2027');
    await o.locator('#ws-run-sheet').setInputFiles(planFile);
    await expect
      .poll(() => o.getByTestId('create-run-sheet').textContent())
      .toBe('From the file “Erstes Treffen”: 8 steps, 90 min. The new workshop starts with them.');
    await o.locator('form.create-form button[type=submit]').click();
    await expect
      .poll(() => o.getByTestId('created-imported').textContent())
      .toBe('Your programme from the file is in the workshop: 8 steps, 90 min.');
    expect(await o.locator('#created-title + .lead').textContent()).toBe('Partnerschaftstreffen 2027');
    await joinWorkshop(o, await o.getByTestId('moderator-url').inputValue(), {
      name: 'Mia',
      town: 'Kamen',
      media: false,
    });
    await openPanel(o, 'agenda');
    await expect.poll(() => o.getByTestId('agenda-step').locator('strong').allTextContents()).toEqual(order);
    await o.getByTestId('agenda-sheet').locator('summary').click();
    await expect.poll(() => o.locator('#sheet-title').inputValue()).toBe('Erstes Treffen');
    await organiser.context.close();

    await expectAccessible(m, 'moderator run sheet');
    await m.getByRole('button', { name: 'Start: Card collection' }).click();

    // Ana, in French: what runs now, with the question and what to do; the board collects cards.
    const now = ana.page.getByTestId('agenda-now');
    await expect.poll(() => now.textContent()).toContain('Maintenant : Collecte de cartes');
    const text = (await now.textContent()) ?? '';
    expect(text).toContain('What could our towns do together?');
    expect(text).toMatch(/encore (19:[0-5]\d|20:00)/);
    expect(text).toContain('Écrivez une idée par carte sur le tableau.');
    await expect.poll(() => ana.page.getByTestId('agenda-next').textContent()).toBe('Ensuite : Vote par points');
    await expectAccessible(ana.page, 'participant run sheet');
    // On a phone, in Polish: the Now tab says the same.
    await expect.poll(() => ola.page.getByTestId('agenda-now').textContent()).toContain('Teraz: Zbieranie kart');
    // The board came onto everyone's stage by itself (on a phone: the Board tab is offered).
    await expect.poll(() => ana.page.getByTestId('stage').getAttribute('data-view')).toBe('board');
    await expect
      .poll(() => ana.page.getByTestId('board-question').textContent())
      .toBe('What could our towns do together?');
    await ana.page.locator('#card-text').fill('Un marché de Noël commun');
    await ana.page.getByTestId('add-card').click();
    await expect.poll(() => ana.page.locator('#card-text').inputValue()).toBe('');
    await m.screenshot({ path: screenshotPath('agenda-moderator.png') });

    // Next: the card round closes and dot voting opens, for everyone.
    // Next from the stage (the Host panel may be closed).
    await m.getByTestId('agenda-now-next').click();
    await expect.poll(() => now.textContent()).toContain('Maintenant : Vote par points');
    await expect.poll(() => ana.page.getByTestId('dots-status').isVisible()).toBe(true);
    await expect
      .poll(() => ana.page.getByTestId('board-question').textContent())
      .toBe('Which ideas should we start with?');
    await expect.poll(() => m.locator('[data-testid=agenda-step][data-status=done]').count()).toBe(1);
    // [LAYOUT8] A flash round starts while Ola's phone shows the board: a notification leads her to "Now".
    await expect.poll(() => ola.page.getByTestId('panel-board').isVisible()).toBe(true);
    await m.getByTestId('speaking-setup').locator('summary').click();
    await m.locator('#speaking-question-input').fill('Ein Wort zum Schluss?');
    await m.getByTestId('speaking-start').click();
    const started = ola.page.locator('[data-testid=toast][data-key="format:speak"]');
    await expect.poll(() => started.textContent()).toContain('Rozpoczęto: Runda błyskawiczna');
    await started.getByTestId('toast-action').click();
    await expect.poll(() => ola.page.getByTestId('speaking-question').isVisible()).toBe(true);
    // The template sheet: filled, saved, and there again after a reload.
    await m.getByTestId('agenda-sheet').locator('summary').click();
    await m.locator('#sheet-title').fill('Jugendaustausch Kamen – Łódź');
    await m.locator('#sheet-towns').fill('Kamen, DE\nŁódź, PL, Urząd Miasta');
    await m.locator('#sheet-interpretation').selectOption('consecutive');
    await expectAccessible(m, 'template sheet');
    await m.getByTestId('sheet-save').click();
    await m.getByTestId('sheet-saved').waitFor();
    await m.reload();
    await openPanel(m, 'agenda');
    await m.getByTestId('agenda-sheet').locator('summary').click();
    await expect.poll(() => m.locator('#sheet-towns').inputValue()).toBe('Kamen, DE\nŁódź, PL, Urząd Miasta');
    expect(await m.locator('#sheet-interpretation').inputValue()).toBe('consecutive');
    expect(await m.locator('[data-testid=agenda-step][data-status=running]').count()).toBe(1);
    // The order set by dragging, by keys and by the file is the server's: the same after the reload.
    expect(await names()).toEqual(order);
    // The sheet's print view, in Polish for the partners: no controls in it, and it fits an A4 page.
    await m.getByTestId('sheet-print').click();
    const printed = m.frameLocator('[data-testid=report-frame]');
    await expect.poll(() => printed.locator('h1').textContent()).toBe('Jugendaustausch Kamen – Łódź');
    await m.getByTestId('report-language').selectOption('pl');
    await expect.poll(() => printed.locator('h2').first().textContent()).toBe('Pomysł');
    expect(await printed.locator('button, input, select, textarea').count()).toBe(0);
    const [sheetFile] = await Promise.all([m.waitForEvent('download'), m.getByTestId('report-download').click()]);
    await m.getByTestId('report-close').click();
    const paper = await newPerson(browser, { viewport: { width: 680, height: 960 } }); // A4 less 16 mm margins, at 96 dpi
    await paper.page.setContent(readFileSync((await sheetFile.path())!, 'utf8'));
    await paper.page.emulateMedia({ media: 'print' });
    expect(await paper.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(680);
    expect(await paper.page.locator('[data-section=people]').textContent()).toContain('Urząd Miasta');

    await ana.page.getByTestId('agenda-now-card').screenshot({ path: screenshotPath('agenda-participant.png') });

    // [E2E-REPORT1] The results report from the run sheet: made by the server from what it stored, shown in the page.
    await m.getByTestId('report-open').click();
    const report = m.frameLocator('[data-testid=report-frame]');
    await expect.poll(() => report.locator('h1').textContent()).toBe('Run sheet test');
    expect(await report.locator('tr[data-status=done]').allTextContents()).toEqual([
      expect.stringContaining('Card collection'),
    ]);
    expect(await report.locator('tr[data-status=running]').count()).toBe(1);
    expect(await report.locator('ol.cards').textContent()).toContain('Un marché de Noël commun');
    await expect(report.locator('svg[role=img]').count()).resolves.toBe(1);
    // Its one inline stylesheet is allowed by the page's policy: the headings are underlined as designed.
    expect(
      await report
        .locator('h2')
        .first()
        .evaluate((h) => getComputedStyle(h).borderBottomStyle),
    ).toBe('solid');
    await expectAccessible(m, 'results report dialog');
    // In French for the partner town, and downloaded as one file.
    await m.getByTestId('report-language').selectOption('fr');
    await expect.poll(() => report.locator('h2').first().textContent()).toBe('Le programme tel qu’il s’est déroulé');
    const [file] = await Promise.all([m.waitForEvent('download'), m.getByTestId('report-download').click()]);
    expect(file.suggestedFilename()).toMatch(/^report-.*-fr\.html$/);
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Un marché de Noël commun');
    await m.screenshot({ path: screenshotPath('report.png') });
    await m.keyboard.press('Escape');
    await expect.poll(() => m.getByTestId('report-dialog').count()).toBe(0);
    // The file by itself, as a council member opens it: accessible too.
    await paper.page.emulateMedia({ media: 'screen' });
    await paper.page.setContent(html);
    await expectAccessible(paper.page, 'results report file');

    // After the end, everyone who took part can still take the report home.
    await openPanel(m, 'host');
    m.once('dialog', (d) => void d.accept());
    await m.getByTestId('end-workshop').click();
    await expect.poll(() => ana.page.getByTestId('closed').getAttribute('data-reason')).toBe('ended');
    await ana.page.getByTestId('report-open').click();
    await expect
      .poll(() => ana.page.frameLocator('[data-testid=report-frame]').locator('h2').first().textContent())
      .toBe('Le programme tel qu’il s’est déroulé');
  });
});
