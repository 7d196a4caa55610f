/** The session owner against the in-memory connection: one resume, one re-sync of every feature, nothing earlier. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BOARD_DEFAULTS } from '../../shared/boards/schema.js';
import type { CommandName } from '../../shared/protocol.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { breakoutView, memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createSession, type Session } from './session.js';

let fake: FakeConnection;
let session: Session;
const SYNCS: CommandName[] = ['chat:history', 'poll:sync', 'breakout:sync', 'board:sync'];
const counts = () => Object.fromEntries(SYNCS.map((e) => [e, fake.sent(e).length]));

beforeEach(async () => {
  memoryLocalStorage();
  fake = createFakeConnection();
  fake.handle('chat:history', () => ({ ok: true, data: [] }));
  fake.handle('poll:sync', () => ({ ok: true, data: { polls: [], myVotes: [], tallies: [], leaderboards: [] } }));
  fake.handle('breakout:sync', () => ({ ok: true, data: breakoutView(1) }));
  fake.handle('board:sync', () => ({
    ok: true,
    data: {
      roomId: 'plenary',
      kind: 'snapshot' as const,
      head: 0,
      snapshot: { seq: 0, settings: { ...BOARD_DEFAULTS }, items: [] },
    },
  }));
  session = createSession(fake.conn, 'ABCDEF');
});
afterEach(() => session.dispose());

test('every feature syncs once per join and once per resume, and none before the resume is acknowledged', async () => {
  expect(counts()).toEqual({ 'chat:history': 0, 'poll:sync': 0, 'breakout:sync': 0, 'board:sync': 0 });
  const joining = session.workshop.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon', media: false });
  fake.reply('workshop:join', snapshot(person('me'), [], 1));
  await joining;
  await settle();
  expect(counts()).toEqual({ 'chat:history': 1, 'poll:sync': 1, 'breakout:sync': 1, 'board:sync': 1 });
  expect(session.board.loaded.value).toBe(true);

  fake.drop();
  fake.restore();
  await settle();
  expect(counts()).toEqual({ 'chat:history': 1, 'poll:sync': 1, 'breakout:sync': 1, 'board:sync': 1 });
  fake.reply('workshop:resume', snapshot(person('me'), [], 2));
  await settle();
  expect(counts()).toEqual({ 'chat:history': 2, 'poll:sync': 2, 'breakout:sync': 2, 'board:sync': 2 });
  expect(fake.sent('board:sync').at(-1)?.payload).toMatchObject({ full: false });
  // Someone without media never loads the media code.
  expect(session.media.value).toBeNull();
});
