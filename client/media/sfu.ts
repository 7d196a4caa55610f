/**
 * The SFU implementation of the media room (room.ts): one upload (the publisher connection, with
 * two simulcast layers) and one download (the subscriber connection, carrying only the streams
 * asked for) through Janus. Everything is signalled through our server (sfu:* commands), never to
 * Janus directly.
 *
 * Plain RTCPeerConnection, not simple-peer, serves both connections: the publisher needs
 * `addTransceiver(track, { sendEncodings })` for simulcast, which simple-peer cannot express (it
 * adds tracks with addTrack, one encoding); the subscriber answers offers made by Janus and renegotiated
 * whenever the page of tiles changes, where simple-peer adds a data channel nobody uses and never
 * fires `connect`. Both connections are short, single-purpose state machines, easier to follow
 * without it. simple-peer stays where it fits: the mesh (peer.ts).
 */
import type { IceServer } from '../../shared/media/schema.js';
import {
  SIMULCAST_LAYERS,
  type SfuJsep,
  type SfuStream,
  type SfuSubscribed,
  type SfuWant,
} from '../../shared/media/sfu.js';
import type { Connection } from '../net/connection.js';
import { capLayers, DOWNLINK_SAMPLE_MS, initialDownlink, nextDownlink } from './downlink.js';
import type { MediaRoom, PeerView } from './room.js';

type Candidate = { candidate: string; sdpMLineIndex?: number | null; sdpMid?: string | null } | null;

/** The sfu:* commands, as the media state sends them (null: refused or no answer). */
export interface SfuTransport {
  publish(offer: SfuJsep): Promise<SfuJsep | null>;
  subscribe(streams: SfuWant[]): Promise<SfuSubscribed | null>;
  start(answer: SfuJsep): Promise<boolean>;
  trickle(handle: 'publisher' | 'subscriber', candidates: Candidate[]): void;
  leave(): void;
}

/** The transport over our server's connection (refusals are logged: the room retries by itself). */
export function sfuTransport(conn: Connection): SfuTransport {
  return {
    publish: async (jsep) => {
      const r = await conn.request('sfu:publish', { jsep: jsep as { type: 'offer'; sdp: string } });
      if (!r.ok) console.info(`[media] publish refused: ${r.code}`);
      return r.ok ? r.data.jsep : null;
    },
    subscribe: async (streams) => {
      const r = await conn.request('sfu:subscribe', { streams });
      if (!r.ok) console.info(`[media] subscribe refused: ${r.code}`);
      return r.ok ? r.data : null;
    },
    start: async (jsep) => (await conn.request('sfu:start', { jsep: jsep as { type: 'answer'; sdp: string } })).ok,
    trickle: (handle, candidates) => void conn.request('sfu:trickle', { handle, candidates }),
    leave: () => void conn.request('sfu:leave', {}),
  };
}

export interface SfuDeps {
  selfId: string;
  iceServers: IceServer[];
  /** One audio and one video track (placeholders): replaced by the real ones with setLocal(). */
  sendStream: MediaStream;
  transport: SfuTransport;
  onChange(): void;
}

const RETRY_MS = 1_500;
const SYNC_DEBOUNCE_MS = 30;

