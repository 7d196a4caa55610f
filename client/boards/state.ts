import { batch, computed, effect, signal } from '@preact/signals';
import {
  applyOp,
  dotCounts,
  emptyBoard,
  fromSnapshot,
  serializeBoard,
  type BoardState,
} from '../../shared/boards/apply.js';
import type {
  BoardCursorEvent,
  BoardLiveEvent,
  BoardOp,
  BoardSnapshot,
  BoardSync,
  CardItem,
  Intent,
  Item,
  NewItem,
  Patch,
  SettingsInput,
} from '../../shared/boards/schema.js';
import { changesVisibility } from '../../shared/boards/view.js';
import type { CommandInput, ErrorCode } from '../../shared/protocol.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';

export interface LiveStroke extends BoardLiveEvent {
  seenAt: number;
}
export interface Cursor extends BoardCursorEvent {
  seenAt: number;
  trail: { x: number; y: number; at: number }[];
}

const GAP_WAIT_MS = 1000;
const LIVE_TTL_MS = 4000;
const CURSOR_TTL_MS = 6000;
export const LASER_FADE_MS = 1500;

export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-3);
}

/**
 * The board of the room this person is in, as they may see it. Only this module writes these
 * signals: from sync answers, acks and server events, applied strictly in seq order.
 */
