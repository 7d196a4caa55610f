/**
 * The SFU path of the media plane (Janus VideoRoom, driven by our server): the rule that picks the
 * path of a room, and the wire schemas of the SFU signalling commands. See shared/media/RULES.md
 * ([MEDIA13]-[MEDIA16]).
 */
import { z } from 'zod';
import { SDP_MAX } from './schema.js';

export type MediaPath = 'mesh' | 'sfu';

/** What a client needs to know to pick the path of its room (part of `media:config`). */
export interface SfuInfo {
  /** Janus is configured and at least one instance answers. */
  available: boolean;
  /** A room with more media participants than this uses the SFU. */
  meshMaxPeers: number;
}

/**
 * [MEDIA13] A room's media participants (present, joined with media) decide its path: more than
 * `meshMaxPeers` and an SFU available -> 'sfu', else 'mesh'. Both sides apply this one rule.
 */
export function mediaPath(mediaParticipants: number, sfu: SfuInfo | null | undefined): MediaPath {
  return sfu?.available && mediaParticipants > sfu.meshMaxPeers ? 'sfu' : 'mesh';
}

/** [MEDIA15] At most this many remote videos are received at once (the page of tiles plus the speaker). */
export const SFU_VIDEO_PAGE = 16;

/** Simulcast layers a publisher sends: quarter, half and full resolution. */
export const SIMULCAST_LAYERS = [
  { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 400_000 },
  { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
] as const;

const id = z.string().min(1).max(64);
const sdp = z.string().min(1).max(SDP_MAX);

export const sfuPublishSchema = z.object({ jsep: z.object({ type: z.literal('offer'), sdp }).strict() }).strict();
export const sfuStartSchema = z.object({ jsep: z.object({ type: z.literal('answer'), sdp }).strict() }).strict();

/** One wanted stream: someone's audio or video; video with the simulcast layer (0 lowest .. 2 highest). */
export const sfuWantSchema = z
  .object({ participantId: id, kind: z.enum(['audio', 'video']), layer: z.number().int().min(0).max(2).optional() })
  .strict();
export type SfuWant = z.output<typeof sfuWantSchema>;

export const sfuSubscribeSchema = z.object({ streams: z.array(sfuWantSchema).max(400) }).strict();

export const sfuCandidateSchema = z
  .object({
    candidate: z.string().max(2000),
    sdpMLineIndex: z.number().int().min(0).max(400).nullable().optional(),
    sdpMid: z.string().max(64).nullable().optional(),
  })
  .strict();

export const sfuTrickleSchema = z
  .object({
    handle: z.enum(['publisher', 'subscriber']),
    /** null: this side has gathered all its candidates. */
    candidates: z.array(sfuCandidateSchema.nullable()).min(1).max(24),
  })
  .strict();

export const sfuEmptySchema = z.object({}).strict();

export interface SfuJsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** One stream of the subscriber connection: which transceiver (mid) carries whose audio or video. */
export interface SfuStream {
  mid: string;
  participantId: string;
  kind: 'audio' | 'video';
}

export interface SfuSubscribed {
  /** A new offer from the SFU to answer with `sfu:start`; null when nothing had to change. */
  jsep: SfuJsep | null;
  streams: SfuStream[];
}

/** To a room: who publishes on the SFU now (their media can be subscribed). */
export interface SfuFeeds {
  roomId: string;
  participantIds: string[];
}
