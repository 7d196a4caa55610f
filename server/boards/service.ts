/**
 * Each node keeps the boards it serves in memory (snapshot, retained ops, current state) and
 * works on one board at a time per node. A write is checked against the board at its exact
 * head and appended only if the head is unchanged (compare-and-append in the store); when
 * another node wrote first, this node reads what it missed and decides again.
 */
import { CommandError } from '../../shared/command.js';
import { applyOp, replay, toSnapshot, type BoardState } from '../../shared/boards/apply.js';
import {
  BOARD_LIMITS,
  type BoardOp,
  type BoardSettings,
  type BoardOpBody,
  type BoardSnapshot,
  type BoardSync,
} from '../../shared/boards/schema.js';
import { changesVisibility, viewBoard, viewOp, type Viewer } from '../../shared/boards/view.js';
import { grows } from './logic.js';
import type { BoardRef, BoardStore } from './store/types.js';

/** Compaction: when this many ops follow the snapshot, the older ones fold into a new snapshot ... */
export const COMPACT_AFTER_OPS = 1000;
const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;
/** ... keeping this many recent ops for undo and for reconnecting clients. */
export const KEEP_OPS = 200;
/** A client further behind than this gets a snapshot instead of ops. */
const MAX_SYNC_OPS = 300;
const MAX_ATTEMPTS = 8;
const IDLE_MS = 10 * 60_000;
const MAX_CACHED = 1000;

export interface LoadedBoard {
  ref: BoardRef;
  base: BoardSnapshot | null;
  /** Ops after base, in seq order. */
  ops: BoardOp[];
  state: BoardState;
  usedAt: number;
}

export interface Committed {
  ops: BoardOp[];
  board: LoadedBoard;
}

const refKey = (ref: BoardRef) => `${ref.workshopId}\u0000${ref.roomId}`;

