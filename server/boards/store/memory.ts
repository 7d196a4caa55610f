import type { BoardOp, BoardSnapshot, BoardSummary, SnapshotInfo } from '../../../shared/boards/schema.js';
import type { AppendLimits, AppendResult, BoardLog, BoardRef, BoardStore } from './types.js';

interface StoredBoard {
  head: number;
  snapSeq: number;
  snapshot: string | null;
  /** JSON of each op after the snapshot: copies by construction, and their size is their length. */
  log: string[];
  logBytes: number;
  label: string;
  updatedAt: number;
  closedAt: number | null;
}

const bytes = (s: string) => Buffer.byteLength(s);
const key = (ref: BoardRef) => `${ref.workshopId}\u0000${ref.roomId}`;

/** The embedded default: each method runs to completion without awaiting, so it is atomic. */
export class MemoryBoardStore implements BoardStore {
  private readonly boards = new Map<string, StoredBoard>();
  private readonly byWorkshop = new Map<string, Set<string>>();
  private readonly shots = new Map<string, { info: SnapshotInfo; json: string }[]>();

  /** [WS16] Forgets every board and saved copy of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    for (const roomId of this.byWorkshop.get(workshopId) ?? []) this.boards.delete(key({ workshopId, roomId }));
    this.byWorkshop.delete(workshopId);
    this.shots.delete(workshopId);
  }

  private board(ref: BoardRef, at: number, label = ''): StoredBoard {
    let b = this.boards.get(key(ref));
    if (!b) {
      b = { head: 0, snapSeq: 0, snapshot: null, log: [], logBytes: 0, label, updatedAt: at, closedAt: null };
      this.boards.set(key(ref), b);
      const rooms = this.byWorkshop.get(ref.workshopId) ?? new Set();
      rooms.add(ref.roomId);
      this.byWorkshop.set(ref.workshopId, rooms);
    }
    return b;
  }

  async appendBoardOps(
    ref: BoardRef,
    expectedSeq: number,
    ops: BoardOp[],
    limits: AppendLimits,
    at: number,
  ): Promise<AppendResult> {
    const existing = this.boards.get(key(ref));
    const head = existing?.head ?? 0;
    if (head !== expectedSeq) return { ok: false, reason: 'conflict', head };
    const json = ops.map((op) => JSON.stringify(op));
    const add = json.reduce((n, s) => n + bytes(s), 0);
    const snapBytes = existing?.snapshot ? bytes(existing.snapshot) : 0;
    if (head + ops.length > limits.maxSeq || (existing?.logBytes ?? 0) + snapBytes + add > limits.maxBytes) {
      return { ok: false, reason: 'full', head };
    }
    const b = this.board(ref, at);
    b.log.push(...json);
    b.logBytes += add;
    b.head += ops.length;
    b.updatedAt = at;
    return { ok: true, head: b.head, logOps: b.log.length, logBytes: b.logBytes };
  }

  async readBoard(ref: BoardRef, sinceSeq: number): Promise<BoardLog> {
    const b = this.boards.get(key(ref));
    if (!b) return { head: 0, snapshot: null, ops: [] };
    const withSnapshot = sinceSeq < b.snapSeq;
    const from = withSnapshot ? 0 : Math.max(0, sinceSeq - b.snapSeq);
    return {
      head: b.head,
      snapshot: withSnapshot && b.snapshot ? (JSON.parse(b.snapshot) as BoardSnapshot) : null,
      ops: b.log.slice(from).map((s) => JSON.parse(s) as BoardOp),
    };
  }

  async compactBoard(ref: BoardRef, snapshot: BoardSnapshot): Promise<boolean> {
    const b = this.boards.get(key(ref));
    if (!b || snapshot.seq <= b.snapSeq || snapshot.seq > b.head) return false;
    const dropped = b.log.splice(0, snapshot.seq - b.snapSeq);
    b.logBytes -= dropped.reduce((n, s) => n + bytes(s), 0);
    b.snapshot = JSON.stringify(snapshot);
    b.snapSeq = snapshot.seq;
    return true;
  }

  async createBoard(ref: BoardRef, info: { label: string; at: number }): Promise<boolean> {
    if (this.boards.has(key(ref))) return false;
    this.board(ref, info.at, info.label);
    return true;
  }

  async closeBoard(ref: BoardRef, at: number): Promise<boolean> {
    const b = this.boards.get(key(ref));
    if (!b) return false;
    b.closedAt ??= at;
    return true;
  }

  async listBoards(workshopId: string): Promise<BoardSummary[]> {
    return [...(this.byWorkshop.get(workshopId) ?? [])].sort().map((roomId) => {
      const b = this.boards.get(key({ workshopId, roomId }))!;
      return { roomId, label: b.label, head: b.head, updatedAt: b.updatedAt, closedAt: b.closedAt };
    });
  }

  async saveSnapshot(ref: BoardRef, info: SnapshotInfo, snapshot: BoardSnapshot, keep: number): Promise<void> {
    const list = this.shots.get(ref.workshopId) ?? [];
    list.unshift({ info: { ...info }, json: JSON.stringify(snapshot) });
    list.splice(keep);
    this.shots.set(ref.workshopId, list);
  }

  async listSnapshots(workshopId: string): Promise<SnapshotInfo[]> {
    return (this.shots.get(workshopId) ?? []).map((s) => ({ ...s.info }));
  }

  async getSnapshot(ref: BoardRef, snapshotId: string): Promise<BoardSnapshot | null> {
    const shot = (this.shots.get(ref.workshopId) ?? []).find(
      (s) => s.info.id === snapshotId && s.info.roomId === ref.roomId,
    );
    return shot ? (JSON.parse(shot.json) as BoardSnapshot) : null;
  }
}
