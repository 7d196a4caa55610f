/**
 * [MEDIA10] [MEDIA11] What each mesh sender sends: the microphone to everyone; the camera or screen
 * only to people who may receive video, capped so the whole upload fits the budget (bitrate.ts).
 * Changes to one sender run one after another (replaceTrack and setParameters must not overlap), and
 * parameters already applied are not applied again.
 */
import type { Participant } from '../../shared/workshops/schema.js';
import { videoCap } from './bitrate.js';
import type { PeerView } from './room.js';

export interface MeshSend {
  me: Participant;
  /** Everyone in the room with media on, by id. */
  members: ReadonlyMap<string, Participant>;
  mic: MediaStreamTrack | null;
  /** The screen when shared, else the camera when on, else null. */
  video: MediaStreamTrack | null;
  screen: boolean;
  /** May this page send at all (stage rule). */
  maySend: boolean;
  uploadBudgetKbps: number;
}

export class MeshSenders {
  private readonly chains = new WeakMap<RTCRtpSender, Promise<unknown>>();
  private readonly applied = new WeakMap<RTCRtpSender, string>();
  /** The track each sender was last asked to send: asked again while on its way, it is not queued twice. */
  private readonly wanted = new WeakMap<RTCRtpSender, MediaStreamTrack | null>();

  private serial(sender: RTCRtpSender, job: () => Promise<unknown>): void {
    const next = (this.chains.get(sender) ?? Promise.resolve()).then(job).catch(() => undefined);
    this.chains.set(sender, next);
  }

  apply(views: readonly PeerView[], s: MeshSend): void {
    const links = views.filter((v) => v.pc && v.pc.connectionState !== 'closed');
    const wantsVideo = (v: PeerView) => {
      const remote = s.members.get(v.remoteId);
      return !!s.video && !!remote && !remote.lowBandwidth && !s.me.lowBandwidth && s.maySend;
    };
    const videoPeers = links.filter(wantsVideo).length;
    const cap = videoCap(s.uploadBudgetKbps, links.length, videoPeers, s.screen ? 'screen' : 'camera');
    for (const v of links) {
      for (const t of v.pc!.getTransceivers()) {
        if (t.currentDirection === 'stopped') continue;
        const kind = t.receiver.track.kind;
        const sender = t.sender;
        const track = kind === 'audio' ? s.mic : wantsVideo(v) && cap.maxBitrate > 0 ? s.video : null;
        const current = this.wanted.has(sender) ? this.wanted.get(sender) : sender.track;
        if (current !== track) {
          this.wanted.set(sender, track);
          this.serial(sender, () =>
            sender.replaceTrack(track).catch((err: unknown) => {
              this.wanted.delete(sender);
              throw err;
            }),
          );
        }
        if (kind === 'video' && track) {
          const key = `${cap.maxBitrate}/${cap.scaleResolutionDownBy}/${cap.maxFramerate}/${track.id}`;
          if (this.applied.get(sender) === key) continue;
          this.applied.set(sender, key); // asked for: not queued again while on its way
          this.serial(sender, async () => {
            const params = sender.getParameters();
            // Not negotiated yet: applied again once a description is set (Mesh calls onLink then).
            if (!params.encodings?.length) return void this.applied.delete(sender);
            params.encodings[0]!.maxBitrate = cap.maxBitrate;
            params.encodings[0]!.scaleResolutionDownBy = cap.scaleResolutionDownBy;
            params.encodings[0]!.maxFramerate = cap.maxFramerate;
            params.encodings[0]!.priority = 'low';
            params.degradationPreference = s.screen ? 'maintain-resolution' : 'balanced';
            await sender.setParameters(params).catch((err: unknown) => {
              this.applied.delete(sender);
              throw err;
            });
          });
        } else if (kind === 'audio' && track && this.applied.get(sender) !== 'audio') {
          this.applied.set(sender, 'audio');
          this.serial(sender, async () => {
            const params = sender.getParameters();
            if (!params.encodings?.length) return void this.applied.delete(sender);
            params.encodings[0]!.priority = 'high';
            params.encodings[0]!.networkPriority = 'high';
            await sender.setParameters(params).catch((err: unknown) => {
              this.applied.delete(sender);
              throw err;
            });
          });
        }
      }
    }
  }
}