export class BoardService {
  private readonly boards = new Map<string, LoadedBoard>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: BoardStore,
    private readonly clock: () => number,
    private readonly limits = { maxBytes: BOARD_LIMITS.boardBytes, maxSeq: BOARD_LIMITS.opsPerBoard },
  ) {}

  /** Runs fn with the board, one at a time per board on this node. */
  private exclusive<T>(ref: BoardRef, fn: () => Promise<T>): Promise<T> {
    const key = refKey(ref);
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /**
   * The board's settings for volatile checks: as this node last saw them (no store round trip),
   * loaded from the store when this node does not hold the board yet.
   */
  async settingsOf(ref: BoardRef): Promise<BoardSettings> {
    const known = this.boards.get(refKey(ref));
    if (known) return known.state.settings;
    return this.exclusive(ref, async () => (await this.current(ref, true)).state.settings);
  }

  /**
   * Brings the cached board up to the store's head (loading it if needed). With `trustCache` a
   * cached board is used as is: fine for a write, whose compare-and-append refuses a stale head.
   */
  private async current(ref: BoardRef, trustCache = false): Promise<LoadedBoard> {
    const now = this.clock();
    this.evict(now);
    let board = this.boards.get(refKey(ref));
    if (board && trustCache) {
      board.usedAt = now;
      return board;
    }
    if (board) {
      const log = await this.store.readBoard(ref, board.state.seq);
      if (log.snapshot)
        board = undefined; // compacted past what we hold: load afresh
      else {
        for (const op of log.ops) this.applyLoaded(board, op);
      }
    }
    if (!board) {
      const log = await this.store.readBoard(ref, -1);
      board = { ref, base: log.snapshot, ops: log.ops, state: replay(log.ops, log.snapshot), usedAt: now };
      this.boards.set(refKey(ref), board);
    }
    board.usedAt = now;
    return board;
  }

  private applyLoaded(board: LoadedBoard, op: BoardOp) {
    if (op.seq !== board.state.seq + 1) return;
    applyOp(board.state, op);
    board.ops.push(op);
  }

  private evict(now: number) {
    if (this.boards.size === 0) return;
    for (const [key, board] of this.boards) {
      if (now - board.usedAt > IDLE_MS || this.boards.size > MAX_CACHED) this.boards.delete(key);
    }
  }

  /**
   * Decides ops against the exact head and appends them. `decide` may throw a CommandError; it
   * runs again (on the newer board) when another node appended first.
   */
  commit(
    ref: BoardRef,
    by: string,
    decide: (board: LoadedBoard) => BoardOpBody[],
    revertOf?: number,
  ): Promise<Committed> {
    return this.exclusive(ref, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        // First try on what this node holds: one store round trip when no other node wrote.
        const board = await this.current(ref, attempt === 0);
        const bodies = decide(board);
        const at = this.clock();
        const head = board.state.seq;
        const ops = bodies.map(
          (body, i): BoardOp => ({
            ...body,
            seq: head + i + 1,
            by,
            at,
            ...(revertOf !== undefined ? { revertOf } : {}),
          }),
        );
        const maxBytes = bodies.some(grows) ? this.limits.maxBytes : this.limits.maxBytes * 2;
        const result = await this.store.appendBoardOps(ref, head, ops, { maxBytes, maxSeq: this.limits.maxSeq }, at);
        if (!result.ok) {
          if (result.reason === 'full') throw new CommandError('board_full', 'The board is full');
          continue;
        }
        for (const op of ops) this.applyLoaded(board, op);
        if (result.logOps > COMPACT_AFTER_OPS + KEEP_OPS || result.logBytes > COMPACT_AFTER_BYTES)
          await this.compact(board);
        return { ops, board };
      }
      throw new CommandError('conflict', 'The board is very busy; try again');
    });
  }

  /** [BOARD10] Folds all but the last KEEP_OPS ops into a snapshot equal to their replay. */
  private async compact(board: LoadedBoard) {
    const keepFrom = board.ops.length - KEEP_OPS;
    if (keepFrom <= 0) return;
    const folded = replay(board.ops.slice(0, keepFrom), board.base);
    const snapshot = toSnapshot(folded);
    if (await this.store.compactBoard(board.ref, snapshot)) {
      board.base = snapshot;
      board.ops = board.ops.slice(keepFrom);
    }
  }

  /** What a viewer needs to catch up from sinceSeq: the ops they missed, or a whole view. */
  sync(ref: BoardRef, sinceSeq: number, full: boolean, viewer: Viewer): Promise<BoardSync> {
    return this.exclusive(ref, async () => {
      const board = await this.current(ref);
      const head = board.state.seq;
      const baseSeq = board.base?.seq ?? 0;
      const missed = board.ops.filter((op) => op.seq > sinceSeq);
      const asOps =
        !full &&
        sinceSeq >= baseSeq &&
        sinceSeq <= head &&
        missed.length <= MAX_SYNC_OPS &&
        !missed.some(changesVisibility);
      if (asOps)
        return {
          roomId: ref.roomId,
          kind: 'ops',
          head,
          ops: missed.map((op) => viewOp(op, viewer, board.state.settings)),
        };
      return { roomId: ref.roomId, kind: 'snapshot', head, snapshot: viewBoard(board.state, viewer) };
    });
  }

  /** The op with this seq, if still retained (for undo). */
  static opAt(board: LoadedBoard, seq: number): BoardOp | undefined {
    const first = board.ops[0]?.seq ?? 0;
    const op = board.ops[seq - first];
    return op?.seq === seq ? op : board.ops.find((o) => o.seq === seq);
  }

  /** A copy of the whole board (no views): for saved snapshots. */
  snapshotOf(ref: BoardRef): Promise<BoardSnapshot> {
    return this.exclusive(ref, async () => toSnapshot((await this.current(ref)).state));
  }

  /** Forgets cached boards (tests simulate a fresh node with it). */
  forget() {
    this.boards.clear();
  }

  /**
   * Drops this node's copy of one board after another node changed its settings, so the next live
   * stroke is checked against the settings in the store (in turn with the board's other work).
   */
  forgetBoard(ref: BoardRef): Promise<void> {
    return this.exclusive(ref, async () => void this.boards.delete(refKey(ref)));
  }
}
