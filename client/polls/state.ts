import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ErrorCode } from '../../shared/protocol.js';
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import type { Leaderboard, MyVote, PollDraftInput, PollTally, PollView } from '../../shared/polls/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import type { UiLocale } from '../../shared/languages.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';
import { canSeeResults, launchableRooms } from '../../shared/polls/rules.js';
import { isListed, type Viewer } from './scope.js';

const put = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => new Map(map).set(key, value);

/**
 * Polls as this client sees them. Only this module writes these signals, from acks and server events;
 * after every join or resume it asks `poll:sync`, so a reload shows one's own vote again.
 * `breakouts` is the breakouts state's view: "launch in every breakout room" takes its open rooms.
 */
export function createPollState(conn: Connection, ws: WorkshopState, breakouts: ReadonlySignal<BreakoutView | null>) {
  const polls = signal<ReadonlyMap<string, PollView>>(new Map());
  const tallies = signal<ReadonlyMap<string, PollTally>>(new Map());
  const myVotes = signal<ReadonlyMap<string, MyVote>>(new Map());
  const leaderboards = signal<ReadonlyMap<string, Leaderboard>>(new Map());
  const error = signal<ErrorCode | null>(null);
  /** Server time now, ticking each second while a timed question is open (for its countdown). */
  const now = signal(Date.now() + ws.clockOffset.value);

  const myRoom = computed(() => ws.self.value?.roomId ?? PLENARY);
  const viewer = (): Viewer => ({ moderator: ws.isModerator.value, roomId: myRoom.value });
  const all = computed(() => [...polls.value.values()].sort((a, b) => a.createdAt - b.createdAt));
  const drafts = computed(() => all.value.filter((p) => p.status === 'draft'));
  /** Open polls for my room, newest launch first. */
  const open = computed(() =>
    all.value
      .filter((p) => p.status === 'open' && isListed(p, viewer()))
      .sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0)),
  );
  /** Closed polls of the whole workshop (also those run in breakout rooms), most recently closed first. */
  const closed = computed(() =>
    all.value
      .filter((p) => p.status === 'closed' && isListed(p, viewer()))
      .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0)),
  );
  /** What the phone view puts on top: the newest open poll, else the last closed one. */
  const current = computed(() => open.value[0] ?? closed.value[0] ?? null);
  /** The open breakout rooms, for "launch in every breakout room". */
  const breakoutRooms = computed(() => launchableRooms(breakouts.value));
  const latestLeaderboard = computed(() => {
    const series = closed.value.find((p) => p.quiz && p.revealed)?.quiz?.series;
    return series ? (leaderboards.value.get(series) ?? null) : null;
  });

  /** [POLL6] The shared rule; the server sends tallies only where it holds. */
  const resultsVisible = (p: PollView): boolean =>
    canSeeResults(p, { moderator: ws.isModerator.value, voted: myVotes.value.has(p.id) });

  function acceptTally(t: PollTally) {
    const known = tallies.value.get(t.pollId);
    // Two nodes may deliver tallies out of order: keep the newest.
    if (!known || known.rev <= t.rev) tallies.value = put(tallies.value, t.pollId, t);
  }

  async function sync() {
    const r = await conn.request('poll:sync', {});
    if (!r.ok) return;
    batch(() => {
      polls.value = new Map(r.data.polls.map((p) => [p.id, p]));
      myVotes.value = new Map(r.data.myVotes.map((v) => [v.pollId, v]));
      tallies.value = new Map();
      r.data.tallies.forEach(acceptTally);
      leaderboards.value = new Map(r.data.leaderboards.map((l) => [l.series, l]));
    });
  }

  const unsubscribe = [
    conn.on('poll:updated', (p) => (polls.value = put(polls.value, p.id, p))),
    conn.on('poll:deleted', ({ pollId }) => {
      const next = new Map(polls.value);
      next.delete(pollId);
      polls.value = next;
    }),
    conn.on('poll:tallied', acceptTally),
    conn.on('poll:scored', (l) => (leaderboards.value = put(leaderboards.value, l.series, l))),
    effect(() => {
      // After every join or resume, and when this person becomes a moderator (drafts, hidden results).
      void ws.isModerator.value;
      if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void sync();
    }),
    effect(() => {
      const timed = open.value.some((p) => p.deadline !== null);
      if (!timed) return;
      const timer = setInterval(() => (now.value = Date.now() + ws.clockOffset.peek()), 250);
      now.value = Date.now() + ws.clockOffset.peek();
      return () => clearInterval(timer);
    }),
  ];

  async function run<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: ErrorCode }>): Promise<T | null> {
    const r = await p;
    error.value = r.ok ? null : r.code;
    return r.ok ? r.data : null;
  }
  const keep = (p: PollView | null) => {
    if (p) polls.value = put(polls.value, p.id, p);
    return p;
  };

  const actions = {
    create: async (draft: PollDraftInput) => keep(await run(conn.request('poll:create', draft))),
    update: async (pollId: string, draft: PollDraftInput) =>
      keep(await run(conn.request('poll:update', { pollId, ...draft }))),
    async remove(pollId: string) {
      if ((await run(conn.request('poll:delete', { pollId }))) === null && error.value) return;
      const next = new Map(polls.value);
      next.delete(pollId);
      polls.value = next;
    },
    launch: async (pollId: string, roomIds: string[] = [PLENARY]) =>
      keep(await run(conn.request('poll:launch', { pollId, roomIds }))),
    close: async (pollId: string) => keep(await run(conn.request('poll:close', { pollId }))),
    reveal: async (pollId: string) => keep(await run(conn.request('poll:reveal', { pollId }))),
    async vote(pollId: string, choices: string[], text = '') {
      const r = await run(conn.request('poll:vote', { pollId, choices, text }));
      if (r) myVotes.value = put(myVotes.value, pollId, r.vote);
      return r !== null;
    },
    /** One click: asks the server for the CSV and saves it as a file. */
    async exportCsv(locale: UiLocale) {
      const r = await run(conn.request('poll:export', { locale }));
      if (!r) return;
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    dismissError: () => (error.value = null),
  };

  return {
    polls,
    all,
    drafts,
    open,
    closed,
    current,
    tallies,
    myVotes,
    leaderboards,
    latestLeaderboard,
    breakoutRooms,
    /** The breakouts (current and closed rooms), to name the rooms of results shown per room. */
    breakouts,
    error,
    now,
    resultsVisible,
    actions,
    dispose() {
      unsubscribe.forEach((u) => u());
    },
  };
}

export type PollState = ReturnType<typeof createPollState>;
