import { command } from '../command.js';
import {
  speakingParamsSchema,
  speakingPassSchema,
  speakingStepSchema,
  speakingStopSchema,
  speakingSyncSchema,
  type SpeakingView,
} from './schema.js';

export const speakingCommands = {
  'speaking:start': command<SpeakingView>()(speakingParamsSchema, 'moderator'),
  'speaking:next': command<SpeakingView>()(speakingStepSchema, 'moderator'),
  'speaking:back': command<SpeakingView>()(speakingStepSchema, 'moderator'),
  'speaking:stop': command<SpeakingView>()(speakingStopSchema, 'moderator'),
  /** [SPEAK6] Any member, but only for their own turn (moderators for the current speaker). */
  'speaking:pass': command<SpeakingView>()(speakingPassSchema, 'member'),
  'speaking:sync': command<SpeakingView>()(speakingSyncSchema, 'member'),
} as const;

export interface SpeakingServerEvents {
  /** Any round changed (started, next, back, pass, time up, stopped, someone appended): the whole view. */
  'speaking:updated': (view: SpeakingView) => void;
}
