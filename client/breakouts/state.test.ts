/** The breakouts state against the in-memory connection: sync per resume, a skipped version resyncs. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { breakoutView, memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createBreakoutsState, type BreakoutsState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let br: BreakoutsState;

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  br = createBreakoutsState(fake.conn, ws);
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ana')], 1));
  await done;
  fake.reply('breakout:sync', breakoutView(3));
  await settle();
});
afterEach(() => {
  br.dispose();
  ws.dispose();
});

test('the breakouts are fetched after every join or resume, not when the workshop merely changes', async () => {
  expect(br.view.value?.version).toBe(3);
  fake.push('workshop:updated', { ...snapshot(person('me')).workshop, locked: true });
  expect(fake.sent('breakout:sync')).toHaveLength(1);
  fake.drop();
  fake.restore();
  await settle();
  fake.reply('workshop:resume', snapshot(person('me'), [person('ana')], 2));
  await settle();
  expect(fake.sent('breakout:sync')).toHaveLength(2);
});

test('the next version applies quietly; a skipped one (perhaps with room moves) resyncs breakouts and people', async () => {
  fake.push('breakout:updated', breakoutView(4));
  expect(fake.sent('breakout:sync')).toHaveLength(1);
  fake.push('breakout:updated', breakoutView(6, { status: 'open' }));
  expect(br.view.value?.version).toBe(6);
  expect(fake.sent('breakout:sync')).toHaveLength(2);
  expect(fake.sent('participant:sync')).toHaveLength(1);
});

test('an older view arriving late does not replace a newer one', () => {
  fake.push('breakout:updated', breakoutView(5, { status: 'open' }));
  fake.push('breakout:updated', breakoutView(4));
  expect(br.view.value).toMatchObject({ version: 5, status: 'open' });
});

test('a move puts the person in the room and this tab confirms it', async () => {
  fake.push('breakout:moved', { version: 4, moves: [{ participantId: 'me', roomId: 'r1' }] });
  expect(br.myRoomId.value).toBe('r1');
  expect(fake.sent('breakout:ack').map((r) => r.payload)).toEqual([{ roomId: 'plenary' }, { roomId: 'r1' }]);
});

test('[BR28] a 1-2-4-All: each stage and each room fetches the notes afresh; a room-mate’s saved note and the posted card show at once', async () => {
  const nested = (index: number) =>
    breakoutView(4 + index, {
      status: 'open',
      rotation: { kind: 'nested', rounds: 3, durationMs: 60_000, languages: [], durations: [60_000, 120_000, 240_000] },
      round: { index, total: 3, startedAt: 0, deadline: Date.now() + 60_000, durationMs: 60_000 },
    });
  fake.push('breakout:updated', nested(0));
  expect(br.nestedStage.value).toBe('alone');
  fake.reply('breakout:nested', { notes: { me: 'Chor' }, card: null });
  await settle();
  expect(br.nested.value?.notes).toEqual({ me: 'Chor' });
  fake.push('breakout:updated', nested(1));
  fake.push('breakout:moved', { version: 5, moves: [{ participantId: 'me', roomId: 'r1' }] });
  expect(br.nestedStage.value).toBe('pairs');
  expect(fake.sent('breakout:nested')).toHaveLength(3);
  fake.reply('breakout:nested', { notes: { me: 'Chor' }, card: null });
  await settle();
  fake.push('breakout:noted', { participantId: 'ana', text: 'Radtour' });
  expect(br.nested.value?.notes).toEqual({ me: 'Chor', ana: 'Radtour' });
  fake.push('breakout:card-posted', { roomId: 'r1', text: 'Chor und Radtour' });
  expect(br.nested.value?.card).toBe('Chor und Radtour');
  fake.push('breakout:updated', breakoutView(7, { status: 'closed' }));
  expect(br.nestedStage.value).toBeNull();
  expect(br.nested.value).toBeNull();
});