export class SfuRoom implements MediaRoom {
  readonly kind = 'sfu' as const;
  private members = new Set<string>();
  private wants: SfuWant[] = [];
  private publishing = false;
  private local: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null } = { audio: null, video: null };
  publisher: RTCPeerConnection | null = null;
  private subscriber: RTCPeerConnection | null = null;
  private streams: SfuStream[] = [];
  private syncing = false;
  private dirty = false;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Counts restarts: a sync or publish begun before the latest one is dropped. */
  private generation = 0;
  /** [MEDIA18] The highest layer this page's download can take, from its packet loss. */
  private downlink = initialDownlink(Date.now());
  private readonly sampler = setInterval(() => void this.sampleDownlink(), DOWNLINK_SAMPLE_MS);

  constructor(private readonly deps: SfuDeps) {}

  start(members: readonly string[]) {
    this.setMembers(members);
  }

  setMembers(members: readonly string[]) {
    this.members = new Set(members.filter((id) => id !== this.deps.selfId));
    this.deps.onChange();
  }

  /** The streams to receive (the page of tiles on screen, audio of everyone who may speak). */
  setWants(wants: SfuWant[]) {
    const key = (w: SfuWant[]) => JSON.stringify(w);
    if (key(wants) === key(this.wants)) return;
    this.wants = wants;
    this.scheduleSync();
  }

  /** Someone started or stopped publishing: ask again for what we want (new feeds become receivable). */
  feedsChanged() {
    this.scheduleSync();
  }

  /** Whether I send at all ([MEDIA5]: not from the audience of a stage), and what. */
  setLocal(publish: boolean, audio: MediaStreamTrack | null, video: MediaStreamTrack | null) {
    this.local = { audio, video };
    if (publish && !this.publishing) {
      this.publishing = true;
      void this.publish();
    } else if (!publish && this.publishing) {
      this.publishing = false;
      this.closePublisher();
    }
    this.applyLocal();
  }

  views(): PeerView[] {
    const pc = this.subscriber;
    const transceivers = pc?.getTransceivers() ?? [];
    const up = pc?.connectionState === 'connected';
    return [...this.members].map((remoteId) => {
      const mine = this.streams.filter((s) => s.participantId === remoteId);
      const receivers = mine
        .map((s) => transceivers.find((t) => t.mid === s.mid)?.receiver)
        .filter((r): r is RTCRtpReceiver => !!r);
      const track = (kind: 'audio' | 'video') => receivers.find((r) => r.track.kind === kind)?.track ?? null;
      return {
        remoteId,
        cid: 'sfu',
        state: up || mine.length === 0 ? 'connected' : 'connecting',
        audio: track('audio'),
        video: track('video'),
        pc,
        receivers,
        attempts: 0,
      };
    });
  }

  /** For diagnostics: what is asked for and what is held. */
  describe() {
    return {
      wants: this.wants.length,
      streams: this.streams.length,
      publishing: this.publishing,
      publisher: this.publisher?.connectionState ?? null,
      subscriber: this.subscriber?.connectionState ?? null,
      syncing: this.syncing,
      dirty: this.dirty,
      retrying: !!this.retryTimer,
      restarts: this.generation,
      layerCap: this.downlink.cap,
      /** The download's video packets at the last sample (received, lost). */
      downlink: this.downlink.last,
    };
  }

  destroy() {
    this.destroyed = true;
    clearInterval(this.sampler);
    if (this.syncTimer) clearTimeout(this.syncTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.closePublisher();
    this.subscriber?.close();
    this.subscriber = null;
    this.deps.transport.leave();
  }

  // ---- publisher ----

  private async publish() {
    const pc = new RTCPeerConnection({ iceServers: this.deps.iceServers });
    this.publisher = pc;
    const [audio] = this.deps.sendStream.getAudioTracks();
    const [video] = this.deps.sendStream.getVideoTracks();
    // Audio first, then video: the publisher's mids are "0" and "1" (the server reads them from the SDP).
    pc.addTransceiver(audio!, { direction: 'sendonly', streams: [this.deps.sendStream] });
    pc.addTransceiver(video!, {
      direction: 'sendonly',
      streams: [this.deps.sendStream],
      // Highest first: Janus reads the rids in that order (its default rid_order "hml"), and Chrome, which
      // sends fewer layers of a small picture, keeps the first ones (the full picture, not the smallest).
      sendEncodings: [...SIMULCAST_LAYERS].reverse().map((l) => ({ ...l })),
    });
    const pending = this.candidates(pc, 'publisher');
    this.watch(pc);
    this.applyLocal();
    try {
      await pc.setLocalDescription();
      const answer = await this.deps.transport.publish({ type: 'offer', sdp: pc.localDescription!.sdp });
      if (this.publisher !== pc) return;
      if (!answer) return this.failed('publish refused');
      await pc.setRemoteDescription(answer);
      pending.release();
    } catch (err) {
      if (this.publisher === pc) this.failed(`publish: ${String(err)}`);
    }
  }

  private closePublisher() {
    this.publisher?.close();
    this.publisher = null;
  }

  private applyLocal() {
    const pc = this.publisher;
    if (!pc) return;
    for (const t of pc.getTransceivers()) {
      const kind = t.receiver.track.kind;
      const next = kind === 'audio' ? this.local.audio : this.local.video;
      if (t.sender.track !== next) void t.sender.replaceTrack(next).catch(() => undefined);
    }
  }

  // ---- subscriber ----

  private scheduleSync() {
    if (this.destroyed || this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      void this.sync();
    }, SYNC_DEBOUNCE_MS);
  }

  /**
   * Asks for the wanted streams; answers the offer that comes back. One at a time, within one generation:
   * a restart() starts a new one and the sync still on its way is dropped where it stands (a connection
   * closed under setRemoteDescription never settles that promise, so it must not hold up the next sync).
   */
  private async sync() {
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    this.syncing = true;
    const generation = this.generation;
    const current = () => generation === this.generation && !this.destroyed;
    try {
      const result = await this.deps.transport.subscribe(capLayers(this.wants, this.downlink.cap));
      if (!current()) return;
      if (!result) return this.failed('subscribe refused');
      if (result.jsep && !(await this.answer(result.jsep, current))) return;
      this.streams = result.streams;
      this.deps.onChange();
    } catch (err) {
      if (current()) this.failed(`subscribe: ${String(err)}`);
    } finally {
      if (generation === this.generation) {
        this.syncing = false;
        if (this.dirty && !this.destroyed) {
          this.dirty = false;
          void this.sync();
        }
      }
    }
  }

  /** Answers the SFU's offer on the subscriber connection; false when a restart overtook it. */
  private async answer(offer: SfuJsep, current: () => boolean): Promise<boolean> {
    let pc = this.subscriber;
    let pending: { release(): void } | null = null;
    if (!pc) {
      pc = new RTCPeerConnection({ iceServers: this.deps.iceServers });
      this.subscriber = pc;
      pending = this.candidates(pc, 'subscriber');
      this.watch(pc);
      pc.addEventListener('track', () => this.deps.onChange());
    }
    await pc.setRemoteDescription(offer);
    if (!current()) return false;
    await pc.setLocalDescription();
    if (!current()) return false;
    if (!(await this.deps.transport.start({ type: 'answer', sdp: pc.localDescription!.sdp })))
      throw new Error('start refused');
    if (!current()) return false;
    pending?.release();
    return true;
  }

  /** [MEDIA18] Samples the download's video packets; a change of the layer cap asks again for the streams. */
  private async sampleDownlink() {
    const pc = this.subscriber;
    if (pc?.connectionState !== 'connected') return;
    let packetsReceived = 0;
    let packetsLost = 0;
    (await pc.getStats()).forEach(
      (s: { type: string; kind?: string; packetsReceived?: number; packetsLost?: number }) => {
        if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
        packetsReceived += s.packetsReceived ?? 0;
        packetsLost += Math.max(0, s.packetsLost ?? 0);
      },
    );
    if (pc !== this.subscriber || this.destroyed) return;
    const before = this.downlink.cap;
    this.downlink = nextDownlink(this.downlink, { packetsReceived, packetsLost }, Date.now());
    if (this.downlink.cap === before) return;
    console.info(`[media] download layer ${before} -> ${this.downlink.cap}`);
    this.scheduleSync();
  }

  // ---- both ----

  /** Trickles this connection's candidates once the server holds its handle. */
  private candidates(pc: RTCPeerConnection, handle: 'publisher' | 'subscriber') {
    let held: Candidate[] | null = [];
    const send = (list: Candidate[]) => list.length && this.deps.transport.trickle(handle, list);
    pc.addEventListener('icecandidate', (e) => {
      const c = e.candidate
        ? { candidate: e.candidate.candidate, sdpMLineIndex: e.candidate.sdpMLineIndex, sdpMid: e.candidate.sdpMid }
        : null;
      if (held) held.push(c);
      else send([c]);
    });
    return {
      release: () => {
        const list = held ?? [];
        held = null;
        for (let i = 0; i < list.length; i += 20) send(list.slice(i, i + 20));
      },
    };
  }

  private watch(pc: RTCPeerConnection) {
    pc.addEventListener('connectionstatechange', () => {
      this.deps.onChange();
      if (pc.connectionState === 'failed') this.failed('connection failed');
    });
  }

  /** [MEDIA9] on the SFU: start over (both connections) after a pause, without a reload. */
  private failed(reason: string) {
    if (this.destroyed || this.retryTimer) return;
    console.info(`[media] SFU connection problem (${reason}); reconnecting`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.destroyed) return;
      this.restart();
    }, RETRY_MS);
  }

  /** Drops both connections and builds them again (also after the server lost its media server). */
  restart() {
    this.generation++;
    this.downlink = { ...this.downlink, last: null };
    this.syncing = false;
    this.dirty = false;
    this.closePublisher();
    this.subscriber?.close();
    this.subscriber = null;
    this.streams = [];
    this.deps.transport.leave();
    this.deps.onChange();
    if (this.publishing) void this.publish();
    this.scheduleSync();
  }
}
