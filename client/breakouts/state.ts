import { batch, computed, effect, signal } from '@preact/signals';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { NESTED_STAGES, WARNING_MS, type NestedStage } from '../../shared/breakouts/constants.js';
import type {
  AssignInput,
  BreakoutBroadcast,
  BreakoutView,
  NestedView,
  RoomInput,
  RotateInput,
  RoundEnded,
} from '../../shared/breakouts/schema.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { Participant } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';

const TICK_MS = 250;

/**
 * Breakout rooms as this client sees them. Only this module writes these signals, from acks and
 * server events. The countdown runs from the server's deadline, corrected by the clock offset.
 */
export function createBreakoutsState(conn: Connection, ws: WorkshopState) {
  const view = signal<BreakoutView | null>(null);
  /** Broadcasts heard live, and the ones this person closed. */
  const heard = signal<readonly BreakoutBroadcast[]>([]);
  const dismissed = signal<ReadonlySet<string>>(new Set());
  const lastEnded = signal<RoundEnded | null>(null);
  /** [BR26] The room a moderator closed while this person was in it (until they are in a room again). */
  const roomClosed = signal<string | null>(null);
  const error = signal<ErrorCode | null>(null);
  const now = signal(Date.now());
  const archived = signal<{ roomId: string; messages: readonly ChatMessage[] } | null>(null);

  const myRoomId = computed(() => ws.self.value?.roomId ?? PLENARY);
  const isOpen = computed(() => view.value?.status === 'open');
  const myRoom = computed(() => view.value?.rooms.find((r) => r.id === myRoomId.value) ?? null);
  const members = (roomId: string): Participant[] => ws.present.value.filter((p) => p.roomId === roomId);
  const roomMates = computed(() => members(myRoomId.value).filter((p) => p.id !== ws.self.value?.id));
  const remainingMs = computed(() => {
    const round = view.value?.round;
    if (!round || !isOpen.value) return null;
    // Clamped: a clock offset a little off must not show more time than the round has.
    return Math.min(round.deadline - round.startedAt, Math.max(0, round.deadline - (now.value + ws.clockOffset.value)));
  });
  const oneMinuteLeft = computed(
    () => remainingMs.value !== null && remainingMs.value > 0 && remainingMs.value <= WARNING_MS,
  );
  /** Tandem: which language to speak now (the second from half time on). */
  const tandemLanguage = computed(() => {
    const v = view.value;
    if (!v?.round || v.rotation?.kind !== 'tandem' || v.rotation.languages.length !== 2) return null;
    const half = v.round.startedAt + v.round.durationMs / 2;
    const second = now.value + ws.clockOffset.value >= half;
    return { language: v.rotation.languages[second ? 1 : 0]!, switched: second };
  });
  /** [BR23] Live ones plus the stored latest, so a reload or late join still shows it. */
  const broadcasts = computed(() => {
    const stored = view.value?.broadcast;
    const all = stored && !heard.value.some((b) => b.id === stored.id) ? [...heard.value, stored] : heard.value;
    return all
      .filter((b) => !dismissed.value.has(b.id))
      .sort((a, b) => a.at - b.at)
      .slice(-5);
  });
  /** [BR27] The stage of a running 1-2-4-All (alone, pairs, fours), else null. */
  const nestedStage = computed<NestedStage | null>(() => {
    const v = view.value;
    if (v?.status !== 'open' || v.rotation?.kind !== 'nested' || !v.round) return null;
    return NESTED_STAGES[v.round.index] ?? null;
  });
  /** [BR28] One's note and the room-mates' notes, and the four's posted card. */
  const nested = signal<NestedView | null>(null);
  const helpRequested = computed(() => view.value?.help.some((h) => h.participantId === ws.self.value?.id) ?? false);

  async function run(p: Promise<{ ok: true; data: BreakoutView } | { ok: false; code: ErrorCode }>): Promise<boolean> {
    const r = await p;
    if (!r.ok) {
      error.value = r.code;
      return false;
    }
    batch(() => {
      error.value = null;
      if (!view.value || r.data.version >= view.value.version) view.value = r.data;
    });
    return true;
  }
  const version = () => view.value?.version ?? 0;

  const unsubscribe = [
    conn.on('breakout:updated', (v) => {
      const known = view.value?.version;
      if (known === undefined || v.version >= known) view.value = v;
      // Every change is announced: a version skipped means a missed one, and with it perhaps room moves.
      if (known !== undefined && v.version > known + 1) resync();
    }),
    conn.on('breakout:broadcasted', (m) => (heard.value = [...heard.value, m].slice(-5))),
    conn.on('breakout:round-ended', (e) => (lastEnded.value = e)),
    conn.on('breakout:room-closed', (e) => (roomClosed.value = e.roomId)),
    conn.on('breakout:noted', (e) => {
      if (nested.value) nested.value = { ...nested.value, notes: { ...nested.value.notes, [e.participantId]: e.text } };
    }),
    conn.on('breakout:card-posted', (e) => {
      if (nested.value && e.roomId === myRoomId.peek()) nested.value = { ...nested.value, card: e.text };
    }),
  ];

  async function runNested(p: Promise<{ ok: true; data: NestedView } | { ok: false; code: ErrorCode }>) {
    const r = await p;
    if (r.ok) nested.value = r.data;
    else error.value = r.code;
    return r.ok;
  }
  // Each stage and each room brings other notes into view: fetched afresh on every change of either.
  const stopNested = effect(() => {
    const stage = nestedStage.value;
    void myRoomId.value;
    if (stage) void runNested(conn.request('breakout:nested', {}));
    else nested.value = null;
  });

  function resync() {
    void run(conn.request('breakout:sync', {}));
    void ws.resyncPeople();
  }

  // After every join or resume, fetch the breakouts; a late joiner is placed then.
  const stopSync = effect(() => {
    if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void run(conn.request('breakout:sync', {}));
  });
  // Confirm every room change, so the server puts this tab's connection into the room.
  let ackedRoom: string | null = null;
  const stopAck = effect(() => {
    const roomId = ws.self.value?.roomId;
    if (!roomId || roomId === ackedRoom || ws.phase.value !== 'inside') return;
    ackedRoom = roomId;
    void conn.request('breakout:ack', { roomId });
  });
  // The countdown ticks only while a round runs.
  let timer: ReturnType<typeof setInterval> | null = null;
  const stopTimer = effect(() => {
    const running = isOpen.value;
    if (running && !timer) timer = setInterval(() => (now.value = Date.now()), TICK_MS);
    if (!running && timer) {
      clearInterval(timer);
      timer = null;
    }
  });

  const actions = {
    setRooms: (rooms: RoomInput[]) => run(conn.request('breakout:rooms', { version: version(), rooms })),
    assign: (input: Omit<AssignInput, 'version'>) =>
      run(conn.request('breakout:assign', { ...input, version: version() })),
    move: (participantId: string, roomId: string) => run(conn.request('breakout:move', { participantId, roomId })),
    open: (durationMs: number) => run(conn.request('breakout:open', { version: version(), durationMs })),
    rotate: (input: Omit<RotateInput, 'version'>) =>
      run(conn.request('breakout:rotate', { ...input, version: version() })),
    extend: (ms: number) => run(conn.request('breakout:extend', { ms })),
    close: () => run(conn.request('breakout:close', {})),
    visit: (roomId: string) => run(conn.request('breakout:visit', { roomId })),
    /** [BR26] While the rooms run: a room gets a new name (same room, nobody moves). */
    rename: (roomId: string, name: string) =>
      run(
        conn.request('breakout:rooms', {
          version: version(),
          rooms: (view.value?.rooms ?? []).map((r) => ({
            id: r.id,
            name: r.id === roomId ? name : r.name,
            hostId: r.hostId,
            capacity: r.capacity,
            languages: r.languages as RoomInput['languages'],
          })),
        }),
      ),
    /** [BR26] While the rooms run: one room closes, its people go back to the plenary. */
    closeRoom: (roomId: string) => run(conn.request('breakout:closeRoom', { roomId })),
    askHelp: () => run(conn.request('breakout:help', {})),
    resolveHelp: (participantId: string) => run(conn.request('breakout:help-resolve', { participantId })),
    choose: (roomId: string) => run(conn.request('breakout:choose', { roomId })),
    async broadcast(text: string) {
      const r = await conn.request('breakout:broadcast', { text });
      error.value = r.ok ? null : r.code;
      return r.ok;
    },
    async showArchive(roomId: string | null) {
      if (!roomId) return void (archived.value = null);
      const r = await conn.request('breakout:room-chat', { roomId });
      if (r.ok) archived.value = { roomId, messages: r.data };
      else error.value = r.code;
    },
    saveNote: (text: string) => runNested(conn.request('breakout:note', { text })),
    postCard: (text: string) => runNested(conn.request('breakout:post-card', { text })),
    dismissBroadcast: (id: string) => (dismissed.value = new Set([...dismissed.value, id])),
    dismissError: () => (error.value = null),
  };

  return {
    view,
    broadcasts,
    lastEnded,
    roomClosed,
    error,
    archived,
    myRoomId,
    myRoom,
    isOpen,
    roomMates,
    remainingMs,
    oneMinuteLeft,
    tandemLanguage,
    helpRequested,
    nestedStage,
    nested,
    members,
    actions,
    dispose() {
      unsubscribe.forEach((u) => u());
      [stopSync, stopAck, stopTimer, stopNested].forEach((stop) => stop());
      if (timer) clearInterval(timer);
    },
  };
}

export type BreakoutsState = ReturnType<typeof createBreakoutsState>;

/** 125000 -> "2:05". */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
