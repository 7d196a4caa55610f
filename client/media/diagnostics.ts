/**
 * The page's media diagnostics handle (`globalThis.__jumelageMedia`): what the browser tests and the
 * media benchmarks read (peers, path, getStats() summed per person). Nothing in the product uses it.
 */
import type { MediaRoom, PeerView } from './room.js';
import { SfuRoom } from './sfu.js';

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

/** Installs the handle for the current room (read through `room()` so it follows room changes). */
export function installDiagnostics(room: () => MediaRoom | null, roomId: () => string | null): () => void {
  const debug = {
    peers: () => room()?.views() ?? [],
    stats: () => peerStats(room()?.views() ?? []),
    roomId,
    path: () => room()?.kind ?? null,
    /** Every live connection of this page (the mesh's peers, or the SFU's upload and download). */
    connections: () => {
      const r = room();
      return [
        ...new Set(
          [...(r?.views() ?? []).map((v) => v.pc), r instanceof SfuRoom ? r.publisher : null].filter(
            (pc): pc is RTCPeerConnection => !!pc,
          ),
        ),
      ];
    },
    /** On the SFU: what the page asks for and holds (for a failing test's message). */
    sfu: () => {
      const r = room();
      return r instanceof SfuRoom ? r.describe() : null;
    },
    /** On the SFU: the one upload (bytes of every simulcast layer). */
    publisherStats: () => {
      const r = room();
      return r instanceof SfuRoom && r.publisher
        ? peerStats([
            { remoteId: 'sfu', cid: 'sfu', state: 'connected', audio: null, video: null, pc: r.publisher, attempts: 0 },
          ])
        : Promise.resolve([]);
    },
  };
  const g = globalThis as { __jumelageMedia?: unknown };
  g.__jumelageMedia = debug;
  return () => {
    if (g.__jumelageMedia === debug) delete g.__jumelageMedia;
  };
}

/** getStats() summed per peer. */
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
