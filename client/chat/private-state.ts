import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { privateRefusal, type PrivateRefusal } from '../../shared/chat/rules.js';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { dmThread, modsThread, parseThread, partnerOf, targetFor, type Thread } from '../../shared/chat/threads.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { ChatLock, Participant } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';
import { storage } from '../ui/storage.js';

/** One private conversation as this person sees it. */
export interface Conversation {
  id: string;
  thread: Thread;
  /** The one person on the other side (null: the moderators). */
  partnerId: string | null;
  messages: readonly ChatMessage[];
  unread: number;
}

interface Inputs {
  self: ReadonlySignal<Participant | null>;
  people: ReadonlySignal<ReadonlyMap<string, Participant>>;
  chatLock: ReadonlySignal<ChatLock>;
  /** Counts acknowledged joins and resumes: the history is fetched again after each. */
  resumed: ReadonlySignal<number>;
  onError: (code: ErrorCode) => void;
}

/**
 * [CHAT4]–[CHAT6] Private conversations: what arrived (history after each join or resume, then events),
 * which one is open (null: the room's chat), and what is unread (kept per browser, so a reload does not
 * mark everything new again).
 */
export function createPrivateChat(conn: Connection, workshopKey: string, i: Inputs) {
  const messages = signal<readonly ChatMessage[]>([]);
  const active = signal<string | null>(null);
  /** Counts "open this conversation and let me type" requests (the Message button): the panel shows and focuses. */
  const focusRequest = signal(0);
  const readKey = `chat-read:${workshopKey}`;
  /** Thread id -> time of the newest message read in it. */
  const readUpTo = signal<Readonly<Record<string, number>>>(storage.get(readKey) ?? {});
  const myId = computed(() => i.self.value?.id ?? null);
  /** Everyone's name as last seen, so a conversation is still titled after its partner left or was removed. */
  const names = new Map<string, string>();
  const nameOf = (id: string) => i.people.value.get(id)?.name ?? names.get(id) ?? null;

  const load = () =>
    void conn.request('chat:privateHistory', {}).then((r) => {
      if (r.ok) messages.value = r.data;
    });
  let role: string | null = null;
  const stops = [
    i.resumed.subscribe((n) => n > 0 && load()),
    // A new co-moderator reads the threads with the moderators; a demoted one no longer does.
    i.self.subscribe((me) => {
      if (me && role !== null && me.role !== role) load();
      role = me?.role ?? null;
    }),
    conn.on('chat:privateMessage', (m) => {
      if (!messages.peek().some((x) => x.id === m.id)) messages.value = [...messages.peek(), m];
    }),
    conn.on('chat:privateUpdated', (m) => replace(m)),
    i.people.subscribe((list) => {
      for (const p of list.values()) names.set(p.id, p.name);
    }),
    // What arrives in the open conversation is read.
    effect(() => {
      const id = active.value;
      if (id === null) return;
      const newest = messages.value.filter((m) => m.roomId === id).at(-1)?.at ?? 0;
      if (newest > (readUpTo.peek()[id] ?? 0)) {
        readUpTo.value = { ...readUpTo.peek(), [id]: newest };
        storage.set(readKey, readUpTo.peek());
      }
    }),
  ];

  function replace(m: ChatMessage) {
    if (messages.peek().some((x) => x.id === m.id))
      messages.value = messages.peek().map((x) => (x.id === m.id ? m : x));
  }

  const conversations = computed<Conversation[]>(() => {
    const me = myId.value;
    if (!me) return [];
    const ids = new Set([modsThread(me), ...messages.value.map((m) => m.roomId)]);
    if (active.value) ids.add(active.value);
    const read = readUpTo.value;
    const out: Conversation[] = [];
    for (const id of ids) {
      const thread = parseThread(id);
      if (!thread) continue;
      const list = messages.value.filter((m) => m.roomId === id);
      const unread = list.filter((m) => m.authorId !== me && !m.deleted && m.at > (read[id] ?? 0)).length;
      out.push({ id, thread, partnerId: partnerOf(thread, me), messages: list, unread });
    }
    // The own thread with the moderators first, then the latest conversation first.
    const latest = (c: Conversation) => (c.id === modsThread(me) ? Infinity : (c.messages.at(-1)?.at ?? 0));
    return out.sort((a, b) => latest(b) - latest(a));
  });
  const current = computed(() => conversations.value.find((c) => c.id === active.value) ?? null);
  const totalUnread = computed(() => conversations.value.reduce((n, c) => n + c.unread, 0));

  /** [CHAT5][CHAT6] Why the open conversation takes no message now (null: it does). */
  const refusal = computed<PrivateRefusal | null>(() => {
    const me = i.self.value;
    const c = current.value;
    if (!me || !c) return null;
    const p = c.partnerId ? i.people.value.get(c.partnerId) : undefined;
    const partner = p ? { role: p.role, present: p.presence !== 'offline' } : null;
    return privateRefusal(i.chatLock.value, c.thread, me, partner);
  });

  async function run(p: Promise<{ ok: true; data: ChatMessage } | { ok: false; code: ErrorCode }>) {
    const r = await p;
    if (r.ok) return r.data;
    i.onError(r.code);
    return null;
  }

  const actions = {
    /** null: back to the room's chat. */
    open: (id: string | null) => void (active.value = id),
    /** Opens the conversation with someone and asks the panel to show itself with the field focused. */
    openWith(participantId: string) {
      const me = myId.peek();
      if (!me || participantId === me) return;
      batch(() => {
        active.value = dmThread(me, participantId);
        focusRequest.value += 1;
      });
    },
    async send(text: string) {
      const me = myId.peek();
      const c = current.peek();
      if (!me || !c) return false;
      const m = await run(conn.request('chat:private', { ...targetFor(me, c.thread), text }));
      if (m && !messages.peek().some((x) => x.id === m.id)) messages.value = [...messages.peek(), m];
      return m !== null;
    },
    async edit(id: string, text: string, thread: string) {
      const m = await run(conn.request('chat:edit', { id, text, thread }));
      if (m) replace(m);
      return m !== null;
    },
    async remove(id: string, thread: string) {
      const m = await run(conn.request('chat:delete', { id, thread }));
      if (m) replace(m);
    },
  };

  return {
    messages,
    active,
    focusRequest,
    conversations,
    current,
    totalUnread,
    refusal,
    actions,
    nameOf,
    dispose() {
      batch(() => stops.forEach((s) => s()));
    },
  };
}
