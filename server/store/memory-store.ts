import { RateLimiterMemory } from 'rate-limiter-flexible';
import { MemoryAgendaStore } from '../agenda/store/memory.js';
import { MemoryBarcampStore } from '../barcamp/store/memory.js';
import { MemoryBoardStore } from '../boards/store/memory.js';
import { MemoryBreakoutStore } from '../breakouts/store/memory.js';
import { MemoryFishbowlStore } from '../fishbowl/store/memory.js';
import { MemoryGalleryStore } from '../gallery/store/memory.js';
import { MemoryMarketStore } from '../market/store/memory.js';
import { MemoryPollStore } from '../polls/store/memory.js';
import { MemorySfuStore } from '../sfu/store/memory.js';
import { MemorySpeakingStore } from '../speaking/store/memory.js';
import { MemoryTruthsStore } from '../truths/store/memory.js';
import { MemoryWorkshopStore } from '../workshops/store/memory.js';
import type { Store, StoreHealth } from './store.js';

/** The embedded default: every feature's memory store in one process (`npm start` needs nothing else). */
export class MemoryStore extends MemoryWorkshopStore implements Store {
  readonly kind = 'memory' as const;
  readonly boards = new MemoryBoardStore();
  readonly polls = new MemoryPollStore();
  readonly agenda = new MemoryAgendaStore();
  readonly sfu = new MemorySfuStore();
  // [SPEAK12] The word's stage lands in the same synchronous turn as the rounds.
  readonly speaking = new MemorySpeakingStore({
    person: (w, id) => this.participantNow(w, id),
    inStageMode: (w, roomId) => this.stageNow(w, roomId),
    setMedia: (w, id, patch) => this.mediaNow(w, id, patch),
  });
  readonly truths = new MemoryTruthsStore();
  readonly fishbowl = new MemoryFishbowlStore();
  readonly gallery = new MemoryGalleryStore();
  readonly market = new MemoryMarketStore();
  readonly barcamp = new MemoryBarcampStore();
  // Moves land in the same synchronous turn as the breakout state, so `apply` stays atomic.
  readonly breakouts = new MemoryBreakoutStore((w, p, roomId) => this.placeNow(w, p, roomId));
  private readonly limiters = new Map<string, RateLimiterMemory>();

  limiter(name: string, points: number, durationS: number) {
    const key = `${name}:${points}:${durationS}`;
    let limiter = this.limiters.get(key);
    if (!limiter)
      this.limiters.set(key, (limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: durationS })));
    return limiter;
  }

  /** [WS16] The workshop's own records, then everything the other features keep of it. */
  override async expireWorkshops(now: number, limit: number) {
    const ids = await super.expireWorkshops(now, limit);
    for (const id of ids) {
      this.boards.dropWorkshop(id);
      this.polls.dropWorkshop(id);
      this.agenda.dropWorkshop(id);
      this.breakouts.dropWorkshop(id);
      this.sfu.dropWorkshop(id);
      this.speaking.dropWorkshop(id);
      this.truths.dropWorkshop(id);
      this.fishbowl.dropWorkshop(id);
      this.gallery.dropWorkshop(id);
      this.market.dropWorkshop(id);
      this.barcamp.dropWorkshop(id);
    }
    return ids;
  }

  async health(): Promise<StoreHealth> {
    return { ok: true };
  }

  async close() {}
}
