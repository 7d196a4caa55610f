/** The poll state against the in-memory connection: one poll:sync per join or resume, none on a timer. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createBreakoutsState } from '../breakouts/state.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createPollState, type PollState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let polls: PollState;
let dispose: () => void;
const emptySync = { polls: [], myVotes: [], tallies: [], leaderboards: [] };

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  const breakouts = createBreakoutsState(fake.conn, ws);
  polls = createPollState(fake.conn, ws, breakouts.view);
  dispose = () => {
    for (const s of [polls, breakouts, ws]) s.dispose();
  };
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [], 1));
  await done;
});
afterEach(() => dispose());

test('polls are fetched once per join and once per resume, and not before the resume is acknowledged', async () => {
  expect(fake.sent('poll:sync')).toHaveLength(1);
  fake.reply('poll:sync', emptySync);
  fake.drop();
  fake.restore();
  await settle();
  expect(fake.sent('poll:sync')).toHaveLength(1);
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await settle();
  expect(fake.sent('poll:sync')).toHaveLength(2);
});

test('a vote made during a drop is sent after the resume and shows as mine', async () => {
  fake.reply('poll:sync', emptySync);
  fake.drop();
  const voting = polls.actions.vote('p1', ['yes']);
  fake.restore();
  await settle();
  expect(fake.sent('poll:vote')).toHaveLength(0);
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await settle();
  fake.reply('poll:vote', { vote: { pollId: 'p1', choices: ['yes'], text: '', at: 3 }, outcome: 'recorded' });
  expect(await voting).toBe(true);
  expect(polls.myVotes.value.get('p1')?.choices).toEqual(['yes']);
});

test('tallies from two nodes may cross: the highest rev is kept', async () => {
  const tally = (rev: number) => ({ pollId: 'p1', rev, total: {}, byRoom: {} }) as never;
  fake.push('poll:tallied', tally(4));
  fake.push('poll:tallied', tally(3));
  expect(polls.tallies.value.get('p1')).toMatchObject({ rev: 4 });
});
