import type { FishbowlRecord } from '../logic.js';
import type { ApplyFishbowlResult, FishbowlStore } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The fishbowl in memory: `apply` runs without awaiting, so the version check and the write are one step. */
export class MemoryFishbowlStore implements FishbowlStore {
  private readonly states = new Map<string, FishbowlRecord>();

  /** [WS16] Forgets the fishbowl of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.states.delete(workshopId);
  }

  async get(workshopId: string) {
    const s = this.states.get(workshopId);
    return s ? copy(s) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: FishbowlRecord): Promise<ApplyFishbowlResult> {
    const current = this.states.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.states.set(workshopId, state);
    return { ok: true, state: copy(state) };
  }
}
