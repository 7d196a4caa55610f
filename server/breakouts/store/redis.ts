import type { BreakoutMove } from '../../../shared/breakouts/schema.js';
import type { ApplyBreakoutsResult, BreakoutRecord, BreakoutStore } from './types.js';
import { redisKeys, type RedisClient } from '../../workshops/store/redis.js';

/**
 * KEYS: breakouts hash, deadlines zset, then one participant hash per move.
 * ARGV: expected version, state json, deadline ('' = none), workshop id, then one room id per move.
 * Returns {0} on a version mismatch, else {1, {indexes of the moves applied}}.
 */
const APPLY = `
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[4]) else redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
local moved = {}
for i = 3, #KEYS do
  if redis.call('HGET', KEYS[i], 'removed') == '0' then
    redis.call('HSET', KEYS[i], 'roomId', ARGV[i + 2])
    moved[#moved + 1] = i - 3
  end
end
return {1, moved}`;

/** KEYS: lock. ARGV: owner. */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export class RedisBreakoutStore implements BreakoutStore {
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  private stateKey = (workshopId: string) => `${this.keys.workshop(workshopId)}:breakouts`;
  private dueKey = () => `${this.prefix}breakouts:due`;

  async get(workshopId: string) {
    const json = await this.client.hGet(this.stateKey(workshopId), 'json');
    return json ? (JSON.parse(json) as BreakoutRecord) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: BreakoutRecord,
    moves: readonly BreakoutMove[],
  ): Promise<ApplyBreakoutsResult> {
    const state: BreakoutRecord = { ...next, version: expectedVersion + 1 };
    const deadline = state.status === 'open' && state.round ? String(state.round.deadline) : '';
    const keys = [
      this.stateKey(workshopId),
      this.dueKey(),
      ...moves.map((m) => this.keys.participant(workshopId, m.participantId)),
    ];
    const args = [String(expectedVersion), JSON.stringify(state), deadline, workshopId, ...moves.map((m) => m.roomId)];
    const reply = (await this.client.eval(APPLY, { keys, arguments: args })) as [number, number[]?];
    if (reply[0] !== 1) return { ok: false, current: await this.get(workshopId) };
    return { ok: true, state, moved: (reply[1] ?? []).map((i) => moves[i]!) };
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.dueKey(), '-inf', now, { LIMIT: { offset: 0, count: limit } }) as Promise<
      string[]
    >;
  }

  async tryLock(name: string, owner: string, ttlMs: number) {
    const reply = await this.client.set(`${this.prefix}lock:${name}`, owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK';
  }

  async unlock(name: string, owner: string) {
    await this.client.eval(UNLOCK, { keys: [`${this.prefix}lock:${name}`], arguments: [owner] });
  }
}
