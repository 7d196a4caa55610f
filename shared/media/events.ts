import { command } from '../command.js';
import type { Participant } from '../workshops/schema.js';
import {
  MEDIA_SIGNAL_MAX_BYTES,
  mediaEmptySchema,
  mediaInviteSchema,
  mediaSignalSchema,
  mediaStageSchema,
  mediaTargetSchema,
  mediaUpdateSchema,
  type MediaConfig,
  type MediaSignaled,
  type MutedBy,
  type StageChanged,
  type UnmuteRequested,
} from './schema.js';
import type { SfuFeeds, SfuJsep, SfuSubscribed } from './sfu.js';
import {
  sfuEmptySchema,
  sfuPublishSchema,
  sfuStartSchema,
  sfuSubscribeSchema,
  sfuTrickleSchema,
} from './sfu-schema.js';

export const mediaCommands = {
  'media:config': command<MediaConfig>()(mediaEmptySchema, 'member'),
  'media:signal': command<null>()(mediaSignalSchema, 'member', { maxBytes: MEDIA_SIGNAL_MAX_BYTES }),
  'media:update': command<Participant>()(mediaUpdateSchema, 'member'),
  'media:mute': command<Participant>()(mediaTargetSchema, 'moderator'),
  'media:muteAll': command<{ muted: number }>()(mediaEmptySchema, 'moderator'),
  'media:askUnmute': command<null>()(mediaTargetSchema, 'moderator'),
  'media:stage': command<StageChanged>()(mediaStageSchema, 'moderator'),
  'media:invite': command<Participant>()(mediaInviteSchema, 'moderator'),
} as const;

/** SFU signalling (shared/media/sfu.ts): the browser talks to our server, never to Janus. */
export const sfuCommands = {
  /** SFU path: publish my camera and microphone (offer in, Janus's answer out). */
  'sfu:publish': command<{ jsep: SfuJsep }>()(sfuPublishSchema, 'member', { maxBytes: MEDIA_SIGNAL_MAX_BYTES }),
  /** SFU path: the streams I want to receive now; the answer carries an offer to answer with sfu:start. */
  'sfu:subscribe': command<SfuSubscribed>()(sfuSubscribeSchema, 'member', { maxBytes: MEDIA_SIGNAL_MAX_BYTES }),
  'sfu:start': command<null>()(sfuStartSchema, 'member', { maxBytes: MEDIA_SIGNAL_MAX_BYTES }),
  'sfu:trickle': command<null>()(sfuTrickleSchema, 'member', { maxBytes: MEDIA_SIGNAL_MAX_BYTES }),
  /** SFU path: stop publishing and receiving (leaving the room or moving back to the mesh). */
  'sfu:leave': command<null>()(sfuEmptySchema, 'member'),
} as const;

export interface MediaServerEvents {
  /** To one participant: signals from someone in the same room of the same workshop. */
  'media:signaled': (event: MediaSignaled) => void;
  /** To one participant: a moderator asks them to unmute. */
  'media:unmuteRequested': (event: UnmuteRequested) => void;
  /** To one participant: a moderator muted them. */
  'media:muted': (event: MutedBy) => void;
  /** To the workshop: a room's stage mode changed. */
  'media:stageChanged': (event: StageChanged) => void;
  /** To a room: who publishes on the SFU now. */
  'sfu:feeds': (event: SfuFeeds) => void;
  /** To a room: its media server was lost; reconnect media (the room is placed again). */
  'sfu:restart': (event: { roomId: string }) => void;
}
