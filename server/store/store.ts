import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AgendaStore } from '../agenda/store/types.js';
import type { BarcampStore } from '../barcamp/store/types.js';
import type { BoardStore } from '../boards/store/types.js';
import type { BreakoutStore } from '../breakouts/store/types.js';
import type { FishbowlStore } from '../fishbowl/store/types.js';
import type { GalleryStore } from '../gallery/store/types.js';
import type { MarketStore } from '../market/store/types.js';
import type { PollStore } from '../polls/store/types.js';
import type { SfuStore } from '../sfu/store/types.js';
import type { SpeakingStore } from '../speaking/store/types.js';
import type { TruthsStore } from '../truths/store/types.js';
import type { WorkshopStore } from '../workshops/store/types.js';

/** Whether the store answers: memory always does; Redis when it answers PING in time. */
export type StoreHealth = { ok: true } | { ok: false; reason: string };

/**
 * The whole store, assembled from the feature stores (each in server/<feature>/store/): the workshop
 * store (workshops, participants, chat, media flags) at the top level, the others by name.
 */
export interface Store extends WorkshopStore {
  readonly kind: 'memory' | 'redis';
  /**
   * A rate limiter shared by every node on this store (rate-limiter-flexible): `points` per
   * `durationS` seconds per key. The same name gives the same counters.
   */
  limiter(name: string, points: number, durationS: number): RateLimiterAbstract;
  readonly breakouts: BreakoutStore;
  readonly boards: BoardStore;
  readonly polls: PollStore;
  /** The template sheet and the run sheet. */
  readonly agenda: AgendaStore;
  /** Where each room's SFU (Janus) lives, and the feeds published there. */
  readonly sfu: SfuStore;
  /** Speaking order (flash round) rounds per room. */
  readonly speaking: SpeakingStore;
  /** Two truths and a lie: games, statements, guesses. */
  readonly truths: TruthsStore;
  /** Fishbowl seats and the queue of raised hands. */
  readonly fishbowl: FishbowlStore;
  /** Gallery walk: comments and reactions on boards and snapshots. */
  readonly gallery: GalleryStore;
  /** The idea market: stalls, sign-ups, next steps. */
  readonly market: MarketStore;
  /** Barcamp / Open Space: proposals, votes, the grid, notes. */
  readonly barcamp: BarcampStore;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
