import type { Hashtags, TruthsEntry } from '../../../shared/truths/schema.js';
import { MemoryVersioned } from '../../store/memory-versioned.js';
import type { TruthsRecord } from '../logic.js';
import type { ApplyTruthsResult, TruthsStore } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Two truths and a lie in memory (server/store/memory-versioned.ts), with each game's open votes, the entries
 * and the guesses: each method runs without awaiting, so its check and write are one step.
 */
export class MemoryTruthsStore extends MemoryVersioned<TruthsRecord> implements TruthsStore {
  private readonly open = new Map<string, Record<string, number>>();
  private readonly entryMaps = new Map<string, Map<string, TruthsEntry>>();
  private readonly guessMaps = new Map<string, Map<string, number>>();
  private readonly hashtagMaps = new Map<string, Map<string, Hashtags>>();

  /** [WS16] Forgets a workshop whose lifetime is over. */
  override dropWorkshop(workshopId: string) {
    super.dropWorkshop(workshopId);
    this.open.delete(workshopId);
    this.entryMaps.delete(workshopId);
    this.hashtagMaps.delete(workshopId);
    for (const k of [...this.guessMaps.keys()]) if (k.startsWith(`${workshopId} `)) this.guessMaps.delete(k);
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: TruthsRecord,
    open: Record<string, number>,
    deadline: number | null,
  ): Promise<ApplyTruthsResult> {
    const result = this.put(workshopId, expectedVersion, next, deadline);
    if (result.ok) this.open.set(workshopId, { ...open });
    return result;
  }

  async setEntry(workshopId: string, participantId: string, entry: TruthsEntry) {
    const map = this.entryMaps.get(workshopId) ?? new Map<string, TruthsEntry>();
    map.set(participantId, copy(entry));
    this.entryMaps.set(workshopId, map);
  }

  async entries(workshopId: string) {
    return copy(this.entryMaps.get(workshopId) ?? new Map<string, TruthsEntry>());
  }

  async setHashtags(workshopId: string, participantId: string, tags: Hashtags) {
    const map = this.hashtagMaps.get(workshopId) ?? new Map<string, Hashtags>();
    map.set(participantId, copy(tags));
    this.hashtagMaps.set(workshopId, map);
  }

  async hashtags(workshopId: string) {
    return copy(this.hashtagMaps.get(workshopId) ?? new Map<string, Hashtags>());
  }

  async recordGuess(workshopId: string, key: string, voterId: string, guess: number, at: number) {
    const deadline = this.open.get(workshopId)?.[key];
    if (deadline === undefined || at > deadline) return 'closed' as const;
    const k = `${workshopId} ${key}`;
    const map = this.guessMaps.get(k) ?? new Map<string, number>();
    map.set(voterId, guess);
    this.guessMaps.set(k, map);
    return 'recorded' as const;
  }

  async guesses(workshopId: string, key: string) {
    return new Map(this.guessMaps.get(`${workshopId} ${key}`) ?? []);
  }
}
