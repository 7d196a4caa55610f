import { command } from '../command.js';
import {
  truthsGuessSchema,
  truthsHashtagsSchema,
  truthsParamsSchema,
  truthsRoomSchema,
  truthsStopSchema,
  truthsSubmitSchema,
  truthsSyncSchema,
  type Hashtags,
  type TruthsEntry,
  type TruthsMine,
  type TruthsView,
} from './schema.js';

export const truthsCommands = {
  'truths:start': command<TruthsView>()(truthsParamsSchema, 'moderator'),
  /** Collecting: start voting on the first author; voting: close the vote and reveal; reveal: the next author. */
  'truths:next': command<TruthsView>()(truthsRoomSchema, 'moderator'),
  'truths:stop': command<TruthsView>()(truthsStopSchema, 'moderator'),
  'truths:submit': command<TruthsEntry>()(truthsSubmitSchema, 'member'),
  /** [TRUTH8] This person's three hashtags (any time; a second call replaces them); the normalised ones come back. */
  'truths:hashtags': command<{ tags: Hashtags }>()(truthsHashtagsSchema, 'member', { maxBytes: 1024 }),
  'truths:guess': command<{ authorId: string; guess: number }>()(truthsGuessSchema, 'member', { maxBytes: 1024 }),
  'truths:sync': command<TruthsMine>()(truthsSyncSchema, 'member'),
} as const;

export interface TruthsServerEvents {
  /** A game changed (started, a vote opened or revealed, someone ready, ended): the whole view. */
  'truths:updated': (view: TruthsView) => void;
}
