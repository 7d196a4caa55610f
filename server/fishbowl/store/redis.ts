import type { RedisClient } from '../../store/redis/client.js';
import { decodeFishbowl } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { FishbowlRecord } from '../logic.js';
import type { ApplyFishbowlResult, FishbowlStore } from './types.js';

/** The fishbowl in Redis: one hash (version, state json) per workshop, written by one Lua script. */
export class RedisFishbowlStore implements FishbowlStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.fishbowl(workshopId), 'json');
    return json ? decodeFishbowl(json) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: FishbowlRecord): Promise<ApplyFishbowlResult> {
    const state: FishbowlRecord = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.fishbowlApply(
      [this.keys.fishbowl(workshopId)],
      [String(expectedVersion), JSON.stringify(state)],
    )) as [number, string?];
    if (applied !== 1) return { ok: false, current: current ? decodeFishbowl(current) : null };
    return { ok: true, state };
  }
}
