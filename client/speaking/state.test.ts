/** The speaking state against the in-memory connection: sync per join, newest version, what this page shows. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import type { Speaker, SpeakingRound, SpeakingView } from '../../shared/speaking/schema.js';
import { createBreakoutsState } from '../breakouts/state.js';
import { createFakeConnection, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createSpeakingState, currentSpeakerId, type SpeakingState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let speaking: SpeakingState;
let dispose: () => void;

const speaker = (id: string, status: Speaker['status'], passed = false): Speaker => ({
  id,
  name: id.toUpperCase(),
  town: 'Lyon',
  kind: 'person',
  headcount: 1,
  media: true,
  status,
  passed,
});

function round(over: Partial<SpeakingRound> = {}): SpeakingRound {
  const now = Date.now();
  return {
    id: 'r1',
    roomId: PLENARY,
    question: 'Wie geht es euch?',
    thinkSec: 0,
    perSpeakerSec: 45,
    order: 'list',
    autoAdvance: true,
    phase: 'speaking',
    startedAt: now,
    thinkEndsAt: now,
    turnStartedAt: now,
    deadline: now + 45_000,
    endedAt: null,
    speakers: [speaker('me', 'speaking'), speaker('ben', 'waiting'), speaker('cleo', 'waiting')],
    current: 0,
    ...over,
  };
}
const view = (version: number, ...rounds: SpeakingRound[]): SpeakingView => ({ version, rounds });

beforeEach(async () => {
  vi.useFakeTimers();
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  const breakouts = createBreakoutsState(fake.conn, ws);
  speaking = createSpeakingState(fake.conn, ws, breakouts.view);
  dispose = () => {
    for (const s of [speaking, breakouts, ws]) s.dispose();
  };
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ben'), person('cleo')], 1));
  await done;
});
afterEach(() => {
  dispose();
  vi.useRealTimers();
});

test('[SPEAK3] the round is fetched once per join and once per resume (which appends a late joiner)', async () => {
  expect(fake.sent('speaking:sync')).toHaveLength(1);
  fake.reply('speaking:sync', view(1));
  fake.drop();
  fake.restore();
  await vi.advanceTimersByTimeAsync(0);
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('speaking:sync')).toHaveLength(2);
});

test('[SPEAK9] updates from two nodes may cross: the highest version is kept', () => {
  fake.push('speaking:updated', view(5, round()));
  fake.push('speaking:updated', view(4, round({ current: 1 })));
  expect(speaking.view.value?.version).toBe(5);
  expect(currentSpeakerId(speaking)).toBe('me');
});

test('the current speaker of my room: highlighted, may pass once; the next one is named', () => {
  fake.push('speaking:updated', view(1, round()));
  expect(currentSpeakerId(speaking)).toBe('me');
  expect(speaking.myTurn.value).toBe(true);
  expect(speaking.mayPass.value).toBe(true);
  expect(speaking.nextSpeaker.value?.name).toBe('BEN');
  fake.push(
    'speaking:updated',
    view(
      2,
      round({ speakers: [speaker('ben', 'speaking'), speaker('cleo', 'waiting'), speaker('me', 'waiting', true)] }),
    ),
  );
  expect(currentSpeakerId(speaking)).toBe('ben');
  expect(speaking.mayPass.value).toBe(false);
  // A round in another room is not this page's.
  fake.push('speaking:updated', view(3, round({ roomId: 'r-elsewhere' })));
  expect(currentSpeakerId(speaking)).toBeNull();
  expect(speaking.elsewhere.value).toBe(1);
});

test('someone without media speaks through the chat: their line since their turn started is shown', () => {
  const chatOnly = { ...speaker('me', 'speaking'), media: false };
  fake.push('speaking:updated', view(1, round({ speakers: [chatOnly, speaker('ben', 'waiting')] })));
  expect(speaking.chatLine.value).toBeNull();
  const line = (id: string, text: string, at: number) =>
    fake.push('chat:message', { id, roomId: PLENARY, authorId: 'me', authorName: 'ME', authorTown: 'Lyon', text, at });
  line('m1', 'Vorher gesagt', Date.now() - 60_000);
  line('m2', 'Ich nehme viel Mut mit', Date.now() + 1);
  expect(speaking.chatLine.value).toBe('Ich nehme viel Mut mit');
});

test('next and back say which speaker this page showed, so a double press moves once', async () => {
  fake.push('speaking:updated', view(1, round()));
  void speaking.actions.next();
  void speaking.actions.back();
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('speaking:next').at(-1)?.payload).toEqual({ roomId: PLENARY, from: 'me' });
  expect(fake.sent('speaking:back').at(-1)?.payload).toEqual({ roomId: PLENARY, from: 'me' });
});

test('the live announcement changes with the speaker and at 30 s and 10 s left, not every second', async () => {
  fake.push('speaking:updated', view(1, round()));
  const changes: (number | null)[] = [];
  let last = '';
  for (let s = 0; s <= 45; s++) {
    const now = JSON.stringify(speaking.announcement.value);
    if (now !== last) changes.push(speaking.announcement.value!.mark);
    last = now;
    await vi.advanceTimersByTimeAsync(1000);
  }
  expect(changes).toEqual([null, 30, 10, null]);
  expect(speaking.remainingMs.value).toBe(0);
});
