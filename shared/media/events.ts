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

export interface MediaServerEvents {
  /** To one participant: signals from someone in the same room of the same workshop. */
  'media:signaled': (event: MediaSignaled) => void;
  /** To one participant: a moderator asks them to unmute. */
  'media:unmuteRequested': (event: UnmuteRequested) => void;
  /** To one participant: a moderator muted them. */
  'media:muted': (event: MutedBy) => void;
  /** To the workshop: a room's stage mode changed. */
  'media:stageChanged': (event: StageChanged) => void;
}
