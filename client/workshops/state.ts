import { batch, computed, signal } from '@preact/signals';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { PROTOCOL_VERSION, type ErrorCode, type Fail } from '../../shared/protocol.js';
import type { Participant, SessionSnapshot, WorkshopInfo, WorkshopJoinInput } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';
import { sessions, type SavedSession } from './session-store.js';

export type Phase = 'idle' | 'entering' | 'inside' | 'closed';
export type ClosedReason = 'removed' | 'replaced' | 'ended' | 'left';

/**
 * The workshop as this client sees it. Only this module writes these signals, from acks and
 * server events; components read them and call `actions`.
 */
export function createWorkshopState(conn: Connection, code: string) {
  const phase = signal<Phase>('idle');
  const closedReason = signal<ClosedReason | null>(null);
  const error = signal<ErrorCode | null>(null);
  const workshop = signal<WorkshopInfo | null>(null);
  const selfId = signal<string | null>(null);
  const people = signal<ReadonlyMap<string, Participant>>(new Map());
  const chat = signal<readonly ChatMessage[]>([]);
  /** serverTime - Date.now() at the last snapshot, for countdowns. */
  const clockOffset = signal(0);
  const inviteUrl = signal('');
  /** Counts applied snapshots (join, resume): features re-sync their own state when it changes. */
  const snapshots = signal(0);

  const self = computed(() => (selfId.value ? (people.value.get(selfId.value) ?? null) : null));
  const isModerator = computed(() => self.value?.role === 'moderator');
  const present = computed(() => [...people.value.values()].filter((p) => p.presence !== 'offline'));
  const byTown = computed(() => groupByTown(present.value));
  const hands = computed(() =>
    present.value.filter((p) => p.handRaisedAt !== null).sort((a, b) => a.handRaisedAt! - b.handRaisedAt!),
  );
  const headcount = computed(() => present.value.reduce((n, p) => n + p.headcount, 0));
  const reconnecting = computed(() => phase.value === 'inside' && conn.link.value !== 'online');

  /** The chat shown is the chat of the room this person is in; it is fetched again on every room change. */
  const loadChat = () =>
    void conn.request('chat:history', {}).then((r) => {
      if (r.ok) chat.value = r.data;
    });
  let chatRoom: string | null = null;
  const stopChatRoom = self.subscribe((me) => {
    if (!me || me.roomId === chatRoom) return;
    const first = chatRoom === null;
    chatRoom = me.roomId;
    if (!first) loadChat();
  });

  const upsert = (p: Participant) => {
    const next = new Map(people.value);
    next.set(p.id, p);
    people.value = next;
  };

  function applySnapshot(s: SessionSnapshot) {
    batch(() => {
      workshop.value = s.workshop;
      selfId.value = s.self.id;
      people.value = new Map(s.participants.map((p) => [p.id, p]));
      clockOffset.value = s.serverTime - Date.now();
      inviteUrl.value = s.inviteUrl;
      phase.value = 'inside';
      error.value = null;
      closedReason.value = null;
      snapshots.value += 1;
    });
    sessions.set(code, {
      workshopId: s.workshop.id,
      participantId: s.self.id,
      resumeToken: s.resumeToken,
      role: s.self.role,
    });
    loadChat();
  }

  function close(reason: ClosedReason) {
    batch(() => {
      phase.value = 'closed';
      closedReason.value = reason;
    });
  }

  const unsubscribe = [
    conn.on('participant:joined', upsert),
    conn.on('participant:updated', upsert),
    conn.on('participant:left', ({ participantId, reason }) => {
      if (participantId === selfId.value && reason === 'removed') return close('removed');
      const next = new Map(people.value);
      const p = next.get(participantId);
      if (p) next.set(participantId, { ...p, presence: 'offline', handRaisedAt: null });
      if (reason === 'removed') next.delete(participantId);
      people.value = next;
    }),
    conn.on('workshop:updated', (w) => (workshop.value = w)),
    conn.on('workshop:ended', (w) => {
      workshop.value = w;
      sessions.clear(code);
      close('ended');
    }),
    conn.on('session:closed', ({ reason }) => {
      if (reason !== 'replaced') sessions.clear(code);
      close(reason);
    }),
    // Breakout moves: each listed participant is now in the given room (media and chat follow).
    conn.on('breakout:moved', ({ moves }) => {
      const next = new Map(people.value);
      for (const m of moves) {
        const p = next.get(m.participantId);
        if (p) next.set(m.participantId, { ...p, roomId: m.roomId });
      }
      people.value = next;
    }),
    conn.on('chat:message', (m) => {
      if (m.roomId !== (self.value?.roomId ?? m.roomId)) return; // from the room just left
      if (!chat.value.some((x) => x.id === m.id)) chat.value = [...chat.value, m].slice(-500);
    }),
  ];

  // After a dropped connection, Socket.IO reconnects by itself; we then resume the same participant.
  const onReconnect = () => {
    const saved = sessions.get(code);
    if (phase.value === 'inside' && saved) void resume(saved);
  };
  conn.socket.on('connect', onReconnect);

  async function resume(saved: SavedSession): Promise<boolean> {
    if (!conn.socket.connected && !conn.socket.active) conn.socket.connect(); // closed by the server ("replaced")
    const r = await conn.request('workshop:resume', { v: PROTOCOL_VERSION, ...saved });
    if (r.ok) {
      applySnapshot(r.data);
      return true;
    }
    if (r.code === 'network') return false; // still offline; the next reconnect tries again
    if (r.code === 'ended') close('ended');
    else if (r.code === 'removed') close('removed');
    sessions.clear(code);
    error.value = r.code;
    return false;
  }

  async function run<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: ErrorCode }>): Promise<T | null> {
    const r = await p;
    if (r.ok) {
      error.value = null;
      return r.data;
    }
    error.value = r.code;
    return null;
  }

  const actions = {
    async join(input: Omit<WorkshopJoinInput, 'v'>): Promise<Fail | null> {
      phase.value = 'entering';
      const r = await conn.request('workshop:join', { v: PROTOCOL_VERSION, ...input });
      if (r.ok) {
        applySnapshot(r.data);
        return null;
      }
      phase.value = 'idle';
      error.value = r.code;
      return r;
    },
    resume,
    raiseHand: () => run(conn.request('hand:raise', {})),
    lowerHand: (participantId?: string) => run(conn.request('hand:lower', participantId ? { participantId } : {})),
    async sendChat(text: string) {
      const m = await run(conn.request('chat:send', { text }));
      if (m && !chat.value.some((x) => x.id === m.id)) chat.value = [...chat.value, m];
      return m !== null;
    },
    promote: (participantId: string) => run(conn.request('participant:promote', { participantId })),
    remove: (participantId: string) => run(conn.request('participant:remove', { participantId })),
    setLocked: (locked: boolean) => run(conn.request('workshop:lock', { locked })),
    end: () => run(conn.request('workshop:end', {})),
    async leave() {
      await run(conn.request('workshop:leave', {}));
      close('left');
    },
    dismissError: () => (error.value = null),
  };

  return {
    phase,
    closedReason,
    error,
    workshop,
    self,
    isModerator,
    people,
    present,
    byTown,
    hands,
    headcount,
    chat,
    clockOffset,
    inviteUrl,
    snapshots,
    reconnecting,
    link: conn.link,
    conn,
    actions,
    dispose() {
      unsubscribe.forEach((u) => u());
      stopChatRoom();
      conn.socket.off('connect', onReconnect);
    },
  };
}

export type WorkshopState = ReturnType<typeof createWorkshopState>;

/** Towns in alphabetical order; in each, moderators first, then by name. */
export function groupByTown(
  list: readonly Participant[],
): { town: string; people: Participant[]; headcount: number }[] {
  const towns = new Map<string, Participant[]>();
  for (const p of list) {
    const key = p.town.trim().toLocaleLowerCase();
    towns.set(key, [...(towns.get(key) ?? []), p]);
  }
  return [...towns.values()]
    .map((people) => ({
      town: people[0]!.town.trim(),
      people: people.sort(
        (a, b) => Number(b.role === 'moderator') - Number(a.role === 'moderator') || a.name.localeCompare(b.name),
      ),
      headcount: people.reduce((n, p) => n + p.headcount, 0),
    }))
    .sort((a, b) => a.town.localeCompare(b.town));
}
