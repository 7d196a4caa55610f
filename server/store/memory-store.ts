import { MemoryBoardStore } from '../boards/store/memory.js';
import { MemoryBreakoutStore } from '../breakouts/store/memory.js';
import { MemoryPollStore } from '../polls/store/memory.js';
import { MemorySfuStore } from '../sfu/store/memory.js';
import { MemoryWorkshopStore } from '../workshops/store/memory.js';
import type { Store, StoreHealth } from './store.js';

/** The embedded default: every feature's memory store in one process (`npm start` needs nothing else). */
export class MemoryStore extends MemoryWorkshopStore implements Store {
  readonly kind = 'memory' as const;
  readonly boards = new MemoryBoardStore();
  readonly polls = new MemoryPollStore();
  readonly sfu = new MemorySfuStore();
  // Moves land in the same synchronous turn as the breakout state, so `apply` stays atomic.
  readonly breakouts = new MemoryBreakoutStore((w, p, roomId) => this.placeNow(w, p, roomId));

  async health(): Promise<StoreHealth> {
    return { ok: true };
  }

  async close() {}
}
