import type { RedisClient } from '../../store/redis/client.js';
import { decodeSpeaking } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { SpeakingRecord } from '../logic.js';
import type { ApplySpeakingResult, SpeakingStore } from './types.js';

/** Speaking rounds in Redis: one hash (version, state json) per workshop, one sorted set of deadlines. */
export class RedisSpeakingStore implements SpeakingStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.speaking(workshopId), 'json');
    return json ? decodeSpeaking(json) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: SpeakingRecord,
    deadline: number | null,
  ): Promise<ApplySpeakingResult> {
    const state: SpeakingRecord = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.speakingApply(
      [this.keys.speaking(workshopId), this.keys.speakingDue()],
      [String(expectedVersion), JSON.stringify(state), deadline === null ? '' : String(deadline), workshopId],
    )) as [number, string?];
    if (applied !== 1) return { ok: false, current: current ? decodeSpeaking(current) : null };
    return { ok: true, state };
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.keys.speakingDue(), '-inf', now, { LIMIT: { offset: 0, count: limit } });
  }
}
