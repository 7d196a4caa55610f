/**
 * The mesh of one room: one PeerLink per other member, built and rebuilt by the rules in
 * shared/media/RULES.md ([MEDIA8] deterministic initiator with hello, [MEDIA9] automatic retry).
 * Knows nothing of Preact or the workshop; the media state drives it.
 */
import type { IceServer, MediaSignaled, SignalData } from '../../shared/media/schema.js';
import { createPeerLink, type PeerLink } from './peer.js';
import type { MediaRoom, PeerView } from './room.js';

export type { PeerState, PeerView } from './room.js';

export interface MeshDeps {
  selfId: string;
  iceServers: IceServer[];
  /** One audio and one video track (see placeholderTracks): the senders are adjusted afterwards. */
  sendStream: MediaStream;
  send(to: string, cid: string, signals: SignalData[]): void;
  /** A peer was created, changed state or received a track. */
  onChange(): void;
  /** A new RTCPeerConnection exists: set its senders (tracks, bitrate) now. */
  onLink(remoteId: string, pc: RTCPeerConnection): void;
}

/** Generous: on a loaded machine or a slow TURN path, setup can take a while; killing it early only restarts the wait. */
const CONNECT_TIMEOUT_MS = 20_000;
const DISCONNECTED_GRACE_MS = 6_000;
/** How long an initiator waits for a newcomer's hello before offering anyway. */
const HELLO_WAIT_MS = 3_000;
const SIGNAL_BATCH_MS = 15;
const BUFFER_MS = 10_000;
const backoff = (attempt: number) => Math.min(15_000, 500 * 2 ** attempt);
/** A connection this young that has heard nothing back may simply not have reached the other side yet. */
export const FRESH_OFFER_MS = 2_000;

interface Entry extends PeerView {
  initiator: boolean;
  link: PeerLink | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  createdAt: number;
  /** Something came back on this connection (answer, candidates). */
  heard: boolean;
}

/**
 * [MEDIA8] What the initiator does with a hello. A hello that names no connection while mine is fresh
 * and unanswered was usually sent before my offer arrived (both sides saw each other at the same moment,
 * e.g. a newcomer offering while the others greet it): my offer is on its way, so it is checked again once
 * the connection is no longer fresh instead of being replaced at once.
 */
export function helloAction(
  entry: Pick<Entry, 'cid' | 'state' | 'createdAt' | 'heard'> | undefined,
  hello: { have: string | null; restart: boolean },
  now: number,
): 'connect' | 'keep' | { recheckInMs: number } {
  if (!entry || hello.restart) return 'connect';
  if (entry.cid === hello.have) return 'keep';
  const age = now - entry.createdAt;
  if (hello.have === null && entry.state === 'connecting' && !entry.heard && age < FRESH_OFFER_MS)
    return { recheckInMs: FRESH_OFFER_MS - age };
  return 'connect';
}

/** [MEDIA8] Of two people in a mesh, the one with the lower id makes the offer. */
export const initiator = (a: string, b: string): boolean => a < b;

