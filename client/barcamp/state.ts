import { computed, signal } from '@preact/signals';
import { sessionHere } from '../../shared/barcamp/rules.js';
import type { BarcampStartInput, BarcampView } from '../../shared/barcamp/schema.js';
import type { Connection } from '../net/connection.js';
import { versionedView } from '../net/versioned-view.js';
import type { WorkshopState } from '../workshops/state.js';

/**
 * The barcamp as this client sees it. Only this module writes these signals, from acks and
 * `barcamp:updated` (the highest version wins: two nodes may deliver out of order). After every join or
 * resume it asks `barcamp:sync`. The rules (who may write notes, the session here) come from shared/.
 */
export function createBarcampState(conn: Connection, ws: WorkshopState) {
  const {
    view,
    error,
    accept,
    run,
    stop: stopSync,
  } = versionedView<BarcampView>(ws, () => conn.request('barcamp:sync', {}));

  const barcamp = computed(() => view.value?.barcamp ?? null);
  const running = computed(() => !!barcamp.value && barcamp.value.phase !== 'ended');
  const selfId = computed(() => ws.self.value?.id ?? '');
  /** [BCAMP6] The running session whose room this person is in. */
  const here = computed(() => sessionHere(barcamp.value, ws.self.value?.roomId ?? ''));

  /** [BCAMP7] The last notes save was refused because someone else saved first. */
  const notesConflict = signal(false);

  const stops = [conn.on('barcamp:updated', accept), stopSync];

  const actions = {
    start: (params: BarcampStartInput) => run(conn.request('barcamp:start', params)),
    propose: (title: string, language: string | null) => run(conn.request('barcamp:propose', { title, language })),
    withdraw: (proposalId: string) => run(conn.request('barcamp:withdraw', { proposalId })),
    vote: (proposalId: string, on: boolean) => run(conn.request('barcamp:vote', { proposalId, on })),
    build: (rooms?: number) => run(conn.request('barcamp:build', rooms === undefined ? {} : { rooms })),
    move: (proposalId: string, to: { slot: number; room: number } | null) =>
      run(conn.request('barcamp:move', { proposalId, to })),
    slot: (slot: number | null) => run(conn.request('barcamp:slot', { slot })),
    stop: () => run(conn.request('barcamp:stop', {})),
    notes: async (proposalId: string, notes: string, rev: number) => {
      const ok = await run(conn.request('barcamp:notes', { proposalId, notes, rev }));
      notesConflict.value = !ok && error.peek() === 'conflict';
      return ok;
    },
    dismissError: () => {
      error.value = null;
      notesConflict.value = false;
    },
  };

  return {
    view,
    error,
    notesConflict,
    barcamp,
    running,
    selfId,
    here,
    actions,
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type BarcampState = ReturnType<typeof createBarcampState>;
