/** The barcamp state against the in-memory connection: sync per join, newest version, the session here, commands. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Barcamp, BarcampView, Proposal } from '../../shared/barcamp/schema.js';
import { createFakeConnection, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { type BarcampState, createBarcampState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let bc: BarcampState;

const proposal = (id: string, title: string, roomId: string | null = null): Proposal => ({
  id,
  title,
  hostId: 'ben',
  hostName: 'BEN',
  language: null,
  votes: [],
  notes: '',
  notesRev: 0,
  roomId,
});
const barcamp = (over: Partial<Barcamp> = {}): Barcamp => ({
  id: 'b1',
  phase: 'proposing',
  rooms: 2,
  slotMin: 30,
  proposals: [proposal('p1', 'Radtour', 'r1'), proposal('p2', 'Chor', 'r2')],
  grid: null,
  current: null,
  startedAt: 0,
  endedAt: null,
  ...over,
});
const view = (version: number, b: Barcamp | null): BarcampView => ({ version, barcamp: b });

beforeEach(async () => {
  vi.useFakeTimers();
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  bc = createBarcampState(fake.conn, ws);
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me', { roomId: 'r2' }), [person('ben')], 1));
  await done;
});
afterEach(() => {
  bc.dispose();
  ws.dispose();
  vi.useRealTimers();
});

test('[BCAMP9] the barcamp is fetched after join; updates from two nodes may cross: the highest version is kept', () => {
  expect(fake.sent('barcamp:sync')).toHaveLength(1);
  fake.push('barcamp:updated', view(3, barcamp({ phase: 'grid' })));
  fake.push('barcamp:updated', view(2, barcamp()));
  expect(bc.barcamp.value?.phase).toBe('grid');
  expect(bc.running.value).toBe(true);
  fake.push('barcamp:updated', view(4, barcamp({ phase: 'ended', endedAt: 9 })));
  expect(bc.running.value).toBe(false);
});

test('[BCAMP6] the running session whose room this person is in', () => {
  const grid = { rooms: 2, slots: [{ id: 's1', label: '' }], cells: [['p1', 'p2']] };
  fake.push('barcamp:updated', view(1, barcamp({ phase: 'grid', grid })));
  expect(bc.here.value).toBeNull();
  fake.push('barcamp:updated', view(2, barcamp({ phase: 'running', grid, current: 0 })));
  expect(bc.here.value?.title).toBe('Chor');
});

test('[BCAMP3][BCAMP7] a vote says on or off; a notes save carries its revision; a refusal shows', async () => {
  fake.push('barcamp:updated', view(1, barcamp()));
  void bc.actions.vote('p1', true);
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('barcamp:vote').map((r) => r.payload)).toEqual([{ proposalId: 'p1', on: true }]);
  const saving = bc.actions.notes('p2', 'Proben', 0);
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.sent('barcamp:notes').map((r) => r.payload)).toEqual([{ proposalId: 'p2', notes: 'Proben', rev: 0 }]);
  fake.refuse('barcamp:notes', 'conflict');
  expect(await saving).toBe(false);
  expect(bc.error.value).toBe('conflict');
  expect(bc.notesConflict.value).toBe(true);
  bc.actions.dismissError();
  expect(bc.notesConflict.value).toBe(false);
});
