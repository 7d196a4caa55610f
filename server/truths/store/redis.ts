import type { Hashtags, TruthsEntry } from '../../../shared/truths/schema.js';
import type { RedisClient } from '../../store/redis/client.js';
import { decodeHashtags, decodeTruths, decodeTruthsEntry } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { TruthsRecord } from '../logic.js';
import type { ApplyTruthsResult, TruthsStore } from './types.js';

/**
 * Two truths and a lie in Redis: the games (version, json) and the open votes as hashes per workshop,
 * statements and hashtags one field per author, guesses one hash per vote with one field per voter, and one sorted
 * set of workshops by their next vote deadline.
 */
export class RedisTruthsStore implements TruthsStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.truths(workshopId), 'json');
    return json ? decodeTruths(json) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: TruthsRecord,
    open: Record<string, number>,
    deadline: number | null,
  ): Promise<ApplyTruthsResult> {
    const state: TruthsRecord = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.truthsApply(
      [this.keys.truths(workshopId), this.keys.truthsOpen(workshopId), this.keys.truthsDue()],
      [
        String(expectedVersion),
        JSON.stringify(state),
        deadline === null ? '' : String(deadline),
        workshopId,
        ...Object.entries(open).flatMap(([k, d]) => [k, String(d)]),
      ],
    )) as [number, string?];
    if (applied !== 1) return { ok: false, current: current ? decodeTruths(current) : null };
    return { ok: true, state };
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.keys.truthsDue(), '-inf', now, { LIMIT: { offset: 0, count: limit } });
  }

  async setEntry(workshopId: string, participantId: string, entry: TruthsEntry) {
    await this.client.hSet(this.keys.truthsEntries(workshopId), participantId, JSON.stringify(entry));
  }

  async entries(workshopId: string) {
    const all = await this.client.hGetAll(this.keys.truthsEntries(workshopId));
    return new Map(Object.entries(all).map(([id, json]) => [id, decodeTruthsEntry(json)]));
  }

  async setHashtags(workshopId: string, participantId: string, tags: Hashtags) {
    await this.client.hSet(this.keys.truthsHashtags(workshopId), participantId, JSON.stringify(tags));
  }

  async hashtags(workshopId: string) {
    const all = await this.client.hGetAll(this.keys.truthsHashtags(workshopId));
    return new Map(Object.entries(all).map(([id, json]) => [id, decodeHashtags(json)]));
  }

  async recordGuess(workshopId: string, key: string, voterId: string, guess: number, at: number) {
    const r = await this.client.truthsGuess(
      [this.keys.truthsOpen(workshopId), this.keys.truthsGuesses(workshopId, key)],
      [key, voterId, String(guess), String(at)],
    );
    return r === 1 ? ('recorded' as const) : ('closed' as const);
  }

  async guesses(workshopId: string, key: string) {
    const all = await this.client.hGetAll(this.keys.truthsGuesses(workshopId, key));
    return new Map(Object.entries(all).map(([id, g]) => [id, Number(g)]));
  }
}
