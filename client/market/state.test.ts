/** The idea market state against the in-memory connection: sync per join, newest version, the pitch clock, commands. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Market, MarketView, Stall } from '../../shared/market/schema.js';
import { createFakeConnection, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createMarketState, type MarketState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let mk: MarketState;

const stall = (id: string, title: string): Stall => ({
  id,
  roomId: null,
  title,
  ownerId: 'ben',
  ownerName: 'BEN',
  capacity: 2,
  signups: [],
  notes: '',
  contactId: 'ben',
  contactName: 'BEN',
});
const market = (over: Partial<Market> = {}): Market => ({
  id: 'm1',
  phase: 'setup',
  stalls: [stall('s1', 'Radtour'), stall('s2', 'Chor')],
  pitchSec: 120,
  pitch: null,
  startedAt: 0,
  endedAt: null,
  ...over,
});
const view = (version: number, m: Market | null): MarketView => ({ version, market: m });

beforeEach(async () => {
  vi.useFakeTimers();
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  mk = createMarketState(fake.conn, ws);
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ben')], 1));
  await done;
});
afterEach(() => {
  mk.dispose();
  ws.dispose();
  vi.useRealTimers();
});

test('[MKT8] the market is fetched after join; updates from two nodes may cross: the highest version is kept', () => {
  expect(fake.sent('market:sync')).toHaveLength(1);
  fake.push('market:updated', view(3, market({ phase: 'open' })));
  fake.push('market:updated', view(2, market()));
  expect(mk.market.value?.phase).toBe('open');
  expect(mk.running.value).toBe(true);
  fake.push('market:updated', view(4, market({ phase: 'ended', endedAt: 9 })));
  expect(mk.running.value).toBe(false);
});

test('[MKT3] who pitches and the time left, counting down with the server clock', async () => {
  const now = Date.now();
  fake.push(
    'market:updated',
    view(1, market({ phase: 'pitch', pitch: { index: 1, startedAt: now, deadline: now + 120_000 } })),
  );
  expect(mk.pitch.value?.title).toBe('Chor');
  await vi.advanceTimersByTimeAsync(30_000);
  expect(mk.pitchLeftMs.value).toBeLessThanOrEqual(90_000);
  expect(mk.pitchLeftMs.value).toBeGreaterThan(88_000);
  await vi.advanceTimersByTimeAsync(100_000);
  expect(mk.pitchLeftMs.value).toBe(0);
});

test('[MKT5] "I’m in" sends the offer; a full stall’s refusal shows', async () => {
  fake.push('market:updated', view(1, market()));
  const signing = mk.actions.signup('s1', 'Bus');
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('market:signup').map((r) => r.payload)).toEqual([{ stallId: 's1', offer: 'Bus' }]);
  fake.refuse('market:signup', 'room_full');
  expect(await signing).toBe(false);
  expect(mk.error.value).toBe('room_full');
  void mk.actions.notes('s1', 'März');
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('market:notes').map((r) => r.payload)).toEqual([{ stallId: 's1', notes: 'März' }]);
});
