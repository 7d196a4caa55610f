import { readFile } from 'node:fs/promises';
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
  showBoard,
} from './harness.js';

const PHONE = { width: 390, height: 844 };

interface PollSpec {
  question: string;
  kind: 'single' | 'yesno' | 'multiple';
  options?: string[];
  anonymous?: boolean;
  quiz?: { correct: string; series: string; timeLimit?: number };
}

async function preparePoll(page: Page, spec: PollSpec) {
  await openPanel(page, 'polls');
  await page.getByTestId('poll-new').click();
  await page.locator('#poll-question').fill(spec.question);
  await page.locator('#poll-kind').selectOption(spec.kind);
  if (spec.options) await page.locator('#poll-options').fill(spec.options.join('\n'));
  if (spec.anonymous === false) await page.locator('#poll-anonymous').uncheck();
  if (spec.quiz) {
    await page.locator('#poll-quiz').check();
    await page.locator(`input[name=poll-correct][value=${spec.quiz.correct}]`).check();
    await page.locator('#poll-series').fill(spec.quiz.series);
    if (spec.quiz.timeLimit) await page.locator('#poll-time').fill(String(spec.quiz.timeLimit));
  }
  await page.getByTestId('poll-save').click();
  await page.locator('[data-testid=poll][data-status=draft]', { hasText: spec.question }).waitFor();
}

const pollCard = (page: Page, question: string) => page.locator('[data-testid=poll]', { hasText: question });
const voters = (page: Page, question: string) =>
  pollCard(page, question).getByTestId('poll-results').getAttribute('data-voters');

async function launch(page: Page, question: string) {
  await pollCard(page, question).getByTestId('poll-launch').click();
  await page.locator('[data-testid=poll][data-status=open]', { hasText: question }).waitFor();
}

async function vote(page: Page, question: string, option: string) {
  await page
    .locator('[data-testid=poll][data-status=open]', { hasText: question })
    .locator(`[data-testid=poll-option][data-option=${option}]`)
    .click();
  await pollCard(page, question).getByTestId('poll-voted').waitFor();
}

