import { copyFileSync, mkdirSync } from 'node:fs';
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
  openPanel,
} from './harness.js';

async function write(page: Page, statements: [string, string, string], lie: 0 | 1 | 2) {
  for (const [i, s] of statements.entries()) await page.locator(`#truths-s${i}`).fill(s);
  await page.getByTestId(`truths-lie-${lie}`).check();
  await page.getByTestId('truths-save').click();
  await page.getByTestId('truths-saved').waitFor();
}

describe.skipIf(!hasBrowser())('two truths and a lie in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("[E2E-TRUTH1] three people write statements; one vote per author (the author cannot vote), the reveal with who found the lie, points per person and town; then [TRUTH9] three hashtags, shown at once in the others' list", async () => {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, 'Zwei Wahrheiten');
    await organiser.context.close();
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media: false });
    const petra = await newPerson(browser, { locale: 'de-DE' });
    // Ola on a phone-sized screen: the phone's "Now" view.
    const ola = await newPerson(browser, { locale: 'pl-PL', viewport: { width: 390, height: 844 } });
    const jean = await newPerson(browser, { locale: 'fr-FR' });
    await Promise.all([
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen', media: false }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media: false }),
      joinWorkshop(jean.page, inviteUrl, { name: 'Jean', town: 'Ville-sur-Mer', media: false }),
    ]);
    const mod = jonas.page;
    const people = { Petra: petra.page, Ola: ola.page, Jean: jean.page };
    const lies = { Petra: 2, Ola: 0 } as const;

    await openPanel(mod, 'agenda');
    await mod.getByTestId('truths-setup').locator('summary').click();
    await mod.locator('#truths-vote-sec').fill('60');
    await mod.getByTestId('truths-start').click();
    await write(petra.page, ['Ich war in Łódź', 'Ich spiele Tuba', 'Ich habe fünf Katzen'], lies.Petra);
    await write(ola.page, ['Nigdy nie byłam w Kamen', 'Mam rower', 'Lubię deszcz'], lies.Ola);
    await expect.poll(() => mod.getByTestId('truths-ready').textContent()).toMatch(/Petra.*Ola|Ola.*Petra/);

    await mod.getByTestId('truths-next').click(); // voting opens on the first author
    for (let turn = 0; turn < 2; turn++) {
      await jean.page.getByTestId('truths-vote').waitFor();
      const heading = (await jean.page.locator('[data-testid=truths-vote] h3').textContent())!;
      const author = heading.startsWith('Petra') ? 'Petra' : 'Ola';
      const other = author === 'Petra' ? 'Ola' : 'Petra';
      // The author watches; the others vote: Jean finds the lie, the other author does not.
      await people[author].getByTestId('truths-yours').waitFor();
      expect(await people[author].getByTestId('truths-choice').first().isDisabled()).toBe(true);
      await jean.page.getByTestId('truths-choice').nth(lies[author]).click();
      await expect
        .poll(() => jean.page.getByTestId('truths-choice').nth(lies[author]).getAttribute('aria-pressed'))
        .toBe('true');
      await people[other]
        .getByTestId('truths-choice')
        .nth((lies[author] + 1) % 3)
        .click();
      await expect
        .poll(() =>
          people[other]
            .getByTestId('truths-choice')
            .nth((lies[author] + 1) % 3)
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
      if (turn === 0) await expectAccessible(jean.page, 'two truths: voting');
      await mod.getByTestId('truths-next').click(); // reveal now
      for (const page of Object.values(people)) {
        await page.getByTestId('truths-reveal').waitFor();
        await expect.poll(() => page.locator('[data-testid=truths-reveal] li[data-lie=true]').count()).toBe(1);
        await expect.poll(() => page.getByTestId('truths-found').textContent()).toContain('Jean');
      }
      if (turn === 0) await jean.page.screenshot({ path: screenshotPath('truths-reveal.png') });
      // UPDATE_SCREENSHOTS=1 refreshes the README's picture.
      if (turn === 0 && process.env.UPDATE_SCREENSHOTS) {
        mkdirSync('docs/screenshots', { recursive: true });
        copyFileSync(screenshotPath('truths-reveal.png'), 'docs/screenshots/truths.png');
      }
      await mod.getByTestId('truths-next').click(); // next author, or the end
    }
    for (const page of [mod, ...Object.values(people)]) {
      await page.getByTestId('truths-ended').waitFor();
      await expect.poll(() => page.getByTestId('truths-scores').textContent()).toContain('Jean');
    }
    // Jean: two lies found, for Ville-sur-Mer.
    await expect.poll(() => mod.getByTestId('truths-towns').textContent()).toContain('Ville-sur-Mer — 2 points');
    await expectAccessible(mod, 'two truths: scores');

    // [TRUTH7]–[TRUTH9] Then three hashtags: Petra's show at once in Ola's list (on her phone); a bad one is named.
    await mod.getByTestId('truths-setup').locator('summary').click();
    await mod.locator('#truths-variant').selectOption('hashtags');
    await mod.getByTestId('truths-start').click();
    for (const [i, tag] of ['#Tuba', 'zwei Worte', 'Kamen'].entries())
      await petra.page.locator(`#truths-tag${i}`).fill(tag);
    await petra.page.getByTestId('truths-tags-save').click();
    await expect.poll(() => petra.page.getByTestId('truths-tag-problem').textContent()).toContain('Hashtag 2');
    await petra.page.locator('#truths-tag1').fill('Łódź');
    await petra.page.getByTestId('truths-tags-save').click();
    await petra.page.getByTestId('truths-tags-saved').waitFor();
    await expect
      .poll(() => ola.page.getByTestId('truths-hashtags').textContent())
      .toMatch(/Petra\s*· Kamen\s*·\s*#Tuba #Łódź #Kamen/);
    await expectAccessible(ola.page, 'three hashtags: the list');
    await mod.getByTestId('truths-stop').click();
    await ola.page.getByTestId('truths-ended').waitFor();
    expect(await ola.page.getByTestId('truths-hashtags').count()).toBe(0);
  }, 120_000);
});
