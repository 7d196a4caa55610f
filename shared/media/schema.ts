import { z } from 'zod';
import type { SfuInfo } from './sfu.js';

/** What a participant's media looks like to everyone else; stored on the participant, so late joiners see it. */
export interface MediaFlags {
  micOn: boolean;
  cameraOn: boolean;
  screenSharing: boolean;
  /** Receives no video and sends audio only. */
  lowBandwidth: boolean;
  /** Invited onto the stage by a moderator (matters only while the room is in stage mode). */
  onStage: boolean;
}

/** One RTCIceServer as the browser takes it (STUN or TURN). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** What a media client needs besides the participants: with every join and resume of someone with media, and by `media:config`. */
export interface MediaConfig {
  iceServers: IceServer[];
  /** One person's total upload target, in kbit/s; outbound video per peer is capped to stay within it. */
  uploadBudgetKbps: number;
  /** Rooms of this workshop now in stage mode. */
  stageRooms: string[];
  /** Whether an SFU serves large rooms, and from which size (shared/media/sfu.ts, mediaPath). */
  sfu: SfuInfo;
}

const id = z.string().min(1).max(64);
/** Connection id: chosen by the initiating side, new for every peer connection between two people. */
const cid = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/);

export const SDP_MAX = 60_000;

/** The messages simple-peer emits, plus our own `hello`; anything else is refused by the schema. */
export const signalDataSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(SDP_MAX) }),
  z.object({
    type: z.literal('candidate'),
    candidate: z.object({
      candidate: z.string().max(2000),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      sdpMid: z.string().max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
  z.object({ type: z.literal('renegotiate'), renegotiate: z.literal(true) }),
  z.object({
    type: z.literal('transceiverRequest'),
    transceiverRequest: z.object({ kind: z.enum(['audio', 'video']), init: z.object({}).loose().optional() }),
  }),
  /**
   * Sent by the side that does not initiate (the higher participant id): "I am here, I hold
   * connection `have` from you (or none); send me an offer". With `restart` it asks for a new connection.
   */
  z.object({ type: z.literal('hello'), have: cid.nullable(), restart: z.boolean().default(false) }),
]);
export type SignalData = z.output<typeof signalDataSchema>;

export const MEDIA_SIGNAL_BATCH = 24;
export const MEDIA_SIGNAL_MAX_BYTES = 96 * 1024;

export const mediaSignalSchema = z.object({
  to: id,
  /** The connection these signals belong to; '-' for a hello, which precedes any connection. */
  cid: z.union([cid, z.literal('-')]),
  signals: z.array(signalDataSchema).min(1).max(MEDIA_SIGNAL_BATCH),
});
/** What the target receives: `from` is set by the server, never by the sender. */
export interface MediaSignaled {
  from: string;
  cid: string;
  signals: SignalData[];
}

export const mediaUpdateSchema = z
  .object({
    micOn: z.boolean().optional(),
    cameraOn: z.boolean().optional(),
    screenSharing: z.boolean().optional(),
    lowBandwidth: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');
export type MediaUpdate = z.output<typeof mediaUpdateSchema>;

export const mediaTargetSchema = z.object({ participantId: id }).strict();
export const mediaStageSchema = z.object({ on: z.boolean() }).strict();
export const mediaInviteSchema = z.object({ participantId: id, onStage: z.boolean() }).strict();
export const mediaEmptySchema = z.object({}).strict();

/** Sent to one person only: a moderator asks them to unmute; they decide. */
export interface UnmuteRequested {
  by: string;
  byName: string;
}

export interface StageChanged {
  roomId: string;
  on: boolean;
}

/** Sent to one person only: a moderator muted them (they see who). */
export interface MutedBy {
  by: string;
  byName: string;
}
