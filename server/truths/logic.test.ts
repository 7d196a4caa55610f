/** Two truths and a lie: rules [TRUTH1]–[TRUTH5] on the pure transitions. */
import { describe, expect, test } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import { truthsParamsSchema, type TruthsEntry, type TruthsGame } from '../../shared/truths/schema.js';
import { seededRng } from '../breakouts/random.js';
import * as logic from './logic.js';
import type { TruthsCtx, TruthsPerson } from './logic.js';

const person = (id: string, town: string, over: Partial<TruthsPerson> = {}): TruthsPerson => ({
  id,
  name: id.toUpperCase(),
  town,
  role: 'participant',
  roomId: PLENARY,
  presence: 'online',
  removed: false,
  ...over,
});
const entry = (lie: 0 | 1 | 2): TruthsEntry => ({ statements: ['a', 'b', 'c'], lie, at: 1 });
const people = [
  person('ana', 'Lyon'),
  person('ben', 'Kamen'),
  person('cleo', 'Lyon'),
  person('mod', 'Kamen', { role: 'moderator' }),
];
const entries = new Map([
  ['ana', entry(0)],
  ['ben', entry(2)],
]);

function ctx(over: Partial<TruthsCtx> = {}): TruthsCtx {
  return { now: 1_000, newId: () => 'g1', random: seededRng(1).next, people, entries, guesses: new Map(), ...over };
}
const started = () => logic.start(logic.emptyTruths(), truthsParamsSchema.parse({}), [PLENARY], ctx()).games[0]!;

describe('two truths and a lie', () => {
  test('[TRUTH1] a game starts collecting, with a 20 s vote by default', () => {
    expect(started()).toMatchObject({ phase: 'collect', voteSec: 20, current: -1, order: [] });
  });

  test('[TRUTH3] voting: authors are those here with statements; the lie is not in the game', () => {
    const voting = logic.next(started(), ctx());
    expect([...voting.order].sort()).toEqual(['ana', 'ben']);
    expect(voting).toMatchObject({ phase: 'voting', current: 0, deadline: 21_000, statements: ['a', 'b', 'c'] });
    expect(JSON.stringify(voting)).not.toContain('"lie"');
    expect(() => logic.next(started(), ctx({ entries: new Map() }))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  test('[TRUTH3] guesses: not on oneself, only while the vote is open and in its room', () => {
    const voting = logic.next(started(), ctx());
    const state = { version: 1, games: [voting] };
    const author = voting.order[0]!;
    const other = author === 'ana' ? 'ben' : 'ana';
    expect(() => logic.guessRefusal(state, { id: author, roomId: PLENARY, moderator: false }, author, 1_000)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(logic.guessRefusal(state, { id: 'cleo', roomId: PLENARY, moderator: false }, author, 1_000).game).toBe(
      voting,
    );
    for (const [voter, authorId, now] of [
      [{ id: 'cleo', roomId: 'r1', moderator: false }, author, 1_000],
      [{ id: 'cleo', roomId: PLENARY, moderator: false }, other, 1_000],
      [{ id: 'cleo', roomId: PLENARY, moderator: false }, author, 21_000],
    ] as const)
      expect(() => logic.guessRefusal(state, voter, authorId, now)).toThrow(
        expect.objectContaining({ code: 'poll_closed' }),
      );
    expect(logic.openVotes(state)).toEqual({ [logic.voteKey('g1', author)]: 21_000 });
  });

  test('[TRUTH4][TRUTH5] time up reveals the lie and who found it; next author; the end; scores per person and town', () => {
    let game: TruthsGame = logic.next(started(), ctx());
    const first = game.order[0]!;
    const lieOf = (id: string) => entries.get(id)!.lie;
    const key = logic.voteKey('g1', first);
    const guesses = new Map([
      [
        key,
        new Map([
          ['cleo', lieOf(first)],
          ['mod', (lieOf(first) + 1) % 3],
          [first, lieOf(first)],
        ]),
      ],
    ]);
    expect(logic.tick(game, ctx({ now: 20_999, guesses }))).toBe(game);
    game = logic.tick(game, ctx({ now: 21_000, guesses }));
    expect(game.phase).toBe('reveal');
    expect(game.reveals[0]).toMatchObject({ authorId: first, lie: lieOf(first), right: ['cleo'], votes: 2 });
    game = logic.next(game, ctx());
    expect(game).toMatchObject({ phase: 'voting', current: 1 });
    const second = game.order[1]!;
    const g2 = new Map([
      [
        logic.voteKey('g1', second),
        new Map([
          ['cleo', lieOf(second)],
          [first, lieOf(second)],
        ]),
      ],
    ]);
    game = logic.next(logic.next(game, ctx({ guesses: g2 })), ctx());
    expect(game.phase).toBe('ended');
    const s = logic.scores({ version: 3, games: [game] }, people);
    expect(s.people).toEqual([
      { id: 'cleo', name: 'CLEO', town: 'Lyon', points: 2 },
      { id: first, name: first.toUpperCase(), town: people.find((p) => p.id === first)!.town, points: 1 },
    ]);
    expect(s.towns.reduce((n, t) => n + t.points, 0)).toBe(3);
  });

  test('[TRUTH2] statements may change until the author’s turn has come', () => {
    const voting = logic.next(started(), ctx());
    const state = { version: 1, games: [voting] };
    expect(() => logic.submitRefusal(state, voting.order[0]!)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => logic.submitRefusal(state, voting.order[1]!)).not.toThrow();
    expect(() => logic.submitRefusal(state, 'cleo')).not.toThrow();
  });

  test('[TRUTH4] an author who left is skipped', () => {
    const voting = logic.next(started(), ctx());
    const second = voting.order[1]!;
    const gone = people.map((p) => (p.id === second ? { ...p, presence: 'offline' as const } : p));
    const revealed = logic.next(voting, ctx());
    expect(logic.next(revealed, ctx({ people: gone })).phase).toBe('ended');
  });
});

describe('three hashtags', () => {
  const hashtagGame = () =>
    logic.start(logic.emptyTruths(), truthsParamsSchema.parse({ variant: 'hashtags' }), [PLENARY], ctx()).games[0]!;

  test('[TRUTH7] the hashtags variant starts collecting and has no vote: Next is refused, End ends it', () => {
    const game = hashtagGame();
    expect(game).toMatchObject({ variant: 'hashtags', phase: 'collect', order: [] });
    expect(started().variant).toBe('statements');
    expect(() => logic.next(game, ctx())).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(logic.stop(game).phase).toBe('ended');
  });

  test('[TRUTH9] the view carries the hashtags (not of removed people) only while a hashtags game runs', () => {
    const tags = new Map([
      ['ana', ['#Chor', '#Lyon', '#vélo'] as [string, string, string]],
      ['gone', ['#a', '#b', '#c'] as [string, string, string]],
    ]);
    const withGone = [...people, person('gone', 'Lyon', { removed: true })];
    const running = { version: 1, games: [hashtagGame()] };
    expect(logic.toView(running, withGone, [], tags).hashtags).toEqual({ ana: ['#Chor', '#Lyon', '#vélo'] });
    const ended = { version: 2, games: [logic.stop(hashtagGame())] };
    expect(logic.toView(ended, withGone, [], tags).hashtags).toEqual({});
    const statements = { version: 1, games: [started()] };
    expect(logic.toView(statements, withGone, [], tags).hashtags).toEqual({});
  });
});
