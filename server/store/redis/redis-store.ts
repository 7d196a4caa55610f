import { RateLimiterRedis } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { RedisBoardStore } from '../../boards/redis-store.js';
import { CHAT_HISTORY, type ChatMessage } from '../../../shared/chat/schema.js';
import type { MediaFlags } from '../../../shared/media/schema.js';
import type { Role } from '../../../shared/workshops/schema.js';
import type {
  AddParticipantResult,
  LiveConnection,
  ParticipantRecord,
  PresenceChange,
  Store,
  WorkshopRecord,
} from '../types.js';
import { decodeParticipant, decodeWorkshop, encodeParticipant, encodeWorkshop } from './codec.js';
import { RedisBreakoutStore } from './redis-breakouts.js';
import { SCRIPTS } from './scripts.js';
import { RedisPollStore } from './redis-polls.js';

/**
 * Commands fail at once while Redis is away (no offline queue): the wrapper answers
 * `store_unavailable` within the second and retries what is safe, instead of hanging for seconds.
 * Reconnection is quick and keeps trying.
 */
const makeClient = (url: string) =>
  createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500) },
  });
export type RedisClient = ReturnType<typeof makeClient>;

/** Keys, all under one prefix so tests (and several deployments) can share a server. */
export function redisKeys(prefix: string) {
  return {
    code: (code: string) => `${prefix}code:${code}`,
    workshop: (id: string) => `${prefix}w:${id}`,
    participantIds: (id: string) => `${prefix}w:${id}:pids`,
    participant: (id: string, pid: string) => `${prefix}w:${id}:p:${pid}`,
    chat: (id: string, room: string) => `${prefix}w:${id}:chat:${room}`,
    /** Media: set of room ids in stage mode. */
    stage: (id: string) => `${prefix}w:${id}:stage`,
    /** [WS15] Sorted set: "workshopId participantId" of everyone online or reconnecting, by last sighting. */
    seen: () => `${prefix}presence:seen`,
    /** [WS16] Sorted set: "workshopId code" by the time the workshop may be forgotten. */
    expiries: () => `${prefix}expiries`,
    breakoutsDue: () => `${prefix}breakouts:due`,
  };
}

/**
 * The workshop hash and its code key expire on their own this long after the workshop's time, in
 * case no node sweeps; normally a sweep deletes them, and everything else of the workshop, first.
 */
