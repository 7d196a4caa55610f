import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  showBoard,
} from './harness.js';

const serialized = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { jumelageBoard: { serialize(): string } }).jumelageBoard.serialize());
/** Joins and looks at the board (these tests are about the board, which is a click away from the video). */
async function joinBoard(page: Page, url: string, who: Parameters<typeof joinWorkshop>[2]) {
  await joinWorkshop(page, url, who);
  await showBoard(page);
}
const rendered = (page: Page) => page.getByTestId('board-content').innerHTML();
const seq = (page: Page) => page.getByTestId('board-canvas').getAttribute('data-seq');

async function draw(page: Page, tool: string, from: [number, number], to: [number, number]) {
  await page.locator(`[data-tool=${tool}]`).click();
  await page.getByTestId('board-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2, box.y + from[1] - 30, { steps: 6 });
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 6 });
  await page.mouse.up();
}

async function writeCard(page: Page, text: string) {
  await page.locator('#card-text').fill(text);
  await page.getByTestId('add-card').click();
  await expect.poll(() => page.locator('#card-text').inputValue()).toBe('');
}

/** Reads a PNG's size from its header and checks it holds more than one colour. */
function pngInfo(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const len = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const colours = new Set<number>();
  for (let i = 1; i < raw.length && colours.size < 50; i += 97) colours.add(raw[i]!);
  return { width, height, bytes: raw.length, colours: colours.size };
}

