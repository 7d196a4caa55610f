/**
 * [WS15] Presence owned by the store. Each node reports its live connections every heartbeat;
 * every node sweeps: people whose node stopped reporting (killed, frozen, cut off) turn
 * reconnecting after three missed heartbeats and offline after the grace period, whichever
 * node notices first. The per-drop grace timers stay for punctuality; this is what makes them
 * safe to lose.
 */
import type { Deps } from '../realtime/types.js';
import type { LiveConnection, PresenceChange } from './store/types.js';
import { presenceOnly, toPublicParticipant } from './logic.js';
import { createTicker } from '../realtime/ticker.js';

const SWEEP_LIMIT = 1000;

/** Starts it; returns the stop. */
export function startPresenceKeeper(deps: Deps): () => void {
  const every = deps.config.presenceHeartbeatMs;
  const ticker = createTicker(deps, 'presence heartbeat', every, beat);
  ticker.start();
  return () => void ticker.stop();

  async function beat() {
    const now = deps.clock();
    const live: LiveConnection[] = [];
    for (const socket of deps.io.of('/').sockets.values()) {
      const session = socket.data.session;
      if (session) live.push({ ...session, connectionId: socket.id });
    }
    announce(await deps.store.heartbeat(live, now));
    announce(await deps.store.sweepPresence(now - 3 * every, now - deps.config.presenceGraceMs, SWEEP_LIMIT));
  }

  /** [WS31] The people of a stopped node turn reconnecting together: one batch per workshop. */
  function announce(changes: PresenceChange[]) {
    for (const { workshopId, participant } of changes)
      deps.people.presence(
        workshopId,
        toPublicParticipant(participant, deps.clock(), deps.config.presenceGraceMs),
        presenceOnly(participant),
      );
  }
}
