/** Two truths and a lie over real sockets, on the memory store and on Redis: [TRUTH1]–[TRUTH5]. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TruthsView } from '../../shared/truths/schema.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, workshopWith, type Person } from '../../test/workshop-helpers.js';
import { truthsMechanic } from './service.js';

function suite(label: string, start: (clock: () => number) => Promise<TestServer>) {
  describe(`two truths and a lie (${label})`, () => {
    let server: TestServer;
    let now = Date.now();
    beforeEach(async () => {
      now = Date.now();
      server = await start(() => now);
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[TRUTH1]–[TRUTH5] statements, one hidden vote per author, reveals on time, scores per person and town', async () => {
      const { code, moderator } = await workshopWith(server.url);
      const people: Person[] = [];
      for (const [name, town] of [
        ['Ana', 'Lyon'],
        ['Ben', 'Kamen'],
        ['Cleo', 'Lyon'],
      ] as const)
        people.push(await joinAs(server.url, code, { name, town }));
      const [ana, ben, cleo] = people as [Person, Person, Person];
      expect(await request(ana.socket, 'truths:start', {})).toMatchObject({ ok: false, code: 'forbidden' });
      const started = await ok(moderator.socket, 'truths:start', { voteSec: 10 });
      expect(started.games[0]).toMatchObject({ phase: 'collect', voteSec: 10 });

      // [TRUTH2] Statements with the lie; everyone learns who is ready, nobody the lie.
      const readySeen = waitFor(cleo.socket, 'truths:updated', (v) => v.ready.length === 2);
      await ok(ana.socket, 'truths:submit', {
        statements: ['Ich war in Łódź', 'Ich spiele Tuba', 'Ich habe 5 Katzen'],
        lie: 2,
      });
      await ok(ben.socket, 'truths:submit', {
        statements: ['J’ai nagé dans le Rhin', 'Ich koche gern', 'Ich war nie in Lyon'],
        lie: 0,
      });
      expect((await readySeen).ready.sort()).toEqual([ana.id, ben.id].sort());
      expect((await ok(ana.socket, 'truths:sync', {})).entry).toMatchObject({ lie: 2 });
      expect((await ok(cleo.socket, 'truths:sync', {})).entry).toBeNull();

      // [TRUTH3] Voting: one author at a time, the lie not sent.
      const sent: TruthsView[] = [];
      cleo.socket.on('truths:updated', (v) => sent.push(v));
      const voting = await ok(moderator.socket, 'truths:next', { roomId: 'plenary' });
      const game = voting.games[0]!;
      expect(game.phase).toBe('voting');
      const first = game.order[0] === ana.id ? ana : ben;
      const second = first === ana ? ben : ana;
      const lieOf = (p: Person) => (p === ana ? 2 : 0);
      expect(await request(first.socket, 'truths:guess', { authorId: first.id, guess: 1 })).toMatchObject({
        code: 'forbidden',
      });
      expect(await request(cleo.socket, 'truths:guess', { authorId: second.id, guess: 1 })).toMatchObject({
        code: 'poll_closed',
      });
      await ok(cleo.socket, 'truths:guess', { authorId: first.id, guess: (lieOf(first) + 1) % 3 });
      await ok(cleo.socket, 'truths:guess', { authorId: first.id, guess: lieOf(first) }); // changed her mind
      await ok(second.socket, 'truths:guess', { authorId: first.id, guess: (lieOf(first) + 1) % 3 });
      expect(JSON.stringify(sent)).not.toContain('"lie"');

      // [TRUTH4] Time up: the server reveals, once.
      const revealed = waitFor(cleo.socket, 'truths:updated', (v) => v.games[0]?.phase === 'reveal');
      now += 10_000;
      const r = (await revealed).games[0]!.reveals[0]!;
      expect(r).toMatchObject({ authorId: first.id, lie: lieOf(first), right: [cleo.id], votes: 2 });
      expect(await request(cleo.socket, 'truths:guess', { authorId: first.id, guess: 0 })).toMatchObject({
        code: 'poll_closed',
      });
      // The first author may not change what was voted on.
      expect(await request(first.socket, 'truths:submit', { statements: ['a', 'b', 'c'], lie: 0 })).toMatchObject({
        code: 'conflict',
      });

      // Next author; the moderator closes the vote early; then the end.
      await ok(moderator.socket, 'truths:next', { roomId: 'plenary' });
      await ok(cleo.socket, 'truths:guess', { authorId: second.id, guess: lieOf(second) });
      await ok(first.socket, 'truths:guess', { authorId: second.id, guess: lieOf(second) });
      const shown = await ok(moderator.socket, 'truths:next', { roomId: 'plenary' });
      expect(shown.games[0]!.reveals[1]).toMatchObject({
        authorId: second.id,
        right: expect.arrayContaining([cleo.id, first.id]),
      });
      const ended = await ok(moderator.socket, 'truths:next', { roomId: 'plenary' });
      expect(ended.games[0]!.phase).toBe('ended');
      // [TRUTH5] Cleo: 2 points, the first author 1; per town.
      expect(ended.people.map((p) => [p.name, p.points])).toEqual([
        ['Cleo', 2],
        [first === ana ? 'Ana' : 'Ben', 1],
      ]);
      expect(ended.towns).toEqual(
        first === ana
          ? [{ town: 'Lyon', points: 3, players: 2 }]
          : [
              { town: 'Lyon', points: 2, players: 1 },
              { town: 'Kamen', points: 1, players: 1 },
            ],
      );
    });

    test('[TRUTH7]–[TRUTH9] three hashtags: entered, normalised, shown at once to everyone, refused with the reason; gone at the end', async () => {
      const { code, moderator } = await workshopWith(server.url);
      const ana = await joinAs(server.url, code, { name: 'Ana', town: 'Lyon' });
      const ben = await joinAs(server.url, code, { name: 'Ben', town: 'Kamen' });
      const started = await ok(moderator.socket, 'truths:start', { variant: 'hashtags' });
      expect(started.games[0]).toMatchObject({ variant: 'hashtags', phase: 'collect' });

      // Entered as typed; everyone else sees them normalised at once.
      const seen = waitFor(ben.socket, 'truths:updated', (v) => ana.id in v.hashtags);
      expect(await ok(ana.socket, 'truths:hashtags', { tags: ['Chor', ' ##Łódź', 've\u0301lo'] })).toEqual({
        tags: ['#Chor', '#Łódź', '#vélo'],
      });
      expect((await seen).hashtags[ana.id]).toEqual(['#Chor', '#Łódź', '#vélo']);
      expect((await ok(ana.socket, 'truths:sync', {})).hashtags).toEqual(['#Chor', '#Łódź', '#vélo']);
      expect((await ok(ben.socket, 'truths:sync', {})).view.hashtags).toEqual({
        [ana.id]: ['#Chor', '#Łódź', '#vélo'],
      });

      // Refused, with the field and the reason; nothing changes.
      for (const [tags, reason] of [
        [['Chor', 'zwei Worte', 'x'], /Hashtag 2 must be one word/],
        [['Chor', 'Tuba', '#chor'], /Hashtag 3 is the same/],
        [['a'.repeat(25), 'b', 'c'], /Hashtag 1 is longer than 24/],
        [['Chor', 'hallo!', 'x'], /Hashtag 2 may hold only letters/],
        [['', 'b', 'c'], /Hashtag 1 is empty/],
      ] as const) {
        const refused = await request(ana.socket, 'truths:hashtags', { tags: [...tags] as [string, string, string] });
        expect(refused).toMatchObject({ ok: false, code: 'invalid_payload', message: expect.stringMatching(reason) });
      }
      expect((await ok(ben.socket, 'truths:sync', {})).view.hashtags[ana.id]).toEqual(['#Chor', '#Łódź', '#vélo']);

      // No votes in this variant; the end takes the hashtags off everyone's screen (kept for the report).
      expect(await request(moderator.socket, 'truths:next', { roomId: 'plenary' })).toMatchObject({ code: 'conflict' });
      const ended = await ok(moderator.socket, 'truths:stop', {});
      expect(ended.games[0]!.phase).toBe('ended');
      expect(ended.hashtags).toEqual({});
      expect((await ok(ana.socket, 'truths:sync', {})).hashtags).toEqual(['#Chor', '#Łódź', '#vélo']);
    });

    test('[TRUTH7] a run-sheet step with the hashtags variant starts that game in the plenary; Next ends it', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana');
      const mod = moderator.socket;
      let a = await ok(mod, 'agenda:plan', {
        version: 0,
        steps: [
          { format: 'twoTruths', durationMin: 10, params: { kind: 'twoTruths', variant: 'hashtags' } },
          { format: 'plenary', durationMin: 5, params: { kind: 'timer' } },
        ],
      });
      expect(a.steps[0]!.params).toEqual({ kind: 'twoTruths', variant: 'hashtags' });
      a = (await ok(mod, 'agenda:start', { version: a.version })).agenda;
      expect(a.current?.problem ?? null).toBeNull();
      const game = (await ok(people[0]!.socket, 'truths:sync', {})).view.games[0];
      expect(game).toMatchObject({ roomId: 'plenary', variant: 'hashtags', phase: 'collect' });
      await ok(people[0]!.socket, 'truths:hashtags', { tags: ['Chor', 'Lyon', 'Tuba'] });
      await ok(mod, 'agenda:next', { version: a.version });
      const after = (await ok(mod, 'truths:sync', {})).view;
      expect(after.games[0]!.phase).toBe('ended');
      expect(after.hashtags).toEqual({});
    });

    test('[TRUTH1] a run-sheet step starts and stops a game', async () => {
      const { moderator } = await workshopWith(server.url, 'Ana');
      const ctx = { deps: server.app.deps };
      const view = await truthsMechanic.start(ctx, moderator.workshopId, { voteSec: 20 });
      expect(view.games[0]).toMatchObject({ roomId: 'plenary', phase: 'collect' });
      await expect(truthsMechanic.start(ctx, moderator.workshopId, { scope: 'breakouts' })).rejects.toMatchObject({
        code: 'not_open',
      });
      expect((await truthsMechanic.stop(ctx, moderator.workshopId)).games[0]!.phase).toBe('ended');
    });
  });
}

suite('memory', (clock) => startServer({ clock }));
describeWithRedis('on Redis', (redisUrl) => suite('Redis', (clock) => startServer({ redisUrl, clock })));
