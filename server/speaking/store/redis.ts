import type { RedisClient } from '../../store/redis/client.js';
import { decodeSpeaking } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import { type SpeakingRecord, turnHolders } from '../logic.js';
import type { ApplySpeakingResult, SpeakingStore } from './types.js';

/**
 * Speaking rounds in Redis: one hash (version, state json) per workshop, one sorted set of deadlines, and
 * [SPEAK12] the set of people the rounds put on stage, all written by one Lua script.
 */
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
    const keys = [
      this.keys.speaking(workshopId),
      this.keys.speakingDue(),
      this.keys.stage(workshopId),
      this.keys.participantsSeq(workshopId),
      this.keys.speakingStage(workshopId),
    ];
    const holders = turnHolders(state).flatMap((h) => [h.participantId, h.roomId]);
    const args = [
      String(expectedVersion),
      JSON.stringify(state),
      deadline === null ? '' : String(deadline),
      workshopId,
      // Participant hashes are `<workshop hash>:p:<id>` (server/store/redis/keys.ts).
      this.keys.participant(workshopId, ''),
      ...holders,
    ];
    const [applied, detail] = (await this.client.speakingApply(keys, args)) as [number, string | string[]];
    if (applied !== 1) return { ok: false, current: detail ? decodeSpeaking(detail as string) : null };
    return { ok: true, state, staged: detail as string[] };
  }

  async releaseStage(workshopId: string, participantId: string) {
    await this.client.speakingRelease([this.keys.speakingStage(workshopId)], [participantId]);
  }

  async stageGranted(workshopId: string) {
    const claims = Object.entries(await this.client.hGetAll(this.keys.speakingStage(workshopId)));
    return claims.flatMap(([id, claim]) => (claim === 'granted' ? [id] : [])).sort();
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.keys.speakingDue(), '-inf', now, { LIMIT: { offset: 0, count: limit } });
  }
}
