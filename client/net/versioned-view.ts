import { batch, effect, signal } from '@preact/signals';
import type { ErrorCode } from '../../shared/protocol.js';
import type { WorkshopState } from '../workshops/state.js';

type Answer<V> = { ok: true; data: V } | { ok: false; code: ErrorCode };

/**
 * A feature's view as this client holds it (a flash round, a fishbowl, …): written only from acks and
 * the feature's update event, the highest `version` winning (two nodes may deliver out of order); the
 * last refusal of a command; and a fresh `sync` after every join or resume. `stop` ends the re-syncing.
 */
export function versionedView<V extends { version: number }>(ws: WorkshopState, sync: () => Promise<Answer<V>>) {
  const view = signal<V | null>(null);
  const error = signal<ErrorCode | null>(null);

  function accept(v: V) {
    if (!view.value || v.version >= view.value.version) view.value = v;
  }

  /** Sends a command whose ack is the view: keeps the newer view, or the refusal. True when it was done. */
  async function run(request: Promise<Answer<V>>): Promise<boolean> {
    const r = await request;
    batch(() => {
      error.value = r.ok ? null : r.code;
      if (r.ok) accept(r.data);
    });
    return r.ok;
  }

  const stop = effect(() => {
    if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void run(sync());
  });

  return { view, error, accept, run, stop };
}
