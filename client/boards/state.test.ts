/** The board state against the in-memory connection: sync per resume, ops in seq order, volatile through the connection. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { BOARD_DEFAULTS, type BoardOp, type CardItem } from '../../shared/boards/schema.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createBoardState, type BoardClientState } from './state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let board: BoardClientState;

const card = (id: string): CardItem => ({
  kind: 'card',
  id,
  x: 10,
  y: 10,
  text: `card ${id}`,
  color: '#fff176',
  clusterId: null,
  by: 'ana',
  authorName: 'Ana',
  anonymous: false,
  round: 0,
});
const put = (seq: number, id: string): BoardOp => ({ kind: 'put', items: [card(id)], seq, by: '', at: seq });

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  board = createBoardState(fake.conn, ws);
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [], 1));
  await done;
  fake.reply('board:sync', {
    roomId: 'plenary',
    kind: 'snapshot',
    head: 1,
    snapshot: { seq: 1, settings: { ...BOARD_DEFAULTS }, items: [card('a')] },
  });
  await settle();
});
afterEach(() => {
  board.dispose();
  ws.dispose();
  vi.useRealTimers();
});

test('the board loads once after the join, then asks only for what it missed after each resume', async () => {
  expect(fake.sent('board:sync').map((r) => r.payload)).toEqual([{ roomId: 'plenary', sinceSeq: 0, full: true }]);
  expect(board.loaded.value).toBe(true);
  fake.drop();
  fake.restore();
  await settle();
  expect(fake.sent('board:sync')).toHaveLength(1); // nothing before the resume is acknowledged
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await settle();
  expect(fake.sent('board:sync').map((r) => r.payload)).toEqual([
    { roomId: 'plenary', sinceSeq: 0, full: true },
    { roomId: 'plenary', sinceSeq: 1, full: false },
  ]);
  fake.reply('board:sync', { roomId: 'plenary', kind: 'ops', head: 2, ops: [put(2, 'b')] });
  await settle();
  expect(board.cards.value.map((c) => c.id)).toEqual(['a', 'b']);
});

test('ops apply in seq order; a gap left open asks for what is missing', async () => {
  vi.useFakeTimers();
  fake.push('board:ops', { roomId: 'plenary', ops: [put(3, 'c')] });
  expect(board.cards.value.map((c) => c.id)).toEqual(['a']);
  fake.push('board:ops', { roomId: 'plenary', ops: [put(2, 'b')] });
  expect(board.cards.value.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  fake.push('board:ops', { roomId: 'plenary', ops: [put(5, 'e')] });
  await vi.advanceTimersByTimeAsync(1000);
  expect(fake.sent('board:sync').at(-1)?.payload).toEqual({ roomId: 'plenary', sinceSeq: 3, full: false });
});

test('live strokes and cursors go through the connection, only while the session is joined', () => {
  board.actions.cursor(5, 6, false);
  fake.drop();
  board.actions.cursor(7, 8, false);
  expect(fake.volatiles).toEqual([
    { event: 'board:cursor', payload: { roomId: 'plenary', x: 5, y: 6, laser: false, gone: false } },
  ]);
});

test('a card added during a drop is sent after the resume and lands on the board', async () => {
  fake.drop();
  const adding = board.actions.add({
    kind: 'card',
    id: 'z',
    x: 1,
    y: 1,
    text: 'offline idea',
    color: '#fff176',
    clusterId: null,
  });
  fake.restore();
  await settle();
  expect(fake.sent('board:op')).toHaveLength(0);
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await settle();
  expect(fake.sent('board:op')).toHaveLength(1);
  fake.reply('board:op', { roomId: 'plenary', op: put(2, 'z') });
  expect(await adding).toMatchObject({ seq: 2 });
  expect(board.cards.value.map((c) => c.id)).toContain('z');
});
