import { MemoryVersioned } from '../../store/memory-versioned.js';
import type { SpeakingRecord } from '../logic.js';
import type { SpeakingStore } from './types.js';

/** Speaking rounds in memory (server/store/memory-versioned.ts). */
export class MemorySpeakingStore extends MemoryVersioned<SpeakingRecord> implements SpeakingStore {
  async apply(workshopId: string, expectedVersion: number, next: SpeakingRecord, deadline: number | null) {
    return this.put(workshopId, expectedVersion, next, deadline);
  }
}
