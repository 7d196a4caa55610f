/**
 * The only file that imports simple-peer (unmaintained: keep it swappable). A PeerLink is one
 * RTCPeerConnection to one remote participant, negotiated by simple-peer.
 */
import Peer from 'simple-peer';
import type { IceServer, SignalData } from '../../shared/media/schema.js';

export interface PeerLink {
  readonly pc: RTCPeerConnection;
  signal(data: SignalData): void;
  destroy(): void;
}

export interface PeerLinkOptions {
  initiator: boolean;
  iceServers: IceServer[];
  /** Exactly one audio and one video track: the transceivers that replaceTrack() works on later. */
  stream: MediaStream;
  onSignal(data: SignalData): void;
  onTrack(track: MediaStreamTrack): void;
  onConnect(): void;
  /** Closed by the remote side or failed; never called after destroy(). */
  onClose(reason: string): void;
}

export function createPeerLink(opts: PeerLinkOptions): PeerLink {
  const peer = new Peer({
    initiator: opts.initiator,
    trickle: true,
    config: { iceServers: opts.iceServers },
    stream: opts.stream,
  });
  let destroyedByUs = false;
  let closeReason = 'closed';
  peer.on('signal', (data) => opts.onSignal(data as SignalData));
  peer.on('track', (track: MediaStreamTrack) => opts.onTrack(track));
  peer.on('connect', () => opts.onConnect());
  peer.on('error', (err: Error & { code?: string }) => (closeReason = err.code ?? err.message));
  peer.on('close', () => {
    if (!destroyedByUs) opts.onClose(closeReason);
  });
  const pc = (peer as unknown as { _pc: RTCPeerConnection })._pc;
  return {
    pc,
    signal(data) {
      if (!peer.destroyed) peer.signal(data as Peer.SignalData);
    },
    destroy() {
      destroyedByUs = true;
      peer.destroy();
    },
  };
}
