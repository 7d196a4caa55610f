import { createTicker } from '../realtime/ticker.js';
import type { Deps } from '../realtime/types.js';
import * as logic from './logic.js';
import type { MarketService } from './service.js';

export const TICK_MS = 250;
const BATCH = 20;

/**
 * [MKT3] Every node looks for workshops whose running pitch is over and gives the word to the next owner.
 * The deadline lives in the store, so any node picks up a running market; the version check in `apply`
 * makes the move happen once across nodes (the loser computes again, finds nothing due and writes nothing).
 */
export function createMarketTicker(deps: Deps, service: MarketService) {
  return createTicker(deps, 'market ticker', TICK_MS, async () => {
    const due = await deps.store.market.dueWorkshops(deps.clock(), BATCH);
    for (const workshopId of due) await service.run(workshopId, (state, ctx) => logic.tick(state, ctx));
  });
}
