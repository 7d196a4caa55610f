/**
 * [WS16] Workshops do not live forever: an ended one is kept `afterEndMs`, any other `idleMs`
 * after its creation, its start or the last join, whichever is latest. Then every node's sweep
 * deletes it with everything in it (people, chat, boards, polls, breakouts).
 */
import type { Deps } from '../realtime/types.js';
import type { WorkshopRecord } from './store/types.js';
import { createTicker } from '../realtime/ticker.js';

const SWEEP_BATCH = 100;

/** Pure: when the workshop may be forgotten, given the last activity (a join or resume). */
export function expiresAt(w: WorkshopRecord, lastActive: number, lifetime: Deps['config']['lifetime']): number {
  if (w.endedAt !== null) return w.endedAt + lifetime.afterEndMs;
  const startsAt = w.startsAt ? Date.parse(w.startsAt) : Number.NaN;
  return Math.max(w.createdAt, Number.isNaN(startsAt) ? 0 : startsAt, lastActive) + lifetime.idleMs;
}

/** Records the workshop's lifetime after something that extends or ends it. */
export function keepWorkshop(deps: Deps, w: WorkshopRecord): Promise<void> {
  return deps.store.setWorkshopExpiry(w, expiresAt(w, deps.clock(), deps.config.lifetime));
}

/** Starts it; returns the stop. */
export function startLifetimeSweeper(deps: Deps): () => void {
  const ticker = createTicker(deps, 'workshop expiry', deps.config.lifetime.sweepMs, async () => {
    for (const id of await deps.store.expireWorkshops(deps.clock(), SWEEP_BATCH))
      deps.log.info('workshop expired', { workshop: id });
  });
  ticker.start();
  return () => void ticker.stop();
}
