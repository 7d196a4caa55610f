/** The gallery's comments state against the in-memory connection: one sync per join, live changes, refusals. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { reactionsOf } from '../../shared/gallery/rules.js';
import type { GalleryComment } from '../../shared/gallery/schema.js';
import { createFakeConnection, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';
import { createGalleryState, type GalleryState } from './gallery-state.js';

let fake: FakeConnection;
let ws: WorkshopState;
let gallery: GalleryState;

const comment = (id: string, at: number): GalleryComment => ({
  id,
  key: 'room-1',
  roomId: 'room-1',
  snapshotId: null,
  by: 'ben',
  name: 'Ben',
  town: 'Kamen',
  text: `Kommentar ${id}`,
  at,
});

beforeEach(async () => {
  vi.useFakeTimers();
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(person('me'), [person('ben')], 1));
  await done;
  gallery = createGalleryState(fake.conn, ws);
});
afterEach(() => {
  gallery.dispose();
  ws.dispose();
  vi.useRealTimers();
});

test('[GAL6] the gallery syncs when it opens, then applies live changes in any order', async () => {
  expect(fake.sent('gallery:sync')).toHaveLength(1);
  fake.reply('gallery:sync', { comments: [comment('c1', 1)], reactions: [] });
  await vi.advanceTimersByTimeAsync(0);
  fake.push('gallery:updated', { kind: 'comment', comment: comment('c3', 3) });
  fake.push('gallery:updated', { kind: 'comment', comment: comment('c2', 2) });
  fake.push('gallery:updated', { kind: 'comment', comment: comment('c2', 2) });
  fake.push('gallery:updated', { kind: 'react', key: 'room-1', reaction: 'like', by: 'me', on: true });
  expect(gallery.view.value.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  expect(reactionsOf(gallery.view.value, 'room-1', 'me')[0]).toEqual({ reaction: 'like', count: 1, mine: true });
  fake.push('gallery:updated', { kind: 'uncomment', id: 'c1' });
  expect(gallery.view.value.comments.map((c) => c.id)).toEqual(['c2', 'c3']);
});

test('a refused comment leaves its code for the page to say', async () => {
  const sending = gallery.actions.comment({ roomId: 'room-1' }, 'Hallo');
  expect(fake.sent('gallery:comment')[0]?.payload).toEqual({ item: { roomId: 'room-1' }, text: 'Hallo' });
  fake.sent('gallery:comment')[0]!.answer({ ok: false, code: 'forbidden', message: 'running' });
  expect(await sending).toBe(false);
  expect(gallery.error.value).toBe('forbidden');
});
