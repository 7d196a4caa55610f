import { computed } from '@preact/signals';
import { askedToMakeRoom, freeSeats, queuePosition, seatOf, seatsTaken } from '../../shared/fishbowl/rules.js';
import type { FishbowlParamsInput, FishbowlView } from '../../shared/fishbowl/schema.js';
import type { Connection } from '../net/connection.js';
import { versionedView } from '../net/versioned-view.js';
import type { WorkshopState } from '../workshops/state.js';

/**
 * The fishbowl as this client sees it. Only this module writes these signals, from acks and
 * `fishbowl:updated` (the highest version wins: two nodes may deliver out of order). After every join or
 * resume it asks `fishbowl:sync`. The rules (counter, who is asked to make room) come from shared/.
 */
export function createFishbowlState(conn: Connection, ws: WorkshopState) {
  const {
    view,
    error,
    accept,
    run,
    stop: stopSync,
  } = versionedView<FishbowlView>(ws, () => conn.request('fishbowl:sync', {}));

  const fishbowl = computed(() => view.value?.fishbowl ?? null);
  const running = computed(() => fishbowl.value?.phase === 'open');
  const selfId = computed(() => ws.self.value?.id ?? '');
  const mySeat = computed(() => seatOf(fishbowl.value, selfId.value));
  const myPlace = computed(() => queuePosition(fishbowl.value, selfId.value));
  const taken = computed(() => (fishbowl.value ? seatsTaken(fishbowl.value) : 0));
  const free = computed(() => (fishbowl.value ? freeSeats(fishbowl.value) : 0));
  /** [FISH5] This person sat longest in a full circle: the polite notice. */
  const askedMe = computed(() => running.value && askedToMakeRoom(fishbowl.value) === selfId.value);
  /** Where the fishbowl runs: people in a breakout room see it but cannot sit. */
  const inItsRoom = computed(() => !!fishbowl.value && ws.self.value?.roomId === fishbowl.value.roomId);

  const stops = [conn.on('fishbowl:updated', accept), stopSync];

  const actions = {
    start: (params: FishbowlParamsInput) => run(conn.request('fishbowl:start', params)),
    stop: () => run(conn.request('fishbowl:stop', {})),
    take: () => run(conn.request('fishbowl:take', {})),
    leave: () => run(conn.request('fishbowl:leave', {})),
    raise: () => run(conn.request('fishbowl:raise', {})),
    lower: () => run(conn.request('fishbowl:lower', {})),
    dismissError: () => (error.value = null),
  };

  return {
    view,
    error,
    fishbowl,
    running,
    selfId,
    mySeat,
    myPlace,
    taken,
    free,
    askedMe,
    inItsRoom,
    actions,
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type FishbowlState = ReturnType<typeof createFishbowlState>;
