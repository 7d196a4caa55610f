/**
 * The media controller of one workshop session: local devices, the mesh of the current room, what
 * every tile shows, and the actions behind the controls. Only this module writes its signals.
 *
 * Media follows the room ([MEDIA12]): `joinMediaRoom(roomId)` closes the old room's peers and builds
 * the new mesh; an effect calls it whenever the participant's roomId changes.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { maySend } from '../../shared/media/policy.js';
import type { MediaConfig, MediaFlags, MutedBy, UnmuteRequested } from '../../shared/media/schema.js';
import { mediaPath, SFU_VIDEO_PAGE, type SfuWant } from '../../shared/media/sfu.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { Participant } from '../../shared/workshops/schema.js';
import type { Connection } from '../net/connection.js';
import { storage } from '../ui/storage.js';
import type { WorkshopState } from '../workshops/state.js';
import { videoCap } from './bitrate.js';
import {
  devicePrefs,
  getTrack,
  handOver,
  levelMeter,
  listDevices,
  placeholderTracks,
  type DeviceLists,
  type DeviceProblem,
} from './devices.js';
import { Mesh, type PeerState, type PeerView } from './mesh.js';
import type { MediaRoom } from './room.js';
import { SfuRoom, type SfuTransport } from './sfu.js';

export type Layout = 'gallery' | 'speaker';

export interface Tile {
  p: Participant;
  isSelf: boolean;
  state: PeerState | 'self';
  /** The video to show (null: show the name card), and the audio to play (remote only). */
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
  speaking: boolean;
}

const SPEAKING_LEVEL = 0.04;
const SPEAKING_HOLD_MS = 800;

