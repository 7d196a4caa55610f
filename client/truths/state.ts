import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import { launchableRooms } from '../../shared/polls/rules.js';
import type { ErrorCode } from '../../shared/protocol.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Hashtags, TruthsEntry, TruthsMine, TruthsParamsInput, TruthsView } from '../../shared/truths/schema.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';

/**
 * Two truths and a lie as this client sees it. Only this module writes these signals, from acks and
 * `truths:updated` (highest version wins); after every join or resume it asks `truths:sync` for the view,
 * this person's own statements (with the lie) and guesses.
 */
export function createTruthsState(conn: Connection, ws: WorkshopState, breakouts: ReadonlySignal<BreakoutView | null>) {
  const view = signal<TruthsView | null>(null);
  const entry = signal<TruthsEntry | null>(null);
  /** [TRUTH8] This person's own hashtags, as the server normalised them. */
  const hashtags = signal<Hashtags | null>(null);
  const guesses = signal<Readonly<Record<string, number>>>({});
  const error = signal<ErrorCode | null>(null);
  const now = signal(Date.now() + ws.clockOffset.peek());

  const myRoom = computed(() => ws.self.value?.roomId ?? PLENARY);
  const selfId = computed(() => ws.self.value?.id ?? '');
  const game = computed(() => view.value?.games.find((g) => g.roomId === myRoom.value) ?? null);
  const authorId = computed(() => {
    const g = game.value;
    return g && (g.phase === 'voting' || g.phase === 'reveal') ? (g.order[g.current] ?? null) : null;
  });
  const isAuthor = computed(() => authorId.value !== null && authorId.value === selfId.value);
  const lastReveal = computed(() => (game.value?.phase === 'reveal' ? (game.value.reveals.at(-1) ?? null) : null));
  const remainingMs = computed(() => {
    const g = game.value;
    if (g?.phase !== 'voting' || g.deadline === null) return null;
    return Math.min(g.voteSec * 1000, Math.max(0, g.deadline - now.value));
  });
  /** Whether this person's statements may still change (their turn has not come in this room's game). */
  const canEdit = computed(() => {
    const g = game.value;
    if (!g || g.phase === 'ended') return false;
    return g.phase === 'collect' || !g.order.slice(0, g.current + 1).includes(selfId.value);
  });
  const breakoutRooms = computed(() => launchableRooms(breakouts.value));
  /** [TRUTH7] This room's game is the hashtags variant. */
  const hashtagGame = computed(() => game.value?.variant === 'hashtags');
  /**
   * [TRUTH9] Hashtags to show (participant id -> three): while this room's hashtags game runs, those of the people
   * in this room; nothing once it ended. The video tiles and the panel's list read it.
   */
  const shownHashtags = computed((): ReadonlyMap<string, Hashtags> => {
    const g = game.value;
    const all = view.value?.hashtags ?? {};
    if (g?.variant !== 'hashtags' || g.phase === 'ended') return new Map();
    const shown = new Map<string, Hashtags>();
    for (const p of ws.people.value.values()) if (p.roomId === g.roomId && all[p.id]) shown.set(p.id, all[p.id]!);
    return shown;
  });
  const nameOf = (id: string) => ws.people.value.get(id)?.name ?? '';
  const person = (id: string) => ws.people.value.get(id) ?? null;

  function accept(v: TruthsView) {
    if (!view.value || v.version >= view.value.version) view.value = v;
  }
  async function run<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: ErrorCode }>): Promise<T | null> {
    const r = await p;
    error.value = r.ok ? null : r.code;
    return r.ok ? r.data : null;
  }
  async function sync() {
    const mine = await run<TruthsMine>(conn.request('truths:sync', {}));
    if (!mine) return;
    batch(() => {
      accept(mine.view);
      entry.value = mine.entry;
      hashtags.value = mine.hashtags;
      guesses.value = mine.guesses;
    });
  }

  const stops = [
    conn.on('truths:updated', accept),
    effect(() => {
      if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void sync();
    }),
    effect(() => {
      const g = game.value;
      if (g?.phase !== 'voting') return;
      const tick = () => (now.value = Date.now() + ws.clockOffset.peek());
      tick();
      const timer = setInterval(tick, 250);
      return () => clearInterval(timer);
    }),
  ];

  const keep = (v: TruthsView | null) => {
    if (v) accept(v);
    return v !== null;
  };
  const actions = {
    start: async (params: TruthsParamsInput) => keep(await run(conn.request('truths:start', params))),
    next: async () => keep(await run(conn.request('truths:next', { roomId: myRoom.peek() }))),
    stop: async () => keep(await run(conn.request('truths:stop', { roomId: myRoom.peek() }))),
    async submit(statements: [string, string, string], lie: 0 | 1 | 2) {
      const saved = await run(conn.request('truths:submit', { statements, lie }));
      if (saved) entry.value = saved;
      return saved !== null;
    },
    /** [TRUTH8] Three hashtags (the page checked them with the same rule); the normalised ones come back. */
    async saveHashtags(tags: Hashtags) {
      const saved = await run(conn.request('truths:hashtags', { tags }));
      if (saved) hashtags.value = saved.tags;
      return saved !== null;
    },
    async guess(index: number) {
      const author = authorId.peek();
      if (!author) return false;
      const r = await run(conn.request('truths:guess', { authorId: author, guess: index }));
      if (r) guesses.value = { ...guesses.value, [r.authorId]: r.guess };
      return r !== null;
    },
    dismissError: () => (error.value = null),
  };

  return {
    view,
    entry,
    hashtags,
    guesses,
    error,
    myRoom,
    selfId,
    game,
    authorId,
    isAuthor,
    lastReveal,
    remainingMs,
    canEdit,
    breakoutRooms,
    hashtagGame,
    shownHashtags,
    nameOf,
    person,
    actions,
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type TruthsState = ReturnType<typeof createTruthsState>;
