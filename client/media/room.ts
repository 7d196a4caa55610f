/**
 * The one media room interface: what the media state needs from the connections of the current room,
 * whichever way they run. Two implementations, chosen per room by the server's rule
 * (shared/media/sfu.ts, mediaPath): `Mesh` (mesh.ts, one connection per other person) for small rooms
 * and `SfuRoom` (sfu.ts, one upload and one download through Janus) for large ones.
 */
import type { MediaPath } from '../../shared/media/sfu.js';

export type PeerState = 'connecting' | 'connected' | 'retrying';

/** What the tiles need of one other person in the room. */
export interface PeerView {
  remoteId: string;
  cid: string;
  state: PeerState;
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  /** The connection carrying this person's media (on the SFU: shared with everyone else). */
  pc: RTCPeerConnection | null;
  /** On a shared connection: this person's receivers only (speaking indicator, statistics). */
  receivers?: RTCRtpReceiver[];
  attempts: number;
}

export interface MediaRoom {
  readonly kind: MediaPath;
  /** The room is joined with these members (ids, self included). */
  start(members: readonly string[]): void;
  /** Membership changed while in the room. */
  setMembers(members: readonly string[]): void;
  views(): PeerView[];
  destroy(): void;
}