export function createBoardState(conn: Connection, ws: WorkshopState) {
  const roomId = computed(() => ws.self.value?.roomId ?? PLENARY);
  const selfId = computed(() => ws.self.value?.id ?? '');
  const isModerator = ws.isModerator;
  /** The board object is changed in place; `rev` tells readers it changed. */
  let current: BoardState = emptyBoard();
  const rev = signal(0);
  const loaded = signal(false);
  const error = signal<ErrorCode | null>(null);
  const live = signal<ReadonlyMap<string, LiveStroke>>(new Map());
  const cursors = signal<ReadonlyMap<string, Cursor>>(new Map());
  const undoStack = signal<readonly number[]>([]);
  const redoStack = signal<readonly number[]>([]);

  // A fresh shallow wrapper per change, so readers of seq and settings are notified too.
  const board = computed<BoardState & { rev: number }>(() => ({ ...current, rev: rev.value }));
  const settings = computed(() => board.value.settings);
  const items = computed(() => (rev.value, [...current.items.values()]));
  const cards = computed(() => items.value.filter((i): i is CardItem => i.kind === 'card'));
  const dots = computed(() => (rev.value, dotCounts(current)));
  const myCardsThisRound = computed(
    () => cards.value.filter((c) => c.by === selfId.value && c.round === settings.value.cardRound).length,
  );
  const myDots = computed(() =>
    items.value.filter(
      (i): i is Extract<Item, { kind: 'dot' }> =>
        i.kind === 'dot' && i.by === selfId.value && i.round === settings.value.dotRound,
    ),
  );
  const mayDraw = computed(
    () => isModerator.value || (!settings.value.locked && settings.value.drawing === 'everyone'),
  );
  const mayWriteCards = computed(
    () =>
      isModerator.value ||
      (!settings.value.locked && (settings.value.drawing === 'everyone' || settings.value.cardsOpen)),
  );

  const pending = new Map<number, BoardOp>();
  /** Ops applied lately: a snapshot that arrives after some of them is brought forward with them. */
  let recent: BoardOp[] = [];
  let gapTimer: ReturnType<typeof setTimeout> | null = null;
  let syncing = false;
  let trackedRoom = '';

  function bump() {
    rev.value++;
  }

  /** `askedAt`: the seq this client had when it asked. */
  function load(sync: BoardSync, askedAt: number) {
    if (sync.roomId !== trackedRoom) return;
    if (sync.kind === 'snapshot') {
      // Only ops applied while the answer was on its way can be newer than it.
      const newer = recent.filter((op) => op.seq > Math.max(askedAt, sync.snapshot.seq));
      current = fromSnapshot(sync.snapshot);
      for (const op of newer) if (op.seq === current.seq + 1) applyOp(current, op);
      for (const seq of [...pending.keys()]) if (seq <= current.seq) pending.delete(seq);
    }
    batch(() => {
      if (sync.kind === 'ops') for (const op of sync.ops) take(op, false);
      drain();
      loaded.value = true;
      bump();
    });
  }

  /** Queues an op and applies every op that is next in sequence. */
  function take(op: BoardOp, render = true) {
    if (op.seq <= current.seq) return;
    pending.set(op.seq, op);
    if (render) {
      drain();
      bump();
    }
  }

  function drain() {
    let resync = false;
    while (pending.has(current.seq + 1)) {
      const op = pending.get(current.seq + 1)!;
      pending.delete(op.seq);
      applyOp(current, op);
      recent.push(op);
      if (recent.length > 2000) recent = recent.slice(-1000);
      if (op.kind === 'put') dropLive(op.items.map((i) => i.id));
      if (changesVisibility(op)) resync = true;
    }
    if (resync) void sync(true);
    if (pending.size > 0 && !gapTimer) {
      gapTimer = setTimeout(() => {
        gapTimer = null;
        if (pending.size > 0) void sync(false);
      }, GAP_WAIT_MS);
    }
  }

  async function sync(full: boolean): Promise<void> {
    if (syncing && !full) return;
    syncing = true;
    const room = trackedRoom;
    const askedAt = current.seq;
    const r = await conn.request('board:sync', { roomId: room, sinceSeq: full ? 0 : current.seq, full });
    syncing = false;
    if (room !== trackedRoom) return;
    if (r.ok) return load(r.data, askedAt);
    // Lost on the way: the next resume asks again.
    if (r.code !== 'network') error.value = r.code;
  }

  function dropLive(ids: string[]) {
    if (!ids.some((id) => live.value.has(id))) return;
    const next = new Map(live.value);
    for (const id of ids) next.delete(id);
    live.value = next;
  }

  // A new room: its board from scratch; every join or resume: what was missed meanwhile.
  let syncedAt = 0;
  const stopRoomEffect = effect(() => {
    const room = roomId.value;
    const resumed = ws.resumed.value;
    if (ws.phase.value !== 'inside' || resumed === 0) return;
    if (room !== trackedRoom) {
      trackedRoom = room;
      current = emptyBoard();
      pending.clear();
      recent = [];
      batch(() => {
        loaded.value = false;
        undoStack.value = [];
        redoStack.value = [];
        live.value = new Map();
        cursors.value = new Map();
        bump();
      });
      syncedAt = resumed;
      void sync(true);
    } else if (resumed !== syncedAt) {
      syncedAt = resumed;
      void sync(false);
    }
  });

  const unsubscribe = [
    conn.on('board:ops', (e) => {
      if (e.roomId === trackedRoom) batch(() => e.ops.forEach((op) => take(op)));
    }),
    conn.on('board:live', (e) => {
      if (e.roomId !== trackedRoom || current.items.has(e.strokeId)) return;
      const next = new Map(live.value);
      const before = next.get(e.strokeId);
      const points = e.replace || !before ? e.points : [...before.points, ...e.points];
      next.set(e.strokeId, { ...e, points, seenAt: Date.now() });
      live.value = next;
    }),
    conn.on('board:cursor', (e) => {
      if (e.roomId !== trackedRoom) return;
      const next = new Map(cursors.value);
      if (e.gone) next.delete(e.by);
      else {
        const now = Date.now();
        const trail = e.laser
          ? [...(next.get(e.by)?.trail ?? []).filter((p) => now - p.at < LASER_FADE_MS), { x: e.x, y: e.y, at: now }]
          : [];
        next.set(e.by, { ...e, seenAt: now, trail });
      }
      cursors.value = next;
    }),
  ];

  const sweeper = setInterval(() => {
    const now = Date.now();
    if ([...live.value.values()].some((l) => now - l.seenAt > LIVE_TTL_MS)) {
      live.value = new Map([...live.value].filter(([, l]) => now - l.seenAt <= LIVE_TTL_MS));
    }
    if (
      [...cursors.value.values()].some(
        (c) => now - c.seenAt > CURSOR_TTL_MS || c.trail.some((p) => now - p.at > LASER_FADE_MS),
      )
    ) {
      cursors.value = new Map(
        [...cursors.value]
          .filter(([, c]) => now - c.seenAt <= CURSOR_TTL_MS)
          .map(([k, c]) => [k, { ...c, trail: c.trail.filter((p) => now - p.at <= LASER_FADE_MS) }]),
      );
    }
  }, 250);

  async function send(intent: Intent, record = true): Promise<BoardOp | null> {
    const r = await conn.request('board:op', { roomId: trackedRoom, op: intent });
    return accept(r, record ? 'new' : 'none');
  }

  function accept(
    r: Awaited<ReturnType<Connection['request']>>,
    stack: 'new' | 'undo' | 'redo' | 'none',
  ): BoardOp | null {
    if (!r.ok) {
      error.value = r.code;
      return null;
    }
    const { roomId: room, op } = r.data as { roomId: string; op: BoardOp };
    if (room !== trackedRoom) return op;
    batch(() => {
      error.value = null;
      take(op);
      if (stack === 'new') {
        undoStack.value = [...undoStack.value, op.seq].slice(-100);
        redoStack.value = [];
      } else if (stack === 'undo') {
        undoStack.value = undoStack.value.slice(0, -1);
        redoStack.value = [...redoStack.value, op.seq];
      } else if (stack === 'redo') {
        redoStack.value = redoStack.value.slice(0, -1);
        undoStack.value = [...undoStack.value, op.seq];
      }
    });
    return op;
  }

  // For browser tests and support: the board exactly as this person sees it, serialised.
  (globalThis as { jumelageBoard?: { serialize(): string } }).jumelageBoard = {
    serialize: () => serializeBoard(current),
  };

  const actions = {
    add: (item: NewItem) => send({ type: 'add', item }),
    update: (id: string, patch: Patch) => send({ type: 'update', id, patch }),
    remove: (ids: string[]) => send({ type: 'remove', ids }),
    async undo() {
      const seq = undoStack.value.at(-1);
      if (seq === undefined) return;
      const r = await conn.request('board:revert', { roomId: trackedRoom, seq });
      if (!r.ok && (r.code === 'conflict' || r.code === 'not_found')) undoStack.value = undoStack.value.slice(0, -1);
      accept(r, 'undo');
    },
    async redo() {
      const seq = redoStack.value.at(-1);
      if (seq === undefined) return;
      const r = await conn.request('board:revert', { roomId: trackedRoom, seq });
      if (!r.ok && (r.code === 'conflict' || r.code === 'not_found')) redoStack.value = redoStack.value.slice(0, -1);
      accept(r, 'redo');
    },
    async settings(patch: SettingsInput) {
      return accept(await conn.request('board:settings', { roomId: trackedRoom, patch }), 'new');
    },
    async clear() {
      return accept(await conn.request('board:clear', { roomId: trackedRoom }), 'new');
    },
    async snapshot(label = '') {
      const r = await conn.request('board:snapshot', { roomId: trackedRoom, label });
      if (!r.ok) error.value = r.code;
      return r.ok ? r.data : null;
    },
    live(payload: Omit<CommandInput<'board:live'>, 'roomId'>) {
      conn.volatile('board:live', { roomId: trackedRoom, ...payload });
    },
    cursor(x: number, y: number, laser: boolean, gone = false) {
      conn.volatile('board:cursor', { roomId: trackedRoom, x, y, laser, gone });
    },
    /** Boards of the workshop and saved copies, for the gallery walk. */
    async list() {
      const r = await conn.request('board:list', {});
      return r.ok ? r.data : null;
    },
    /** Any room's board as this person may see it (read only). */
    async fetchBoard(room: string): Promise<BoardSnapshot | null> {
      const r = await conn.request('board:sync', { roomId: room, sinceSeq: 0, full: true });
      return r.ok && r.data.kind === 'snapshot' ? r.data.snapshot : null;
    },
    async fetchSnapshot(room: string, snapshotId: string): Promise<BoardSnapshot | null> {
      const r = await conn.request('board:view', { roomId: room, snapshotId });
      return r.ok ? r.data : null;
    },
    dismissError: () => (error.value = null),
  };

  return {
    /** For the gallery's own state (its chunk creates it when the gallery opens). */
    conn,
    workshop: ws,
    roomId,
    selfId,
    isModerator,
    board,
    rev,
    loaded,
    error,
    settings,
    items,
    cards,
    dots,
    myCardsThisRound,
    myDots,
    mayDraw,
    mayWriteCards,
    live,
    cursors,
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
    actions,
    dispose() {
      stopRoomEffect();
      unsubscribe.forEach((u) => u());
      clearInterval(sweeper);
      if (gapTimer) clearTimeout(gapTimer);
    },
  };
}

export type BoardClientState = ReturnType<typeof createBoardState>;
