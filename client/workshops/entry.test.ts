/** The door (lobby, full workshop) against the in-memory connection. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createDoor, FULL_RETRY_MS, passcodeFromHash, type Door } from './entry.js';
import { createWorkshopState, type WorkshopState, withPasscode } from './state.js';
import { memoryLocalStorage, person, snapshot } from './test-fixtures.js';

const me = person('me', { seq: 1 });
const form = { code: 'ABCDEF', name: 'Ana', town: 'Uden' };
let fake: FakeConnection;
let ws: WorkshopState;
let door: Door;

beforeEach(() => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  door = createDoor(fake.conn, ws);
});
afterEach(() => {
  door.dispose();
  ws.dispose();
  vi.useRealTimers();
});

describe('[WS25] the lobby', () => {
  test('knocks, waits, and joins with the ticket once let in', async () => {
    const come = door.come(form, true);
    expect(fake.sent('workshop:join')).toHaveLength(0);
    fake.reply('lobby:knock', { knockId: 'k1', token: 'token-0123456789', admitted: false });
    expect(await come).toBeNull();
    expect(door.status.value).toBe('waiting');
    fake.push('lobby:admitted', { knockId: 'other' }); // someone else's
    expect(fake.sent('workshop:join')).toHaveLength(0);
    fake.push('lobby:admitted', { knockId: 'k1' });
    expect(door.status.value).toBe('joining');
    expect(fake.sent('workshop:join')[0]!.payload).toMatchObject({
      name: 'Ana',
      knock: { id: 'k1', token: 'token-0123456789' },
    });
    fake.reply('workshop:join', snapshot(me, [], 1));
    await settle();
    expect(ws.phase.value).toBe('inside');
    expect(door.status.value).toBe('form');
  });

  test('the server says the lobby is on: the page knocks instead; sent away, the reason shows; asks again', async () => {
    const come = door.come(form, false);
    fake.refuse('workshop:join', 'lobby');
    await settle();
    fake.reply('lobby:knock', { knockId: 'k1', token: 'token-0123456789', admitted: false });
    await come;
    fake.push('lobby:denied', { knockId: 'k1', reason: 'Bitte später' });
    expect(door.status.value).toBe('denied');
    expect(door.deniedReason.value).toBe('Bitte später');
    void door.knockAgain();
    fake.reply('lobby:knock', { knockId: 'k2', token: 'token-0123456789', admitted: false });
    await settle();
    expect(door.status.value).toBe('waiting');
    expect(door.deniedReason.value).toBe('');
  });

  test('a dropped connection knocks again once it is back; withdrawing tells the server', async () => {
    const come = door.come(form, true);
    fake.reply('lobby:knock', { knockId: 'k1', token: 'token-0123456789', admitted: false });
    await come;
    fake.drop();
    fake.restore();
    await settle();
    expect(fake.sent('lobby:knock')).toHaveLength(2);
    fake.reply('lobby:knock', { knockId: 'k2', token: 'token-0123456789', admitted: false });
    await settle();
    const gone = door.withdraw();
    fake.reply('lobby:withdraw', null);
    await gone;
    expect(door.status.value).toBe('form');
    expect(fake.sent('lobby:withdraw')).toHaveLength(1);
  });
});

describe('[WS25] joining with media', () => {
  test('the join page hands its devices over once the join is acknowledged, before the page is inside', async () => {
    const seen: string[] = [];
    const come = door.come(form, false, () => seen.push(ws.phase.peek()));
    expect(seen).toEqual([]);
    fake.reply('workshop:join', snapshot(me, [], 1));
    expect(await come).toBeNull();
    expect(seen).toEqual(['entering']);
    expect(ws.phase.value).toBe('inside');
  });

  test('nothing is handed over when the join is refused, nor while waiting in the lobby; once let in, it is', async () => {
    const seen: string[] = [];
    const come = door.come(form, false, () => seen.push(ws.phase.peek()));
    fake.refuse('workshop:join', 'lobby');
    await settle();
    fake.reply('lobby:knock', { knockId: 'k1', token: 'token-0123456789', admitted: false });
    await come;
    expect(seen).toEqual([]);
    fake.push('lobby:admitted', { knockId: 'k1' });
    fake.reply('workshop:join', snapshot(me, [], 1));
    await settle();
    expect(seen).toEqual(['entering']);
  });
});

describe('[WS27] a full workshop', () => {
  test('says so and tries again by itself until there is a place', async () => {
    vi.useFakeTimers();
    const come = door.come(form, false);
    fake.refuse('workshop:join', 'full');
    expect(await come).toBeNull();
    expect(door.status.value).toBe('full');
    await vi.advanceTimersByTimeAsync(FULL_RETRY_MS);
    fake.refuse('workshop:join', 'full');
    await vi.advanceTimersByTimeAsync(FULL_RETRY_MS);
    expect(fake.sent('workshop:join')).toHaveLength(3);
    fake.reply('workshop:join', snapshot(me, [], 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(ws.phase.value).toBe('inside');
    await vi.advanceTimersByTimeAsync(FULL_RETRY_MS * 3);
    expect(fake.sent('workshop:join')).toHaveLength(3);
  });
});

describe('[WS26] the passcode in the link', () => {
  test('is read from the fragment and put into the invite link people pass on', () => {
    expect(passcodeFromHash('#pass=K%C5%81 2030')).toBe('KŁ 2030');
    expect(passcodeFromHash('#key=abc')).toBeUndefined();
    expect(passcodeFromHash('#pass=%20')).toBeUndefined();
    expect(withPasscode('https://x.example/j/ABC-DEF', 'Łódź 2030')).toBe(
      'https://x.example/j/ABC-DEF#pass=%C5%81%C3%B3d%C5%BA%202030',
    );
    expect(withPasscode('https://x.example/j/ABC-DEF', '')).toBe('https://x.example/j/ABC-DEF');
  });
});
