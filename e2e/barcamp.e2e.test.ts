import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  expectAccessible,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  openPanel,
  startServer,
  type TestServer,
} from './harness.js';

const proposal = (page: Page, title: string) => page.locator(`[data-testid=barcamp-proposal][data-title="${title}"]`);
const session = (page: Page, title: string) => page.locator(`[data-testid=barcamp-session][data-title="${title}"]`);
const phaseIs = (page: Page, phase: string) =>
  page.locator(`[data-testid=barcamp-phase][data-phase=${phase}]`).waitFor({ timeout: 5_000 });

describe.skipIf(!hasBrowser())('the barcamp in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('[E2E-BCAMP1] three people propose sessions and four from three towns vote; every screen sees the counts and the grid ordered by them; the moderator starts a slot; one, on a phone, switches session and writes notes', async () => {
    const started = Date.now();
    // Everyone without media: a barcamp's own part is proposing, voting and moving between sessions.
    const jonas = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(jonas.page, server.url, 'Barcamp');
    const [ana, ben, petra, ola] = await Promise.all([
      newPerson(browser, { viewport: { width: 390, height: 844 } }),
      newPerson(browser),
      newPerson(browser, { locale: 'de-DE' }),
      newPerson(browser, { locale: 'pl-PL' }),
    ]);
    await Promise.all([
      joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false }),
      joinWorkshop(ana.page, inviteUrl, { name: 'Ana', town: 'Lyon', media: false }),
      joinWorkshop(ben.page, inviteUrl, { name: 'Ben', town: 'Wołów', media: false }),
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen', media: false }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media: false }),
    ]);
    const mod = jonas.page;
    const people = [ana.page, ben.page, petra.page, ola.page];
    const everyone = [mod, ...people];

    await openPanel(mod, 'agenda');
    await mod.getByTestId('barcamp-setup').locator('summary').click();
    await mod.locator('#barcamp-start-rooms').fill('2');
    await mod.getByTestId('barcamp-start').click();
    await Promise.all(people.map((p) => phaseIs(p, 'proposing')));
    // Only the moderator builds the grid and runs the slots.
    for (const page of people) expect(await page.getByTestId('barcamp-controls').count()).toBe(0);

    const propose = async (page: Page, title: string) => {
      await page.locator('#barcamp-title-input').fill(title);
      await page.getByTestId('barcamp-submit').click();
      await proposal(page, title).waitFor();
    };
    await Promise.all([propose(ana.page, 'Radtour'), propose(ben.page, 'Chor'), propose(petra.page, 'Tanz')]);
    // Four people say what interests them, each on their own screen: Radtour 3, Chor 2, Tanz 1.
    const interests: [Page, string[]][] = [
      [ana.page, ['Chor']],
      [ben.page, ['Radtour', 'Tanz']],
      [petra.page, ['Radtour']],
      [ola.page, ['Radtour', 'Chor']],
    ];
    await Promise.all(
      interests.map(async ([page, titles]) => {
        for (const title of titles) {
          await proposal(page, title).getByTestId('barcamp-vote').click();
          await expect
            .poll(() => proposal(page, title).getByTestId('barcamp-vote').getAttribute('aria-pressed'))
            .toBe('true');
        }
      }),
    );
    const counts = (page: Page) =>
      page
        .getByTestId('barcamp-proposal')
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.getAttribute('data-title')} ${/\d+/.exec(e.querySelector('[data-testid=barcamp-votes]')!.textContent!)?.[0]}`,
          ),
        );
    // Everyone sees the same counts, the most wanted first.
    for (const page of everyone) await expect.poll(() => counts(page)).toEqual(['Radtour 3', 'Chor 2', 'Tanz 1']);
    expect(await proposal(mod, 'Chor').getByTestId('barcamp-votes').textContent()).toBe('2 interested');
    expect(await proposal(ana.page, 'Radtour').getByTestId('barcamp-vote').getAttribute('aria-pressed')).toBe('false');

    // [BCAMP4] The grid from the votes, two rooms a slot: the two most wanted first, Tanz in the second slot; the same
    // on all five screens.
    await mod.getByTestId('barcamp-build').click();
    await phaseIs(mod, 'grid');
    const grid = (page: Page) =>
      page
        .getByTestId('barcamp-slot')
        .evaluateAll((rows) =>
          rows.map((r) =>
            [...r.querySelectorAll('td')].map(
              (td) => td.querySelector<HTMLElement>('[data-testid=barcamp-session]')?.dataset.title ?? '',
            ),
          ),
        );
    for (const page of everyone)
      await expect
        .poll(() => grid(page))
        .toEqual([
          ['Radtour', 'Chor'],
          ['Tanz', ''],
        ]);
    await mod.getByTestId('barcamp-next').click();
    await Promise.all(people.map((p) => phaseIs(p, 'running')));

    // Ana hosts Radtour and starts there; she leaves it for Chor (law of two feet) and writes its notes.
    await session(ana.page, 'Radtour').locator('.barcamp__here').waitFor();
    await session(ana.page, 'Chor').getByTestId('barcamp-go').click();
    await session(ana.page, 'Chor').locator('.barcamp__here').waitFor();
    await session(ana.page, 'Chor').locator('textarea').fill('Proben online, montags');
    await session(ana.page, 'Chor').getByTestId('barcamp-save-notes').click();
    await expect.poll(() => session(ben.page, 'Chor').locator('textarea').inputValue()).toBe('Proben online, montags');
    // The grid fits a phone: nothing wider than the screen.
    expect(await ana.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Its heading reads across the screen (a table caption in a stacked table once stood one letter a line).
    expect((await ana.page.locator('[data-testid=barcamp-grid] caption').boundingBox())!.height).toBeLessThan(60);
    await expectAccessible(ana.page, 'barcamp, in a session on a phone');
    // UPDATE_SCREENSHOTS=1 refreshes the README's picture (only then: the suite is near its time budget).
    if (process.env.UPDATE_SCREENSHOTS) {
      await ana.page.getByTestId('barcamp').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      mkdirSync('docs/screenshots', { recursive: true });
      await ana.page.screenshot({ path: 'docs/screenshots/barcamp-phone.png' });
    }
    console.info(`[E2E-BCAMP1] took ${Date.now() - started} ms`);
  }, 60_000);
});
