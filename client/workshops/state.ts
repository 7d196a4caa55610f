import { batch, computed, signal } from '@preact/signals';
import type { ChatMessage } from '../../shared/chat/schema.js';
import type { MediaConfig } from '../../shared/media/schema.js';
import type { ErrorCode, Fail } from '../../shared/protocol.js';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.js';
import { REACTION_SHOW_MS, type Reaction } from '../../shared/workshops/constants.js';
import type {
  ChatLock,
  StageView,
  Knock,
  Participant,
  ReactionEvent,
  SessionSnapshot,
  WorkshopInfo,
  WorkshopJoinInput,
} from '../../shared/workshops/schema.js';
import { createPrivateChat } from '../chat/private-state.js';
import type { Connection } from '../net/connection.js';
import { deviceKey } from './device.js';
import { createPeople } from './people.js';
import type { ReportAccess } from '../report/fetch.js';
import { sessions, type SavedSession } from './session-store.js';

/** Refusals of a resume that say "not now", not "never": the session is kept and resumed again after RESUME_RETRY_MS to twice that. */
const RESUME_AGAIN: ReadonlySet<ErrorCode> = new Set(['internal', 'store_unavailable', 'rate_limited']);
export const RESUME_RETRY_MS = 2_000;

/** [WS29] Reactions are counted over this last stretch of time. */
const REACTION_COUNT_MS = 60_000;

export type Phase = 'idle' | 'entering' | 'inside' | 'closed';
/** `gone`: the server no longer knows the workshop (a server kept in memory only was restarted). */
export type ClosedReason = 'removed' | 'replaced' | 'ended' | 'left' | 'gone';

/** A chat message typed while the connection was away: shown as waiting until the server has it. */
export interface OutgoingChat {
  id: number;
  text: string;
}

/**
 * The workshop as this client sees it: the join or resume of this session, the people, the chat.
 * Only this module writes these signals, from acks and server events; components read them and call
 * `actions`. `resumed` counts acknowledged joins and resumes: every feature re-syncs when it changes.
 */