export function createMediaState(conn: Connection, ws: WorkshopState) {
  const config = signal<MediaConfig | null>(null);
  const mic = signal<MediaStreamTrack | null>(null);
  const camera = signal<MediaStreamTrack | null>(null);
  const screen = signal<MediaStreamTrack | null>(null);
  const problem = signal<DeviceProblem | null>(null);
  const peers = signal<ReadonlyMap<string, PeerView>>(new Map());
  const speaking = signal<ReadonlySet<string>>(new Set());
  const lastSpeaker = signal<string | null>(null);
  // A phone shows the current speaker large by default (JOURNEYS: Ola on the train).
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 48rem)').matches;
  const layout = signal<Layout>(storage.get<Layout>('media.layout') ?? (narrow ? 'speaker' : 'gallery'));
  const pinned = signal<string | null>(null);
  const unmuteRequest = signal<UnmuteRequested | null>(null);
  const mutedBy = signal<MutedBy | null>(null);
  const audioBlocked = signal(false);
  const error = signal<ErrorCode | null>(null);
  const roomId = signal<string | null>(null);
  const devices = signal<DeviceLists>({ cameras: [], mics: [], speakers: [] });
  const prefs = signal(devicePrefs.get());
  /** Set while a mute/unmute is on its way, so the microphone reacts at once. */
  const micWanted = signal<boolean | null>(null);

  const self = ws.self;
  const enabled = computed(() => self.value?.media === true);
  const stageRooms = computed(() => config.value?.stageRooms ?? []);
  const stageOn = computed(() => !!self.value && stageRooms.value.includes(self.value.roomId));
  const iMaySend = computed(() => (self.value ? maySend(self.value, stageRooms.value) : false));
  const micOn = computed(() => iMaySend.value && (micWanted.value ?? self.value?.micOn ?? false));
  const cameraOn = computed(() => !!self.value?.cameraOn && !self.value.lowBandwidth && iMaySend.value);
  const members = computed(() => {
    const room = self.value?.roomId;
    return ws.present.value.filter((p) => p.media && p.roomId === room);
  });
  const memberIds = computed(() =>
    members.value
      .map((p) => p.id)
      .sort()
      .join(','),
  );

  /** [MEDIA13] Mesh or SFU for the current room: the server's rule, from the server's settings. */
  const path = computed(() => mediaPath(members.value.length, config.value?.sfu));

  const tiles = computed<Tile[]>(() => {
    const me = self.value;
    if (!me || !enabled.value) return [];
    const stage = stageRooms.value;
    const list: Tile[] = [];
    for (const p of members.value) {
      if (!maySend(p, stage)) continue; // the audience of a stage is listed, not tiled
      if (p.id === me.id) {
        list.push({
          p,
          isSelf: true,
          state: 'self',
          video: screen.value ?? (cameraOn.value ? camera.value : null),
          audio: null,
          speaking: speaking.value.has(p.id),
        });
        continue;
      }
      const peer = peers.value.get(p.id);
      const showVideo = !me.lowBandwidth && !p.lowBandwidth && (p.cameraOn || p.screenSharing);
      list.push({
        p,
        isSelf: false,
        state: peer?.state ?? 'connecting',
        video: showVideo ? (peer?.video ?? null) : null,
        audio: p.micOn ? (peer?.audio ?? null) : null,
        speaking: p.micOn && speaking.value.has(p.id),
      });
    }
    return list;
  });
  const audience = computed(() => members.value.filter((p) => !maySend(p, stageRooms.value)));
  /** Who is shown large: pinned, else someone sharing a screen, else the last speaker. */
  const focus = computed(() => {
    const ids = new Set(tiles.value.map((t) => t.p.id));
    if (pinned.value && ids.has(pinned.value)) return pinned.value;
    const sharer =
      tiles.value.find((t) => t.p.screenSharing && !t.isSelf) ?? tiles.value.find((t) => t.p.screenSharing);
    if (sharer) return sharer.p.id;
    if (lastSpeaker.value && ids.has(lastSpeaker.value)) return lastSpeaker.value;
    return tiles.value.find((t) => !t.isSelf)?.p.id ?? tiles.value[0]?.p.id ?? null;
  });

  // ---- local devices ----
  const placeholders = { tracks: null as ReturnType<typeof placeholderTracks> | null };
  const sendStream = () => {
    placeholders.tracks ??= placeholderTracks();
    return new MediaStream([placeholders.tracks.audio, placeholders.tracks.video]);
  };

  async function refreshDevices() {
    devices.value = await listDevices();
  }

  async function acquireMic(): Promise<void> {
    const { track, problem: p } = await getTrack('audio', prefs.value.micId);
    if (disposed) return track?.stop();
    if (p) {
      problem.value = p;
      if (self.value?.micOn) void update({ micOn: false });
    }
    mic.value = track;
    void refreshDevices();
  }

  let cameraBusy = false;
  async function syncCamera() {
    if (cameraBusy) return;
    cameraBusy = true;
    try {
      while (!disposed && cameraOn.value && !camera.value) {
        const { track, problem: p } = await getTrack('video', prefs.value.cameraId);
        if (disposed || !cameraOn.value) {
          track?.stop();
          break;
        }
        if (p || !track) {
          problem.value = p ?? 'notfound';
          void update({ cameraOn: false });
          break;
        }
        camera.value = track;
        void refreshDevices();
      }
      if (!cameraOn.value && camera.value) {
        camera.value.stop();
        camera.value = null;
      }
    } finally {
      cameraBusy = false;
    }
  }

  // ---- the connections of the current room (mesh or SFU) ----
  let mesh: MediaRoom | null = null;
  let disposed = false;
  const refreshPeers = () => {
    peers.value = new Map((mesh?.views() ?? []).map((v) => [v.remoteId, v]));
  };
  const sfuTransport: SfuTransport = {
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

  let configLoaded: Promise<void> | null = null;
  async function loadConfig(): Promise<void> {
    const r = await conn.request('media:config', {});
    if (r.ok && !disposed) config.value = r.data;
  }

  // What the join screen already runs is taken over at once (before the camera effect asks again).
  const prepared = handOver.take();
  if (prepared?.camera && self.peek()?.cameraOn) camera.value = prepared.camera;
  else prepared?.camera?.stop();
  if (prepared?.mic && self.peek()?.media) mic.value = prepared.mic;
  else prepared?.mic?.stop();

  let micReady: Promise<void> | null = null;
  function prepare(): Promise<unknown> {
    configLoaded ??= loadConfig();
    micReady ??= mic.peek() ? refreshDevices() : acquireMic();
    return Promise.all([configLoaded, micReady]);
  }

  /** [MEDIA12] Leaves the current room's mesh (if any) and builds the mesh of `room`. */
  async function joinMediaRoom(room: string) {
    leaveMediaRoom();
    roomId.value = room;
    await prepare();
    const me = self.peek();
    if (disposed || roomId.peek() !== room || !me || !config.peek()) return;
    if (path.peek() === 'sfu') {
      mesh = new SfuRoom({
        selfId: me.id,
        iceServers: config.peek()!.iceServers,
        sendStream: sendStream(),
        transport: sfuTransport,
        onChange: refreshPeers,
      });
      mesh.start(members.peek().map((p) => p.id));
      queueApply();
      return;
    }
    mesh = new Mesh({
      selfId: me.id,
      iceServers: config.peek()!.iceServers,
      sendStream: sendStream(),
      send: (to, cid, signals) => {
        void conn.request('media:signal', { to, cid, signals }).then((r) => {
          if (!r.ok) console.info(`[media] signal to ${to} refused: ${r.code}`);
        });
      },
      onChange: refreshPeers,
      onLink: () => queueApply(),
    });
    mesh.start(members.peek().map((p) => p.id));
  }

  /** [MEDIA12] Closes every peer of the current room. */
  function leaveMediaRoom() {
    mesh?.destroy();
    mesh = null;
    batch(() => {
      roomId.value = null;
      peers.value = new Map();
    });
  }

  // ---- what each sender sends ([MEDIA10], [MEDIA11]) ----
  const chains = new WeakMap<RTCRtpSender, Promise<unknown>>();
  const serial = (sender: RTCRtpSender, job: () => Promise<unknown>) => {
    const next = (chains.get(sender) ?? Promise.resolve()).then(job).catch(() => undefined);
    chains.set(sender, next);
  };
  const applied = new WeakMap<RTCRtpSender, string>();
  let applyQueued = false;
  function queueApply() {
    if (applyQueued) return;
    applyQueued = true;
    queueMicrotask(() => {
      applyQueued = false;
      applySenders();
    });
  }

  function applySenders() {
    const me = self.peek();
    if (!me || !mesh) return;
    if (mesh instanceof SfuRoom) return applySfu(mesh, me);
    if (!(mesh instanceof Mesh)) return;
    const byId = new Map(members.peek().map((p) => [p.id, p]));
    const local = screen.peek() ?? (cameraOn.peek() ? camera.peek() : null);
    const links = mesh.views().filter((v) => v.pc && v.pc.connectionState !== 'closed');
    const wantsVideo = (v: PeerView) => {
      const remote = byId.get(v.remoteId);
      return !!local && !!remote && !remote.lowBandwidth && !me.lowBandwidth && iMaySend.peek();
    };
    const videoPeers = links.filter(wantsVideo).length;
    const budget = config.peek()?.uploadBudgetKbps ?? 2500;
    const cap = videoCap(budget, links.length, videoPeers, screen.peek() ? 'screen' : 'camera');
    for (const v of links) {
      for (const t of v.pc!.getTransceivers()) {
        if (t.currentDirection === 'stopped') continue;
        const kind = t.receiver.track.kind;
        const sender = t.sender;
        const track = kind === 'audio' ? mic.peek() : wantsVideo(v) && cap.maxBitrate > 0 ? local : null;
        if (sender.track !== track) serial(sender, () => sender.replaceTrack(track));
        if (kind === 'video' && track) {
          const key = `${cap.maxBitrate}/${cap.scaleResolutionDownBy}/${cap.maxFramerate}/${track.id}`;
          if (applied.get(sender) === key) continue;
          serial(sender, async () => {
            const params = sender.getParameters();
            if (!params.encodings?.length) return; // not negotiated yet: applied again when connected
            params.encodings[0]!.maxBitrate = cap.maxBitrate;
            params.encodings[0]!.scaleResolutionDownBy = cap.scaleResolutionDownBy;
            params.encodings[0]!.maxFramerate = cap.maxFramerate;
            params.encodings[0]!.priority = 'low';
            params.degradationPreference = screen.peek() ? 'maintain-resolution' : 'balanced';
            await sender.setParameters(params);
            applied.set(sender, key);
          });
        } else if (kind === 'audio' && track && applied.get(sender) !== 'audio') {
          serial(sender, async () => {
            const params = sender.getParameters();
            if (!params.encodings?.length) return;
            params.encodings[0]!.priority = 'high';
            params.encodings[0]!.networkPriority = 'high';
            await sender.setParameters(params);
            applied.set(sender, 'audio');
          });
        }
      }
    }
  }

  /** [MEDIA15] The SFU: send once (simulcast), receive the page of tiles on screen and everyone's audio. */
  function applySfu(room: SfuRoom, me: Participant) {
    const local = screen.peek() ?? (cameraOn.peek() ? camera.peek() : null);
    const sendVideo = !me.lowBandwidth && iMaySend.peek();
    room.setLocal(iMaySend.peek(), mic.peek(), sendVideo ? local : null);
    const stage = stageRooms.peek();
    const others = members.peek().filter((p) => p.id !== me.id && maySend(p, stage));
    const wants: SfuWant[] = others.map((p) => ({ participantId: p.id, kind: 'audio' }));
    if (!me.lowBandwidth) {
      const first = focus.peek();
      const seen = others
        .filter((p) => !p.lowBandwidth && (p.cameraOn || p.screenSharing))
        .sort((a, b) => Number(b.id === first) - Number(a.id === first))
        .slice(0, SFU_VIDEO_PAGE);
      const big = layout.peek() === 'speaker';
      const layer = seen.length <= 4 ? 2 : seen.length <= 9 ? 1 : 0;
      for (const p of seen)
        wants.push({ participantId: p.id, kind: 'video', layer: big && p.id === first ? 2 : layer });
    }
    room.setWants(wants);
  }

  // ---- speaking, from received audio levels (never stored) ----
  let meter: ReturnType<typeof levelMeter> | null = null;
  let meterTrack: MediaStreamTrack | null = null;
  const heardAt = new Map<string, number>();
  const speakingTimer = setInterval(() => {
    const now = performance.now();
    const me = self.peek();
    if (!me || !enabled.peek()) return;
    if (mic.peek() !== meterTrack) {
      meter?.stop();
      meterTrack = mic.peek();
      meter = meterTrack ? levelMeter(meterTrack) : null;
    }
    if (meter && micOn.peek() && meter.level() > SPEAKING_LEVEL) heardAt.set(me.id, now);
    for (const v of peers.peek().values()) {
      for (const r of v.receivers ?? v.pc?.getReceivers() ?? []) {
        if (r.track.kind !== 'audio') continue;
        const level = r.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
        if (level > SPEAKING_LEVEL) heardAt.set(v.remoteId, now);
      }
    }
    const next = new Set([...heardAt].filter(([, at]) => now - at < SPEAKING_HOLD_MS).map(([id]) => id));
    const prev = speaking.peek();
    if (next.size !== prev.size || [...next].some((id) => !prev.has(id))) {
      batch(() => {
        speaking.value = next;
        const remote = [...next].find((id) => id !== me.id && !prev.has(id));
        if (remote) lastSpeaker.value = remote;
      });
    }
  }, 250);

  // ---- effects ----
  const stops = [
    effect(() => {
      const me = self.value;
      const want = me && me.media && ws.phase.value === 'inside' ? me.roomId : null;
      if (want === roomId.peek()) return;
      if (want) void joinMediaRoom(want);
      else leaveMediaRoom();
    }),
    effect(() => {
      const ids = memberIds.value;
      if (mesh && roomId.value) mesh.setMembers(ids ? ids.split(',') : []);
    }),
    effect(() => {
      // [MEDIA13] The room grew past the mesh or shrank back: rebuild it on the other path.
      const p = path.value;
      const room = roomId.peek();
      if (mesh && room && mesh.kind !== p) void joinMediaRoom(room);
    }),
    effect(() => {
      const on = micOn.value;
      const track = mic.value;
      if (track) track.enabled = on;
    }),
    effect(() => {
      void cameraOn.value;
      void camera.value;
      if (enabled.value) void syncCamera();
    }),
    effect(() => {
      // Re-apply senders whenever anything they depend on changes.
      void [
        mic.value,
        camera.value,
        screen.value,
        cameraOn.value,
        iMaySend.value,
        members.value,
        peers.value,
        config.value,
        focus.value,
        layout.value,
      ];
      queueApply();
    }),
    conn.on('media:signaled', (ev) => mesh instanceof Mesh && mesh.receive(ev)),
    conn.on('sfu:feeds', (ev) => mesh instanceof SfuRoom && ev.roomId === roomId.peek() && mesh.feedsChanged()),
    conn.on('sfu:restart', (ev) => mesh instanceof SfuRoom && ev.roomId === roomId.peek() && mesh.restart()),
    conn.on('media:unmuteRequested', (ev) => (unmuteRequest.value = ev)),
    conn.on('media:muted', (ev) => {
      batch(() => {
        mutedBy.value = ev;
        micWanted.value = null;
        unmuteRequest.value = null;
      });
    }),
    conn.on('media:stageChanged', ({ roomId: room, on }) => {
      const c = config.peek();
      if (!c) return;
      const rest = c.stageRooms.filter((r) => r !== room);
      config.value = { ...c, stageRooms: on ? [...rest, room] : rest };
    }),
  ];
  // After every resume the stage may have changed meanwhile (the first config comes with the first room).
  let seenResume = ws.resumed.peek();
  stops.push(
    effect(() => {
      const resumed = ws.resumed.value;
      if (resumed === seenResume) return;
      seenResume = resumed;
      if (!configLoaded) return;
      const before = mesh;
      void loadConfig().then(() => {
        // A room whose mesh could not be built without a config (lost during the drop) is built now.
        const room = roomId.peek();
        if (room && !mesh && config.peek()) void joinMediaRoom(room);
        // The server ended this page's SFU session with the old connection: publish and subscribe again.
        else if (mesh === before && mesh instanceof SfuRoom) mesh.restart();
      });
    }),
  );
  const onDeviceChange = () => void refreshDevices();
  navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);

  const debug = {
    peers: () => mesh?.views() ?? [],
    stats: () => peerStats(mesh?.views() ?? []),
    roomId: () => roomId.peek(),
    path: () => mesh?.kind ?? null,
    /** Every live connection of this page (the mesh's peers, or the SFU's upload and download). */
    connections: () => [
      ...new Set(
        [...(mesh?.views() ?? []).map((v) => v.pc), mesh instanceof SfuRoom ? mesh.publisher : null].filter(
          (pc): pc is RTCPeerConnection => !!pc,
        ),
      ),
    ],
    /** On the SFU: the one upload (bytes of every simulcast layer). */
    publisherStats: () =>
      mesh instanceof SfuRoom && mesh.publisher
        ? peerStats([
            {
              remoteId: 'sfu',
              cid: 'sfu',
              state: 'connected',
              audio: null,
              video: null,
              pc: mesh.publisher,
              attempts: 0,
            },
          ])
        : Promise.resolve([]),
  };
  (globalThis as { __jumelageMedia?: unknown }).__jumelageMedia = debug;

  async function update(patch: Partial<Pick<MediaFlags, 'micOn' | 'cameraOn' | 'screenSharing' | 'lowBandwidth'>>) {
    const r = await conn.request('media:update', patch);
    if (!r.ok) error.value = r.code;
    return r.ok;
  }

  async function stopScreen() {
    const track = screen.peek();
    if (!track) return;
    track.stop();
    screen.value = null;
    await update({ screenSharing: false });
  }

  const actions = {
    async toggleMic() {
      const next = !micOn.peek();
      if (next && !mic.peek()) await acquireMic();
      if (next && !mic.peek()) return;
      micWanted.value = next;
      if (next) unmuteRequest.value = null;
      await update({ micOn: next });
      micWanted.value = null;
    },
    async toggleCamera() {
      const next = !self.peek()?.cameraOn;
      if (next) problem.value = null;
      await update({ cameraOn: next });
    },
    async toggleScreen() {
      if (screen.peek()) return stopScreen();
      try {
        const stream = await navigator.mediaDevices.getDisplayMedia({
          video: { frameRate: { ideal: 15, max: 15 } },
          audio: false,
        });
        const track = stream.getVideoTracks()[0];
        if (!track) return;
        track.contentHint = 'detail';
        track.addEventListener('ended', () => void stopScreen());
        screen.value = track;
        if (!(await update({ screenSharing: true }))) await stopScreen();
      } catch {
        // The person cancelled the browser's picker: nothing to say.
      }
    },
    setLayout(next: Layout) {
      layout.value = next;
      storage.set('media.layout', next);
    },
    pin(id: string | null) {
      pinned.value = pinned.peek() === id ? null : id;
    },
    setLowBandwidth: (on: boolean) => update({ lowBandwidth: on }),
    async chooseDevice(kind: 'camera' | 'mic' | 'speaker', deviceId: string) {
      const id = deviceId || null;
      devicePrefs.set(kind === 'camera' ? { cameraId: id } : kind === 'mic' ? { micId: id } : { speakerId: id });
      prefs.value = devicePrefs.get();
      if (kind === 'mic') {
        const old = mic.peek();
        await acquireMic();
        if (mic.peek() !== old) old?.stop();
      } else if (kind === 'camera' && camera.peek()) {
        const old = camera.peek()!;
        camera.value = null;
        old.stop();
        void syncCamera();
      }
    },
    acceptUnmute: async () => {
      unmuteRequest.value = null;
      if (!micOn.peek()) await actions.toggleMic();
    },
    declineUnmute: () => (unmuteRequest.value = null),
    dismissMuted: () => (mutedBy.value = null),
    dismissProblem: () => (problem.value = null),
    dismissError: () => (error.value = null),
    audioBlocked: (blocked: boolean) => (audioBlocked.value = blocked),
    mute: (participantId: string) => run(conn.request('media:mute', { participantId })),
    muteAll: () => run(conn.request('media:muteAll', {})),
    askUnmute: (participantId: string) => run(conn.request('media:askUnmute', { participantId })),
    setStage: (on: boolean) => run(conn.request('media:stage', { on })),
    invite: (participantId: string, onStage: boolean) => run(conn.request('media:invite', { participantId, onStage })),
  };
  async function run(p: Promise<{ ok: boolean; code?: ErrorCode }>) {
    const r = await p;
    error.value = r.ok ? null : (r.code ?? 'internal');
    return r.ok;
  }

  return {
    enabled,
    config,
    roomId,
    tiles,
    audience,
    focus,
    layout,
    pinned,
    peers,
    speaking,
    micOn,
    cameraOn,
    sharing: computed(() => screen.value !== null),
    /** No SFU and the room is past the mesh's comfortable size: the moderator is told in plain words. */
    meshTooLarge: computed(
      () => !config.value?.sfu.available && members.value.length > (config.value?.sfu.meshMaxPeers ?? 4),
    ),
    path,
    lowBandwidth: computed(() => !!self.value?.lowBandwidth),
    stageOn,
    iMaySend,
    problem,
    error,
    unmuteRequest,
    mutedBy,
    audioBlocked,
    devices,
    prefs,
    hasMic: computed(() => mic.value !== null),
    actions,
    joinMediaRoom,
    leaveMediaRoom,
    dispose() {
      disposed = true;
      leaveMediaRoom();
      stops.forEach((s) => s());
      clearInterval(speakingTimer);
      meter?.stop();
      navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      for (const t of [
        mic.peek(),
        camera.peek(),
        screen.peek(),
        placeholders.tracks?.audio,
        placeholders.tracks?.video,
      ])
        t?.stop();
      if ((globalThis as { __jumelageMedia?: unknown }).__jumelageMedia === debug)
        delete (globalThis as { __jumelageMedia?: unknown }).__jumelageMedia;
    },
  };
}

