import { MemoryVersioned } from '../../store/memory-versioned.js';
import type { FishbowlRecord } from '../logic.js';
import type { FishbowlStore } from './types.js';

/** The fishbowl in memory (server/store/memory-versioned.ts; it has no deadlines). */
export class MemoryFishbowlStore extends MemoryVersioned<FishbowlRecord> implements FishbowlStore {
  async apply(workshopId: string, expectedVersion: number, next: FishbowlRecord) {
    return this.put(workshopId, expectedVersion, next);
  }
}
