import { MemoryVersioned } from '../../store/memory-versioned.js';
import type { MarketRecord } from '../logic.js';
import type { MarketStore } from './types.js';

/** The idea market in memory (server/store/memory-versioned.ts). */
export class MemoryMarketStore extends MemoryVersioned<MarketRecord> implements MarketStore {
  async apply(workshopId: string, expectedVersion: number, next: MarketRecord, deadline: number | null) {
    return this.put(workshopId, expectedVersion, next, deadline);
  }
}
