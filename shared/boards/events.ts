import { command } from '../command.js';
import {
  BOARD_LIMITS,
  boardCursorSchema,
  boardListSchema,
  boardLiveSchema,
  boardOpSchema,
  boardRefSchema,
  boardRevertSchema,
  boardSettingsSchema,
  boardSnapshotGetSchema,
  boardSnapshotTakeSchema,
  boardSyncSchema,
  type BoardCursorEvent,
  type BoardLiveEvent,
  type BoardOpsEvent,
  type BoardSnapshot,
  type BoardSummary,
  type BoardSync,
  type OpResult,
  type SnapshotInfo,
} from './schema.js';

export const boardCommands = {
  'board:sync': command<BoardSync>()(boardSyncSchema, 'member'),
  // An image is the largest op: its data URL plus the rest of the item.
  'board:op': command<OpResult>()(boardOpSchema, 'member', { maxBytes: BOARD_LIMITS.imageChars + 4096 }),
  'board:revert': command<OpResult>()(boardRevertSchema, 'member'),
  'board:settings': command<OpResult>()(boardSettingsSchema, 'moderator'),
  'board:clear': command<OpResult>()(boardRefSchema, 'moderator'),
  'board:live': command<null>()(boardLiveSchema, 'member', { maxBytes: 8 * 1024, volatile: true }),
  'board:cursor': command<null>()(boardCursorSchema, 'member', { maxBytes: 512, volatile: true }),
  'board:list': command<{ boards: BoardSummary[]; snapshots: SnapshotInfo[] }>()(boardListSchema, 'member'),
  'board:snapshot': command<SnapshotInfo>()(boardSnapshotTakeSchema, 'moderator'),
  'board:view': command<BoardSnapshot>()(boardSnapshotGetSchema, 'member'),
} as const;

export interface BoardServerEvents {
  /** Ops appended to a room's board, in seq order, as this recipient may see them. */
  'board:ops': (event: BoardOpsEvent) => void;
  /** Volatile: points of a stroke being drawn (never stored). */
  'board:live': (event: BoardLiveEvent) => void;
  /** Volatile: someone's pointer (with their name) or laser. */
  'board:cursor': (event: BoardCursorEvent) => void;
}