describe.skipIf(!hasBrowser())('polls in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A moderator and three participants (Ola on a phone-sized screen), without camera by default: these
   * tests look at polls, not video, and four live meshes would only load the machine.
   */
  async function room(title: string, { media = false } = {}) {
    const organiser = await newPerson(browser);
    const { inviteUrl, moderatorUrl } = await createWorkshop(organiser.page, server.url, title);
    await organiser.context.close();
    const jonas = await newPerson(browser);
    await joinWorkshop(jonas.page, moderatorUrl, { name: 'Jonas', town: 'Kamen', media });
    const petra = await newPerson(browser, { locale: 'de-DE' });
    const ola = await newPerson(browser, { locale: 'pl-PL', viewport: PHONE });
    const jean = await newPerson(browser, { locale: 'fr-FR' });
    await Promise.all([
      joinWorkshop(petra.page, inviteUrl, { name: 'Petra', town: 'Kamen', media }),
      joinWorkshop(ola.page, inviteUrl, { name: 'Ola', town: 'Wołów', media }),
      joinWorkshop(jean.page, inviteUrl, { name: 'Jean', town: 'Ville-sur-Mer', media }),
    ]);
    const everyone = [jonas, petra, ola, jean];
    // Everyone looks at the polls (on a phone they are part of "Now").
    for (const { page } of everyone) await openPanel(page, 'polls');
    return { jonas, petra, ola, jean, everyone, close: () => Promise.all(everyone.map((p) => p.context.close())) };
  }

  it('[E2E-POLL4] a poll in every breakout room: people vote in their rooms, and back in the plenary everyone sees the results by room name; an unnamed room has one name in the breakouts panel, the results, the gallery and the CSV', async () => {
    const { jonas, petra, ola, jean, close } = await room('Räume-Umfrage');
    const people = [petra, ola, jean];
    const mod = jonas.page;
    await openPanel(mod, 'rooms');
    await mod.locator('#br-room-count').fill('2');
    await mod.getByTestId('br-make-rooms').click();
    await expect.poll(() => mod.getByTestId('room-card').count()).toBe(2);
    await mod.getByTestId('br-assign').click();
    await expect.poll(() => mod.locator('[data-testid=room-card] [data-testid=room-person]').count()).toBe(3);
    const q = 'How did the room go?';
    await preparePoll(mod, { question: q, kind: 'yesno', anonymous: false });
    // Rooms are not open yet: nothing to launch into.
    expect(await pollCard(mod, q).getByTestId('poll-launch-rooms').count()).toBe(0);
    await openPanel(mod, 'rooms');
    await mod.locator('#br-minutes').fill('5');
    await mod.getByTestId('br-open').click();
    for (const { page } of people) await page.getByTestId('room-banner').waitFor();
    // [BR24] Who is in which room, under the name the moderator's breakouts panel gives it.
    await expect.poll(() => mod.locator('[data-testid=room-card] [data-testid=room-person]').count()).toBe(3);
    const panel = await mod.getByTestId('room-card').evaluateAll((cards) =>
      cards.map((c) => ({
        name: c.querySelector('h3')!.textContent!.trim(),
        people: [...c.querySelectorAll<HTMLElement>('[data-testid=room-person]')].map((p) => p.dataset.name!),
      })),
    );
    expect(panel.map((r) => r.name).sort()).toEqual(['Room 1', 'Room 2']);
    const roomOf = (name: string) => panel.find((r) => r.people.includes(name))!.name;
    // Petra sees the same number on her room banner, in German.
    expect(await petra.page.getByTestId('room-name').textContent()).toContain(roomOf('Petra').replace('Room', 'Raum'));
    await openPanel(mod, 'polls');
    await pollCard(mod, q).getByTestId('poll-launch-rooms').click();
    await mod.locator('[data-testid=poll][data-status=open]', { hasText: q }).waitFor();
    await vote(petra.page, q, 'yes');
    await vote(ola.page, q, 'no');
    await vote(jean.page, q, 'yes');

    await openPanel(mod, 'rooms');
    await mod.getByTestId('br-close').click();
    for (const { page } of people) await expect.poll(() => page.getByTestId('room-banner').count()).toBe(0);
    await openPanel(mod, 'polls');
    await pollCard(mod, q).getByTestId('poll-close').click();
    for (const { page } of people) {
      await page.locator('[data-testid=poll][data-status=closed]', { hasText: q }).waitFor();
      await expect.poll(() => voters(page, q)).toBe('3');
    }
    // Per room, under the rooms' names in each person's language.
    await expect
      .poll(() => pollCard(petra.page, q).locator('.poll-results__rooms h4').allTextContents())
      .toEqual([expect.stringMatching(/^Raum \d/), expect.stringMatching(/^Raum \d/)]);

    // The moderator's results per room: the panel's names, each with its room's number of votes.
    const perRoom = (await pollCard(mod, q).locator('.poll-results__rooms h4').allTextContents()).map((h) =>
      h.replace(/\s+/g, ' ').trim(),
    );
    expect(perRoom.sort()).toEqual(
      panel.map((r) => `${r.name} · ${r.people.length} vote${r.people.length === 1 ? '' : 's'}`).sort(),
    );
    // The breakouts panel after the rooms closed: the archived rooms' chats, under the same names.
    await openPanel(mod, 'rooms');
    await expect
      .poll(() => mod.getByTestId('room-result').allTextContents())
      .toEqual(expect.arrayContaining(panel.map((r) => `Show the chat of ${r.name}`)));
    // The board gallery names the rooms' boards the same way (not by their ids).
    await showBoard(mod);
    await mod.getByTestId('gallery-open').click();
    await expect.poll(() => mod.getByTestId('gallery-item').count()).toBe(2);
    expect((await mod.locator('[data-testid=gallery-item] strong').allTextContents()).sort()).toEqual(
      panel.map((r) => r.name).sort(),
    );
    // And the CSV export: each named answer in the room its voter was in, each room's counts under its name.
    await openPanel(mod, 'polls');
    const [download] = await Promise.all([mod.waitForEvent('download'), mod.getByTestId('poll-export').click()]);
    const rows = (await readFile((await download.path())!))
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((row) => row.slice(1, -1).split('","'));
    for (const name of ['Petra', 'Ola', 'Jean']) expect(rows.find((c) => c[9] === name)?.[3]).toBe(roomOf(name));
    for (const r of panel)
      expect(rows.find((c) => c[3] === r.name && c[4] === 'Yes' && c[9] === '')?.[8]).toBe(String(r.people.length));
    await close();
  });

  it('[E2E-POLL1] the moderator launches a poll, three people vote (one on a phone), results update for all, a reload keeps the vote', async () => {
    // With camera: Petra's laptop shows the full page (joining without media is the phone layout).
    const { jonas, petra, ola, jean, everyone, close } = await room('Umfrage-Test', { media: true });
    const q = 'Where shall we meet next year?';
    await preparePoll(jonas.page, { question: q, kind: 'single', options: ['Kamen', 'Wołów', 'Ville-sur-Mer'] });
    // A draft is the moderator's alone.
    expect(await petra.page.locator('[data-testid=poll]').count()).toBe(0);
    await launch(jonas.page, q);

    await vote(petra.page, q, 'o1');
    await vote(ola.page, q, 'o2');
    await vote(jean.page, q, 'o2');
    for (const { page } of everyone) await expect.poll(() => voters(page, q)).toBe('3');
    // One check here (four live cameras make axe slow); the moderator's poll panel is checked in [E2E-POLL3].
    await expectAccessible(ola.page, 'poll voted, live results, on the phone');
    expect(
      await pollCard(petra.page, q)
        .locator('[data-testid=poll-bar]')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-count'))),
    ).toEqual(['1', '2', '0']);
    // The same numbers as a table for screen readers.
    expect(await pollCard(jean.page, q).locator('[data-testid=poll-table] tbody tr').first().textContent()).toContain(
      'Kamen',
    );

    // On the phone the poll is what "Now" shows, full width, above the tab bar.
    const box = await ola.page.getByTestId('polls').boundingBox();
    const tabbar = await ola.page.getByTestId('tabbar').boundingBox();
    expect(box!.width).toBeGreaterThan(PHONE.width - 60);
    expect(box!.y).toBeLessThan(tabbar!.y);
    const option = await ola.page.locator('[data-testid=poll-option][data-option=o2]').boundingBox();
    expect(option!.height).toBeGreaterThanOrEqual(44);
    await jonas.page.screenshot({ path: screenshotPath('polls-desktop.png') });

    await ola.page.reload();
    await ola.page.getByTestId('workshop').waitFor();
    await expect
      .poll(() => ola.page.locator('[data-testid=poll-option][data-option=o2]').getAttribute('aria-pressed'))
      .toBe('true');
    expect(await ola.page.locator('[data-testid=poll-option][data-option=o1]').getAttribute('aria-pressed')).toBe(
      'false',
    );
    await expect.poll(() => voters(ola.page, q)).toBe('3'); // still one Ola, one vote
    await ola.page.screenshot({ path: screenshotPath('polls-phone.png') });

    // Chat and participants are tabs of their own on the phone; a new message shows as unread on the tab.
    expect(await ola.page.locator('.chat').isVisible()).toBe(false);
    expect(await ola.page.locator('.participants').isVisible()).toBe(false);
    await openPanel(petra.page, 'chat');
    await petra.page.locator('#chat-input').fill('Ich stimme für Ville-sur-Mer!');
    await petra.page.locator('#chat-input').press('Enter');
    await expect.poll(() => ola.page.getByTestId('phone-chat').textContent()).toContain('1 nieprzeczytana wiadomość');
    await ola.page.getByTestId('phone-chat').click();
    await expect
      .poll(() => ola.page.getByTestId('chat-message').allTextContents())
      .toEqual([expect.stringContaining('Ville-sur-Mer')]);
    expect(await ola.page.getByTestId('phone-chat').getAttribute('aria-selected')).toBe('true');
    await ola.page.getByTestId('phone-people').click();
    await expect.poll(() => ola.page.locator('[data-testid=participant][data-name=Petra]').isVisible()).toBe(true);

    // Petra changes her mind; everyone sees it.
    await openPanel(petra.page, 'polls');
    await petra.page.locator('[data-testid=poll-option][data-option=o3]').click();
    for (const { page } of everyone) {
      await expect
        .poll(() =>
          pollCard(page, q)
            .locator('[data-testid=poll-bar]')
            .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-count'))),
        )
        .toEqual(['0', '2', '1']);
    }
    await jonas.page.getByTestId('poll-close').click();
    await expect.poll(() => ola.page.locator('[data-testid=poll]').first().getAttribute('data-status')).toBe('closed');
    await jonas.page.getByTestId('polls').screenshot({ path: screenshotPath('polls-moderator.png') });
    await close();
  });

  it('[E2E-POLL2] the CSV of an anonymous poll holds no names; a named poll lists its answers', async () => {
    const { jonas, petra, ola, jean, close } = await room('Export-Test');
    const secret = 'How do you feel tonight?';
    const named = 'Will you come to the summer camp?';
    await preparePoll(jonas.page, { question: secret, kind: 'yesno' });
    await launch(jonas.page, secret);
    for (const [p, o] of [
      [petra, 'yes'],
      [ola, 'no'],
      [jean, 'yes'],
    ] as const)
      await vote(p.page, secret, o);
    await jonas.page.getByTestId('poll-close').click();
    await preparePoll(jonas.page, { question: named, kind: 'yesno', anonymous: false });
    await launch(jonas.page, named);
    for (const [p, o] of [
      [petra, 'yes'],
      [ola, 'abstain'],
    ] as const)
      await vote(p.page, named, o);
    await expect.poll(() => voters(jonas.page, named)).toBe('2');

    const [download] = await Promise.all([
      jonas.page.waitForEvent('download'),
      jonas.page.getByTestId('poll-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^polls-[A-Z0-9]{6}-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      '"Poll","Question","Type","Room","Answer","Votes","Percent","Points","Voters","Name","Town","Named answer"',
    );
    const anonymousRows = rows.filter((r) => r.includes(secret));
    expect(anonymousRows).toContain(
      `"1","${secret}","Yes / no / abstain","All rooms","Yes","2","66.7","","3","","",""`,
    );
    expect(anonymousRows.join('\n')).not.toMatch(/Petra|Ola|Jean|Kamen|Wołów|Ville-sur-Mer/);
    const namedRows = rows.filter((r) => r.includes(named));
    expect(namedRows).toContain(`"2","${named}","Yes / no / abstain","Plenary","","","","","","Ola","Wołów","Abstain"`);
    expect(namedRows).toContain(`"2","${named}","Yes / no / abstain","Plenary","","","","","","Petra","Kamen","Yes"`);

    // A poll launched by mistake is cancelled: it disappears for everyone, with its votes.
    jonas.page.once('dialog', (d) => void d.accept());
    await pollCard(jonas.page, named).getByTestId('poll-cancel').click();
    for (const p of [jonas, petra, ola, jean]) await expect.poll(() => pollCard(p.page, named).count()).toBe(0);
    expect(await pollCard(petra.page, secret).count()).toBe(1);
    await close();
  });

  it('[E2E-POLL3] a quiz of two questions shows the right leaderboard', async () => {
    const { jonas, petra, ola, jean, close } = await room('Stadtrallye');
    const q1 = 'In which year did Kamen become a town?';
    const q2 = 'Which river flows through Wołów?';
    await preparePoll(jonas.page, {
      question: q1,
      kind: 'single',
      options: ['1243', '1900'],
      quiz: { correct: 'o1', series: 'Stadtrallye', timeLimit: 120 },
    });
    await preparePoll(jonas.page, {
      question: q2,
      kind: 'single',
      options: ['Oder', 'Rhein', 'Seine'],
      quiz: { correct: 'o1', series: 'Stadtrallye' },
    });

    await launch(jonas.page, q1);
    await expect.poll(() => petra.page.getByTestId('poll-timer').textContent()).toMatch(/\d+/);
    for (const [p, o] of [
      [petra, 'o1'],
      [ola, 'o1'],
      [jean, 'o2'],
    ] as const)
      await vote(p.page, q1, o);
    await expect.poll(() => voters(jonas.page, q1)).toBe('3');
    // [POLL6] A quiz shows no results before it closes (the moderator did not choose otherwise).
    expect(await pollCard(jean.page, q1).getByTestId('poll-results-hidden').count()).toBe(1);
    expect(await pollCard(jean.page, q1).getByTestId('poll-results').count()).toBe(0);
    await pollCard(jonas.page, q1).getByTestId('poll-reveal').click();
    await expect.poll(() => jean.page.getByTestId('quiz-verdict').textContent()).toBe('Pas cette fois.');

    await launch(jonas.page, q2);
    for (const [p, o] of [
      [petra, 'o2'],
      [ola, 'o1'],
      [jean, 'o1'],
    ] as const)
      await vote(p.page, q2, o);
    await expect.poll(() => voters(jonas.page, q2)).toBe('3');
    await pollCard(jonas.page, q2).getByTestId('poll-reveal').click();

    for (const { page } of [jonas, petra, ola, jean]) {
      await expect
        .poll(() =>
          page
            .getByTestId('leaderboard-row')
            .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim()))),
        )
        .toEqual([
          ['1', 'Ola', 'Wołów', '2'],
          ['2', 'Jean', 'Ville-sur-Mer', '1'],
          ['2', 'Petra', 'Kamen', '1'],
        ]);
    }
    // Nothing on the phone is wider than the screen.
    expect(await ola.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await ola.page.screenshot({ path: screenshotPath('polls-quiz-phone.png'), fullPage: true });
    await expectAccessible(ola.page, 'quiz leaderboard on the phone');
    await expectAccessible(jonas.page, 'quiz leaderboard as moderator');
    await close();
  });
});