const EXPIRY_SLACK_MS = 60 * 60_000;

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  private readonly keys: ReturnType<typeof redisKeys>;
  readonly breakouts: RedisBreakoutStore;
  readonly boards: RedisBoardStore;
  readonly polls: RedisPollStore;

  private constructor(
    readonly client: RedisClient,
    private readonly prefix: string,
    private readonly ownsClient: boolean,
  ) {
    this.keys = redisKeys(prefix);
    this.breakouts = new RedisBreakoutStore(client, prefix);
    this.boards = new RedisBoardStore(client, prefix);
    this.polls = new RedisPollStore(client, prefix);
  }

  static async connect(url: string, opts: { prefix?: string } = {}): Promise<RedisStore> {
    const client = makeClient(url);
    client.on('error', () => {
      // Reconnection is automatic; commands fail (and are acked as errors) while Redis is away.
    });
    await client.connect();
    return new RedisStore(client, opts.prefix ?? 'jm:', true);
  }

  private run(script: keyof typeof SCRIPTS, keys: string[], args: string[]) {
    return this.client.eval(SCRIPTS[script], { keys, arguments: args });
  }

  limiter(name: string, points: number, durationS: number) {
    return new RateLimiterRedis({
      storeClient: this.client,
      useRedisPackage: true,
      keyPrefix: `${this.prefix}rl:${name}`,
      points,
      duration: durationS,
    });
  }

  async createWorkshop(w: WorkshopRecord) {
    const created = await this.run(
      'createWorkshop',
      [this.keys.code(w.code), this.keys.workshop(w.id)],
      [w.id, ...encodeWorkshop(w)],
    );
    return created === 1;
  }

  async getWorkshop(id: string) {
    return decodeWorkshop(await this.client.hGetAll(this.keys.workshop(id)));
  }

  async workshopIdByCode(code: string) {
    return (await this.client.get(this.keys.code(code))) ?? null;
  }

  async setWorkshopLocked(id: string, locked: boolean) {
    await this.run('updateWorkshop', [this.keys.workshop(id)], ['locked', locked ? '1' : '0']);
    return this.getWorkshop(id);
  }

  async endWorkshop(id: string, at: number) {
    await this.run('endWorkshop', [this.keys.workshop(id)], [String(at)]);
    return this.getWorkshop(id);
  }

  async addParticipant(workshopId: string, p: ParticipantRecord, opts: { bypassLock: boolean }) {
    const keys = [
      this.keys.workshop(workshopId),
      this.keys.participant(workshopId, p.id),
      this.keys.participantIds(workshopId),
    ];
    const result = await this.run('addParticipant', keys, [opts.bypassLock ? '1' : '0', p.id, ...encodeParticipant(p)]);
    return result as AddParticipantResult;
  }

  async getParticipant(workshopId: string, participantId: string) {
    return decodeParticipant(await this.client.hGetAll(this.keys.participant(workshopId, participantId)));
  }

  async listParticipants(workshopId: string) {
    const ids = await this.client.lRange(this.keys.participantIds(workshopId), 0, -1);
    if (ids.length === 0) return [];
    const multi = this.client.multi();
    for (const id of ids) multi.hGetAll(this.keys.participant(workshopId, id));
    const hashes = (await multi.exec()) as unknown as Record<string, string>[];
    return hashes.map(decodeParticipant).filter((p): p is ParticipantRecord => p !== null);
  }

  setRole(workshopId: string, participantId: string, role: Role) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['role', role]);
  }

  raiseHand(workshopId: string, participantId: string, at: number) {
    return this.updateParticipant('raiseHand', workshopId, participantId, [String(at)]);
  }

  lowerHand(workshopId: string, participantId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['handRaisedAt', '']);
  }

  async attachConnection(workshopId: string, participantId: string, connectionId: string) {
    const result = (await this.run('attach', [this.keys.participant(workshopId, participantId)], [connectionId])) as
      | [string]
      | null;
    if (!result) return null;
    const participant = await this.getParticipant(workshopId, participantId);
    return participant && { participant, replaced: result[0] };
  }

  detachConnection(workshopId: string, participantId: string, connectionId: string, at: number) {
    return this.updateParticipant('detach', workshopId, participantId, [connectionId, String(at)]);
  }

  async setWorkshopExpiry(workshop: Pick<WorkshopRecord, 'id' | 'code'>, expiresAt: number) {
    await this.run(
      'setExpiry',
      [this.keys.expiries(), this.keys.workshop(workshop.id), this.keys.code(workshop.code)],
      [String(expiresAt), `${workshop.id} ${workshop.code}`, String(expiresAt + EXPIRY_SLACK_MS)],
    );
  }

  async expireWorkshops(now: number, limit: number) {
    const due = await this.client.zRangeByScore(this.keys.expiries(), '-inf', now, {
      LIMIT: { offset: 0, count: limit },
    });
    const gone: string[] = [];
    for (const member of due) {
      const [id = '', code = ''] = member.split(' ');
      // Touched again since it was read (someone joined): not yet.
      const score = await this.client.zScore(this.keys.expiries(), member);
      if (score === null || score > now) continue;
      const keys = [this.keys.workshop(id), this.keys.code(code)];
      for await (const batch of this.client.scanIterator({ MATCH: `${this.keys.workshop(id)}:*`, COUNT: 1000 }))
        keys.push(...batch);
      await this.client.unlink(keys);
      await this.client.zRem(this.keys.breakoutsDue(), id);
      await this.client.zRem(this.keys.expiries(), member);
      gone.push(id);
    }
    return gone;
  }

  async heartbeat(connections: readonly LiveConnection[], at: number) {
    if (connections.length === 0) return [];
    const keys = [this.keys.seen(), ...connections.map((c) => this.keys.participant(c.workshopId, c.participantId))];
    const args = [String(at), ...connections.flatMap((c) => [`${c.workshopId} ${c.participantId}`, c.connectionId])];
    const revived = (await this.run('heartbeat', keys, args)) as number[];
    return this.changes(revived.map((i) => connections[i - 1]!));
  }

  async sweepPresence(staleBefore: number, offlineBefore: number, limit: number) {
    const cutoff = Math.max(staleBefore, offlineBefore);
    const members = await this.client.zRangeByScore(this.keys.seen(), '-inf', `(${cutoff}`, {
      LIMIT: { offset: 0, count: limit },
    });
    const changed: Omit<LiveConnection, 'connectionId'>[] = [];
    for (const member of members) {
      const [workshopId = '', participantId = ''] = member.split(' ');
      const keys = [this.keys.seen(), this.keys.participant(workshopId, participantId)];
      const result = await this.run('sweep', keys, [member, String(staleBefore), String(offlineBefore)]);
      if (result) changed.push({ workshopId, participantId });
    }
    return this.changes(changed);
  }

  private async changes(list: readonly Omit<LiveConnection, 'connectionId'>[]): Promise<PresenceChange[]> {
    const out: PresenceChange[] = [];
    for (const { workshopId, participantId } of list) {
      const participant = await this.getParticipant(workshopId, participantId);
      if (participant) out.push({ workshopId, participant });
    }
    return out;
  }

  expirePresence(workshopId: string, participantId: string, disconnectedAt: number) {
    return this.updateParticipant('expire', workshopId, participantId, [String(disconnectedAt)]);
  }

  leave(workshopId: string, participantId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, [
      'presence',
      'offline',
      'connectionId',
      '',
      'handRaisedAt',
      '',
    ]);
  }

  async removeParticipant(workshopId: string, participantId: string) {
    const key = this.keys.participant(workshopId, participantId);
    const applied = await this.run('remove', [key], []);
    return applied ? this.getParticipant(workshopId, participantId) : null;
  }

  async appendChat(workshopId: string, message: ChatMessage) {
    await this.run(
      'appendChat',
      [this.keys.chat(workshopId, message.roomId)],
      [JSON.stringify(message), String(CHAT_HISTORY)],
    );
  }

  async chatHistory(workshopId: string, roomId: string, limit: number) {
    const raw = await this.client.lRange(this.keys.chat(workshopId, roomId), -limit, -1);
    return raw.map((s) => JSON.parse(s) as ChatMessage);
  }

  async updateMedia(
    workshopId: string,
    participantId: string,
    patch: Partial<MediaFlags>,
    opts: { guardStage?: boolean } = {},
  ) {
    const fields = Object.entries(patch).flatMap(([k, v]) => (v === undefined ? [] : [k, v ? '1' : '0']));
    const keys = [this.keys.participant(workshopId, participantId), this.keys.stage(workshopId)];
    const result = await this.run('updateMedia', keys, [opts.guardStage ? '1' : '0', ...fields]);
    if (result === 'stage') return 'stage' as const;
    return result ? this.getParticipant(workshopId, participantId) : null;
  }

  async setStage(workshopId: string, roomId: string, on: boolean) {
    if (on) await this.client.sAdd(this.keys.stage(workshopId), roomId);
    else await this.client.sRem(this.keys.stage(workshopId), roomId);
  }

  async stageRooms(workshopId: string) {
    return (await this.client.sMembers(this.keys.stage(workshopId))).sort();
  }

  setRoom(workshopId: string, participantId: string, roomId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['roomId', roomId]);
  }

  async close() {
    if (this.ownsClient && this.client.isOpen) await this.client.close();
  }

  /** Runs a guarded participant script; when it applied, returns the participant as now stored. */
  private async updateParticipant(
    script: keyof typeof SCRIPTS,
    workshopId: string,
    participantId: string,
    args: string[],
  ) {
    const applied = await this.run(script, [this.keys.participant(workshopId, participantId)], args);
    return applied ? this.getParticipant(workshopId, participantId) : null;
  }
}
