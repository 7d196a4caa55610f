import type { BoardOp, BoardSnapshot, BoardSummary, SnapshotInfo } from '../../../shared/boards/schema.js';

/** "The board of room X": the unit everything about boards is keyed by. */
export interface BoardRef {
  workshopId: string;
  roomId: string;
}

/** A board as stored: an optional snapshot (the compacted past) and the ops after it. */
export interface BoardLog {
  head: number;
  /** Present when the caller asked from before the snapshot (sinceSeq < snapshot.seq). */
  snapshot: BoardSnapshot | null;
  ops: BoardOp[];
}

export type AppendResult =
  | { ok: true; head: number; logOps: number; logBytes: number }
  | { ok: false; reason: 'conflict' | 'full'; head: number };

export interface AppendLimits {
  /** Snapshot + log bytes the board may reach with these ops. */
  maxBytes: number;
  /** The highest seq the board may reach. */
  maxSeq: number;
}

/**
 * Board persistence in the domain's words. Every method is one atomic step in the store.
 * (Memory: runs to completion without awaiting. Redis: one Lua script each.)
 */
export interface BoardStore {
  /**
   * Appends ops numbered expectedSeq+1, expectedSeq+2, ... only if the board's head is still
   * expectedSeq: the caller checked them against the board at exactly that seq ([BSTORE1]).
   * 'conflict' when another writer got there first, 'full' when a limit would be passed.
   */
  appendBoardOps(
    ref: BoardRef,
    expectedSeq: number,
    ops: BoardOp[],
    limits: AppendLimits,
    at: number,
  ): Promise<AppendResult>;
  /** The ops after sinceSeq; with the snapshot and every retained op when sinceSeq is older than it. */
  readBoard(ref: BoardRef, sinceSeq: number): Promise<BoardLog>;
  /** Replaces the ops up to snapshot.seq by the snapshot; false when it is not newer or beyond the head. */
  compactBoard(ref: BoardRef, snapshot: BoardSnapshot): Promise<boolean>;
  /** Registers a board (e.g. for a breakout room) with a label; false when it exists already. */
  createBoard(ref: BoardRef, info: { label: string; at: number }): Promise<boolean>;
  /** Marks the room's board closed (its room closed): the gallery walk shows it. */
  closeBoard(ref: BoardRef, at: number): Promise<boolean>;
  /** Every board of a workshop, by room id. */
  listBoards(workshopId: string): Promise<BoardSummary[]>;
  /** Keeps a copy of a board ("take a snapshot"); the oldest copies beyond `keep` are dropped. */
  saveSnapshot(ref: BoardRef, info: SnapshotInfo, snapshot: BoardSnapshot, keep: number): Promise<void>;
  /** Saved copies of a workshop's boards, newest first. */
  listSnapshots(workshopId: string): Promise<SnapshotInfo[]>;
  getSnapshot(ref: BoardRef, snapshotId: string): Promise<BoardSnapshot | null>;
}
