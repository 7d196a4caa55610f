/**
 * 1-2-4-All over real sockets, on the memory store and on Redis: a silent round in the plenary, pairs,
 * fours made of two pairs without a detour through the plenary, and each four's card on the plenary board.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BoardSync } from '../../shared/boards/schema.js';
import { PLENARY, type BreakoutMove, type RoundEnded } from '../../shared/breakouts/schema.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  recordEvents,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, workshopWith, type Person } from '../../test/workshop-helpers.js';

const TOWNS = ['Kamen', 'Kamen', 'Kamen', 'Kamen', 'Wołów', 'Wołów', 'Wołów', 'Wołów'];

/** Each person's room now (their own entry of the plan; absent: the plenary). */
async function roomsOf(people: Person[]): Promise<Map<string, string>> {
  const views = await Promise.all(people.map((p) => ok(p.socket, 'breakout:sync', {})));
  return new Map(people.map((p, i) => [p.id, views[i]!.plan[p.id] ?? PLENARY]));
}

function groupsOf(rooms: Map<string, string>): string[][] {
  const by = new Map<string, string[]>();
  for (const [id, room] of rooms) by.set(room, [...(by.get(room) ?? []), id]);
  return [...by.values()].map((g) => g.sort());
}

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`1-2-4-All (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[BR27][BR28][BR29] alone, pairs across towns, fours of two pairs without the plenary, one card per four on the plenary board; [BR30] a four that never posts gets its notes as its card', async () => {
      const { code, moderator } = await workshopWith(server.url);
      const people: Person[] = [];
      for (const [i, town] of TOWNS.entries()) people.push(await joinAs(server.url, code, { name: `P${i}`, town }));
      const townOf = new Map(people.map((p, i) => [p.id, TOWNS[i]!]));
      const seen = people.map((p) => recordEvents(p.socket));
      const ended = (index: number) =>
        waitFor(moderator.socket, 'breakout:round-ended', (e: RoundEnded) => e.index === index, 15_000);
      const boardCards = recordEvents(moderator.socket);

      const view = await ok(moderator.socket, 'breakout:sync', {});
      const endsAlone = ended(0);
      const started = await ok(moderator.socket, 'breakout:rotate', {
        version: view.version,
        kind: 'nested',
        rounds: 3,
        durationMs: 1_500,
        durations: [1_500, 2_000, 3_000],
      });
      expect(started.round).toMatchObject({ index: 0, total: 3, durationMs: 1_500 });
      expect(started.rotation).toMatchObject({ kind: 'nested', rounds: 3 });

      // Alone: everyone stays in the plenary and writes a note only they see.
      expect([...(await roomsOf(people)).values()].every((r) => r === PLENARY)).toBe(true);
      await Promise.all(people.map((p, i) => ok(p.socket, 'breakout:note', { text: `Idee ${i}` })));
      expect(await ok(people[0]!.socket, 'breakout:nested', {})).toEqual({
        notes: { [people[0]!.id]: 'Idee 0' },
        card: null,
      });
      // [BR29] no card before the fours
      expect(await request(people[0]!.socket, 'breakout:post-card', { text: 'zu früh' })).toMatchObject({
        ok: false,
        code: 'not_open',
      });
      expect(await endsAlone).toMatchObject({ next: 'round', by: 'deadline' });

      // Pairs: two people from different towns, each sees their own note and their partner's.
      const endsPairs = ended(1);
      await waitFor(people[0]!.socket, 'breakout:moved');
      const pairRooms = await roomsOf(people);
      const pairs = groupsOf(pairRooms);
      expect(pairs).toHaveLength(4);
      for (const pair of pairs) {
        expect(pair).toHaveLength(2);
        expect(new Set(pair.map((id) => townOf.get(id))).size).toBe(2);
      }
      const [a, b] = pairs[0]!.map((id) => people.find((p) => p.id === id)!) as [Person, Person];
      const noted = waitFor(b.socket, 'breakout:noted');
      await ok(a.socket, 'breakout:note', { text: 'Gemeinsames Fest' });
      expect(await noted).toEqual({ participantId: a.id, text: 'Gemeinsames Fest' });
      const pairView = await ok(b.socket, 'breakout:nested', {});
      expect(Object.keys(pairView.notes).sort()).toEqual([a.id, b.id].sort());
      expect(pairView.notes[a.id]).toBe('Gemeinsames Fest');
      await endsPairs;

      // Fours: exactly two pairs each, met in the room of one of the pairs.
      const endsFours = ended(2);
      await waitFor(people[0]!.socket, 'breakout:moved');
      const fourRooms = await roomsOf(people);
      const fours = groupsOf(fourRooms);
      expect(fours).toHaveLength(2);
      for (const four of fours) {
        const inside = pairs.filter((pair) => pair.every((id) => four.includes(id)));
        expect(inside).toHaveLength(2);
        expect(inside.flat().sort()).toEqual(four);
      }
      const members = fours.map((four) => four.map((id) => people.find((p) => p.id === id)!));
      const fourView = await ok(members[0]![0]!.socket, 'breakout:nested', {});
      expect(Object.keys(fourView.notes).sort()).toEqual(fours[0]);

      // The first four posts one card; a second post from the same four gets the card already posted.
      const posted = await ok(members[0]![0]!.socket, 'breakout:post-card', { text: 'Ein Chor aus beiden Städten' });
      expect(posted.card).toBe('Ein Chor aus beiden Städten');
      expect((await ok(members[0]![1]!.socket, 'breakout:post-card', { text: 'noch eine' })).card).toBe(
        'Ein Chor aus beiden Städten',
      );
      // [BR30] The second four never posts: when its time is up, its members' notes become its card, one per line.
      const noteOf = (p: Person) => (p.id === a.id ? 'Gemeinsames Fest' : `Idee ${people.indexOf(p)}`);
      const fromNotes = members[1]!.map(noteOf).sort();
      expect(await endsFours).toMatchObject({ index: 2, total: 3, next: 'plenary', by: 'deadline' });
      const asLines = (text: string | undefined) =>
        text === 'Ein Chor aus beiden Städten' ? text : text?.split('\n').sort().join(' | ');
      const texts = ['Ein Chor aus beiden Städten', fromNotes.join(' | ')];

      // Nobody went back to the plenary before the fours ended; then everyone did.
      const movesOf = (i: number) =>
        seen[i]!.filter((e) => e.event === 'breakout:moved').flatMap((e) =>
          (e.arg as { moves: BreakoutMove[] }).moves
            .filter((m) => m.participantId === people[i]!.id)
            .map((m) => m.roomId),
        );
      await vi.waitFor(() => expect(people.map((_, i) => movesOf(i).at(-1))).toEqual(people.map(() => PLENARY)));
      await vi.waitFor(() =>
        expect(boardCards.filter((e) => e.event === 'board:ops').length).toBeGreaterThanOrEqual(2),
      );
      for (const i of people.keys()) expect(movesOf(i).slice(0, -1)).not.toContain(PLENARY);
      // The moderator in the plenary saw both cards arrive; the board holds exactly them, signed by each four.
      const live = boardCards
        .filter((e) => e.event === 'board:ops' && (e.arg as { roomId: string }).roomId === PLENARY)
        .flatMap((e) => (e.arg as BoardSync & { ops: { kind: string; items?: { text?: string }[] }[] }).ops)
        .flatMap((op) => (op.kind === 'put' ? (op.items ?? []).map((item) => asLines(item.text)) : []));
      expect(live.sort()).toEqual([...texts].sort());
      const sync = (await ok(people[0]!.socket, 'board:sync', { roomId: PLENARY, full: true })) as BoardSync;
      if (sync.kind !== 'snapshot') throw new Error('expected a snapshot');
      const cards = sync.snapshot.items.filter((item) => item.kind === 'card');
      expect(cards.map((c) => (c.kind === 'card' ? asLines(c.text) : '')).sort()).toEqual([...texts].sort());
      for (const [i, four] of members.entries()) {
        const card = cards.find((c) => c.kind === 'card' && asLines(c.text) === texts[i]);
        expect(card?.kind === 'card' && card.authorName.split(', ').sort()).toEqual(
          four.map((p) => p.snapshot.self.name).sort(),
        );
      }
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('1-2-4-All on Redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
