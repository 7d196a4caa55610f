/**
 * [WS30] The people a join or resume snapshot carries, read cheaply under a reconnect storm:
 * - a resume that says what it knows (participant number, breakouts version) gets only who changed
 *   since then, read one by one when they are few;
 * - full reads of a workshop's list on this node are shared: a caller gets a read that started after
 *   it asked (so it is at least as new as anything the caller saw), but all callers who ask while one
 *   read is on its way share the next one, instead of each reading every participant.
 */
import type { Participant, PresenceChange } from '../../shared/workshops/schema.js';
import type { Deps } from '../realtime/types.js';
import { toPublicParticipant } from './logic.js';
import type { ParticipantRecord } from './store/types.js';

/** Up to this many changed people are read one by one; more, and the shared full read is cheaper. */
export const DELTA_READ_MAX = 64;

export interface KnownPeople {
  participantsSeq: number;
  roomsVersion: number;
}

export interface PeopleSnapshot {
  seq: number;
  participants: Participant[];
  /** Present when `participants` holds only those changed since `since` (see SessionSnapshot.delta). */
  delta?: { since: number; removed: string[]; presence: PresenceChange[] };
}

/**
 * What the resumes sharing one full read need of it, worked out once: its records by number (a delta is the
 * tail above `since`) and each record's presence entry. After a storm every resume's delta holds most of the
 * workshop: per resume that was N records filtered and N objects made, now a search and N entries reused.
 */
interface ReadIndex {
  bySeq: ParticipantRecord[];
  presence: Map<string, PresenceChange>;
}

export function createRoster(deps: Deps) {
  const { store } = deps;
  const pub = (p: ParticipantRecord) => toPublicParticipant(p, deps.clock(), deps.config.presenceGraceMs);
  const everyone = sharedReads((workshopId) => store.listParticipants(workshopId));
  const indexes = new WeakMap<ParticipantRecord[], ReadIndex>();
  const indexOf = (list: ParticipantRecord[]) => {
    let index = indexes.get(list);
    if (!index) {
      index = { bySeq: [...list].sort((a, b) => a.seq - b.seq), presence: new Map() };
      indexes.set(list, index);
    }
    return index;
  };
  /** The records of one full read changed since `since`, and a presence entry of one of them (made once per read). */
  const changedSince = async (workshopId: string, since: number) => {
    const index = indexOf(await everyone(workshopId));
    const { bySeq, presence } = index;
    let lo = 0;
    let hi = bySeq.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bySeq[mid]!.seq > since) hi = mid;
      else lo = mid + 1;
    }
    const entry = (p: ParticipantRecord) => {
      let e = presence.get(p.id);
      if (!e) {
        e = { id: p.id, presence: pub(p).presence, seq: p.seq };
        presence.set(p.id, e);
      }
      return e;
    };
    return { records: bySeq.slice(lo), entry };
  };

  /** Everyone (removed people left out), at least as new as `seq`: the counter is read before the list. */
  async function full(workshopId: string): Promise<PeopleSnapshot> {
    const seq = await store.participantsSeq(workshopId);
    const list = await everyone(workshopId);
    return { seq, participants: list.filter((p) => !p.removed).map(pub) };
  }

  /**
   * What a snapshot carries. `roomsVersion` is the breakouts' version read before this call: breakout
   * moves take no participant number, so a delta is only given to a client that knows every move.
   */
  async function snapshot(workshopId: string, roomsVersion: number, known?: KnownPeople): Promise<PeopleSnapshot> {
    if (!known || known.roomsVersion !== roomsVersion) return full(workshopId);
    const since = known.participantsSeq;
    const changes = await store.participantChangesSince(workshopId, since);
    if (!changes) return full(workshopId);
    const few = changes.ids.length <= DELTA_READ_MAX;
    const { records, entry } = few
      ? {
          records: await store.getParticipants(workshopId, changes.ids),
          entry: (p: ParticipantRecord) => ({ id: p.id, presence: pub(p).presence, seq: p.seq }),
        }
      : await changedSince(workshopId, since);
    const participants: Participant[] = [];
    const removed: string[] = [];
    const presence: PresenceChange[] = [];
    for (const p of records)
      if (p.removed) removed.push(p.id);
      else if (p.fullSeq > since) participants.push(pub(p));
      // Presence alone changed since `since`: a few bytes each instead of the whole record.
      else presence.push(entry(p));
    return { seq: changes.seq, participants, delta: { since, removed, presence } };
  }

  return { full, snapshot };
}

/**
 * Reads by key where a caller always gets a read that started after its call, and callers who ask
 * while a read is on its way share the one that starts when it ends.
 */
export function sharedReads<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, Promise<T>>();
  const start = (key: string) => {
    const p = read(key);
    running.set(key, p);
    const done = () => {
      if (running.get(key) === p) running.delete(key);
    };
    p.then(done, done);
    return p;
  };
  return (key) => {
    const next = queued.get(key);
    if (next) return next;
    const current = running.get(key);
    if (!current) return start(key);
    const after = current
      .catch(() => undefined)
      .then(() => {
        queued.delete(key);
        return start(key);
      });
    queued.set(key, after);
    return after;
  };
}
