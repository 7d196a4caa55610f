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

/**
 * [MEDIA15] Simulcast layers a publisher sends, lowest first (layer 0): half and full resolution of the camera (640x360 asked for:
 * 320x180 and 640x360; a shared screen of 1280x720: 640x360 and 1280x720). Two, not three: Chrome sends at
 * most two layers of a 640x360 picture and drops the highest ones asked for, so a third (quarter) layer
 * would have cost the full one (measured: 160x90 and 320x180 went out, 640x360 never).
 */
export const SIMULCAST_LAYERS = [
  { rid: 'l', scaleResolutionDownBy: 2, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 1, maxBitrate: 600_000 },
] as const;

/** The highest simulcast layer (0 is the lowest). */
export const TOP_LAYER = SIMULCAST_LAYERS.length - 1;

/** One wanted stream: someone's audio or video; video with the simulcast layer (0 lowest .. TOP_LAYER). */
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