export type MediaState = ReturnType<typeof createMediaState>;

export interface PeerStats {
  remoteId: string;
  state: string;
  outVideoBytes: number;
  outAudioBytes: number;
  outFrameWidth: number;
  inVideoBytes: number;
  inAudioBytes: number;
  inFramesDecoded: number;
}

/** getStats() summed per peer: for the diagnostics handle that tests and the benchmark read. */
async function peerStats(views: readonly PeerView[]): Promise<PeerStats[]> {
  return Promise.all(
    views.map(async (v) => {
      const s: PeerStats = {
        remoteId: v.remoteId,
        state: v.pc?.connectionState ?? v.state,
        outVideoBytes: 0,
        outAudioBytes: 0,
        outFrameWidth: 0,
        inVideoBytes: 0,
        inAudioBytes: 0,
        inFramesDecoded: 0,
      };
      // On the SFU a person's statistics are those of their receivers on the shared connection.
      const reports = v.receivers
        ? await Promise.all(v.receivers.map((r) => r.getStats().catch(() => null)))
        : [v.pc ? await v.pc.getStats().catch(() => null) : null];
      for (const report of reports)
        report?.forEach((r: Record<string, unknown>) => {
          const bytes = Number(r.bytesSent ?? r.bytesReceived ?? 0);
          if (r.type === 'outbound-rtp' && r.kind === 'video') {
            s.outVideoBytes += bytes;
            s.outFrameWidth = Math.max(s.outFrameWidth, Number(r.frameWidth ?? 0));
          } else if (r.type === 'outbound-rtp' && r.kind === 'audio') s.outAudioBytes += bytes;
          else if (r.type === 'inbound-rtp' && r.kind === 'video') {
            s.inVideoBytes += bytes;
            s.inFramesDecoded += Number(r.framesDecoded ?? 0);
          } else if (r.type === 'inbound-rtp' && r.kind === 'audio') s.inAudioBytes += bytes;
        });
      return s;
    }),
  );
}
