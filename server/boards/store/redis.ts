import type { BoardOp, BoardSnapshot, BoardSummary, SnapshotInfo } from '../../../shared/boards/schema.js';
import { type RedisClient, readHashes } from '../../store/redis/client.js';
import { decodeSnapshotInfo } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { AppendLimits, AppendResult, BoardLog, BoardRef, BoardStore } from './types.js';

/** Boards in Redis; the scripts and what a board is made of are described in ./scripts.ts. */
export class RedisBoardStore implements BoardStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  private board(ref: BoardRef) {
    return this.keys.board(ref.workshopId, ref.roomId);
  }

  async appendBoardOps(
    ref: BoardRef,
    expectedSeq: number,
    ops: BoardOp[],
    limits: AppendLimits,
    at: number,
  ): Promise<AppendResult> {
    const k = this.board(ref);
    const args = [
      String(expectedSeq),
      String(limits.maxBytes),
      String(limits.maxSeq),
      ref.roomId,
      String(at),
      ...ops.map((o) => JSON.stringify(o)),
    ];
    const r = (await this.client.boardAppend([k.meta, k.log, this.keys.boards(ref.workshopId)], args)) as [
      string,
      number,
      number?,
      number?,
    ];
    if (r[0] === 'ok') return { ok: true, head: r[1], logOps: r[2]!, logBytes: r[3]! };
    return { ok: false, reason: r[0] as 'conflict' | 'full', head: r[1] };
  }

  async readBoard(ref: BoardRef, sinceSeq: number): Promise<BoardLog> {
    const k = this.board(ref);
    const [head, snap, ops] = (await this.client.boardRead([k.meta, k.log, k.snap], [String(sinceSeq)])) as [
      number,
      string,
      string[],
    ];
    return {
      head,
      snapshot: snap ? (JSON.parse(snap) as BoardSnapshot) : null,
      ops: ops.map((s) => JSON.parse(s) as BoardOp),
    };
  }

  async compactBoard(ref: BoardRef, snapshot: BoardSnapshot): Promise<boolean> {
    const k = this.board(ref);
    return (
      (await this.client.boardCompact([k.meta, k.log, k.snap], [String(snapshot.seq), JSON.stringify(snapshot)])) === 1
    );
  }

  async createBoard(ref: BoardRef, info: { label: string; at: number }): Promise<boolean> {
    const k = this.board(ref);
    return (
      (await this.client.boardCreate(
        [k.meta, this.keys.boards(ref.workshopId)],
        [ref.roomId, info.label, String(info.at)],
      )) === 1
    );
  }

  async closeBoard(ref: BoardRef, at: number): Promise<boolean> {
    return (await this.client.boardClose([this.board(ref).meta], [String(at)])) === 1;
  }

  async listBoards(workshopId: string): Promise<BoardSummary[]> {
    const rooms = (await this.client.sMembers(this.keys.boards(workshopId))).sort();
    const metas = await readHashes(
      this.client,
      rooms.map((roomId) => this.keys.board(workshopId, roomId).meta),
    );
    return rooms.map((roomId, i) => {
      const m = metas[i] ?? {};
      return {
        roomId,
        label: m.label ?? '',
        head: Number(m.head ?? 0),
        updatedAt: Number(m.updatedAt ?? 0),
        closedAt: m.closedAt ? Number(m.closedAt) : null,
      };
    });
  }

  async saveSnapshot(ref: BoardRef, info: SnapshotInfo, snapshot: BoardSnapshot, keep: number): Promise<void> {
    const prefix = this.keys.shotPrefix(ref.workshopId);
    await this.client.boardSaveShot(
      [this.keys.shots(ref.workshopId), `${prefix}${ref.roomId}:${info.id}`],
      [JSON.stringify(info), JSON.stringify(snapshot), String(keep), prefix],
    );
  }

  async listSnapshots(workshopId: string): Promise<SnapshotInfo[]> {
    return (await this.client.lRange(this.keys.shots(workshopId), 0, -1)).map(decodeSnapshotInfo);
  }

  async getSnapshot(ref: BoardRef, snapshotId: string): Promise<BoardSnapshot | null> {
    const raw = await this.client.get(`${this.keys.shotPrefix(ref.workshopId)}${ref.roomId}:${snapshotId}`);
    return raw ? (JSON.parse(raw) as BoardSnapshot) : null;
  }
}
