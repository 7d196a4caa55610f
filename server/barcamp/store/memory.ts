import { MemoryVersioned } from '../../store/memory-versioned.js';
import type { BarcampRecord } from '../logic.js';
import type { BarcampStore } from './types.js';

/** The barcamp in memory (server/store/memory-versioned.ts; it has no deadlines). */
export class MemoryBarcampStore extends MemoryVersioned<BarcampRecord> implements BarcampStore {
  async apply(workshopId: string, expectedVersion: number, next: BarcampRecord) {
    return this.put(workshopId, expectedVersion, next);
  }
}
