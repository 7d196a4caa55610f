import type { RedisClient } from '../../store/redis/client.js';
import { decodeBarcamp } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { BarcampRecord } from '../logic.js';
import type { ApplyBarcampResult, BarcampStore } from './types.js';

/** The barcamp in Redis: one hash (version, state json) per workshop, written by one Lua script. */
export class RedisBarcampStore implements BarcampStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.barcamp(workshopId), 'json');
    return json ? decodeBarcamp(json) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: BarcampRecord): Promise<ApplyBarcampResult> {
    const state: BarcampRecord = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.barcampApply(
      [this.keys.barcamp(workshopId)],
      [String(expectedVersion), JSON.stringify(state)],
    )) as [number, string?];
    if (applied !== 1) return { ok: false, current: current ? decodeBarcamp(current) : null };
    return { ok: true, state };
  }
}
