import type { RoundEnded } from '../../shared/breakouts/schema.js';
import { rooms } from '../realtime/rooms.js';
import { createTicker } from '../realtime/ticker.js';
import type { Deps } from '../realtime/types.js';
import type { FourCards } from './four-cards.js';
import { endRound, foursOf, type Four } from './logic.js';
import type { BreakoutService } from './service.js';
import type { BreakoutRecord } from './store/types.js';

export const TICK_MS = 300;
const LOCK_TTL_MS = 10_000;
const BATCH = 20;

/**
 * Every node looks for rounds whose deadline has passed and ends them. The deadline lives in the
 * store, so a restarted node (or any other) picks up a running round; a lock plus the version check
 * make sure a round ends exactly once across nodes.
 */
export function createBreakoutTicker(deps: Deps, service: BreakoutService, fourCards: FourCards) {
  const owner = `${process.pid}-${deps.ids.id(10)}`;
  const ticker = createTicker(deps, 'breakout ticker', TICK_MS, tick);

  async function tick() {
    const due = await deps.store.breakouts.dueWorkshops(deps.clock(), BATCH);
    for (const workshopId of due) await endDueRound(workshopId);
  }

  async function endDueRound(workshopId: string) {
    const lock = `breakouts:${workshopId}`;
    if (!(await deps.store.breakouts.tryLock(lock, owner, LOCK_TTL_MS))) return;
    try {
      let ended: RoundEnded | null = null;
      let before = null as { state: BreakoutRecord; fours: Four[] } | null;
      await service.change(workshopId, (state, ctx) => {
        ended = null;
        if (state.status !== 'open' || !state.round || state.round.deadline > ctx.now) return null;
        before = { state, fours: foursOf(state, ctx.people) };
        const change = endRound(state, 'deadline', ctx);
        ended = change.event;
        return change;
      });
      if (ended) {
        deps.io.to(rooms.workshop(workshopId)).emit('breakout:round-ended', ended);
        deps.log.info('breakout round ended', { workshop: workshopId, round: (ended as RoundEnded).index });
        // [BR30] Fours whose time ran out before they posted: their notes become their cards.
        if (before) await fourCards.fromNotes(workshopId, before.state, before.fours);
      }
    } finally {
      await deps.store.breakouts.unlock(lock, owner);
    }
  }

  return ticker;
}
