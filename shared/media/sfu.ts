/**
 * The SFU path of the media plane (Janus VideoRoom, driven by our server): the rule that picks the
 * path of a room, its limits and the wire types of the SFU signalling commands, free of zod (the client
 * imports these; the schemas are in sfu-schema.ts). See shared/media/RULES.md ([MEDIA13]-[MEDIA16]).
 */

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

/** One wanted stream: someone's audio or video; video with the simulcast layer (0 lowest .. 2 highest). */
export interface SfuWant {
  participantId: string;
  kind: 'audio' | 'video';
  layer?: number | undefined;
}

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