describe.skipIf(!hasBrowser())('boards in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-B1] two people draw and write cards; a late joiner sees exactly the same board, and so does a reload', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Board test');
    const mia = await newPerson(browser);
    await joinBoard(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen' });
    const ana = await newPerson(browser, { locale: 'fr-FR' });
    await joinBoard(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon' });

    // Ana sees Mia's stroke while it is being drawn, and Mia's pointer with her name.
    await mia.page.locator('[data-tool=pen]').click();
    await mia.page.getByTestId('board-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await mia.page.getByTestId('board-canvas').boundingBox())!;
    await mia.page.mouse.move(box.x + 60, box.y + 200, { steps: 3 });
    await expect.poll(() => ana.page.getByTestId('board-cursor').textContent()).toBe('Mia');
    await mia.page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await mia.page.mouse.move(box.x + 60 + i * 20, box.y + 200 + (i % 2) * 15, { steps: 2 });
    await expect.poll(() => ana.page.locator('.board-overlay path[stroke="#1f4e79"]').count()).toBe(1);
    expect(await seq(ana.page)).toBe('0');
    await mia.page.mouse.up();
    await expect.poll(() => ana.page.locator('.board-content [data-kind=stroke]').count()).toBe(1);
    await expect.poll(() => ana.page.locator('.board-overlay path[stroke="#1f4e79"]').count()).toBe(0);
    await draw(ana.page, 'rect', [350, 80], [520, 200]);
    await draw(ana.page, 'arrow', [320, 260], [480, 300]);
    await writeCard(ana.page, 'Un marché de Noël commun');
    await writeCard(mia.page, 'Jugendaustausch im Sommer');
    await expect.poll(() => seq(ana.page)).toBe('5');
    await expect.poll(() => seq(mia.page)).toBe('5');

    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await joinBoard(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });
    await expect.poll(() => seq(ola.page)).toBe('5');
    const reference = await serialized(mia.page);
    expect(JSON.parse(reference).items).toHaveLength(5);
    expect(await serialized(ana.page)).toBe(reference);
    expect(await serialized(ola.page)).toBe(reference);
    expect(await rendered(ola.page)).toBe(await rendered(mia.page));
    await ola.page.getByTestId('board-fit').click();
    await ola.page.getByTestId('board-section').screenshot({ path: screenshotPath('board-late-joiner.png') });

    await ana.page.reload();
    await ana.page.getByTestId('workshop').waitFor();
    await showBoard(ana.page);
    await expect.poll(() => seq(ana.page)).toBe('5');
    expect(await serialized(ana.page)).toBe(reference);
    await Promise.all([organiser, mia, ana, ola].map((p) => p.context.close()));
  });

  it('[E2E-B2] hidden cards stay hidden until the reveal; dot voting keeps the budget and shows a ranked result', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Kartenabfrage');
    const mia = await newPerson(browser, { locale: 'de-DE' });
    await joinBoard(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen' });
    const ana = await newPerson(browser);
    await joinBoard(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon' });
    const ben = await newPerson(browser, { viewport: { width: 390, height: 844 } });
    await joinBoard(ben.page, inviteUrl, { name: 'Ben', town: 'Wołów' });

    await mia.page.getByTestId('board-question-input').fill('Was wollen wir 2027 gemeinsam machen?');
    await mia.page.getByTestId('board-question-input').press('Enter');
    await mia.page.getByTestId('board-cards-hidden').check();
    await mia.page.getByTestId('board-card-limit').fill('2');
    await mia.page.getByTestId('board-card-limit').press('Tab');
    await mia.page.getByTestId('board-start-cards').click();
    await expect.poll(() => ben.page.getByTestId('board-question').textContent()).toContain('2027');
    await expect.poll(() => ana.page.getByTestId('cards-left').textContent()).toContain('2');

    await writeCard(ana.page, 'Chorfahrt nach Lyon');
    await writeCard(ana.page, 'Radtour an der Oder');
    await expect.poll(() => ana.page.getByTestId('add-card').isDisabled()).toBe(true);
    await writeCard(ben.page, 'Online-Sprachcafé');
    await expect.poll(() => mia.page.getByTestId('hidden-count').textContent()).toContain('3');
    expect(await ben.page.getByTestId('cards-panel').textContent()).not.toContain('Chorfahrt');
    expect(await mia.page.content()).not.toContain('Chorfahrt');

    await mia.page.getByTestId('board-reveal').click();
    await expect
      .poll(() => ben.page.getByTestId('card-text').allTextContents())
      .toEqual(expect.arrayContaining(['Chorfahrt nach Lyon', 'Radtour an der Oder', 'Online-Sprachcafé']));

    await mia.page.getByTestId('board-dot-budget').fill('3');
    await mia.page.getByTestId('board-dot-budget').press('Tab');
    await mia.page.getByTestId('board-dots-per-card').fill('2');
    await mia.page.getByTestId('board-dots-per-card').press('Tab');
    await mia.page.getByTestId('board-start-dots').click();
    const cardEntry = (page: Page, text: string) => page.getByTestId('card-entry').filter({ hasText: text });
    await expect.poll(() => ben.page.getByTestId('dots-left').textContent()).toContain('3');
    await cardEntry(ben.page, 'Radtour').getByTestId('dot-add').click();
    await expect.poll(() => ben.page.getByTestId('dots-left').textContent()).toContain('2');
    await cardEntry(ben.page, 'Radtour').getByTestId('dot-add').click();
    await expect.poll(() => cardEntry(ben.page, 'Radtour').getByTestId('dot-add').isDisabled()).toBe(true);
    await cardEntry(ben.page, 'Sprachcafé').getByTestId('dot-add').click();
    await expect.poll(() => ben.page.getByTestId('dots-left').textContent()).toContain('0');
    await cardEntry(ben.page, 'Sprachcafé').getByTestId('dot-remove').click();
    await expect.poll(() => ben.page.getByTestId('dots-left').textContent()).toContain('1');
    await cardEntry(ana.page, 'Radtour').getByTestId('dot-add').click();
    await expect.poll(() => ana.page.getByTestId('dots-left').textContent()).toContain('2');
    await expectAccessible(ana.page, 'board: cards and dot voting');
    await expectAccessible(mia.page, 'board: moderator during dot voting');
    // hidden until closed: Ana does not see Ben's dots
    expect(await cardEntry(ana.page, 'Radtour').getByTestId('card-dots').count()).toBe(0);

    await mia.page.getByTestId('board-close-dots').click();
    await expect
      .poll(() => ana.page.getByTestId('ranked-card').allTextContents())
      .toEqual([expect.stringContaining('Radtour an der Oder'), expect.any(String), expect.any(String)]);
    await expect.poll(() => ana.page.getByTestId('ranked-card').first().textContent()).toContain('3');
    await ben.page.screenshot({ path: screenshotPath('board-phone.png'), fullPage: true });
    await expectAccessible(ben.page, 'board: ranked result on the phone');
    await Promise.all([organiser, mia, ana, ben].map((p) => p.context.close()));
  });

  it('[E2E-B3] the exported PNG is a valid image of the board; SVG and CSV download too', async () => {
    const organiser = await newPerson(browser);
    const { moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Export');
    const mia = await newPerson(browser);
    await joinBoard(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen' });
    await draw(mia.page, 'pen', [60, 60], [400, 200]);
    await writeCard(mia.page, 'Städtepartnerschaft, "jumelage", partnerstwo');
    await expect.poll(() => seq(mia.page)).toBe('2');

    const [png] = await Promise.all([mia.page.waitForEvent('download'), mia.page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const info = pngInfo(readFileSync((await png.path())!));
    expect(info.width).toBeGreaterThan(300);
    expect(info.height).toBeGreaterThan(150);
    expect(info.colours).toBeGreaterThan(2);

    // The exported picture goes back onto the board as an image; text by keyboard only.
    await mia.page.getByTestId('board-image-input').setInputFiles((await png.path())!);
    await expect.poll(() => mia.page.locator('.board-content [data-kind=image]').count()).toBe(1);
    await mia.page.locator('[data-tool=text]').click();
    await mia.page.getByTestId('board-canvas').focus();
    await mia.page.keyboard.press('Enter');
    await expect.poll(() => mia.page.evaluate(() => document.activeElement?.id)).toBe('place-text-input');
    await mia.page.keyboard.type('Rynek w Wołowie');
    await mia.page.getByTestId('place-text').getByRole('button', { name: 'Place' }).click();
    await expect.poll(() => mia.page.locator('.board-content [data-kind=text]').textContent()).toBe('Rynek w Wołowie');
    await mia.page.keyboard.press('Control+z');
    await expect.poll(() => mia.page.locator('.board-content [data-kind=text]').count()).toBe(0);

    const [svg] = await Promise.all([mia.page.waitForEvent('download'), mia.page.getByTestId('export-svg').click()]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Städtepartnerschaft');

    const [csv] = await Promise.all([mia.page.waitForEvent('download'), mia.page.getByTestId('export-csv').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('"Städtepartnerschaft, ""jumelage"", partnerstwo","Mia","","0"');
    await Promise.all([organiser, mia].map((p) => p.context.close()));
  });

  it('[E2E-B4] cards are clustered (dragged on the board or moved from the list), clusters get headings, dots show live (README screenshot: UPDATE_SCREENSHOTS=1 copies it to docs/screenshots)', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Partnerschaftstreffen 2027');
    const mia = await newPerson(browser, { locale: 'de-DE', viewport: { width: 1700, height: 1100 } });
    await joinBoard(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen' });
    const ana = await newPerson(browser, { locale: 'fr-FR' });
    await joinBoard(ana.page, inviteUrl, { name: 'Anaïs', town: 'Ville-sur-Mer' });
    const ola = await newPerson(browser, { locale: 'pl-PL' });
    await joinBoard(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów' });

    await mia.page.getByTestId('board-question-input').fill('Was machen wir 2027 gemeinsam?');
    await mia.page.getByTestId('board-question-input').press('Enter');
    await writeCard(ana.page, 'Marché de Noël commun');
    await writeCard(ola.page, 'Wymiana młodzieży latem');
    await writeCard(mia.page, 'Radtour an der Oder');
    await writeCard(ana.page, 'Chorale franco-allemande');
    await writeCard(ola.page, 'Kawiarnia językowa online');
    await mia.page.getByTestId('new-cluster').click();
    await mia.page.getByTestId('new-cluster').click();
    await expect.poll(() => mia.page.getByTestId('cluster-block').count()).toBe(2);
    const headings = mia.page.locator('.cluster-block__heading');
    await headings.nth(0).fill('Feste & Kultur');
    await headings.nth(0).press('Enter');
    await headings.nth(1).fill('Jugend & Sprache');
    await headings.nth(1).press('Enter');
    await expect
      .poll(() => ola.page.locator('[data-kind=cluster] text').allTextContents())
      .toEqual(['Feste & Kultur', 'Jugend & Sprache']);

    // one card by dragging it on the board into the first cluster ...
    await mia.page.getByTestId('board-fit').click();
    await mia.page.locator('[data-tool=select]').click();
    await mia.page.getByTestId('board-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const cardId = await mia.page.getByTestId('card-entry').filter({ hasText: 'Marché' }).getAttribute('data-card-id');
    const from = (await mia.page.locator(`[data-id="${cardId}"]`).boundingBox())!;
    const clusterBox = (await mia.page.locator('[data-kind=cluster]').first().boundingBox())!;
    await mia.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mia.page.mouse.down();
    await mia.page.mouse.move(clusterBox.x + clusterBox.width * 0.3, clusterBox.y + clusterBox.height * 0.45, {
      steps: 8,
    });
    await mia.page.mouse.up();
    await expect
      .poll(() =>
        ola.page
          .locator('[data-testid=cluster-block][data-heading="Feste & Kultur"] [data-testid=card-text]')
          .allTextContents(),
      )
      .toEqual(['Marché de Noël commun']);
    // ... the others from the list (as on a phone)
    const moveTo = async (text: string, cluster: string) => {
      const select = mia.page.getByTestId('card-entry').filter({ hasText: text }).locator('select');
      await select.selectOption({ label: cluster });
      await expect
        .poll(() =>
          ola.page
            .locator(`[data-testid=cluster-block][data-heading="${cluster}"] [data-testid=card-text]`)
            .allTextContents(),
        )
        .toEqual(expect.arrayContaining([expect.stringContaining(text)]));
    };
    await moveTo('Chorale', 'Feste & Kultur');
    await moveTo('Wymiana', 'Jugend & Sprache');
    await moveTo('Kawiarnia', 'Jugend & Sprache');

    await mia.page.getByTestId('board-dots-live').check();
    await mia.page.getByTestId('board-start-dots').click();
    for (const [page, texts] of [
      [ana.page, ['Wymiana', 'Wymiana', 'Radtour']],
      [ola.page, ['Marché', 'Radtour', 'Radtour']],
      [mia.page, ['Wymiana', 'Chorale', 'Marché']],
    ] as const) {
      for (const text of texts) {
        const before = await page.getByTestId('dots-left').textContent();
        await page.getByTestId('card-entry').filter({ hasText: text }).getByTestId('dot-add').click();
        await expect.poll(() => page.getByTestId('dots-left').textContent()).not.toBe(before);
      }
    }
    await expect
      .poll(() =>
        ana.page.getByTestId('card-entry').filter({ hasText: 'Wymiana' }).getByTestId('card-dots').textContent(),
      )
      .toContain('3');
    await mia.page.getByTestId('board-fit').click();
    await draw(mia.page, 'arrow', [400, 450], [330, 360]);
    await draw(mia.page, 'pen', [460, 520], [600, 500]);
    await mia.page.locator('[data-tool=pen]').click();
    // The README picture: taken once the canvas has painted the last stroke (two animation frames).
    await mia.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shot = screenshotPath('board-readme.png');
    const top = (await mia.page.locator('.board-section__head').boundingBox())!;
    const bottom = (await mia.page.locator('.board-wrap').boundingBox())!;
    const scrollY = await mia.page.evaluate(() => window.scrollY);
    await mia.page.screenshot({
      path: shot,
      fullPage: true,
      clip: {
        x: top.x - 8,
        y: top.y + scrollY - 8,
        width: bottom.width + 16,
        height: bottom.y + bottom.height - top.y + 16,
      },
    });
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      copyFileSync(shot, 'docs/screenshots/boards.png');
    }
    expect(await serialized(ola.page)).toBe(await serialized(ana.page));
    await Promise.all([organiser, mia, ana, ola].map((p) => p.context.close()));
  });

  it('[E2E-B5] a moderator locks the board, takes a snapshot, clears and undoes; a participant erases and undoes; the laser fades; the gallery shows the boards of other rooms, with comments and reactions live for everyone who has it open', async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Galerie');
    const mia = await newPerson(browser);
    await joinBoard(mia.page, moderatorUrl, { name: 'Mia', town: 'Kamen' });
    const ana = await newPerson(browser);
    await joinBoard(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon' });
    await draw(ana.page, 'ellipse', [100, 100], [260, 200]);
    await expect.poll(() => seq(mia.page)).toBe('1');

    await mia.page.getByTestId('board-lock').click();
    await expect.poll(() => ana.page.getByTestId('board-readonly').count()).toBe(1);
    expect(await ana.page.locator('[data-tool=pen]').isDisabled()).toBe(true);
    await mia.page.getByTestId('board-lock').click();
    await expect.poll(() => ana.page.getByTestId('board-readonly').count()).toBe(0);

    await mia.page.getByTestId('board-snapshot').click();
    mia.page.on('dialog', (d) => void d.accept());
    await mia.page.getByTestId('board-clear').click();
    await expect.poll(() => ana.page.locator('[data-kind=shape]').count()).toBe(0);
    await mia.page.getByTestId('board-undo').click();
    await expect.poll(() => ana.page.locator('[data-kind=shape]').count()).toBe(1);

    // Ana erases her ellipse, everyone sees it go; her undo brings it back.
    await ana.page.locator('[data-tool=eraser]').click();
    await ana.page.getByTestId('board-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const ellipse = (await ana.page.locator('.board-content [data-kind=shape]').boundingBox())!;
    await ana.page.mouse.move(ellipse.x + 2, ellipse.y + ellipse.height / 2);
    await ana.page.mouse.down();
    await ana.page.mouse.move(ellipse.x + 4, ellipse.y + ellipse.height / 2 + 2, { steps: 3 });
    await ana.page.mouse.up();
    await expect.poll(() => mia.page.locator('.board-content [data-kind=shape]').count()).toBe(0);
    await ana.page.getByTestId('board-undo').click();
    await expect.poll(() => mia.page.locator('.board-content [data-kind=shape]').count()).toBe(1);

    // Mia's laser pointer: Ana sees a red trail that fades away.
    await mia.page.locator('[data-tool=laser]').click();
    const canvas = (await mia.page.getByTestId('board-canvas').boundingBox())!;
    for (let i = 0; i < 10; i++) await mia.page.mouse.move(canvas.x + 100 + i * 25, canvas.y + 150, { steps: 2 });
    await expect.poll(() => ana.page.locator('[data-testid=board-cursor] circle').count()).toBeGreaterThan(2);
    await expect.poll(() => ana.page.locator('[data-testid=board-cursor] circle').count(), { timeout: 5000 }).toBe(0);

    // A breakout room's board, created and written through the store API (as breakouts will).
    const workshopId = JSON.parse(
      (await mia.page.evaluate(
        () => Object.entries(localStorage).find(([k]) => k.startsWith('jumelage.session.'))?.[1],
      ))!,
    ).workshopId;
    const ref = { workshopId, roomId: 'room-1' };
    await server.app.store.boards.createBoard(ref, { label: 'Tisch 1', at: Date.now() });
    await server.app.store.boards.appendBoardOps(
      ref,
      0,
      [
        {
          kind: 'put',
          seq: 1,
          by: 'x',
          at: 1,
          items: [
            { kind: 'text', id: 't1', x: 0, y: 0, text: 'Ergebnis von Tisch 1', color: '#1d2430', size: 28, by: 'x' },
          ],
        },
      ],
      { maxBytes: 1e6, maxSeq: 1e6 },
      Date.now(),
    );
    await server.app.store.boards.closeBoard(ref, Date.now());

    await ana.page.getByTestId('gallery-open').click();
    await expect.poll(() => ana.page.getByTestId('gallery-item').count()).toBe(2);
    expect(await ana.page.getByTestId('gallery').textContent()).toContain('Tisch 1');
    expect(await ana.page.getByTestId('gallery').textContent()).toContain('Ergebnis von Tisch 1');

    // [GAL2][GAL4][GAL6] Mia has the gallery open too; Ana reacts and comments (by keyboard) on Tisch 1's board.
    await mia.page.getByTestId('gallery-open').click();
    const itemOf = (page: Page) => page.getByTestId('gallery-item').filter({ hasText: 'Ergebnis von Tisch 1' });
    await itemOf(mia.page).getByTestId('gallery-feedback').waitFor();
    const like = (page: Page, n: number) => itemOf(page).getByRole('button', { name: `Like, ${n}`, exact: true });
    await like(ana.page, 0).focus();
    await ana.page.keyboard.press('Space');
    await expect.poll(() => like(mia.page, 1).getAttribute('aria-pressed')).toBe('false');
    expect(await like(ana.page, 1).getAttribute('aria-pressed')).toBe('true');
    await itemOf(ana.page).getByLabel('Your comment on Tisch 1').fill('Schön bunt!');
    await ana.page.keyboard.press('Enter');
    const comment = (page: Page) => itemOf(page).getByTestId('gallery-comment');
    await expect.poll(() => comment(mia.page).textContent()).toMatch(/Ana.*Lyon.*Schön bunt!/);
    await like(mia.page, 1).click();
    await expect.poll(() => like(ana.page, 2).count()).toBe(1);
    await expectAccessible(ana.page, 'gallery with comments');
    await ana.page.getByTestId('gallery').screenshot({ path: screenshotPath('board-gallery.png') });
    if (process.env.UPDATE_SCREENSHOTS) {
      // The README's picture: Ana's whole screen, the gallery walk on her stage with the comment and reactions.
      const shot = screenshotPath('gallery-page.png');
      await ana.page.screenshot({ path: shot });
      mkdirSync('docs/screenshots', { recursive: true });
      copyFileSync(shot, 'docs/screenshots/gallery.png');
    }
    // Ana deletes her comment: gone for Mia too.
    await comment(ana.page).getByRole('button', { name: 'Delete my comment' }).click();
    await expect.poll(() => comment(mia.page).count()).toBe(0);
    await Promise.all([organiser, mia, ana].map((p) => p.context.close()));
  });
});
