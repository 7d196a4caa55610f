/**
 * Two truths and a lie: pure state transitions per room. Time, ids, randomness, the people, everyone's
 * statements and the guesses on the current authors come in `ctx`. Rules: shared/truths/RULES.md.
 */
import { CommandError } from '../../shared/command.js';
import { townKey } from '../../shared/speaking/rules.js';
import type {
  Hashtags,
  TruthsEntry,
  TruthsGame,
  TruthsParams,
  TruthsReveal,
  TruthsView,
} from '../../shared/truths/schema.js';
import type { Participant } from '../../shared/workshops/schema.js';

export type TruthsPerson = Pick<Participant, 'id' | 'name' | 'town' | 'role' | 'roomId' | 'presence'> & {
  removed: boolean;
};

export interface TruthsCtx {
  now: number;
  newId: () => string;
  random: () => number;
  people: readonly TruthsPerson[];
  entries: ReadonlyMap<string, TruthsEntry>;
  /** Guesses (voter -> statement index) per vote key (`voteKey(game, authorId)`). */
  guesses: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The stored state: every room's game. */
export interface TruthsRecord {
  version: number;
  games: TruthsGame[];
}

export const emptyTruths = (): TruthsRecord => ({ version: 0, games: [] });

/** Guesses on one author in one game are stored under this key. */
export const voteKey = (gameId: string, authorId: string) => `${gameId}:${authorId}`;

const here = (p: TruthsPerson, roomId: string) => !p.removed && p.presence !== 'offline' && p.roomId === roomId;

/** [TRUTH1] A new game in each room (collecting statements); other rooms keep theirs. */
export function start(state: TruthsRecord, params: TruthsParams, roomIds: readonly string[], ctx: TruthsCtx) {
  const rooms = new Set(roomIds);
  const fresh = roomIds.map(
    (roomId): TruthsGame => ({
      id: ctx.newId(),
      roomId,
      variant: params.variant,
      voteSec: params.voteSec,
      phase: 'collect',
      order: [],
      current: -1,
      statements: null,
      deadline: null,
      reveals: [],
    }),
  );
  return withGames(state, [...state.games.filter((g) => !rooms.has(g.roomId)), ...fresh]);
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The vote on `order[index]` (or the next author still here with statements), or the end. */
function voteOn(game: TruthsGame, index: number, ctx: TruthsCtx): TruthsGame {
  for (let i = index; i < game.order.length; i++) {
    const id = game.order[i]!;
    const entry = ctx.entries.get(id);
    const person = ctx.people.find((p) => p.id === id);
    if (!entry || !person || !here(person, game.roomId)) continue;
    return {
      ...game,
      phase: 'voting',
      current: i,
      statements: entry.statements,
      deadline: ctx.now + game.voteSec * 1000,
    };
  }
  return { ...game, phase: 'ended', current: -1, statements: null, deadline: null };
}

/** [TRUTH4] Closes the current vote: the lie, who found it. */
function reveal(game: TruthsGame, ctx: TruthsCtx): TruthsGame {
  const authorId = game.order[game.current]!;
  const entry = ctx.entries.get(authorId);
  const author = ctx.people.find((p) => p.id === authorId);
  const guesses = ctx.guesses.get(voteKey(game.id, authorId)) ?? new Map<string, number>();
  if (!entry || !game.statements) return voteOn(game, game.current + 1, ctx);
  const shown: TruthsReveal = {
    authorId,
    name: author?.name ?? '',
    town: author?.town ?? '',
    statements: game.statements,
    lie: entry.lie,
    right: [...guesses].filter(([voter, g]) => voter !== authorId && g === entry.lie).map(([voter]) => voter),
    votes: [...guesses.keys()].filter((voter) => voter !== authorId).length,
  };
  return { ...game, phase: 'reveal', deadline: null, reveals: [...game.reveals, shown] };
}

/**
 * [TRUTH2][TRUTH4] Next: collecting -> the first vote (authors: everyone here who entered statements, in a
 * random order); voting -> the reveal (before the time is up); reveal -> the next author's vote, or the end.
 */
export function next(game: TruthsGame, ctx: TruthsCtx): TruthsGame {
  // [TRUTH7] Three hashtags: nothing to vote on; the game runs until it is ended.
  if (game.variant === 'hashtags') throw new CommandError('conflict', 'The hashtags game has no votes: end it instead');
  if (game.phase === 'collect') {
    const authors = ctx.people.filter((p) => here(p, game.roomId) && ctx.entries.has(p.id)).map((p) => p.id);
    if (authors.length === 0) throw new CommandError('conflict', 'Nobody here has written statements yet');
    return voteOn({ ...game, order: shuffled(authors, ctx.random) }, 0, ctx);
  }
  if (game.phase === 'voting') return reveal(game, ctx);
  if (game.phase === 'reveal') return voteOn(game, game.current + 1, ctx);
  return game;
}

/** [TRUTH4] The vote closes by itself when its time is up. */
export function tick(game: TruthsGame, ctx: TruthsCtx): TruthsGame {
  return game.phase === 'voting' && game.deadline !== null && game.deadline <= ctx.now ? reveal(game, ctx) : game;
}

export function stop(game: TruthsGame): TruthsGame {
  return game.phase === 'ended' ? game : { ...game, phase: 'ended', current: -1, statements: null, deadline: null };
}

/**
 * [TRUTH3] A guess counts when the vote on that author is open in the voter's room (moderators anywhere)
 * and the voter is not the author. The store checks the deadline again, atomically with the write.
 */
export function guessRefusal(
  state: TruthsRecord,
  voter: { id: string; roomId: string; moderator: boolean },
  authorId: string,
  now: number,
): { game: TruthsGame } {
  if (voter.id === authorId) throw new CommandError('forbidden', 'Nobody votes on their own statements');
  const game = state.games.find(
    (g) => g.phase === 'voting' && g.order[g.current] === authorId && (voter.moderator || g.roomId === voter.roomId),
  );
  if (!game || game.deadline === null || game.deadline <= now)
    throw new CommandError('poll_closed', 'The vote on these statements is not open');
  return { game };
}

/** [TRUTH2] Statements may change until the author's turn has come in a game. */
export function submitRefusal(state: TruthsRecord, authorId: string): void {
  const presented = state.games.some(
    (g) => g.phase !== 'collect' && g.order.slice(0, g.current + 1).includes(authorId),
  );
  if (presented) throw new CommandError('conflict', 'Your statements have been voted on already');
}

/** Vote keys whose vote is open, with their deadline: the store checks guesses against them. */
export function openVotes(state: TruthsRecord): Record<string, number> {
  const open: Record<string, number> = {};
  for (const g of state.games)
    if (g.phase === 'voting' && g.deadline !== null) open[voteKey(g.id, g.order[g.current]!)] = g.deadline;
  return open;
}

export function nextDeadline(state: TruthsRecord): number | null {
  const all = Object.values(openVotes(state));
  return all.length === 0 ? null : Math.min(...all);
}

/** [TRUTH5] One point per right guess; a town's points are its people's. */
export function scores(state: TruthsRecord, people: readonly TruthsPerson[]): Pick<TruthsView, 'people' | 'towns'> {
  const points = new Map<string, number>();
  for (const g of state.games)
    for (const r of g.reveals) for (const id of r.right) points.set(id, (points.get(id) ?? 0) + 1);
  const players = people.filter((p) => points.has(p.id));
  const list = players
    .map((p) => ({ id: p.id, name: p.name, town: p.town, points: points.get(p.id)! }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  const towns = new Map<string, { town: string; points: number; players: number }>();
  for (const p of list) {
    const t = towns.get(townKey(p.town)) ?? { town: p.town, points: 0, players: 0 };
    towns.set(townKey(p.town), { ...t, points: t.points + p.points, players: t.players + 1 });
  }
  return { people: list, towns: [...towns.values()].sort((a, b) => b.points - a.points) };
}

/** [TRUTH9] Whether some room's hashtags game still runs: only then does the view carry the hashtags. */
export const hashtagsShown = (state: TruthsRecord) =>
  state.games.some((g) => g.variant === 'hashtags' && g.phase !== 'ended');

export function toView(
  state: TruthsRecord,
  people: readonly TruthsPerson[],
  ready: readonly string[],
  hashtags: ReadonlyMap<string, Hashtags> = new Map(),
): TruthsView {
  const kept = new Set(people.filter((p) => !p.removed).map((p) => p.id));
  const shown = hashtagsShown(state) ? Object.fromEntries([...hashtags].filter(([id]) => kept.has(id))) : {};
  return { version: state.version, games: state.games, ready: [...ready], ...scores(state, people), hashtags: shown };
}

export function withGames(state: TruthsRecord, games: TruthsGame[]): TruthsRecord {
  return { ...state, games: [...games].sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0)) };
}

export function inRoom(state: TruthsRecord, roomId: string, change: (g: TruthsGame) => TruthsGame): TruthsRecord {
  const game = state.games.find((g) => g.roomId === roomId);
  if (!game) throw new CommandError('not_found', 'No game in this room');
  const changed = change(game);
  return changed === game
    ? state
    : withGames(
        state,
        state.games.map((g) => (g === game ? changed : g)),
      );
}

export function everyGame(state: TruthsRecord, change: (g: TruthsGame) => TruthsGame): TruthsRecord {
  let changed = false;
  const games = state.games.map((g) => {
    const c = change(g);
    if (c !== g) changed = true;
    return c;
  });
  return changed ? withGames(state, games) : state;
}
