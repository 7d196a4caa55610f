/**
 * The results report over a real server, on the memory store and on Redis: a short programme with a card
 * collection, dot voting and a poll is run; the report (HTML and CSV, in two languages) is read from what
 * the store kept, by anyone who took part, also after the end; nobody else gets it; names stay out when the
 * organisers said "towns only"; text people typed cannot become markup.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { StepInput } from '../../shared/agenda/schema.js';
import type { Stall } from '../../shared/market/schema.js';
import type { ReportRequest } from '../../shared/report/schema.js';
import { closeAllClients, describeWithRedis, ok, startServer, type TestServer } from '../../test/server-harness.js';
import { joinAs, createWorkshop, type Person } from '../../test/workshop-helpers.js';

const programme: StepInput[] = [
  { format: 'cards', durationMin: 10, params: { kind: 'cards', question: 'Was tun wir 2027?', hidden: false } },
  { format: 'dots', durationMin: 5, params: { kind: 'dots', question: 'Womit anfangen?', budget: 3 } },
  { format: 'mood', durationMin: 3, params: { kind: 'poll', question: 'Wie war es?', pollKind: 'scale' } },
];

const card = (id: string, text: string) => ({
  op: { type: 'add' as const, item: { kind: 'card' as const, id, x: 0, y: 0, text, color: '#fff176' as const } },
});

function asking(server: TestServer, person: Person, input: Partial<ReportRequest> = {}) {
  return fetch(`${server.url}/api/workshops/${person.workshopId}/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      participantId: person.id,
      resumeToken: person.snapshot.resumeToken,
      locale: 'de',
      timeZone: 'Europe/Berlin',
      ...input,
    }),
  });
}

async function text(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  return res.text();
}

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`the results report (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    async function runWorkshop() {
      const created = await createWorkshop(server.url, { title: 'Kamen & Wołów 2027' });
      const code = created.workshop.code;
      const mod = await joinAs(server.url, code, { name: 'Mia', town: 'Kamen', moderatorKey: created.moderatorKey });
      const ana = await joinAs(server.url, code, { name: 'Ana <b>Nowak</b>', town: 'Wołów' });
      const ben = await joinAs(server.url, code, { name: 'Ben', town: 'kamen ' });
      let agenda = await ok(mod.socket, 'agenda:plan', { version: 0, steps: programme });
      let r = await ok(mod.socket, 'agenda:start', { version: agenda.version });
      await ok(ana.socket, 'board:op', card('c1', 'Jugendaustausch'));
      await ok(ben.socket, 'board:op', card('c2', '<script>alert(1)</script>Radtour'));
      r = await ok(mod.socket, 'agenda:next', { version: r.agenda.version });
      for (const [who, id] of [
        [ana, 'd1'],
        [ben, 'd2'],
        [mod, 'd3'],
      ] as const)
        await ok(who.socket, 'board:op', { op: { type: 'add', item: { kind: 'dot', id, cardId: 'c2' } } });
      await ok(ana.socket, 'board:op', { op: { type: 'add', item: { kind: 'dot', id: 'd4', cardId: 'c1' } } });
      r = await ok(mod.socket, 'agenda:next', { version: r.agenda.version });
      const pollId = r.agenda.current!.ref.pollId!;
      await ok(ana.socket, 'poll:vote', { pollId, choices: ['5'] });
      await ok(ben.socket, 'poll:vote', { pollId, choices: ['4'] });
      agenda = (await ok(mod.socket, 'agenda:next', { version: r.agenda.version })).agenda;
      // [GAL7] The gallery walk: comments on the board and on a snapshot of it, reactions.
      const plenary = { roomId: 'plenary' };
      await ok(ana.socket, 'gallery:comment', { item: plenary, text: 'Gute <i>Ideen</i>!' });
      const shot = await ok(mod.socket, 'board:snapshot', { roomId: 'plenary', label: 'Stand' });
      await ok(ben.socket, 'gallery:comment', { item: { roomId: 'plenary', snapshotId: shot.id }, text: 'Weiter so' });
      for (const who of [ben, mod])
        await ok(who.socket, 'gallery:react', { item: plenary, reaction: 'like', on: true });
      return { created, mod, ana, ben, agenda };
    }

    test('[REPORT5] a step with room rounds shows them, and a World Café its tables', async () => {
      const created = await createWorkshop(server.url, { title: 'Café' });
      const mod = await joinAs(server.url, created.workshop.code, {
        name: 'Mia',
        town: 'Kamen',
        moderatorKey: created.moderatorKey,
      });
      const steps: StepInput[] = [
        {
          format: 'worldCafe',
          durationMin: 0.25,
          params: { kind: 'rotation', rotation: 'worldCafe', rounds: 3, tables: ['Feste', 'Schulen'] },
        },
        { format: 'reception', durationMin: 1.5, params: { kind: 'rotation', rotation: 'reception', rounds: 2 } },
      ];
      await ok(mod.socket, 'agenda:plan', { version: 0, steps });
      const html = await text(await asking(server, mod));
      expect(html).toContain('World Café<span data-rounds="3" class="muted"> · 3 Runden: Feste · Schulen</span>');
      expect(html).toContain('Virtueller Empfang<span data-rounds="2" class="muted"> · 2 Runden</span>');
      // [AG16] Quarter and half minutes as planned.
      expect(html).toMatch(/>0\.25 Min\.<.*>1\.5 Min\.</s);
    });

    test('[REPORT1] the programme as run, participants by town, the cards ranked by dots and the poll, in German and in French', async () => {
      const { ana, ben } = await runWorkshop();
      const html = await text(await asking(server, ana));
      expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
      expect(html).toContain('Ergebnisbericht');
      expect(html).toContain('Kamen &amp; Wołów 2027');
      // The programme: three steps done, with the format names in German.
      expect(html).toContain('Programm, wie es lief');
      expect(html.match(/data-status="done"/g)).toHaveLength(3);
      expect(html).toContain('<td>Kartenabfrage</td>');
      // Towns grouped regardless of case and spaces: Kamen 2 (Mia, Ben), Wołów 1.
      const people = html.slice(html.indexOf('data-section="people"'));
      expect(people).toMatch(/<td>Kamen<\/td><td class="num">2<\/td><td>Mia, Ben<\/td>/);
      expect(people).toMatch(/<td>Wołów<\/td><td class="num">1<\/td>/);
      // Cards, most dots first; what people typed stays text.
      const cards = html.slice(html.indexOf('data-section="cards"'));
      expect(cards.indexOf('Radtour')).toBeLessThan(cards.indexOf('Jugendaustausch'));
      expect(cards).toContain('3 Punkte');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<b>Nowak');
      expect(html).toContain('&lt;script>alert(1)&lt;/script>Radtour');
      // The board as a picture, drawn like the live board.
      expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Die Tafel „Plenum“ als Bild"/);
      // [GAL7] The gallery walk's comments under the board, with name and town; reactions counted.
      const comments = html.slice(html.indexOf('Aus dem Galerierundgang'));
      expect(comments).toContain('Gefällt mir: 2');
      expect(comments).toMatch(/Gute &lt;i>Ideen&lt;\/i>!<span class="tag">Ana &lt;b>Nowak&lt;\/b> \(Wołów\)<\/span>/);
      expect(comments).toMatch(
        /Weiter so<span class="tag">Ben \(kamen\)<\/span><span class="tag">zu einem Schnappschuss<\/span>/,
      );
      // The poll: 2 answers, average 4.5 of 5.
      expect(html).toContain('Wie war es?');
      expect(html).toContain('2 Antworten');
      expect(html).toContain('Durchschnitt: 4.5 von 5');

      // The same report in French, for the partner town.
      const fr = await text(await asking(server, ben, { locale: 'fr' }));
      expect(fr).toContain('<html lang="fr">');
      expect(fr).toContain('Compte rendu des résultats');
      expect(fr).toContain('3 gommettes');
      expect(fr).toMatch(/<td>Collecte de cartes<\/td>/);

      // The data as CSV: quoted, with a byte order mark, and a formula defused.
      const csvRes = await asking(server, ana, { format: 'csv', locale: 'en' });
      expect(csvRes.headers.get('content-type')).toContain('text/csv');
      expect(csvRes.headers.get('content-disposition')).toMatch(/attachment; filename="report-.*-en\.csv"/);
      expect([...new Uint8Array(await csvRes.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = await text(csvRes);
      expect(csv.startsWith('"Section","Title","Item","Group","Value","Detail"\r\n')).toBe(true);
      expect(csv).toContain('"Boards","Plenary","<script>alert(1)</script>Radtour","","3","Ben"');
      expect(csv).toContain('"Participants by town","Wołów","Ana <b>Nowak</b>","","1",""');
      expect(csv).toContain('"From the gallery walk","Plenary","Gute <i>Ideen</i>!","Wołów","","Ana <b>Nowak</b>"');
      expect(csv).toContain('"Reactions","Plenary","Like","","2",""');
    });

    test('[REPORT2] only people who took part get it, also after the end; towns only when the organisers say so', async () => {
      const { mod, ana, created } = await runWorkshop();
      // A wrong token, an unknown person, a malformed request: refused with a code the page can say.
      let res = await asking(server, ana, { resumeToken: 'not-the-token' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'forbidden' });
      res = await asking(server, ana, { participantId: 'nobody' });
      expect(res.status).toBe(403);
      res = await asking(server, ana, { locale: 'xx' as 'de' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_payload' });
      res = await asking(server, ana, { timeZone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      res = await fetch(`${server.url}/api/workshops/${ana.workshopId}/report`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"participantId":',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_payload' });

      // The organisers tick "towns only": no names anywhere, in HTML nor CSV.
      await ok(mod.socket, 'agenda:sheet', {
        sheet: { title: created.workshop.title, privacy: { townsOnlyInReport: true } },
      });
      await ok(mod.socket, 'workshop:end', {});
      const html = await text(await asking(server, ana, { locale: 'en' }));
      expect(html).toContain('As the organisers chose, towns only, no names.');
      const csv = await text(await asking(server, ana, { locale: 'en', format: 'csv' }));
      for (const name of ['Mia', 'Ben', 'Nowak']) {
        expect(html).not.toContain(name);
        expect(csv).not.toContain(name);
      }
      expect(csv).toContain('"Participants by town","Kamen","","","2",""');
      // Comments keep their town, not their author.
      expect(html).toMatch(/Gute &lt;i>Ideen&lt;\/i>!<span class="tag">Wołów<\/span>/);
      expect(csv).toContain('"From the gallery walk","Plenary","Gute <i>Ideen</i>!","Wołów","",""');
    });

    test('[REPORT4][MKT7] the idea market: stalls, who signed up with their offer, next steps and contact, in HTML and CSV; towns only hides the names', async () => {
      const { mod, ana, ben, created } = await runWorkshop();
      await ok(mod.socket, 'market:start', { fromBoard: 1 });
      const view = await ok(mod.socket, 'market:add', { title: 'Chor', ownerId: ana.id, capacity: 4 });
      const [radtour, chor] = view.market!.stalls as [Stall, Stall];
      expect(radtour.title).toBe('<script>alert(1)</script>Radtour');
      await ok(ana.socket, 'market:signup', { stallId: radtour.id, offer: 'Ich leihe Fahrräder' });
      await ok(ben.socket, 'market:signup', { stallId: radtour.id, offer: 'Route <planen>' });
      await ok(ben.socket, 'market:signup', { stallId: chor.id });
      await ok(ben.socket, 'market:notes', { stallId: radtour.id, notes: 'Treffen im März' });
      await ok(mod.socket, 'market:stop', {});

      const html = await text(await asking(server, ana, { locale: 'en' }));
      const market = html.slice(html.indexOf('data-section="market"'));
      expect(market).toContain('<h2 id="r-market">Idea market</h2>');
      expect(market).toContain('&lt;script>alert(1)&lt;/script>Radtour');
      expect(market).toContain('Signed up: 2');
      expect(market).toMatch(/<td>Ana &lt;b>Nowak&lt;\/b><\/td><td>Wołów<\/td><td>Ich leihe Fahrräder<\/td>/);
      expect(market).toContain('Route &lt;planen>');
      expect(market).toContain('Treffen im März');
      expect(market).toContain('Contact: Ben');
      expect(market).toContain('Contact: Ana &lt;b>Nowak&lt;/b>');
      const csv = await text(await asking(server, ana, { locale: 'en', format: 'csv' }));
      expect(csv).toContain('"Idea market","<script>alert(1)</script>Radtour","Ben","kamen","","Route <planen>"');
      expect(csv).toContain('"Idea market","<script>alert(1)</script>Radtour","Next steps","","2","Treffen im März"');

      await ok(mod.socket, 'agenda:sheet', {
        sheet: { title: created.workshop.title, privacy: { townsOnlyInReport: true } },
      });
      const townsOnly = await text(await asking(server, ana, { locale: 'en' }));
      const hidden = townsOnly.slice(townsOnly.indexOf('data-section="market"'));
      expect(hidden).toContain('Ich leihe Fahrräder');
      expect(hidden).not.toContain('Nowak');
      expect(hidden).not.toContain('Ben');
      const townsCsv = await text(await asking(server, ana, { locale: 'en', format: 'csv' }));
      expect(townsCsv).toContain(
        '"Idea market","<script>alert(1)</script>Radtour","","Wołów","","Ich leihe Fahrräder"',
      );
      expect(townsCsv).not.toContain('Nowak');
    });

    test('[TRUTH10] each person’s three hashtags with their town, in HTML and CSV; towns only hides the names', async () => {
      const created = await createWorkshop(server.url, { title: 'Hashtags' });
      const code = created.workshop.code;
      const mod = await joinAs(server.url, code, { name: 'Mia', town: 'Kamen', moderatorKey: created.moderatorKey });
      const ana = await joinAs(server.url, code, { name: 'Ana', town: 'Wołów' });
      await ok(mod.socket, 'truths:start', { variant: 'hashtags' });
      await ok(ana.socket, 'truths:hashtags', { tags: ['Chor', 'Łódź', 'rower'] });
      await ok(mod.socket, 'truths:stop', {});
      const html = await text(await asking(server, ana, { locale: 'en' }));
      const section = html.slice(html.indexOf('data-section="hashtags"'));
      expect(section).toContain('<h2 id="r-hashtags">Three hashtags</h2>');
      expect(section).toMatch(/<td>Ana<\/td><td>Wołów<\/td><td>#Chor #Łódź #rower<\/td>/);
      expect(await text(await asking(server, ana, { locale: 'en', format: 'csv' }))).toContain(
        '"Three hashtags","","#Chor #Łódź #rower","Wołów","","Ana"',
      );

      await ok(mod.socket, 'agenda:sheet', {
        sheet: { title: created.workshop.title, privacy: { townsOnlyInReport: true } },
      });
      const hidden = await text(await asking(server, ana, { locale: 'en' }));
      expect(hidden.slice(hidden.indexOf('data-section="hashtags"'))).toMatch(
        /<td>Wołów<\/td><td>#Chor #Łódź #rower<\/td>/,
      );
      expect(hidden).not.toContain('Ana');
      const csv = await text(await asking(server, ana, { locale: 'en', format: 'csv' }));
      expect(csv).toContain('"Three hashtags","","#Chor #Łódź #rower","Wołów","",""');
      expect(csv).not.toContain('Ana');
    });

    test('[REPORT3] the template sheet prints as a page without controls, in the language asked for; only for moderators', async () => {
      const { mod, ana } = await runWorkshop();
      await ok(mod.socket, 'agenda:sheet', {
        sheet: {
          title: 'Jugendaustausch 2027',
          category: 'project',
          towns: [
            { town: 'Kamen', country: 'DE' },
            { town: 'Wołów', country: 'PL', contact: 'Urząd <Miasta>' },
          ],
          budget: { amount: '1200 EUR' },
          privacy: { photoConsent: true },
        },
      });
      const pl = await text(await asking(server, mod, { format: 'sheet', locale: 'pl' }));
      expect(pl).toContain('<html lang="pl">');
      expect(pl).toContain('<h1>Jugendaustausch 2027</h1>');
      expect(pl).toMatch(/<dt>Kategoria<\/dt><dd>Projekt<\/dd>/);
      expect(pl).toContain('Urząd &lt;Miasta>');
      expect(pl).toContain('1200 EUR');
      // The programme with its minutes: 10 + 5 + 3.
      expect(pl).toContain('Zbieranie kart');
      expect(pl).toContain('Razem: 18 min');
      // A page to print: no controls, no script.
      for (const tag of ['<button', '<input', '<select', '<form', '<script']) expect(pl).not.toContain(tag);
      // Contacts and budget are for moderators: a participant is refused.
      const res = await asking(server, ana, { format: 'sheet' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'forbidden' });
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