function newCid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class Mesh implements MediaRoom {
  readonly kind = 'mesh' as const;
  private readonly entries = new Map<string, Entry>();
  private members = new Set<string>();
  /** Signals that arrived before their connection's offer (keyed by from|cid). */
  private readonly early = new Map<string, { at: number; signals: SignalData[] }>();
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly outbox = new Map<string, { to: string; cid: string; signals: SignalData[] }>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(private readonly deps: MeshDeps) {}

  /** The room is joined: offer to everyone after me, announce myself to everyone before me. */
  start(members: readonly string[]) {
    this.members = new Set(members.filter((id) => id !== this.deps.selfId));
    for (const id of this.members) {
      if (this.initiates(id)) this.connect(id, 0);
      else this.hello(id, null, false);
    }
    this.deps.onChange();
  }

  /** Membership changed while in the room. */
  setMembers(members: readonly string[]) {
    const next = new Set(members.filter((id) => id !== this.deps.selfId));
    for (const id of new Set([...this.members, ...this.entries.keys()])) if (!next.has(id)) this.drop(id);
    for (const id of next) {
      if (this.members.has(id) || this.entries.has(id)) continue;
      if (this.initiates(id)) {
        // A newcomer's page is usually not listening yet: wait for its hello, offer anyway later.
        this.waiting.set(
          id,
          setTimeout(() => {
            this.waiting.delete(id);
            if (!this.entries.has(id) && this.members.has(id)) this.connect(id, 0);
          }, HELLO_WAIT_MS),
        );
      } else {
        this.hello(id, null, false);
      }
    }
    this.members = next;
    this.deps.onChange();
  }

  receive({ from, cid, signals }: MediaSignaled) {
    if (this.destroyed || from === this.deps.selfId) return;
    const entry = this.entries.get(from);
    for (const s of signals) {
      if (s.type !== 'hello') continue;
      // [MEDIA8] Only the initiator acts on a hello: (re)offer unless they hold my current connection.
      if (!this.initiates(from)) continue;
      const action = helloAction(entry, s, Date.now());
      if (action === 'connect') this.connect(from, s.restart ? (entry?.attempts ?? 0) : 0);
      else if (action !== 'keep' && entry) {
        this.after(entry, action.recheckInMs, () => {
          if (this.entries.get(from) === entry && entry.state === 'connecting' && !entry.heard) this.connect(from, 0);
        });
      }
      return;
    }
    if (entry && entry.cid === cid && entry.link) {
      entry.heard = true;
      for (const s of signals) entry.link.signal(s);
      return;
    }
    if (this.initiates(from)) return; // an answer for a connection I already replaced
    const key = `${from}|${cid}`;
    const buffered = this.early.get(key)?.signals ?? [];
    const all = [...buffered, ...signals];
    if (all.some((s) => s.type === 'offer')) {
      this.early.delete(key);
      this.accept(from, cid, all);
    } else {
      this.early.set(key, { at: Date.now(), signals: all.slice(-50) });
      for (const [k, v] of this.early) if (Date.now() - v.at > BUFFER_MS) this.early.delete(k);
    }
  }

  views(): PeerView[] {
    return [...this.entries.values()].map(({ remoteId, cid, state, audio, video, pc, attempts }) => ({
      remoteId,
      cid,
      state,
      audio,
      video,
      pc,
      attempts,
    }));
  }

  destroy() {
    this.destroyed = true;
    for (const id of [...this.entries.keys()]) this.drop(id);
    for (const t of this.waiting.values()) clearTimeout(t);
    this.waiting.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.outbox.clear();
  }

  private initiates(remoteId: string) {
    return initiator(this.deps.selfId, remoteId);
  }

  private hello(to: string, have: string | null, restart: boolean) {
    this.queue(to, '-', { type: 'hello', have, restart });
  }

  /** Initiator: a new connection (new cid) replaces whatever there was. */
  private connect(remoteId: string, attempts: number) {
    const t = this.waiting.get(remoteId);
    if (t) clearTimeout(t);
    this.waiting.delete(remoteId);
    this.build(remoteId, newCid(), true, attempts, []);
  }

  /** Non-initiator: an offer for a new connection replaces whatever there was. */
  private accept(remoteId: string, cid: string, signals: SignalData[]) {
    const attempts = this.entries.get(remoteId)?.attempts ?? 0;
    this.build(remoteId, cid, false, attempts, signals);
  }

  private build(remoteId: string, cid: string, initiator: boolean, attempts: number, initial: SignalData[]) {
    if (this.destroyed) return;
    this.close(remoteId);
    const entry: Entry = {
      remoteId,
      cid,
      initiator,
      state: 'connecting',
      audio: null,
      video: null,
      pc: null,
      attempts,
      link: null,
      timers: new Set(),
      createdAt: Date.now(),
      heard: false,
    };
    this.entries.set(remoteId, entry);
    performance.mark('media:peer-created', { detail: { remoteId, cid } });
    const current = () => this.entries.get(remoteId) === entry;
    const link = createPeerLink({
      initiator,
      iceServers: this.deps.iceServers,
      stream: this.deps.sendStream,
      onSignal: (s) => current() && this.queue(remoteId, cid, s),
      onTrack: (track) => {
        if (!current()) return;
        if (track.kind === 'audio') entry.audio = track;
        else entry.video = track;
        this.deps.onChange();
      },
      onConnect: () => undefined,
      onClose: (reason) => current() && this.failed(entry, reason),
    });
    entry.link = link;
    entry.pc = link.pc;
    link.pc.addEventListener('connectionstatechange', () => {
      if (!current()) return;
      const s = link.pc.connectionState;
      if (s === 'connected') {
        if (entry.state !== 'connected') performance.mark('media:peer-connected', { detail: { remoteId, cid } });
        entry.state = 'connected';
        entry.attempts = 0;
        this.clearTimers(entry);
        this.deps.onChange();
      } else if (s === 'disconnected') {
        this.after(
          entry,
          DISCONNECTED_GRACE_MS,
          () => link.pc.connectionState !== 'connected' && this.failed(entry, 'disconnected'),
        );
      } else if (s === 'failed') {
        this.failed(entry, 'failed');
      }
    });
    // The senders' parameters can be set once a description is: before the encoder starts, not after.
    link.pc.addEventListener('signalingstatechange', () => current() && this.deps.onLink(remoteId, link.pc));
    this.after(entry, CONNECT_TIMEOUT_MS, () => entry.state !== 'connected' && this.failed(entry, 'timeout'));
    this.deps.onLink(remoteId, link.pc);
    for (const s of initial) link.signal(s);
    this.deps.onChange();
  }

  /** [MEDIA9] The initiator rebuilds after a backoff; the other side asks for it if nothing comes. */
  private failed(entry: Entry, reason: string) {
    if (this.entries.get(entry.remoteId) !== entry || this.destroyed) return;
    console.info(`[media] connection to ${entry.remoteId} lost (${reason}); retrying`);
    entry.link?.destroy();
    entry.link = null;
    entry.pc = null;
    entry.audio = null;
    entry.video = null;
    entry.state = 'retrying';
    entry.attempts++;
    this.clearTimers(entry);
    const delay = backoff(entry.attempts);
    if (entry.initiator) {
      this.after(entry, delay, () => this.members.has(entry.remoteId) && this.connect(entry.remoteId, entry.attempts));
    } else {
      // Wait a little longer than the initiator would, so usually its new offer comes first.
      const ask = () => {
        if (this.entries.get(entry.remoteId) !== entry || !this.members.has(entry.remoteId)) return;
        this.hello(entry.remoteId, entry.cid, true);
        this.after(entry, CONNECT_TIMEOUT_MS, ask);
      };
      this.after(entry, delay + 1500, ask);
    }
    this.deps.onChange();
  }

  private after(entry: Entry, ms: number, fn: () => void) {
    const t = setTimeout(() => {
      entry.timers.delete(t);
      fn();
    }, ms);
    entry.timers.add(t);
  }

  private clearTimers(entry: Entry) {
    for (const t of entry.timers) clearTimeout(t);
    entry.timers.clear();
  }

  private close(remoteId: string) {
    const entry = this.entries.get(remoteId);
    if (!entry) return;
    this.clearTimers(entry);
    entry.link?.destroy();
    this.entries.delete(remoteId);
  }

  private drop(remoteId: string) {
    this.close(remoteId);
    const t = this.waiting.get(remoteId);
    if (t) clearTimeout(t);
    this.waiting.delete(remoteId);
    for (const key of this.early.keys()) if (key.startsWith(`${remoteId}|`)) this.early.delete(key);
  }

  /** Trickled candidates come in bursts: one message per connection every few milliseconds. */
  private queue(to: string, cid: string, signal: SignalData) {
    const key = `${to}|${cid}`;
    const box = this.outbox.get(key) ?? { to, cid, signals: [] };
    box.signals.push(signal);
    this.outbox.set(key, box);
    // An offer, answer or hello goes at once (not after whatever the page draws next); candidates wait
    // a moment to travel together.
    if (signal.type !== 'candidate') {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flush();
      return;
    }
    this.flushTimer ??= setTimeout(() => this.flush(), SIGNAL_BATCH_MS);
  }

  private flush() {
    this.flushTimer = null;
    const boxes = [...this.outbox.values()];
    this.outbox.clear();
    if (this.destroyed) return;
    for (const box of boxes) {
      for (let i = 0; i < box.signals.length; i += 20) this.deps.send(box.to, box.cid, box.signals.slice(i, i + 20));
    }
  }
}
