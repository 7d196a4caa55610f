import type { BreakoutMove } from '../../../shared/breakouts/schema.js';
import type { RedisClient } from '../../store/redis/client.js';
import { decodeBreakouts } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { ApplyBreakoutsResult, BreakoutRecord, BreakoutStore, NestedRecord } from './types.js';

/** Breakouts in Redis: one hash (version, state json) per workshop, and one sorted set of round deadlines. */
export class RedisBreakoutStore implements BreakoutStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.breakouts(workshopId), 'json');
    return json ? decodeBreakouts(json) : null;
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
      this.keys.breakouts(workshopId),
      this.keys.breakoutsDue(),
      ...moves.map((m) => this.keys.participant(workshopId, m.participantId)),
    ];
    const args = [String(expectedVersion), JSON.stringify(state), deadline, workshopId, ...moves.map((m) => m.roomId)];
    const [applied, detail] = (await this.client.breakoutsApply(keys, args)) as [number, number[] | string];
    // A stale version: the script answers with the state that won, so no second read is needed.
    if (applied !== 1) return { ok: false, current: detail ? decodeBreakouts(detail as string) : null };
    return { ok: true, state, moved: (detail as number[]).map((i) => moves[i]!) };
  }

  async dueWorkshops(now: number, limit: number) {
    return this.client.zRangeByScore(this.keys.breakoutsDue(), '-inf', now, { LIMIT: { offset: 0, count: limit } });
  }

  async saveNote(workshopId: string, participantId: string, text: string) {
    await this.client.hSet(this.keys.breakoutsNested(workshopId), `n:${participantId}`, text);
  }

  async fileCard(workshopId: string, roomId: string, text: string) {
    const key = this.keys.breakoutsNested(workshopId);
    const first = Boolean(await this.client.hSetNX(key, `c:${roomId}`, text));
    // Once filed a card never changes (until the next 1-2-4-All clears them all).
    return { text: first ? text : ((await this.client.hGet(key, `c:${roomId}`)) ?? text), first };
  }

  async nested(workshopId: string): Promise<NestedRecord> {
    const all = await this.client.hGetAll(this.keys.breakoutsNested(workshopId));
    const out: NestedRecord = { notes: {}, cards: {} };
    for (const [field, text] of Object.entries(all)) {
      if (field.startsWith('n:')) out.notes[field.slice(2)] = text;
      else if (field.startsWith('c:')) out.cards[field.slice(2)] = text;
    }
    return out;
  }

  async clearNested(workshopId: string) {
    await this.client.del(this.keys.breakoutsNested(workshopId));
  }

  async tryLock(name: string, owner: string, ttlMs: number) {
    const reply = await this.client.set(this.keys.lock(name), owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: ttlMs },
    });
    return reply === 'OK';
  }

  async unlock(name: string, owner: string) {
    await this.client.breakoutsUnlock([this.keys.lock(name)], [owner]);
  }
}
