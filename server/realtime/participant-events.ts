/**
 * The one way this node tells a workshop about its people ([WS20], [WS31]).
 *
 * Presence changes (someone dropped, is back, is gone) go out at most once per PRESENCE_BATCH_MS and
 * workshop (PRESENCE_STORM.windowMs after a batch of many): after a storm of 1,000 reconnects, one broadcast per resume would be a million messages. A
 * change in a quiet moment goes out at once, as before (`participant:updated`); those that follow within
 * the window wait for its end and go out together, one alone as `participant:updated`, several as one
 * `participant:batch` (changes of presence alone as `{id, presence, seq}`), every change with its number (a person who dropped and came back within the
 * window is in it twice: a number left out would look like a missed event to the pages). Any other participant event first sends what waits,
 * so the events of one node still arrive in the order of their numbers.
 */
import type { Participant, PresenceChange } from '../../shared/workshops/schema.js';
import { rooms } from './rooms.js';
import type { TypedServer } from './types.js';

export const PRESENCE_BATCH_MS = 100;
/**
 * A storm: when a workshop's last batch carried at least `changes` presence changes, the next one waits
 * `windowMs`. After a network blip of 1,000 people every page otherwise hears about 40 batches a second
 * from each node (the socket writes were the nodes' largest cost in `bench:storm`); a few larger ones
 * carry the same changes, half a second later at most. A quiet workshop keeps the short window.
 */
export const PRESENCE_STORM = { changes: 20, windowMs: 500 } as const;

export interface ParticipantEvents {
  /**
   * A presence change: goes out with the others of the same moment. `presenceOnly` when nothing but the
   * presence changed: in a batch it then travels as `{id, presence, seq}`.
   */
  presence(workshopId: string, participant: Participant, presenceOnly: boolean): void;
  /** Any other participant event: `send` emits it, after what waits for this workshop. */
  now(workshopId: string, send: () => void): void;
  /** Sends everything waiting (a node that stops still tells what it knew). */
  flushAll(): void;
}

export function createParticipantEvents(io: TypedServer, windowMs = PRESENCE_BATCH_MS): ParticipantEvents {
  const waiting = new Map<string, { participant: Participant; presenceOnly: boolean }[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** When each workshop last heard a presence change of this node, and how many changes that batch carried. */
  const sent = new Map<string, { at: number; size: number }>();
  const windowAfter = (last: { size: number } | undefined) =>
    last && last.size >= PRESENCE_STORM.changes ? Math.max(windowMs, PRESENCE_STORM.windowMs) : windowMs;

  function flush(workshopId: string) {
    clearTimeout(timers.get(workshopId));
    timers.delete(workshopId);
    const batch = waiting.get(workshopId);
    waiting.delete(workshopId);
    if (!batch || batch.length === 0) return;
    sent.set(workshopId, { at: Date.now(), size: batch.length });
    const to = io.to(rooms.workshop(workshopId));
    if (batch.length === 1) return void to.emit('participant:updated', batch[0]!.participant);
    batch.sort((a, b) => a.participant.seq - b.participant.seq);
    const participants: Participant[] = [];
    const presence: PresenceChange[] = [];
    for (const { participant: p, presenceOnly } of batch)
      if (presenceOnly) presence.push({ id: p.id, presence: p.presence, seq: p.seq });
      else participants.push(p);
    to.emit('participant:batch', { participants, presence });
  }

  return {
    presence(workshopId, participant, presenceOnly) {
      const batch = waiting.get(workshopId);
      if (batch) batch.push({ participant, presenceOnly });
      else waiting.set(workshopId, [{ participant, presenceOnly }]);
      if (timers.has(workshopId)) return;
      if (sent.size > 10_000) sent.clear(); // a bound, not a cache: it only spaces out broadcasts
      const last = sent.get(workshopId);
      const wait = windowAfter(last);
      const quietFor = Date.now() - (last?.at ?? 0);
      if (quietFor >= wait) return flush(workshopId);
      timers.set(workshopId, setTimeout(flush, wait - quietFor, workshopId));
    },
    now(workshopId, send) {
      flush(workshopId);
      send();
    },
    flushAll() {
      for (const workshopId of [...waiting.keys()]) flush(workshopId);
      sent.clear();
    },
  };
}
