import type { BoardOp, BoardSnapshot, BoardSummary, SnapshotInfo } from '../../../shared/boards/schema.js';
import type { RedisClient } from '../../workshops/store/redis.js';
import type { AppendLimits, AppendResult, BoardLog, BoardRef, BoardStore } from './types.js';

/**
 * Lua scripts: each runs atomically inside Redis. A board is a meta hash (head, snapSeq, byte
 * counts, label, times), a list of op JSON after the snapshot, and the snapshot JSON.
 */
const SCRIPTS = {
  /** KEYS: meta, log, boards set. ARGV: expected seq, max bytes, max seq, room id, time, op json... */
  append: `
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
if head ~= tonumber(ARGV[1]) then return {'conflict', head} end
local n = #ARGV - 5
if head + n > tonumber(ARGV[3]) then return {'full', head} end
local add = 0
for i = 6, #ARGV do add = add + #ARGV[i] end
local logBytes = tonumber(redis.call('HGET', KEYS[1], 'logBytes') or '0')
local snapBytes = tonumber(redis.call('HGET', KEYS[1], 'snapBytes') or '0')
if logBytes + snapBytes + add > tonumber(ARGV[2]) then return {'full', head} end
redis.call('RPUSH', KEYS[2], unpack(ARGV, 6))
head = head + n
logBytes = logBytes + add
if redis.call('HEXISTS', KEYS[1], 'label') == 0 then redis.call('HSET', KEYS[1], 'label', '', 'closedAt', '') end
redis.call('HSET', KEYS[1], 'head', head, 'logBytes', logBytes, 'updatedAt', ARGV[5])
redis.call('SADD', KEYS[3], ARGV[4])
return {'ok', head, redis.call('LLEN', KEYS[2]), logBytes}`,
  /** KEYS: meta, log, snapshot. ARGV: since seq. */
  read: `
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local snapSeq = tonumber(redis.call('HGET', KEYS[1], 'snapSeq') or '0')
local since = tonumber(ARGV[1])
local snap = ''
local from = since - snapSeq
if since < snapSeq then
  snap = redis.call('GET', KEYS[3]) or ''
  from = 0
end
if from < 0 then from = 0 end
return {head, snap, redis.call('LRANGE', KEYS[2], from, -1)}`,
  /** KEYS: meta, log, snapshot. ARGV: snapshot seq, snapshot json. */
  compact: `
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local snapSeq = tonumber(redis.call('HGET', KEYS[1], 'snapSeq') or '0')
local seq = tonumber(ARGV[1])
if seq <= snapSeq or seq > head then return 0 end
local dropped = 0
for i = 1, seq - snapSeq do
  local v = redis.call('LPOP', KEYS[2])
  if v then dropped = dropped + #v end
end
local logBytes = tonumber(redis.call('HGET', KEYS[1], 'logBytes') or '0') - dropped
redis.call('SET', KEYS[3], ARGV[2])
redis.call('HSET', KEYS[1], 'snapSeq', seq, 'snapBytes', #ARGV[2], 'logBytes', logBytes)
return 1`,
  /** KEYS: meta, boards set. ARGV: room id, label, time. */
  create: `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'head', 0, 'label', ARGV[2], 'updatedAt', ARGV[3], 'closedAt', '')
redis.call('SADD', KEYS[2], ARGV[1])
return 1`,
  /** KEYS: meta. ARGV: time. */
  close: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if (redis.call('HGET', KEYS[1], 'closedAt') or '') == '' then redis.call('HSET', KEYS[1], 'closedAt', ARGV[1]) end
return 1`,
  /** KEYS: info list, copy key. ARGV: info json, snapshot json, keep, copy key prefix. */
  saveShot: `
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
while redis.call('LLEN', KEYS[1]) > tonumber(ARGV[3]) do
  local old = cjson.decode(redis.call('RPOP', KEYS[1]))
  redis.call('DEL', ARGV[4] .. old.roomId .. ':' .. old.id)
end
return 1`,
} as const;

export class RedisBoardStore implements BoardStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  private keys(ref: BoardRef) {
    const base = `${this.prefix}w:${ref.workshopId}:b:${ref.roomId}`;
    return { meta: `${base}:meta`, log: `${base}:log`, snap: `${base}:snap`, set: this.setKey(ref.workshopId) };
  }
  private setKey = (workshopId: string) => `${this.prefix}w:${workshopId}:boards`;
  private shotPrefix = (workshopId: string) => `${this.prefix}w:${workshopId}:shot:`;
  private shotList = (workshopId: string) => `${this.prefix}w:${workshopId}:shots`;

  private run(script: keyof typeof SCRIPTS, keys: string[], args: string[]) {
    return this.client.eval(SCRIPTS[script], { keys, arguments: args });
  }

  async appendBoardOps(
    ref: BoardRef,
    expectedSeq: number,
    ops: BoardOp[],
    limits: AppendLimits,
    at: number,
  ): Promise<AppendResult> {
    const k = this.keys(ref);
    const args = [
      String(expectedSeq),
      String(limits.maxBytes),
      String(limits.maxSeq),
      ref.roomId,
      String(at),
      ...ops.map((o) => JSON.stringify(o)),
    ];
    const r = (await this.run('append', [k.meta, k.log, k.set], args)) as [string, number, number?, number?];
    if (r[0] === 'ok') return { ok: true, head: r[1], logOps: r[2]!, logBytes: r[3]! };
    return { ok: false, reason: r[0] as 'conflict' | 'full', head: r[1] };
  }

  async readBoard(ref: BoardRef, sinceSeq: number): Promise<BoardLog> {
    const k = this.keys(ref);
    const [head, snap, ops] = (await this.run('read', [k.meta, k.log, k.snap], [String(sinceSeq)])) as [
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
    const k = this.keys(ref);
    return (await this.run('compact', [k.meta, k.log, k.snap], [String(snapshot.seq), JSON.stringify(snapshot)])) === 1;
  }

  async createBoard(ref: BoardRef, info: { label: string; at: number }): Promise<boolean> {
    const k = this.keys(ref);
    return (await this.run('create', [k.meta, k.set], [ref.roomId, info.label, String(info.at)])) === 1;
  }

  async closeBoard(ref: BoardRef, at: number): Promise<boolean> {
    return (await this.run('close', [this.keys(ref).meta], [String(at)])) === 1;
  }

  async listBoards(workshopId: string): Promise<BoardSummary[]> {
    const rooms = (await this.client.sMembers(this.setKey(workshopId))).sort();
    if (rooms.length === 0) return [];
    const multi = this.client.multi();
    for (const roomId of rooms) multi.hGetAll(this.keys({ workshopId, roomId }).meta);
    const metas = (await multi.exec()) as unknown as Record<string, string>[];
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
    const prefix = this.shotPrefix(ref.workshopId);
    await this.run(
      'saveShot',
      [this.shotList(ref.workshopId), `${prefix}${ref.roomId}:${info.id}`],
      [JSON.stringify(info), JSON.stringify(snapshot), String(keep), prefix],
    );
  }

  async listSnapshots(workshopId: string): Promise<SnapshotInfo[]> {
    return (await this.client.lRange(this.shotList(workshopId), 0, -1)).map((s) => JSON.parse(s) as SnapshotInfo);
  }

  async getSnapshot(ref: BoardRef, snapshotId: string): Promise<BoardSnapshot | null> {
    const raw = await this.client.get(`${this.shotPrefix(ref.workshopId)}${ref.roomId}:${snapshotId}`);
    return raw ? (JSON.parse(raw) as BoardSnapshot) : null;
  }
}
