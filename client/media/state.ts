/**
 * The media controller of one workshop session: local devices, the mesh of the current room, what
 * every tile shows, and the actions behind the controls. Only this module writes its signals.
 *
 * Media follows the room ([MEDIA12]): `joinMediaRoom(roomId)` closes the old room's peers and builds
 * the new mesh; an effect calls it whenever the participant's roomId changes.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { maySend } from '../../shared/media/policy.js';
import type { MediaConfig, MediaFlags, MediaSignaled, MutedBy, UnmuteRequested } from '../../shared/media/schema.js';
import { mediaPath } from '../../shared/media/sfu.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { Connection } from '../net/connection.js';
import { storage } from '../ui/storage.js';
import type { WorkshopState } from '../workshops/state.js';
import { installDiagnostics } from './diagnostics.js';
import { LocalMedia } from './local.js';
import { Mesh, type PeerView } from './mesh.js';
import type { MediaRoom } from './room.js';
import { MeshSenders } from './senders.js';
import { SfuRoom, sfuTransport } from './sfu.js';
import { watchSpeaking } from './speaking.js';
import { buildTiles, chooseFocus, type Layout, sfuWants, type Tile } from './view.js';

export type { Layout, Tile } from './view.js';

export function createMediaState(conn: Connection, ws: WorkshopState) {
  // Comes with every join and resume of someone with media (SessionSnapshot.media); stage changes follow events.
  const config = signal<MediaConfig | null>(ws.mediaConfig.peek());
  const local = new LocalMedia((kind) => void update({ [kind]: false }));
  const { mic, camera, screen, problem, devices, prefs } = local;
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
    return buildTiles({
      me,
      members: members.value,
      stageRooms: stageRooms.value,
      peers: peers.value,
      speaking: speaking.value,
      localVideo: screen.value ?? (cameraOn.value ? camera.value : null),
    });
  });
  const audience = computed(() => members.value.filter((p) => !maySend(p, stageRooms.value)));
  const focus = computed(() => chooseFocus(tiles.value, pinned.value, lastSpeaker.value));

  // ---- local devices ----
  local.takeOver(!!self.peek()?.cameraOn, !!self.peek()?.media);
  const syncCamera = () => local.syncCamera(() => cameraOn.peek());

  // ---- the connections of the current room (mesh or SFU) ----
  let mesh: MediaRoom | null = null;
  let disposed = false;
  const refreshPeers = () => {
    peers.value = new Map((mesh?.views() ?? []).map((v) => [v.remoteId, v]));
  };
  const transport = sfuTransport(conn);

  // A microphone handed over from the join page is there: the device list (for the pickers) comes aside.
  // The connections do not wait for either: they start with placeholder tracks (local.sendStream).
  if (mic.peek()) void local.refreshDevices();
  else if (self.peek()?.media) void local.acquireMic();

  const sendSignals = (to: string, cid: string, signals: MediaSignaled['signals']) =>
    void conn.request('media:signal', { to, cid, signals }).then((r) => {
      if (!r.ok) console.info(`[media] signal to ${to} refused: ${r.code}`);
    });

  /**
   * [MEDIA12] Leaves the current room's mesh (if any) and builds the mesh of `room` in a task of its own: on
   * entering, right after the workshop screen's first draw. Signalling runs on the page's one thread, so a
   * connection begun before that draw only waits behind it (measured: it finished no sooner).
   */
  function joinMediaRoom(room: string) {
    leaveMediaRoom();
    roomId.value = room;
    setTimeout(() => build(room), 0);
  }
  function build(room: string) {
    const me = self.peek();
    if (disposed || mesh || roomId.peek() !== room || !me || !config.peek()) return;
    if (path.peek() === 'sfu') {
      mesh = new SfuRoom({
        selfId: me.id,
        iceServers: config.peek()!.iceServers,
        sendStream: local.sendStream(),
        transport,
        onChange: refreshPeers,
      });
      mesh.start(members.peek().map((p) => p.id));
      queueApply();
      return;
    }
    const built = new Mesh({
      selfId: me.id,
      iceServers: config.peek()!.iceServers,
      sendStream: local.sendStream(),
      send: sendSignals,
      onChange: refreshPeers,
      onLink: () => queueApply(),
    });
    mesh = built;
    built.start(members.peek().map((p) => p.id));
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

  // ---- what each sender sends ([MEDIA10], [MEDIA11], [MEDIA15]) ----
  const senders = new MeshSenders();
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
    const video = screen.peek() ?? (cameraOn.peek() ? camera.peek() : null);
    if (mesh instanceof SfuRoom) {
      mesh.setLocal(iMaySend.peek(), mic.peek(), !me.lowBandwidth && iMaySend.peek() ? video : null);
      mesh.setWants(
        sfuWants({ me, members: members.peek(), stageRooms: stageRooms.peek() }, focus.peek(), layout.peek()),
      );
      return;
    }
    senders.apply(mesh.views(), {
      me,
      members: new Map(members.peek().map((p) => [p.id, p])),
      mic: mic.peek(),
      video,
      screen: !!screen.peek(),
      maySend: iMaySend.peek(),
      uploadBudgetKbps: config.peek()?.uploadBudgetKbps ?? 2500,
    });
  }

  // ---- speaking, from received audio levels (never stored) ----
  const stopSpeaking = watchSpeaking({
    selfId: () => (enabled.peek() ? (self.peek()?.id ?? null) : null),
    mic: () => mic.peek(),
    micOn: () => micOn.peek(),
    peers: () => peers.peek().values(),
    changed: (now, started) =>
      batch(() => {
        speaking.value = now;
        if (started) lastSpeaker.value = started;
      }),
  });

  // ---- effects ----
  const stops = [
    effect(() => {
      const me = self.value;
      const want = me?.media && ws.phase.value === 'inside' ? me.roomId : null;
      if (want === roomId.peek()) return;
      if (want) joinMediaRoom(want);
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
      if (mesh && room && mesh.kind !== p) joinMediaRoom(room);
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
  // Every resume brings the config again (the stage may have changed meanwhile, TURN credentials are new).
  let seenConfig = ws.mediaConfig.peek();
  stops.push(
    effect(() => {
      const next = ws.mediaConfig.value;
      if (!next || next === seenConfig) return;
      seenConfig = next;
      config.value = next;
      const room = roomId.peek();
      // A room whose mesh could not be built without a config is built now.
      if (room && !mesh) joinMediaRoom(room);
      // The server ended this page's SFU session with the old connection: publish and subscribe again.
      else if (mesh instanceof SfuRoom) mesh.restart();
    }),
  );
  const onDeviceChange = () => void local.refreshDevices();
  navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);

  const removeDiagnostics = installDiagnostics(
    () => mesh,
    () => roomId.peek(),
  );

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
      if (next && !mic.peek()) await local.acquireMic();
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
    chooseDevice: (kind: 'camera' | 'mic' | 'speaker', deviceId: string) =>
      local.choose(kind, deviceId, () => cameraOn.peek()),
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
      stopSpeaking();
      navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      local.dispose();
      removeDiagnostics();
    },
  };
}

export type MediaState = ReturnType<typeof createMediaState>;
