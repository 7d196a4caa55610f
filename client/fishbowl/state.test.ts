/** The fishbowl state against the in-memory connection: sync per join, newest version, what this page offers. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Fishbowl, FishbowlView, Seat } from '../../shared/fishbowl/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { createFakeConnection, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createFishbowlState, type FishbowlState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let fb: FishbowlState;

const seat = (id: string, since: number, permanent = false): Seat => ({
  id,
  name: id.toUpperCase(),
  town: 'Lyon',
  since,
  permanent,
});

function fishbowl(over: Partial<Fishbowl> = {}): Fishbowl {
  return {
    id: 'f1',
    roomId: PLENARY,
    phase: 'open',
    seats: [seat('ben', 1_000), null, null],
    queue: [],
    startedAt: 500,
    endedAt: null,
    stageWasOn: false,
    ...over,
  };
}
const view = (version: number, f: Fishbowl | null): FishbowlView => ({ version, fishbowl: f });

beforeEach(async () => {
  vi.useFakeTimers();
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  fb = createFishbowlState(fake.conn, ws);
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ben'), person('cleo')], 1));
  await done;
});
afterEach(() => {
  fb.dispose();
  ws.dispose();
  vi.useRealTimers();
});

test('[FISH6] the fishbowl is fetched once per join and once per resume', async () => {
  expect(fake.sent('fishbowl:sync')).toHaveLength(1);
  fake.reply('fishbowl:sync', view(1, null));
  fake.drop();
  fake.restore();
  await vi.advanceTimersByTimeAsync(0);
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('fishbowl:sync')).toHaveLength(2);
});

test('[FISH8] updates from two nodes may cross: the highest version is kept; the counter follows', () => {
  fake.push('fishbowl:updated', view(5, fishbowl({ seats: [seat('ben', 1), seat('cleo', 2), null] })));
  fake.push('fishbowl:updated', view(4, fishbowl()));
  expect(fb.taken.value).toBe(2);
  expect(fb.free.value).toBe(1);
});

test('[FISH3][FISH5] my place in the queue; the make-room notice only for the longest sitter', () => {
  fake.push('fishbowl:updated', view(1, fishbowl({ seats: [seat('ben', 1), seat('cleo', 2), seat('x', 3)] })));
  expect(fb.mySeat.value).toBeNull();
  expect(fb.askedMe.value).toBe(false);
  fake.push(
    'fishbowl:updated',
    view(2, fishbowl({ seats: [seat('ben', 1), seat('cleo', 2), seat('x', 3)], queue: [{ ...seat('me', 4) }] })),
  );
  expect(fb.myPlace.value).toBe(1);
  fake.push('fishbowl:updated', view(3, fishbowl({ seats: [seat('m', 0, true), seat('me', 2), seat('x', 3)] })));
  expect(fb.mySeat.value?.id).toBe('me');
  expect(fb.askedMe.value).toBe(true);
  fake.push('fishbowl:updated', view(4, fishbowl({ phase: 'ended', seats: [null, null, null], endedAt: 9 })));
  expect(fb.askedMe.value).toBe(false);
  expect(fb.running.value).toBe(false);
});

test('take, raise and tap out send their commands; a refusal shows', async () => {
  fake.push('fishbowl:updated', view(1, fishbowl()));
  const taking = fb.actions.take();
  await vi.advanceTimersByTimeAsync(0);
  fake.refuse('fishbowl:take', 'conflict');
  expect(await taking).toBe(false);
  expect(fb.error.value).toBe('conflict');
  void fb.actions.raise();
  void fb.actions.leave();
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('fishbowl:raise')).toHaveLength(1);
  expect(fake.sent('fishbowl:leave')).toHaveLength(1);
});