export function createWorkshopState(conn: Connection, code: string) {
  const phase = signal<Phase>('idle');
  const closedReason = signal<ClosedReason | null>(null);
  /** Who this page is in the workshop, for the results report: kept after the end (the saved session is not). */
  const reportAccess = signal<ReportAccess | null>(null);
  const error = signal<ErrorCode | null>(null);
  const workshop = signal<WorkshopInfo | null>(null);
  const selfId = signal<string | null>(null);
  const chat = signal<readonly ChatMessage[]>([]);
  const outbox = signal<readonly OutgoingChat[]>([]);
  /** serverTime - Date.now() at the last snapshot, for countdowns. */
  const clockOffset = signal(0);
  const inviteUrl = signal('');
  /** [WS26] The invite link as passed on: with the passcode (#pass=) when there is one. */
  const invite = computed(() => withPasscode(inviteUrl.value, workshop.value?.passcode ?? ''));
  /** [WS25] Moderators: who waits in the lobby, oldest first. */
  const knocks = signal<readonly Knock[]>([]);
  /** [WS29] Reactions of the last minute in this person's room, oldest first. */
  const reactions = signal<readonly ReactionEvent[]>([]);
  /** Ticks while reactions are on screen, so they float away. */
  const reactionClock = signal(Date.now());
  const resumed = signal(0);
  /** What the last join or resume said about media: null for someone without media. */
  const mediaConfig = signal<MediaConfig | null>(null);
  const roster = createPeople(
    conn,
    () => close('removed'),
    () => selfId.peek(),
  );
  const people = roster.people;

  const self = computed(() => (selfId.value ? (people.value.get(selfId.value) ?? null) : null));
  const isModerator = computed(() => self.value?.role === 'moderator');
  const present = computed(() => [...people.value.values()].filter((p) => p.presence !== 'offline'));
  const byTown = computed(() => groupByTown(present.value));
  const hands = computed(() =>
    present.value.filter((p) => p.handRaisedAt !== null).sort((a, b) => a.handRaisedAt! - b.handRaisedAt!),
  );
  const headcount = computed(() => present.value.reduce((n, p) => n + p.headcount, 0));
  /** Inside, but this connection does not speak for the participant right now (dropped, resuming). */
  const reconnecting = computed(() => phase.value === 'inside' && !conn.joined.value);

  /** [CHAT4] Private conversations, next to the room's chat. */
  const pm = createPrivateChat(conn, code, {
    self,
    people,
    chatLock: computed(() => workshop.value?.chatLock ?? 'open'),
    resumed,
    onError: (code) => (error.value = code),
  });

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

  function applySnapshot(s: SessionSnapshot) {
    batch(() => {
      workshop.value = s.workshop;
      selfId.value = s.self.id;
      if (s.delta) roster.merge(s.participants, s.delta, s.participantsSeq, s.roomsVersion);
      else roster.replace(s.participants, s.participantsSeq, s.roomsVersion);
      clockOffset.value = s.serverTime - Date.now();
      inviteUrl.value = s.inviteUrl;
      mediaConfig.value = s.media ?? null;
      phase.value = 'inside';
      error.value = null;
      closedReason.value = null;
      reportAccess.value = { workshopId: s.workshop.id, participantId: s.self.id, resumeToken: s.resumeToken };
    });
    sessions.set(code, {
      workshopId: s.workshop.id,
      participantId: s.self.id,
      resumeToken: s.resumeToken,
      role: s.self.role,
    });
    conn.markJoined();
    loadChat();
    resumed.value += 1;
  }

  function close(reason: ClosedReason) {
    batch(() => {
      phase.value = 'closed';
      closedReason.value = reason;
    });
  }

  const unsubscribe = [
    conn.on('workshop:updated', (w) => (workshop.value = w)),
    conn.on('lobby:knocks', (list) => (knocks.value = list)),
    conn.on('reaction', (r) => {
      const since = Date.now() + clockOffset.peek() - REACTION_COUNT_MS;
      reactions.value = [...reactions.value.filter((x) => x.at > since), r].slice(-200);
      reactionClock.value = Date.now();
      scheduleReactionTick();
    }),
    conn.on('workshop:ended', (w) => {
      workshop.value = w;
      sessions.clear(code);
      conn.abandon('ended');
      close('ended');
    }),
    conn.on('session:closed', ({ reason }) => {
      if (reason !== 'replaced') sessions.clear(code);
      // Nothing waiting goes out any more: this connection no longer speaks for the person.
      conn.abandon(reason === 'replaced' ? 'not_joined' : reason);
      close(reason);
    }),
    conn.on('chat:updated', (m) => replaceChat(m)),
    conn.on('chat:message', (m) => {
      if (m.roomId !== (self.value?.roomId ?? m.roomId)) return; // from the room just left
      if (!chat.value.some((x) => x.id === m.id)) chat.value = [...chat.value, m].slice(-500);
    }),
    // After a dropped connection, Socket.IO reconnects by itself; we then resume the same participant.
    conn.onNeedsSession(() => {
      const saved = sessions.get(code);
      if (phase.peek() === 'inside' && saved) void resume(saved);
    }),
  ];

  /** [CHAT2][CHAT3] An edited or deleted message takes the place of the one with its id. */
  function replaceChat(m: ChatMessage) {
    if (chat.peek().some((x) => x.id === m.id)) chat.value = chat.peek().map((x) => (x.id === m.id ? m : x));
  }

  let reactionTimer: ReturnType<typeof setTimeout> | undefined;
  /** Often while a reaction floats, then now and then until the last one is out of the count. */
  function scheduleReactionTick() {
    clearTimeout(reactionTimer);
    const newest = reactions.peek().at(-1)?.at ?? 0;
    const age = Date.now() + clockOffset.peek() - newest;
    if (age > REACTION_COUNT_MS) return;
    reactionTimer = setTimeout(
      () => {
        reactionClock.value = Date.now();
        scheduleReactionTick();
      },
      age < REACTION_SHOW_MS ? 500 : 5_000,
    );
  }
  /** [WS29] Each person's latest reaction while it floats on their tile. */
  const floating = computed(() => {
    const since = reactionClock.value + clockOffset.value - REACTION_SHOW_MS;
    const out = new Map<string, Reaction>();
    for (const r of reactions.value)
      if (r.at > since && r.roomId === self.value?.roomId) out.set(r.participantId, r.emoji);
    return out;
  });
  /** [WS29] How often each reaction came in this room over the last minute. */
  const reactionCounts = computed(() => {
    const since = reactionClock.value + clockOffset.value - REACTION_COUNT_MS;
    const out = new Map<Reaction, number>();
    for (const r of reactions.value)
      if (r.at > since && r.roomId === self.value?.roomId) out.set(r.emoji, (out.get(r.emoji) ?? 0) + 1);
    return out;
  });

  let resuming: Promise<boolean> | null = null;
  let resumeRetry: ReturnType<typeof setTimeout> | undefined;
  function resume(saved: SavedSession): Promise<boolean> {
    resuming ??= doResume(saved).finally(() => (resuming = null));
    return resuming;
  }

  async function doResume(saved: SavedSession): Promise<boolean> {
    conn.reconnect(); // when the server closed this connection ("replaced")
    const since = roster.known(); // [WS30] before holding: what the list reflects now
    roster.hold();
    const r = await conn.request('workshop:resume', { v: PROTOCOL_VERSION, ...saved, ...(since ? { since } : {}) });
    if (r.ok) {
      applySnapshot(r.data);
      return true;
    }
    roster.release();
    if (r.code === 'network') return false; // still offline; the next connection tries again
    if (RESUME_AGAIN.has(r.code)) {
      // The server could not answer now (overloaded in a reconnect storm, its store away): the session is
      // still good, so it is kept and tried again shortly, spread out so thousands do not come back at once.
      clearTimeout(resumeRetry);
      resumeRetry = setTimeout(
        () => phase.peek() === 'inside' && void resume(saved),
        RESUME_RETRY_MS * (1 + Math.random()),
      );
      return false;
    }
    sessions.clear(code);
    conn.abandon(r.code);
    if (r.code === 'ended') close('ended');
    else if (r.code === 'removed') close('removed');
    // Inside already: the workshop is not there any more (the server kept it in memory and restarted).
    else if (r.code === 'not_found' && phase.peek() === 'inside') close('gone');
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

  let outgoing = 0;
  const actions = {
    /** `admitted` runs once the join is acknowledged, just before the page is inside (e.g. handing devices over). */
    async join(input: Omit<WorkshopJoinInput, 'v'>, admitted?: () => void): Promise<Fail | null> {
      phase.value = 'entering';
      roster.hold();
      const r = await conn.request('workshop:join', { v: PROTOCOL_VERSION, device: deviceKey(), ...input });
      if (r.ok) {
        admitted?.();
        applySnapshot(r.data);
        return null;
      }
      roster.release();
      phase.value = 'idle';
      error.value = r.code;
      return r;
    },
    resume,
    raiseHand: () => run(conn.request('hand:raise', {})),
    react: (emoji: Reaction) => run(conn.request('reaction:send', { emoji })),
    lowerHand: (participantId?: string) => run(conn.request('hand:lower', participantId ? { participantId } : {})),
    /** Sent now, or as soon as the session is back: until then it is listed as waiting. */
    async sendChat(text: string) {
      const waiting = { id: ++outgoing, text };
      if (!conn.joined.peek()) outbox.value = [...outbox.value, waiting];
      const m = await run(conn.request('chat:send', { text }));
      batch(() => {
        outbox.value = outbox.value.filter((x) => x !== waiting);
        if (m && !chat.value.some((x) => x.id === m.id)) chat.value = [...chat.value, m];
      });
      return m !== null;
    },
    async editChat(id: string, text: string) {
      const m = await run(conn.request('chat:edit', { id, text }));
      if (m) replaceChat(m);
      return m !== null;
    },
    async deleteChat(id: string) {
      const m = await run(conn.request('chat:delete', { id }));
      if (m) replaceChat(m);
    },
    promote: (participantId: string) => run(conn.request('participant:promote', { participantId })),
    demote: (participantId: string) => run(conn.request('participant:demote', { participantId })),
    remove: (participantId: string) => run(conn.request('participant:remove', { participantId })),
    /** Moderators: the people removed and not let back in. */
    removedList: () => run(conn.request('participant:removed', {})),
    letBackIn: (participantId: string) => run(conn.request('participant:letBackIn', { participantId })),
    setLocked: (locked: boolean) => run(conn.request('workshop:lock', { locked })),
    setChatLock: (lock: ChatLock) => run(conn.request('workshop:chatLock', { lock })),
    /** [WS33] Moderators: what everyone's stage shows. */
    setStage: (view: StageView) => run(conn.request('workshop:stage', { view })),
    /** [WS25][WS26][WS27] Lobby, passcode ('' for none), occupancy limit (0 for none). */
    setAccess: (patch: { lobby?: boolean; passcode?: string; limit?: number }) =>
      run(conn.request('workshop:access', patch)),
    async loadKnocks() {
      const list = await run(conn.request('lobby:list', {}));
      if (list) knocks.value = list;
    },
    admit: (knockIds: readonly string[] | 'all') =>
      run(conn.request('lobby:admit', knockIds === 'all' ? { all: true } : { knockIds: [...knockIds] })),
    deny: (knockId: string, reason: string) => run(conn.request('lobby:deny', { knockId, reason })),
    end: () => run(conn.request('workshop:end', {})),
    async leave() {
      await run(conn.request('workshop:leave', {}));
      conn.abandon('not_joined');
      close('left');
    },
    dismissError: () => (error.value = null),
  };

  return {
    phase,
    closedReason,
    reportAccess,
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
    outbox,
    pm,
    clockOffset,
    inviteUrl,
    invite,
    knocks,
    floating,
    reactionCounts,
    resumed,
    mediaConfig,
    reconnecting,
    link: conn.link,
    conn,
    actions,
    /** For tests and support: the participant number up to which nothing is missing. */
    participantsSeq: roster.seq,
    /** Everyone again (another feature saw it may have missed a change of people). */
    resyncPeople: roster.resync,
    dispose() {
      unsubscribe.forEach((u) => u());
      clearTimeout(reactionTimer);
      clearTimeout(resumeRetry);
      stopChatRoom();
      pm.dispose();
      roster.dispose();
    },
  };
}

export type WorkshopState = ReturnType<typeof createWorkshopState>;

/** Towns in alphabetical order; in each, moderators first, then by name. */
function groupByTown(list: readonly Participant[]): { town: string; people: Participant[]; headcount: number }[] {
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

/** [WS26] An invite link that carries the passcode in its fragment, which browsers never send to a server. */
export function withPasscode(url: string, passcode: string): string {
  return passcode && url ? `${url}#pass=${encodeURIComponent(passcode)}` : url;
}
