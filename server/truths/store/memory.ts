import type { TruthsEntry } from '../../../shared/truths/schema.js';
import type { TruthsRecord } from '../logic.js';
import type { ApplyTruthsResult, TruthsStore } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** Two truths and a lie in memory: each method runs without awaiting, so its check and write are one step. */
export class MemoryTruthsStore implements TruthsStore {
  private readonly states = new Map<string, TruthsRecord>();
  private readonly open = new Map<string, Record<string, number>>();
  private readonly deadlines = new Map<string, number>();
  private readonly entryMaps = new Map<string, Map<string, TruthsEntry>>();
  private readonly guessMaps = new Map<string, Map<string, number>>();

  /** [WS16] Forgets a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
    this.open.delete(workshopId);
    this.deadlines.delete(workshopId);
    this.entryMaps.delete(workshopId);
    for (const k of [...this.guessMaps.keys()]) if (k.startsWith(`${workshopId} `)) this.guessMaps.delete(k);
  }

  async get(workshopId: string) {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: TruthsRecord,
    open: Record<string, number>,
    deadline: number | null,
  ): Promise<ApplyTruthsResult> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    this.open.set(workshopId, { ...open });
    if (deadline === null) this.deadlines.delete(workshopId);
    else this.deadlines.set(workshopId, deadline);
    return { ok: true, state: copy(state) };
  }

  async dueWorkshops(now: number, limit: number) {
    return [...this.deadlines.entries()]
      .filter(([, deadline]) => deadline <= now)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([id]) => id);
  }

  async setEntry(workshopId: string, participantId: string, entry: TruthsEntry) {
    const map = this.entryMaps.get(workshopId) ?? new Map<string, TruthsEntry>();
    map.set(participantId, copy(entry));
    this.entryMaps.set(workshopId, map);
  }

  async entries(workshopId: string) {
    return copy(this.entryMaps.get(workshopId) ?? new Map<string, TruthsEntry>());
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
