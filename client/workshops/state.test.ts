/** The workshop state against the in-memory connection: join, resume, participant sequence, chat. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { GAP_WAIT_MS } from './people.js';
import { sessions } from './session-store.js';
import { createWorkshopState, RESUME_RETRY_MS, type WorkshopState } from './state.js';
import { memoryLocalStorage, person, snapshot } from './test-fixtures.js';

const me = person('me', { seq: 5 });
const ana = person('ana', { seq: 3 });
let fake: FakeConnection;
let ws: WorkshopState;

async function joined(seq = 5) {
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(me, [ana], seq));
  await done;
}

beforeEach(() => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
});
afterEach(() => {
  ws.dispose();
  vi.useRealTimers();
});

describe('join and resume', () => {
  test('a join shows the workshop, counts as resumed once and loads the chat', async () => {
    await joined();
    expect(ws.phase.value).toBe('inside');
    expect(ws.resumed.value).toBe(1);
    expect(ws.present.value.map((p) => p.id).sort()).toEqual(['ana', 'me']);
    expect(fake.sent('chat:history')).toHaveLength(1);
    expect(fake.conn.joined.value).toBe(true);
  });

  test('[15.5] a message typed during a drop waits (shown as waiting) and is sent once after the resume', async () => {
    await joined();
    fake.drop();
    expect(ws.reconnecting.value).toBe(true);
    const sending = ws.actions.sendChat('Wir sind gleich zurück');
    expect(ws.outbox.value.map((m) => m.text)).toEqual(['Wir sind gleich zurück']);
    fake.restore();
    await settle();
    // Only the resume is on the wire until it is answered.
    expect(fake.requests.slice(-1).map((r) => r.event)).toEqual(['workshop:resume']);
    expect(fake.sent('chat:send')).toHaveLength(0);
    fake.reply('workshop:resume', snapshot(me, [ana], 6));
    await settle();
    expect(ws.resumed.value).toBe(2);
    expect(fake.sent('chat:send')).toHaveLength(1);
    const message = {
      id: 'm1',
      roomId: 'plenary',
      authorId: 'me',
      authorName: 'ME',
      authorTown: 'Lyon',
      text: 'Wir sind gleich zurück',
      at: 2,
    };
    fake.reply('chat:send', message);
    expect(await sending).toBe(true);
    fake.push('chat:message', message); // the broadcast of the same message
    expect(ws.chat.value.filter((m) => m.id === 'm1')).toHaveLength(1);
    expect(ws.outbox.value).toEqual([]);
    expect(ws.reconnecting.value).toBe(false);
  });

  test('[15.6] a resume answered "not found" says the workshop is gone and fails what waited', async () => {
    await joined();
    fake.drop();
    const hand = ws.actions.raiseHand();
    fake.restore();
    await settle();
    fake.refuse('workshop:resume', 'not_found');
    await settle();
    expect(ws.phase.value).toBe('closed');
    expect(ws.closedReason.value).toBe('gone');
    expect(await hand).toBeNull();
    expect(fake.sent('hand:raise')).toHaveLength(0);
    expect(sessions.get('ABCDEF')).toBeNull();
  });

  test('a resume refused "internal" (a server overloaded in a storm) keeps the session and tries again', async () => {
    await joined();
    fake.drop();
    fake.restore();
    await settle();
    vi.useFakeTimers();
    fake.refuse('workshop:resume', 'internal');
    await vi.advanceTimersByTimeAsync(0);
    expect(ws.phase.value).toBe('inside');
    expect(sessions.get('ABCDEF')).toBeDefined();
    await vi.advanceTimersByTimeAsync(2 * RESUME_RETRY_MS);
    expect(fake.sent('workshop:resume')).toHaveLength(2);
    fake.reply('workshop:resume', snapshot(me, [ana], 6));
    await vi.advanceTimersByTimeAsync(0);
    expect(ws.resumed.value).toBe(2);
  });

  test('one resume at a time, even when asked twice', async () => {
    await joined();
    fake.drop();
    fake.restore();
    void ws.actions.resume(sessions.get('ABCDEF')!);
    await settle();
    expect(fake.sent('workshop:resume')).toHaveLength(1);
  });
});

describe('[WS30] resume with a delta, [WS31] batched presence', () => {
  /** Drops, comes back, and returns the resume request (not yet answered). */
  async function dropAndBack() {
    fake.drop();
    fake.restore();
    await settle();
    return fake.sent('workshop:resume').at(-1)!;
  }

  test('a resume says what the page knows; a delta is merged into the list, removed people leave it', async () => {
    await joined(5);
    fake.push('participant:joined', person('ben', { seq: 6 }));
    fake.push('breakout:moved', { version: 3, moves: [{ participantId: 'ben', roomId: 'r1' }] });
    const request = await dropAndBack();
    expect(request.payload).toMatchObject({ since: { participantsSeq: 6, roomsVersion: 3 } });
    fake.reply('workshop:resume', {
      ...snapshot(me, [], 9),
      participants: [person('me', { seq: 9 }), person('cleo', { seq: 7 })],
      roomsVersion: 3,
      delta: { since: 6, removed: ['ana'], presence: [{ id: 'ben', presence: 'reconnecting', seq: 8 }] },
    });
    await settle();
    expect([...ws.people.value.keys()].sort()).toEqual(['ben', 'cleo', 'me']);
    // Only Ben's presence changed: the rest is kept as the page knew him.
    expect(ws.people.value.get('ben')).toMatchObject({ roomId: 'r1', presence: 'reconnecting', seq: 8 });
    expect(ws.participantsSeq()).toBe(9);
    expect(fake.sent('participant:sync')).toHaveLength(0);
  });

  test('a presence change of someone the page does not know asks for everyone again', async () => {
    await joined(5);
    await dropAndBack();
    fake.reply('workshop:resume', {
      ...snapshot(me, [], 7),
      delta: { since: 5, removed: [], presence: [{ id: 'zoe', presence: 'online', seq: 7 }] },
    });
    await settle();
    expect(fake.sent('participant:sync')).toHaveLength(1);
  });

  test('a full answer to a resume replaces everyone, as before', async () => {
    await joined(5);
    fake.push('participant:joined', person('ben', { seq: 6 }));
    await dropAndBack();
    fake.reply('workshop:resume', snapshot(me, [person('cleo', { seq: 7 })], 7));
    await settle();
    expect([...ws.people.value.keys()].sort()).toEqual(['cleo', 'me']);
  });

  test('a page that knows nobody yet says nothing it knows', async () => {
    sessions.set('ABCDEF', {
      workshopId: 'w1',
      participantId: 'me',
      resumeToken: 'token-0123456789',
      role: 'participant',
    });
    void ws.actions.resume(sessions.get('ABCDEF')!);
    await settle();
    expect(fake.sent('workshop:resume')[0]!.payload).not.toHaveProperty('since');
  });

  test('a batch applies every change in it, numbers counted, in one update of the list', async () => {
    vi.useFakeTimers();
    await joined(5);
    let updates = 0;
    const stop = ws.people.subscribe(() => updates++);
    updates = 0;
    fake.push('participant:batch', {
      participants: [person('ben', { seq: 7, presence: 'online' })],
      presence: [
        { id: 'ana', presence: 'online', seq: 8 },
        { id: 'ana', presence: 'reconnecting', seq: 6 },
      ],
    });
    stop();
    expect(updates).toBe(1);
    expect(ws.people.value.get('ana')?.presence).toBe('online');
    expect(ws.people.value.get('ben')?.presence).toBe('online');
    vi.advanceTimersByTime(GAP_WAIT_MS * 2);
    expect(ws.participantsSeq()).toBe(8);
    expect(fake.sent('participant:sync')).toHaveLength(0);
  });
});

