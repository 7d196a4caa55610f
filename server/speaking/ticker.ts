import { createTicker } from '../realtime/ticker.js';
import type { Deps } from '../realtime/types.js';
import * as logic from './logic.js';
import type { SpeakingService } from './service.js';

export const TICK_MS = 250;
const BATCH = 20;

/**
 * [SPEAK8] Every node looks for workshops whose next speaking deadline has passed (think time over, a
 * turn's time up) and moves those rounds on. The deadline lives in the store, so any node picks up a
 * running round; the version check in `apply` makes the move happen once across nodes (the loser
 * computes again, finds nothing due and writes nothing).
 */
export function createSpeakingTicker(deps: Deps, service: SpeakingService) {
  return createTicker(deps, 'speaking ticker', TICK_MS, async () => {
    const due = await deps.store.speaking.dueWorkshops(deps.clock(), BATCH);
    for (const workshopId of due)
      await service.change(workshopId, (state, ctx) => logic.everyRound(state, (r) => logic.tick(r, ctx)));
  });
}
