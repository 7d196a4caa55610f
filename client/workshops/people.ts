import { batch, signal } from '@preact/signals';
import type { Participant, PresenceChange } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';

/** How long a skipped participant number may stay open (events of two nodes can cross) before a resync. */
export const GAP_WAIT_MS = 1000;

type Change =
  | { kind: 'upsert'; p: Participant }
  | ({ kind: 'presence' } & PresenceChange)
  | { kind: 'left'; participantId: string; removed: boolean; seq: number };

/**
 * Everyone in the workshop as this client knows them, kept in step with the server's participant
 * sequence ([WS20], [WS21]): each event is applied when it is newer than what is known of that person;
 * a number skipped and not filled within GAP_WAIT_MS asks `participant:sync`.
 */
export function createPeople(conn: Connection, onSelfRemoved: () => void, selfId: () => string | null) {
  const people = signal<ReadonlyMap<string, Participant>>(new Map());
  /** Every number up to `known` is reflected; numbers above it that arrived are in `ahead`. */
  let known = 0;
  const ahead = new Set<number>();
  let gapTimer: ReturnType<typeof setTimeout> | null = null;
  /** While a join or resume is on its way, events wait: the snapshot may be older than them. */
  let early: Change[] | null = null;
  let syncing = false;
  /** [WS30] The newest breakouts version heard: every room move up to it is reflected. */
  let roomsVersion = 0;

  function count(seq: number) {
    if (seq <= known) return;
    ahead.add(seq);
    while (ahead.delete(known + 1)) known++;
    if (ahead.size > 0 && !gapTimer) {
      gapTimer = setTimeout(() => {
        gapTimer = null;
        if (ahead.size > 0) void resync();
      }, GAP_WAIT_MS);
    }
  }

  function apply(c: Change) {
    applyAll([c]);
  }

  /** Applies changes in order onto one copy of the map (a batch of 1,000 is one update, not 1,000). */
  function applyAll(changes: readonly Change[]) {
    if (early) return void early.push(...changes);
    const next = new Map(people.value);
    for (const c of changes) if (applyTo(next, c) === 'self-removed') return onSelfRemoved();
    people.value = next;
  }

  function applyTo(next: Map<string, Participant>, c: Change): 'self-removed' | undefined {
    if (c.kind === 'presence') {
      // [WS31] Presence alone: the rest is as the page knows the person (they are known: joins come in full).
      const before = next.get(c.id);
      if (before && c.seq > before.seq) next.set(c.id, { ...before, presence: c.presence, seq: c.seq });
      count(c.seq);
    } else if (c.kind === 'upsert') {
      const before = next.get(c.p.id);
      if (!before || c.p.seq > before.seq) next.set(c.p.id, c.p);
      count(c.p.seq);
    } else {
      if (c.participantId === selfId() && c.removed) return 'self-removed';
      const p = next.get(c.participantId);
      if (c.removed) next.delete(c.participantId);
      else if (p && c.seq > p.seq)
        next.set(c.participantId, { ...p, presence: 'offline', handRaisedAt: null, seq: c.seq });
      count(c.seq);
    }
    return undefined;
  }

  /** Replaces everyone with a list at least as new as `seq`, then replays what arrived meanwhile. */
  function replace(list: readonly Participant[], seq: number, rooms?: number) {
    settle(new Map(list.map((p) => [p.id, p])), seq, rooms);
  }

  /**
   * [WS30] A delta on top of what is known: those changed since (newer than what is held) and those
   * removed since; everything up to `seq` is then reflected.
   */
  function merge(
    changed: readonly Participant[],
    delta: { removed: readonly string[]; presence: readonly PresenceChange[] },
    seq: number,
    rooms: number,
  ) {
    const next = new Map(people.value);
    for (const id of delta.removed) next.delete(id);
    for (const p of changed) {
      const before = next.get(p.id);
      if (!before || p.seq >= before.seq) next.set(p.id, p);
    }
    let unknown = false;
    for (const { id, presence, seq: n } of delta.presence) {
      const before = next.get(id);
      if (!before) unknown = true;
      else if (n >= before.seq) next.set(id, { ...before, presence, seq: n });
    }
    settle(next, seq, rooms);
    if (unknown) void resync(); // someone the page should have known: everyone again
  }

  function settle(next: Map<string, Participant>, seq: number, rooms?: number) {
    const waiting = early ?? [];
    early = null;
    batch(() => {
      people.value = next;
      if (rooms !== undefined && rooms > roomsVersion) roomsVersion = rooms;
      if (seq > known) known = seq;
      for (const n of [...ahead]) if (n <= known) ahead.delete(n);
      while (ahead.delete(known + 1)) known++;
      applyAll(waiting);
    });
  }

  async function resync() {
    if (syncing) return;
    syncing = true;
    const r = await conn.request('participant:sync', {});
    syncing = false;
    if (r.ok) replace(r.data.participants, r.data.seq);
  }

  const unsubscribe = [
    conn.on('participant:joined', (p) => apply({ kind: 'upsert', p })),
    conn.on('participant:updated', (p) => apply({ kind: 'upsert', p })),
    conn.on('participant:batch', ({ participants, presence }) =>
      applyAll([
        ...participants.map((p): Change => ({ kind: 'upsert', p })),
        ...presence.map((c): Change => ({ kind: 'presence', ...c })),
      ]),
    ),
    conn.on('participant:left', ({ participantId, reason, seq }) =>
      apply({ kind: 'left', participantId, removed: reason === 'removed', seq }),
    ),
    // Breakout moves come with the breakouts' version, not a participant number.
    conn.on('breakout:moved', ({ moves, version }) => {
      if (version > roomsVersion) roomsVersion = version;
      const next = new Map(people.value);
      for (const m of moves) {
        const p = next.get(m.participantId);
        if (p) next.set(m.participantId, { ...p, roomId: m.roomId });
      }
      people.value = next;
    }),
    conn.on('breakout:updated', ({ version }) => {
      if (version > roomsVersion) roomsVersion = version;
    }),
  ];

  return {
    people,
    /** A join or resume is on its way: hold events until its snapshot is applied. */
    hold() {
      early ??= [];
    },
    /** The join or resume failed: events apply as they come again. */
    release() {
      const waiting = early ?? [];
      early = null;
      waiting.forEach(apply);
    },
    replace,
    merge,
    resync,
    /**
     * [WS30] What a resume may say it knows, so it gets only who changed since; none before the first
     * snapshot (nothing is known yet) or while one is awaited.
     */
    known: (): { participantsSeq: number; roomsVersion: number } | undefined =>
      people.peek().size > 0 ? { participantsSeq: known, roomsVersion } : undefined,
    /** For tests and support: the highest number up to which nothing is missing. */
    seq: () => known,
    dispose() {
      for (const u of unsubscribe) u();
      if (gapTimer) clearTimeout(gapTimer);
    },
  };
}

export type People = ReturnType<typeof createPeople>;
