import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closeEveryone,
  createWorkshop,
  hasBrowser,
  joinWorkshop,
  launchBrowser,
  newPerson,
  openPanel,
  saveFailureArtifacts,
  showBoard,
  startServer,
  type TestServer,
} from './harness.js';

/** What a person sees at one moment (read in one go, so it belongs to one round): the "Now" line, their room, who is in it. */
function seen(page: Page) {
  return page.evaluate(() => {
    const text = (sel: string) => document.querySelector(`[data-testid=${sel}]`)?.textContent?.trim() ?? '';
    const mates = [...document.querySelectorAll<HTMLElement>('[data-testid=room-mate]')].map((li) => ({
      name: li.dataset.name ?? '',
      text: li.textContent ?? '',
    }));
    return { now: text('agenda-now'), room: text('room-name'), mates };
  });
}
type Seen = Awaited<ReturnType<typeof seen>>;

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasBrowser())('formats from the run sheet in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureArtifacts(ctx.task.name);
    await closeEveryone();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * [E2E-AG6] The "done": a volunteer runs a two-town programme (check-in poll, card collection, dot
   * voting, World Café, quiz, check-out) from the run sheet with only Start and Next; [E2E-AG5] the format
   * groups inside it: World Café of 3 rounds, a city quiz per town, a reception with reshuffles.
   */
  it('[E2E-AG6] [E2E-AG5] a two-town programme with only Start and Next: check-in, cards, dots, World Café of 3 rounds, a city quiz per town, a reception with reshuffles, check-out; then the report', async () => {
    // Where the time goes, one line per phase (the budget is 45 s on a quiet machine).
    const t0 = performance.now();
    const mark = (phase: string) =>
      console.info(`[E2E-AG5] ${phase}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const mod = await newPerson(browser);
    const m = mod.page;
    m.setDefaultNavigationTimeout(30_000);
    const { inviteUrl, moderatorUrl } = await createWorkshop(m, server.url, 'Kamen – Wołów');
    // Four participants from two towns, in German and Polish (Piotr on a phone), all without camera.
    const who = [
      { name: 'Anna', town: 'Kamen', locale: 'de-DE' },
      { name: 'Ben', town: 'Kamen', locale: 'de-DE' },
      { name: 'Ola', town: 'Wołów', locale: 'pl-PL' },
      { name: 'Piotr', town: 'Wołów', locale: 'pl-PL', viewport: PHONE },
    ];
    const [people] = await Promise.all([
      Promise.all(
        who.map(async (w) => {
          const { page } = await newPerson(browser, { locale: w.locale, viewport: w.viewport });
          // Five pages load at once: on a busy machine the first load takes longer than a click.
          page.setDefaultNavigationTimeout(30_000);
          await joinWorkshop(page, inviteUrl, { name: w.name, town: w.town, media: false });
          return { ...w, page, de: w.locale === 'de-DE' };
        }),
      ),
      joinWorkshop(m, moderatorUrl, { name: 'Mia', town: 'Kamen', media: false }),
    ]);

    mark('joined');
    // The moderator builds the programme from the catalogue: World Café, city quiz, reception.
    await openPanel(m, 'agenda');
    const steps = m.getByTestId('agenda-steps');
    const version = async () => Number(await steps.getAttribute('data-version').catch(() => '0'));
    /** A field filled and left (its change is sent then); waits for the server's answer, so edits never cross. */
    const edit = async (label: string, value: string) => {
      const before = await version();
      const field = m.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.blur();
      await expect.poll(version).toBeGreaterThan(before);
      expect(await field.inputValue()).toBe(value);
    };
    await m.locator('details.agenda__catalogue > summary').click();
    for (const [format, count] of [
      ['Mood barometer', 1],
      ['Card collection', 2],
      ['Dot voting', 3],
      ['World Café', 4],
      ['City profile and quiz', 6],
      ['Virtual reception', 8],
      ['Mood barometer', 9],
    ] as const) {
      await m.getByRole('button', { name: `Add: ${format}`, exact: true }).click();
      await expect.poll(() => m.getByTestId('agenda-step').count()).toBe(count);
    }
    await m.locator('details.agenda__catalogue > summary').click();
    // [AG16] Quarter minutes: each room step lasts 15 seconds, 5 seconds a round.
    const tables = ['Ein gemeinsames Fest? / Wspólne święto?', 'Ein Schüleraustausch? / Wymiana uczniów?'];
    await edit('Minutes for World Café', '0.25');
    await edit('Tables for World Café, one question per line', tables.join('\n'));
    await edit('Minutes for Virtual reception', '0.25');
    const question = 'Wołów liegt an der Oder? / Wołów leży nad Odrą?';
    await edit('Question for City profile and quiz, Quiz', question);
    expect(await m.getByLabel('Right answer for City profile and quiz, Quiz').inputValue()).toBe('yes');
    expect(await m.getByLabel('Rounds for World Café').inputValue()).toBe('3');
    expect(await m.getByLabel('Rounds for Virtual reception').inputValue()).toBe('3');

    mark('programme built');
    const modNow = m.getByTestId('agenda-now').first();
    const next = async (expected: string) => {
      await m.getByTestId('agenda-next-button').click();
      await expect.poll(() => modNow.textContent()).toContain(`Now: ${expected}`);
    };

    /** Each person's view in rounds 1, 2 and 3 of the rooms now running, in their language (5 seconds a round). */
    const followRounds = async () => {
      const views: Record<string, Seen[]> = {};
      await Promise.all(
        people.map(async (p) => {
          const rounds: Seen[] = [];
          for (const n of [1, 2, 3]) {
            let s!: Seen;
            await expect
              .poll(async () => (s = await seen(p.page)).now, { timeout: 12_000, interval: 100 })
              .toContain(p.de ? `Runde ${n} von 3` : `Runda ${n} z 3`);
            rounds.push(s);
          }
          views[p.name] = rounds;
        }),
      );
      return views;
    };

    /** Each person votes `point` on the open mood poll (a scale of 1 to 5), from their own screen. */
    const mood = (points: Record<string, string>) =>
      Promise.all(
        people.map(async (p) => {
          await openPanel(p.page, 'polls');
          const poll = p.page.locator('[data-testid=poll][data-status=open]');
          await poll.locator(`[data-testid=poll-option][data-option="${points[p.name]}"]`).click();
          await poll.getByTestId('poll-voted').waitFor();
        }),
      );
    // Check-in: Start. A mood poll opens for everyone.
    await m.getByTestId('agenda-start').click();
    await expect.poll(() => modNow.textContent()).toContain('Now: Mood barometer');
    await mood({ Anna: '4', Ben: '5', Ola: '4', Piotr: '3' });
    mark('check-in');

    // Card collection: everyone writes an idea on the board (Piotr on his phone).
    const ideas: Record<string, string> = {
      Anna: 'Gemeinsames Stadtfest',
      Ben: 'Radtour an der Oder',
      Ola: 'Wymiana uczniów',
      Piotr: 'Chór partnerski',
    };
    await next('Card collection');
    await Promise.all(
      people.map(async (p) => {
        await expect
          .poll(async () => (await seen(p.page)).now)
          .toContain(p.de ? 'Jetzt: Kartenabfrage' : 'Teraz: Zbieranie kart');
        await showBoard(p.page);
        await p.page.locator('#card-text').fill(ideas[p.name]!);
        await p.page.getByTestId('add-card').click();
        await expect.poll(() => p.page.locator('#card-text').inputValue()).toBe('');
      }),
    );
    mark('cards');

    // Dot voting: every card is shown; each person places dots within the budget.
    await next('Dot voting');
    const dots: Record<string, string[]> = {
      Anna: ['Wymiana uczniów', 'Gemeinsames Stadtfest'],
      Ben: ['Wymiana uczniów'],
      Ola: ['Wymiana uczniów', 'Gemeinsames Stadtfest'],
      Piotr: ['Wymiana uczniów'],
    };
    await Promise.all(
      people.map(async (p) => {
        await expect.poll(() => p.page.getByTestId('dots-status').isVisible()).toBe(true);
        await expect.poll(() => p.page.getByTestId('card-entry').count()).toBe(4);
        // The notices of the last minute ("New poll", "The board is on the stage") sit over the stage's
        // lower left for 12 s: a person closes them before placing dots under them.
        for (const close of await p.page.locator('[data-testid=toast] button.btn--ghost').all())
          await close.click({ timeout: 1_000 }).catch(() => {}); // one may have left by itself meanwhile
        for (const idea of dots[p.name]!) {
          const before = await p.page.getByTestId('dots-left').textContent();
          await p.page.getByTestId('card-entry').filter({ hasText: idea }).getByTestId('dot-add').click();
          await expect.poll(() => p.page.getByTestId('dots-left').textContent()).not.toBe(before);
        }
      }),
    );
    mark('dots');

    // World Café: Next. Everyone is at a table with someone of the other town, in their own language.
    await m.getByTestId('agenda-next-button').click();
    const cafe = await followRounds();
    for (const p of people) {
      const [r1, r2, r3] = cafe[p.name]!;
      expect(r1!.now).toContain(p.de ? 'Jetzt: World Café' : 'Teraz: World Café');
      expect(r1!.now).toContain(p.de ? 'Besprechen Sie die Frage Ihres Tisches' : 'Omawiaj pytanie swojego stolika');
      for (const r of [r1!, r2!, r3!]) {
        expect(tables).toContain(r.room);
        expect(r.mates.filter((x) => x.text.includes(p.town === 'Kamen' ? 'Wołów' : 'Kamen'))).not.toEqual([]);
      }
      // Guests move on each round: the other table (and its question) in round 2, back in round 3.
      expect(r2!.room).not.toBe(r1!.room);
      expect(r3!.room).toBe(r1!.room);
    }

    mark('World Café');
    // City quiz: the towns present themselves, then the quiz question; everyone answers.
    await next('City profile and quiz, Each town presents itself');
    await next('City profile and quiz, Quiz');
    const answers: Record<string, 'yes' | 'no'> = { Anna: 'yes', Ben: 'no', Ola: 'yes', Piotr: 'yes' };
    await Promise.all(
      people.map(async (p) => {
        await expect
          .poll(async () => (await seen(p.page)).now)
          .toContain(p.de ? 'Jetzt: Städtesteckbrief und Quiz, Quiz' : 'Teraz: Wizytówka miasta i quiz, Quiz');
        await openPanel(p.page, 'polls');
        const poll = p.page.locator('[data-testid=poll][data-status=open]', { hasText: question });
        await poll.locator(`[data-testid=poll-option][data-option=${answers[p.name]}]`).click();
        await poll.getByTestId('poll-voted').waitFor();
      }),
    );
    mark('quiz answered');
    // Next reveals the answer: each person learns theirs, and the points go to the towns.
    await next('Virtual reception, Toast');
    await Promise.all(
      people.map(async (p) => {
        const right = answers[p.name] === 'yes';
        await expect
          .poll(() => p.page.getByTestId('quiz-verdict').textContent())
          .toBe(p.de ? (right ? 'Richtig!' : 'Diesmal nicht.') : right ? 'Dobrze!' : 'Tym razem nie.');
        await expect
          .poll(() =>
            p.page
              .getByTestId('leaderboard-row')
              .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim()))),
          )
          .toEqual([
            ['1', 'Wołów', '2', '2'],
            ['2', 'Kamen', '2', '1'],
          ]);
      }),
    );
    expect(await m.getByTestId('leaderboard').getAttribute('data-scoring')).toBe('town');

    mark('quiz revealed');
    // Reception: rooms of two, reshuffled twice; after each reshuffle everyone is with someone new.
    await next('Virtual reception');
    const reception = await followRounds();
    for (const p of people) {
      const rounds = reception[p.name]!;
      expect(rounds[0]!.now).toContain(p.de ? 'Jetzt: Virtueller Empfang' : 'Teraz: Wirtualne przyjęcie');
      expect(rounds[0]!.now).toContain(p.de ? 'in kleinen Gruppen, die neu gemischt werden' : 'w małych grupach');
      expect(rounds[0]!.room).toMatch(p.de ? /^Raum [12]$/ : /^Pokój [12]$/);
      const partners = rounds.map((r) => r.mates.map((x) => x.name).join());
      expect(partners.every((x) => x && x !== p.name)).toBe(true);
      // Four people meet everyone once: three rounds, three different partners.
      expect(new Set(partners).size).toBe(3);
    }

    mark('reception');
    // Check-out: the mood poll once more.
    await next('Mood barometer');
    await mood({ Anna: '5', Ben: '5', Ola: '5', Piotr: '4' });
    mark('check-out');
    // The last Next ends the programme; the results report has what happened.
    await m.getByTestId('agenda-next-button').click();
    await expect.poll(() => m.getByTestId('agenda-finished').first().isVisible()).toBe(true);
    await m.getByTestId('report-open').first().click();
    const report = m.frameLocator('[data-testid=report-frame]');
    await expect.poll(() => report.locator('h1').textContent()).toBe('Kamen – Wołów');
    // The programme as it ran, every step done; the room steps with their rounds, the café with its tables.
    expect(
      await report.locator('[data-section=programme] tr[data-status=done] td:first-child').allTextContents(),
    ).toEqual([
      expect.stringContaining('Mood barometer'),
      expect.stringContaining('Card collection'),
      expect.stringContaining('Dot voting'),
      `World Café · 3 rounds: ${tables.join(' · ')}`,
      'City profile and quiz, Each town presents itself',
      'City profile and quiz, Quiz',
      'Virtual reception, Toast',
      'Virtual reception · 3 rounds',
      expect.stringContaining('Mood barometer'),
    ]);
    // The ideas ranked by their dots: the exchange of pupils first (4 dots), the town festival (2).
    const cards = await report.locator('[data-section=cards] li').allTextContents();
    expect(cards.length).toBe(4);
    expect(cards[0]).toMatch(/^Wymiana uczniów.*4 dots/);
    expect(cards[1]).toMatch(/^Gemeinsames Stadtfest.*2 dots/);
    // Both mood polls, check-in and check-out, with their four voters each.
    expect(await report.locator('article[data-poll]').count()).toBe(3);
    // The quiz by town: Wołów answered right twice, Kamen once.
    const quiz = report.locator('article[data-quiz=Quiz]');
    expect(
      await quiz
        .locator('table')
        .first()
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim()))),
    ).toEqual([
      ['Wołów', '2'],
      ['Kamen', '1'],
    ]);
    expect(await report.locator(`article[data-poll]`, { hasText: question }).count()).toBe(1);
    mark('report');
    // About 35 s on a quiet machine; the ceiling leaves room for a loaded one (the rounds run on the clock).
  }, 150_000);
});
