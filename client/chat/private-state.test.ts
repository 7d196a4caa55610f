/** [CHAT4]–[CHAT6] Private conversations in the page's state, against the in-memory connection. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { createFakeConnection, settle, type FakeConnection } from '../net/test-fake-connection.js';
import { createWorkshopState, type WorkshopState } from '../workshops/state.js';
import { memoryLocalStorage, person, snapshot } from '../workshops/test-fixtures.js';

const me = person('me', { seq: 5 });
const ana = person('ana', { seq: 3 });
let fake: FakeConnection;
let ws: WorkshopState;
let n = 0;
const msg = (roomId: string, authorId: string, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${++n}`,
  roomId,
  authorId,
  authorName: authorId.toUpperCase(),
  authorTown: 'Lyon',
  text: `text ${n}`,
  at: 1000 + n,
  ...over,
});

async function joined(history: ChatMessage[] = []) {
  const done = ws.actions.join({ code: 'ABCDEF', name: 'Me', town: 'Lyon' });
  fake.reply('workshop:join', snapshot(me, [ana], 5));
  await done;
  fake.reply('chat:privateHistory', history);
  await settle();
}

beforeEach(() => {
  memoryLocalStorage();
  fake = createFakeConnection();
  ws = createWorkshopState(fake.conn, 'ABCDEF');
});
afterEach(() => ws.dispose());

describe('[CHAT4] private conversations in the page', () => {
  test('history and new messages count as unread until the conversation is open; own messages never', async () => {
    await joined([msg('dm:ana:me', 'ana'), msg('dm:ana:me', 'me')]);
    const dm = () => ws.pm.conversations.value.find((c) => c.id === 'dm:ana:me');
    expect(dm()).toMatchObject({ partnerId: 'ana', unread: 1 });
    fake.push('chat:privateMessage', msg('dm:ana:me', 'ana'));
    fake.push('chat:privateMessage', msg('mods:me', 'mia'));
    expect(dm()?.unread).toBe(2);
    expect(ws.pm.totalUnread.value).toBe(3);
    ws.pm.actions.open('dm:ana:me');
    expect(dm()?.unread).toBe(0);
    fake.push('chat:privateMessage', msg('dm:ana:me', 'ana'));
    expect(dm()?.unread).toBe(0); // arrives in the open conversation: read
    expect(ws.pm.totalUnread.value).toBe(1);
    // Read stays read after a reload (same browser); what was never opened is still unread.
    const before = [...ws.pm.messages.value];
    ws.dispose();
    ws = createWorkshopState(fake.conn, 'ABCDEF');
    await joined(before);
    expect(dm()?.unread).toBe(0);
    expect(ws.pm.totalUnread.value).toBe(1);
  });

  test('[CHAT5] the open conversation closes when the partner leaves and opens again when they are back', async () => {
    await joined();
    ws.pm.actions.openWith('ana');
    expect(ws.pm.current.value?.id).toBe('dm:ana:me');
    expect(ws.pm.refusal.value).toBeNull();
    fake.push('participant:left', { participantId: 'ana', reason: 'left', seq: 6 });
    expect(ws.pm.refusal.value).toBe('partner_left');
    fake.push('participant:updated', { ...ana, presence: 'online', seq: 7 });
    expect(ws.pm.refusal.value).toBeNull();
    fake.push('workshop:updated', { ...snapshot(me).workshop, chatLock: 'all' });
    expect(ws.pm.refusal.value).toBe('chat_locked');
    ws.pm.actions.open('mods:me');
    expect(ws.pm.refusal.value).toBeNull();
  });

  test('sending goes to the person or the moderators the open conversation names', async () => {
    await joined();
    ws.pm.actions.openWith('ana');
    void ws.pm.actions.send('Hallo');
    ws.pm.actions.open('mods:me');
    void ws.pm.actions.send('Frage');
    expect(fake.sent('chat:private').map((r) => r.payload)).toEqual([
      { to: 'ana', text: 'Hallo' },
      { to: 'moderators', text: 'Frage' },
    ]);
  });
});
