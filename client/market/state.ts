import { computed, effect, signal } from '@preact/signals';
import { pitching } from '../../shared/market/rules.js';
import type { MarketStartInput, MarketView } from '../../shared/market/schema.js';
import type { Connection } from '../net/connection.js';
import { versionedView } from '../net/versioned-view.js';
import type { WorkshopState } from '../workshops/state.js';

const TICK_MS = 500;

/**
 * The idea market as this client sees it. Only this module writes these signals, from acks and
 * `market:updated` (the highest version wins: two nodes may deliver out of order). After every join or
 * resume it asks `market:sync`. The rules (who pitches, a full stall, who may edit) come from shared/.
 */
export function createMarketState(conn: Connection, ws: WorkshopState) {
  const {
    view,
    error,
    accept,
    run,
    stop: stopSync,
  } = versionedView<MarketView>(ws, () => conn.request('market:sync', {}));
  /** Server time now, ticking while a pitch runs. */
  const now = signal(Date.now());

  const market = computed(() => view.value?.market ?? null);
  const running = computed(() => !!market.value && market.value.phase !== 'ended');
  const selfId = computed(() => ws.self.value?.id ?? '');
  /** [MKT3] The stall whose owner pitches now. */
  const pitch = computed(() => pitching(market.value));
  /** [MKT3] Time left of the pitch (0: over time). */
  const pitchLeftMs = computed(() => {
    const p = market.value?.pitch;
    return p ? Math.max(0, p.deadline - now.value) : null;
  });

  const stops = [
    conn.on('market:updated', accept),
    stopSync,
    effect(() => {
      if (!market.value?.pitch) return;
      const tick = () => (now.value = Date.now() + ws.clockOffset.peek());
      tick();
      const timer = setInterval(tick, TICK_MS);
      return () => clearInterval(timer);
    }),
  ];

  const actions = {
    start: (params: MarketStartInput) => run(conn.request('market:start', params)),
    add: (title: string, ownerId: string | null, capacity: number | null) =>
      run(conn.request('market:add', { title, ownerId, capacity })),
    fromBoard: (count: number) => run(conn.request('market:from-board', { count })),
    remove: (stallId: string) => run(conn.request('market:remove', { stallId })),
    /** From the pitch this page shows: a second press after the time ran out does not skip one. */
    pitch: () => run(conn.request('market:pitch', { from: market.peek()?.pitch?.index ?? -1 })),
    open: (minutes: number) => run(conn.request('market:open', { durationMs: Math.round(minutes * 60_000) })),
    stop: () => run(conn.request('market:stop', {})),
    signup: (stallId: string, offer: string) => run(conn.request('market:signup', { stallId, offer })),
    withdraw: (stallId: string) => run(conn.request('market:withdraw', { stallId })),
    notes: (stallId: string, notes: string, contactId?: string) =>
      run(conn.request('market:notes', { stallId, notes, ...(contactId && { contactId }) })),
    dismissError: () => (error.value = null),
  };

  return {
    view,
    error,
    market,
    running,
    selfId,
    pitch,
    pitchLeftMs,
    actions,
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type MarketState = ReturnType<typeof createMarketState>;
