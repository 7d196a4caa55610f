import { command } from '../command.js';
import {
  pollCreateSchema,
  pollExportSchema,
  pollLaunchSchema,
  pollLeaderboardSchema,
  pollSyncSchema,
  pollTargetSchema,
  pollUpdateSchema,
  pollVoteSchema,
  type Leaderboard,
  type PollExport,
  type PollSync,
  type PollTally,
  type PollView,
  type VoteResult,
} from './schema.js';

export const pollCommands = {
  'poll:create': command<PollView>()(pollCreateSchema, 'moderator'),
  'poll:update': command<PollView>()(pollUpdateSchema, 'moderator'),
  'poll:delete': command<null>()(pollTargetSchema, 'moderator'),
  'poll:launch': command<PollView>()(pollLaunchSchema, 'moderator'),
  'poll:close': command<PollView>()(pollTargetSchema, 'moderator'),
  'poll:reveal': command<PollView>()(pollTargetSchema, 'moderator'),
  'poll:vote': command<VoteResult>()(pollVoteSchema, 'member', { maxBytes: 4 * 1024 }),
  'poll:sync': command<PollSync>()(pollSyncSchema, 'member'),
  'poll:leaderboard': command<Leaderboard>()(pollLeaderboardSchema, 'member'),
  'poll:export': command<PollExport>()(pollExportSchema, 'moderator'),
} as const;

export interface PollServerEvents {
  /** A poll was created, edited, launched, closed or revealed. Drafts go to moderators only. */
  'poll:updated': (poll: PollView) => void;
  /** A draft was deleted (moderators only). */
  'poll:deleted': (event: { pollId: string }) => void;
  /** New results, at most ~10 a second per poll, only to people who may see them. */
  'poll:tallied': (tally: PollTally) => void;
  /** A quiz question was revealed: the series' leaderboard as it now stands. */
  'poll:scored': (leaderboard: Leaderboard) => void;
}
