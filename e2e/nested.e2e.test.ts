/**
 * 1-2-4-All in the browser, kept cheap: a moderator and four people without media, rounds of seconds.
 * Alone in the plenary with a note, pairs across towns that see each other's notes, fours of two pairs,
 * and the four's card on the plenary board.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  launchBrowser,
  newPerson,
  openPanel,
  showBoard,
  startServer,
  type TestServer,
} from './harness.js';

async function joinWithoutMedia(page: Page, url: string, who: { name: string; town: string }) {
  await page.goto(url);
  await page.locator('#join-name').fill(who.name);
  await page.locator('#join-town').fill(who.town);
  await page.getByTestId('join-without-media').check();
  await page.locator('form.join-form button[type=submit]').click();
  await page.getByTestId('workshop').waitFor();
}

const names = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => els.map((e) => e.getAttribute('data-name')).sort());

describe.skipIf(!hasBrowser())('1-2-4-All in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-NEST1] a moderator and four people from two towns: a note alone, pairs across towns see it, the pairs merge into one four that posts one card, on the plenary board for all five', async () => {
    const started = Date.now();
    const moderator = await newPerson(browser);
    const mod = moderator.page;
    const { inviteUrl, moderatorUrl } = await createWorkshop(mod, server.url, '1-2-4 Kamen – Wołów');
    await joinWithoutMedia(mod, moderatorUrl, { name: 'Jonas', town: 'Kamen' });
    const people = new Map<string, Page>();
    const towns = { Petra: 'Kamen', Heinz: 'Kamen', Ola: 'Wołów', Kasia: 'Wołów' } as const;
    await Promise.all(
      Object.entries(towns).map(async ([name, town]) => {
        const p = await newPerson(browser);
        await joinWithoutMedia(p.page, inviteUrl, { name, town });
        people.set(name, p.page);
      }),
    );
    await openPanel(mod, 'rooms');
    await expect.poll(() => mod.locator('[data-testid=participant]').count()).toBe(5);
    await mod.getByTestId('rotation-setup').locator('summary').click();
    await mod.locator('#rot-kind').selectOption('nested');
    // Three seconds alone, six in pairs; the fours run until the moderator calls everyone back.
    await mod.locator('#nested-minutesAlone').fill('0.05');
    await mod.locator('#nested-minutesPairs').fill('0.1');
    await mod.locator('#nested-minutesFours').fill('5');
    await mod.getByTestId('rotation-start').click();
    const petra = people.get('Petra')!;
    await expect.poll(() => petra.getByTestId('nested-stage').textContent()).toBe('Alone: write your note');
    await petra.locator('#nested-note').fill('Ein gemeinsamer Chor');
    await petra.getByTestId('nested-save').click();
    await expect.poll(() => petra.getByTestId('nested-saved').textContent()).toBe('Note saved.');
    // Pairs: Petra's partner is from Wołów and sees her note.
    await expect.poll(() => petra.getByTestId('nested-stage').textContent(), { timeout: 15_000 }).toBe('In pairs');
    const [partner] = await names(petra, 'room-mate');
    expect(['Ola', 'Kasia']).toContain(partner);
    const partnerPage = people.get(partner!)!;
    await expect.poll(() => names(partnerPage, 'nested-mate-note')).toEqual(['Petra']);
    // Both pairs cross the towns: Heinz (Kamen) is with the other one from Wołów.
    const other = partner === 'Ola' ? 'Kasia' : 'Ola';
    await expect.poll(() => names(people.get('Heinz')!, 'room-mate')).toEqual([other]);
    await expect.poll(() => names(people.get(other)!, 'room-mate')).toEqual(['Heinz']);
    expect(await partnerPage.getByTestId('nested-mate-note').textContent()).toContain('Ein gemeinsamer Chor');
    // Fours: the two pairs meet without the plenary; the four agrees on one card and posts it.
    await expect
      .poll(() => petra.getByTestId('nested-stage').textContent(), { timeout: 15_000 })
      .toBe('In fours: agree on one card');
    // The two pairs merged: each of the four sees the other three.
    for (const [name, page] of people)
      await expect
        .poll(() => names(page, 'room-mate'))
        .toEqual(['Heinz', 'Kasia', 'Ola', 'Petra'].filter((n) => n !== name));
    await expect.poll(() => names(partnerPage, 'nested-mate-note')).toEqual(['Petra']);
    await petra.locator('#nested-card').fill('Chor aus Kamen und Wołów');
    await expectAccessible(petra, '1-2-4-All: the four agrees on one card');
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture (only then: the suite is near its time budget).
    if (process.env.UPDATE_SCREENSHOTS) {
      await petra.getByTestId('nested-stage').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      mkdirSync('docs/screenshots', { recursive: true });
      await petra.screenshot({ path: 'docs/screenshots/nested-four.png' });
    }
    await petra.getByTestId('nested-post').click();
    for (const name of people.keys())
      await expect
        .poll(() => people.get(name)!.getByTestId('nested-posted').textContent())
        .toBe('Your card is on the plenary board: Chor aus Kamen und Wołów');
    expect(await mod.getByTestId('br-nested-stage').textContent()).toContain('In fours: agree on one card');
    await showBoard(mod);
    await expect.poll(() => mod.getByTestId('card-text').allTextContents()).toEqual(['Chor aus Kamen und Wołów']);
    await mod.getByTestId('br-close').click();
    // Back in the plenary, everyone finds the four's card on the board.
    for (const page of people.values()) {
      await page.getByTestId('back-in-plenary').waitFor();
      await showBoard(page);
      await expect.poll(() => page.getByTestId('card-text').allTextContents()).toEqual(['Chor aus Kamen und Wołów']);
    }
    expect(await mod.getByTestId('card-text').allTextContents()).toEqual(['Chor aus Kamen und Wołów']);
    console.info(`[E2E-NEST1] took ${Date.now() - started} ms`);
  }, 60_000);
});
