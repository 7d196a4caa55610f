import type { RedisClient } from '../../store/redis/client.js';
import { decodeMarket } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { MarketRecord } from '../logic.js';
import type { ApplyMarketResult, MarketStore } from './types.js';

/** The idea market in Redis: one hash (version, state json) per workshop and one sorted set of pitch deadlines. */
export class RedisMarketStore implements MarketStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.market(workshopId), 'json');
    return json ? decodeMarket(json) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: MarketRecord,
    deadline: number | null,
  ): Promise<ApplyMarketResult> {
    const state: MarketRecord = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.marketApply(
      [this.keys.market(workshopId), this.keys.marketDue()],
      [String(expectedVersion), JSON.stringify(state), deadline === null ? '' : String(deadline), workshopId],
    )) as [number, string?];
    if (applied !== 1) return { ok: false, current: current ? decodeMarket(current) : null };
    return { ok: true, state };
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.keys.marketDue(), '-inf', now, { LIMIT: { offset: 0, count: limit } });
  }
}