describe('[WS21] participant sequence', () => {
  test('events apply in any order; an older change of the same person does not undo a newer one', async () => {
    await joined(5);
    fake.push('participant:updated', person('ana', { seq: 7, handRaisedAt: 70 }));
    fake.push('participant:updated', person('ana', { seq: 6, handRaisedAt: null, micOn: true }));
    expect(ws.people.value.get('ana')).toMatchObject({ seq: 7, handRaisedAt: 70 });
    expect(ws.participantsSeq()).toBe(7);
  });

  test('a number skipped and not filled within the wait asks participant:sync, which replaces everyone', async () => {
    vi.useFakeTimers();
    await joined(5);
    fake.push('participant:joined', person('ben', { seq: 7 }));
    vi.advanceTimersByTime(GAP_WAIT_MS - 1);
    expect(fake.sent('participant:sync')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(fake.sent('participant:sync')).toHaveLength(1);
    fake.reply('participant:sync', {
      seq: 7,
      participants: [me, person('ana', { seq: 6, presence: 'offline' }), person('ben', { seq: 7 })],
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(ws.present.value.map((p) => p.id).sort()).toEqual(['ben', 'me']);
    expect(ws.participantsSeq()).toBe(7);
  });

  test('a gap filled in time costs nothing', async () => {
    vi.useFakeTimers();
    await joined(5);
    fake.push('participant:updated', person('ana', { seq: 7 }));
    fake.push('participant:left', { participantId: 'ana', reason: 'left', seq: 6 });
    vi.advanceTimersByTime(GAP_WAIT_MS * 3);
    expect(fake.sent('participant:sync')).toHaveLength(0);
    expect(ws.participantsSeq()).toBe(7);
    expect(ws.people.value.get('ana')?.presence).toBe('online'); // the leave (6) is older than the update (7)
  });

  test('events that arrive while the join is on its way are applied after its snapshot', async () => {
    const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
    fake.push('participant:joined', person('ben', { seq: 6 }));
    fake.reply('workshop:join', snapshot(me, [ana], 5));
    await done;
    expect(ws.people.value.has('ben')).toBe(true);
    expect(ws.participantsSeq()).toBe(6);
  });

  test('being removed closes the page', async () => {
    await joined(5);
    fake.push('participant:left', { participantId: 'me', reason: 'removed', seq: 6 });
    expect(ws.closedReason.value).toBe('removed');
  });
});

describe('[WS29] reactions', () => {
  test('float on the sender for a few seconds and are counted over the last minute, in this room only', async () => {
    vi.useFakeTimers();
    await joined();
    const at = Date.now() + ws.clockOffset.value;
    fake.push('reaction', { participantId: 'ana', emoji: '👏', roomId: 'plenary', at });
    fake.push('reaction', { participantId: 'me', emoji: '👏', roomId: 'plenary', at });
    fake.push('reaction', { participantId: 'ana', emoji: '🎉', roomId: 'room-1', at }); // another room
    expect(ws.floating.value.get('ana')).toBe('👏');
    expect(ws.reactionCounts.value.get('👏')).toBe(2);
    expect(ws.reactionCounts.value.get('🎉')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ws.floating.value.size).toBe(0); // floated away
    expect(ws.reactionCounts.value.get('👏')).toBe(2); // still counted
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ws.reactionCounts.value.size).toBe(0); // a minute later, no longer
  });
});
