/**
 * The barcamp over real sockets on a real server, on the memory store and on Redis: proposals, interest,
 * the grid, a slot's sessions as rooms people switch between freely, notes, the end and the report.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BarcampView } from '../../shared/barcamp/schema.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { type Person, workshopWith } from '../../test/workshop-helpers.js';

const idOf = (v: BarcampView, title: string) => v.barcamp!.proposals.find((p) => p.title === title)!.id;
const titles = (v: BarcampView, row: (string | null)[]) =>
  row.map((id) => (id === null ? null : v.barcamp!.proposals.find((p) => p.id === id)!.title));

function report(server: TestServer, person: Person, format: 'html' | 'csv') {
  return fetch(`${server.url}/api/workshops/${person.workshopId}/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      participantId: person.id,
      resumeToken: person.snapshot.resumeToken,
      locale: 'en',
      timeZone: 'Europe/Berlin',
      format,
    }),
  });
}

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`barcamp (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[BCAMP1]-[BCAMP8] propose, vote, grid, a slot’s rooms people switch freely, notes, stop, the report', async () => {
      const { moderator: mod, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cem', 'Dora');
      const [ana, ben, cem, dora] = people as [Person, Person, Person, Person];
      expect(await request(ana.socket, 'barcamp:start', {})).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await request(ana.socket, 'barcamp:propose', { title: 'x' })).toMatchObject({ code: 'not_open' });
      const seen = waitFor(dora.socket, 'barcamp:updated', (v) => v.barcamp?.phase === 'proposing');
      await ok(mod.socket, 'barcamp:start', { rooms: 2, slotMin: 20 });
      await seen;

      // [BCAMP2] anyone proposes; [BCAMP3] interest, on and off.
      await ok(ana.socket, 'barcamp:propose', { title: 'Radtour <Łódź>', language: 'pl' });
      await ok(ana.socket, 'barcamp:propose', { title: 'Kochbuch' });
      await ok(ben.socket, 'barcamp:propose', { title: 'Chor' });
      let v = await ok(cem.socket, 'barcamp:propose', { title: 'Schulpartnerschaft' });
      for (const p of [ben, cem, dora])
        await ok(p.socket, 'barcamp:vote', { proposalId: idOf(v, 'Kochbuch'), on: true });
      for (const p of [cem, dora])
        await ok(p.socket, 'barcamp:vote', { proposalId: idOf(v, 'Radtour <Łódź>'), on: true });
      await ok(ana.socket, 'barcamp:vote', { proposalId: idOf(v, 'Chor'), on: true });
      await ok(dora.socket, 'barcamp:vote', { proposalId: idOf(v, 'Chor'), on: true });
      v = await ok(dora.socket, 'barcamp:vote', { proposalId: idOf(v, 'Chor'), on: false });
      expect(v.barcamp!.proposals.map((p) => [p.title, p.votes.length])).toEqual([
        ['Radtour <Łódź>', 2],
        ['Kochbuch', 3],
        ['Chor', 1],
        ['Schulpartnerschaft', 0],
      ]);

      // [BCAMP4] the grid: Ana hosts the two most-wanted, so they go to different slots.
      expect(await request(ana.socket, 'barcamp:build', {})).toMatchObject({ code: 'forbidden' });
      v = await ok(mod.socket, 'barcamp:build', {});
      expect(v.barcamp!.grid!.cells.map((r) => titles(v, r))).toEqual([
        ['Kochbuch', 'Chor'],
        ['Radtour <Łódź>', 'Schulpartnerschaft'],
      ]);
      // [BCAMP5] the moderator swaps two sessions of the second slot; a host twice in a slot is refused.
      v = await ok(mod.socket, 'barcamp:move', { proposalId: idOf(v, 'Schulpartnerschaft'), to: { slot: 1, room: 0 } });
      expect(titles(v, v.barcamp!.grid!.cells[1]!)).toEqual(['Schulpartnerschaft', 'Radtour <Łódź>']);
      expect(
        await request(mod.socket, 'barcamp:move', { proposalId: idOf(v, 'Radtour <Łódź>'), to: { slot: 0, room: 1 } }),
      ).toMatchObject({ code: 'conflict' });

      // [BCAMP6] slot 1 opens its sessions as rooms in "choose" mode without capacity; hosts start in theirs.
      const rooms = waitFor(cem.socket, 'breakout:updated', (b) => b.status === 'open');
      v = await ok(mod.socket, 'barcamp:slot', { slot: 0 });
      const open = await rooms;
      expect(v.barcamp).toMatchObject({ phase: 'running', current: 0 });
      expect(open.mode).toBe('choose');
      expect(open.rooms.map((r) => [r.name, r.hostId, r.capacity])).toEqual([
        ['Kochbuch', ana.id, null],
        ['Chor', ben.id, null],
      ]);
      const [kochbuch, chor] = open.rooms.map((r) => r.id) as [string, string];
      expect(v.barcamp!.proposals.find((p) => p.title === 'Kochbuch')!.roomId).toBe(kochbuch);
      expect((await ok(ana.socket, 'breakout:sync', {})).plan[ana.id]).toBe(kochbuch);
      // Law of two feet: Cem goes to one session, leaves for the other.
      await ok(cem.socket, 'breakout:choose', { roomId: kochbuch });
      const moved = waitFor(cem.socket, 'breakout:moved', (m) =>
        m.moves.some((x) => x.participantId === cem.id && x.roomId === chor),
      );
      await ok(cem.socket, 'breakout:choose', { roomId: chor });
      await moved;
      await ok(dora.socket, 'breakout:choose', { roomId: chor });

      // [BCAMP7] notes: whoever is in the session's room, its host, a moderator; not someone elsewhere.
      const chorId = idOf(v, 'Chor');
      expect(await request(ana.socket, 'barcamp:notes', { proposalId: chorId, notes: 'x', rev: 0 })).toMatchObject({
        code: 'forbidden',
      });
      v = await ok(cem.socket, 'barcamp:notes', {
        proposalId: chorId,
        notes: 'Proben online, <b>jeden</b> Montag',
        rev: 0,
      });
      expect(await request(dora.socket, 'barcamp:notes', { proposalId: chorId, notes: 'Meins', rev: 0 })).toMatchObject(
        {
          code: 'conflict',
        },
      );
      await ok(ana.socket, 'barcamp:notes', {
        proposalId: idOf(v, 'Kochbuch'),
        notes: 'Rezepte aus beiden Städten',
        rev: 0,
      });

      // The next slot closes the first one's rooms and opens its own.
      const second = waitFor(
        cem.socket,
        'breakout:updated',
        (b) => b.status === 'open' && b.rooms[0]?.name === 'Schulpartnerschaft',
      );
      v = await ok(mod.socket, 'barcamp:slot', { slot: 1 });
      expect((await second).rooms.map((r) => r.name)).toEqual(['Schulpartnerschaft', 'Radtour <Łódź>']);
      expect(v.barcamp!.current).toBe(1);
      expect(await ok(mod.socket, 'barcamp:slot', { slot: 1 })).toEqual(v);

      // [BCAMP8] stop: the rooms close, everything stays.
      const closed = waitFor(cem.socket, 'breakout:updated', (b) => b.status === 'closed');
      const stopped = await ok(mod.socket, 'barcamp:stop', {});
      await closed;
      expect(stopped.barcamp).toMatchObject({ phase: 'ended', current: null });
      expect(await ok(mod.socket, 'barcamp:stop', {})).toEqual(stopped);

      const res = await report(server, dora, 'html');
      expect(res.status).toBe(200);
      const html = await res.text();
      const section = html.slice(html.indexOf('data-section="barcamp"'));
      expect(section).toContain('<h2 id="r-barcamp">Barcamp</h2>');
      expect(section).toMatch(/<th scope="row">Slot 1<\/th><td><strong>Kochbuch<\/strong>/);
      expect(section).toContain('<strong>Radtour &lt;Łódź></strong>');
      expect(section).toContain('Proben online, &lt;b>jeden&lt;/b> Montag');
      expect(section).toContain('Rezepte aus beiden Städten');
      const csv = await (await report(server, dora, 'csv')).text();
      expect(csv).toContain('"Barcamp","Slot 1","Kochbuch","Room 1","3","Ana"');
      expect(csv).toContain('"Barcamp","Chor","Session notes","","","Proben online, <b>jeden</b> Montag"');
      // Towns only in the report: the hosts' names stay out, the grid and the notes stay in.
      const { workshop } = mod.snapshot;
      await ok(mod.socket, 'agenda:sheet', { sheet: { title: workshop.title, privacy: { townsOnlyInReport: true } } });
      const hidden = await (await report(server, dora, 'html')).text();
      const hiddenSection = hidden.slice(hidden.indexOf('data-section="barcamp"'));
      expect(hiddenSection).toContain('<strong>Kochbuch</strong>');
      expect(hiddenSection).toContain('Rezepte aus beiden Städten');
      expect(hiddenSection).not.toContain('Ana');
      expect(await (await report(server, dora, 'csv')).text()).toContain(
        '"Barcamp","Slot 1","Kochbuch","Room 1","3",""',
      );
    });

    test('[BCAMP3][BCAMP9] twenty people voting for the same session at the same moment: every vote counts once', async () => {
      const names = Array.from({ length: 20 }, (_, i) => `P${i + 1}`);
      const { moderator: mod, people } = await workshopWith(server.url, ...names);
      await ok(mod.socket, 'barcamp:start', {});
      const v = await ok(people[0]!.socket, 'barcamp:propose', { title: 'Radtour' });
      const proposalId = idOf(v, 'Radtour');
      await Promise.all(people.map((p) => ok(p.socket, 'barcamp:vote', { proposalId, on: true })));
      const after = await ok(mod.socket, 'barcamp:sync', {});
      expect([...after.barcamp!.proposals[0]!.votes].sort()).toEqual(people.map((p) => p.id).sort());
    }, 30_000);
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
