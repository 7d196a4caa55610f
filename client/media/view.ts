/**
 * What the media area shows and what the SFU is asked for, as pure functions of the room: no signals,
 * no connections, so each rule is tested without a browser (view.test.ts). `createMediaState` (state.ts)
 * wraps them in computed signals.
 */
import { maySend } from '../../shared/media/policy.js';
import { SFU_VIDEO_PAGE, type SfuWant, TOP_LAYER } from '../../shared/media/sfu.js';
import type { Participant } from '../../shared/workshops/schema.js';
import type { PeerState, PeerView } from './room.js';

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

export interface RoomView {
  me: Participant;
  /** Everyone in the room with media on, self included. */
  members: readonly Participant[];
  /** Rooms whose stage is on. */
  stageRooms: readonly string[];
  peers: ReadonlyMap<string, Pick<PeerView, 'state' | 'audio' | 'video'>>;
  speaking: ReadonlySet<string>;
  /** What this page sends as its own video (screen first, else the camera when it is on). */
  localVideo: MediaStreamTrack | null;
}

/**
 * One tile per person who may send (the audience of a stage is listed, not tiled). Video only when
 * neither side is in low-bandwidth mode and the person has a camera or screen on; audio only while
 * their microphone is on; someone muted is never shown speaking.
 */
export function buildTiles(v: RoomView): Tile[] {
  const list: Tile[] = [];
  for (const p of v.members) {
    if (!maySend(p, v.stageRooms)) continue;
    if (p.id === v.me.id) {
      list.push({ p, isSelf: true, state: 'self', video: v.localVideo, audio: null, speaking: v.speaking.has(p.id) });
      continue;
    }
    const peer = v.peers.get(p.id);
    const showVideo = !v.me.lowBandwidth && !p.lowBandwidth && (p.cameraOn || p.screenSharing);
    list.push({
      p,
      isSelf: false,
      state: peer?.state ?? 'connecting',
      video: showVideo ? (peer?.video ?? null) : null,
      audio: p.micOn ? (peer?.audio ?? null) : null,
      speaking: p.micOn && v.speaking.has(p.id),
    });
  }
  return list;
}

/** Who is shown large: pinned, else someone sharing a screen (others first), else the last speaker. */
export function chooseFocus(tiles: readonly Tile[], pinned: string | null, lastSpeaker: string | null): string | null {
  const ids = new Set(tiles.map((t) => t.p.id));
  if (pinned && ids.has(pinned)) return pinned;
  const sharer = tiles.find((t) => t.p.screenSharing && !t.isSelf) ?? tiles.find((t) => t.p.screenSharing);
  if (sharer) return sharer.p.id;
  if (lastSpeaker && ids.has(lastSpeaker)) return lastSpeaker;
  return tiles.find((t) => !t.isSelf)?.p.id ?? tiles[0]?.p.id ?? null;
}

/**
 * [MEDIA15] What this page receives from the SFU: the audio of everyone who may send, and the video of
 * one page of tiles (the focused person first). The fewer videos on the page, the higher the layer;
 * in the speaker layout the focused person comes in full.
 */
export function sfuWants(
  v: Pick<RoomView, 'me' | 'members' | 'stageRooms'>,
  focus: string | null,
  layout: Layout,
): SfuWant[] {
  const others = v.members.filter((p) => p.id !== v.me.id && maySend(p, v.stageRooms));
  const wants: SfuWant[] = others.map((p) => ({ participantId: p.id, kind: 'audio' }));
  if (v.me.lowBandwidth) return wants;
  const seen = others
    .filter((p) => !p.lowBandwidth && (p.cameraOn || p.screenSharing))
    .sort((a, b) => Number(b.id === focus) - Number(a.id === focus))
    .slice(0, SFU_VIDEO_PAGE);
  const layer = seen.length <= 4 ? TOP_LAYER : 0;
  for (const p of seen)
    wants.push({
      participantId: p.id,
      kind: 'video',
      layer: layout === 'speaker' && p.id === focus ? TOP_LAYER : layer,
    });
  return wants;
}
