/** The truths state against the in-memory connection: sync per join, newest version, guesses, who may edit. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import type { TruthsGame, TruthsView } from '../../shared/truths/schema.js';
import { createBreakoutsState } from '../breakouts/state.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createTruthsState, type TruthsState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let truths: TruthsState;
let dispose: () => void;

const game = (over: Partial<TruthsGame> = {}): TruthsGame => ({
  id: 'g1',
  roomId: PLENARY,
  variant: 'statements',
  voteSec: 20,
  phase: 'voting',
  order: ['ben', 'me'],
  current: 0,
  statements: ['a', 'b', 'c'],
  deadline: Date.now() + 20_000,
  reveals: [],
  ...over,
});
const view = (version: number, ...games: TruthsGame[]): TruthsView => ({
  version,
  games,
  ready: [],
  people: [],
  towns: [],
  hashtags: {},
});

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  const breakouts = createBreakoutsState(fake.conn, ws);
  truths = createTruthsState(fake.conn, ws, breakouts.view);
  dispose = () => {
    for (const s of [truths, breakouts, ws]) s.dispose();
  };
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ben')], 1));
  await done;
});
afterEach(() => dispose());

test('[TRUTH2] after join: the view, my own statements (with my lie) and my guesses come back', async () => {
  expect(fake.sent('truths:sync')).toHaveLength(1);
  fake.reply('truths:sync', {
    view: view(3, game()),
    entry: { statements: ['x', 'y', 'z'], lie: 1, at: 1 },
    hashtags: null,
    guesses: { ben: 2 },
  });
  await settle();
  expect(truths.entry.value?.lie).toBe(1);
  expect(truths.guesses.value).toEqual({ ben: 2 });
  expect(truths.authorId.value).toBe('ben');
  expect(truths.isAuthor.value).toBe(false);
  // My turn has not come: I may still change my statements.
  expect(truths.canEdit.value).toBe(true);
});

test('[TRUTH3] a guess goes to the current author and shows as mine; updates keep the highest version', async () => {
  fake.push('truths:updated', view(5, game()));
  fake.push('truths:updated', view(4, game({ current: 1 })));
  expect(truths.authorId.value).toBe('ben');
  const guessing = truths.actions.guess(1);
  await settle();
  expect(fake.sent('truths:guess').at(-1)?.payload).toEqual({ authorId: 'ben', guess: 1 });
  fake.reply('truths:guess', { authorId: 'ben', guess: 1 });
  expect(await guessing).toBe(true);
  expect(truths.guesses.value.ben).toBe(1);
  // My turn now: I am the author and cannot edit any more.
  fake.push('truths:updated', view(6, game({ current: 1 })));
  expect(truths.isAuthor.value).toBe(true);
  expect(truths.canEdit.value).toBe(false);
});

test('[TRUTH9] hashtags show for the people in my room while its hashtags game runs; none once it ended', async () => {
  const tags = { me: ['#Chor', '#Lyon', '#vélo'], ben: ['#a', '#b', '#c'] } as TruthsView['hashtags'];
  fake.push('truths:updated', { ...view(2, game({ phase: 'voting' })), hashtags: tags });
  // A statements game: no hashtags on the tiles even if some were sent.
  expect(truths.shownHashtags.value.size).toBe(0);
  const hashtagGame = game({ variant: 'hashtags', phase: 'collect', order: [], current: -1, statements: null });
  fake.push('truths:updated', { ...view(3, hashtagGame), hashtags: tags });
  expect(truths.hashtagGame.value).toBe(true);
  expect(Object.fromEntries(truths.shownHashtags.value)).toEqual(tags);
  const saving = truths.actions.saveHashtags(['#Tuba', '#Lyon', '#vélo']);
  await settle();
  expect(fake.sent('truths:hashtags').at(-1)?.payload).toEqual({ tags: ['#Tuba', '#Lyon', '#vélo'] });
  fake.reply('truths:hashtags', { tags: ['#Tuba', '#Lyon', '#vélo'] });
  expect(await saving).toBe(true);
  expect(truths.hashtags.value).toEqual(['#Tuba', '#Lyon', '#vélo']);
  fake.push('truths:updated', { ...view(4, { ...hashtagGame, phase: 'ended' }), hashtags: tags });
  expect(truths.shownHashtags.value.size).toBe(0);
});
