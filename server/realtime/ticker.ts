import type { Deps } from './types.js';

export interface Ticker {
  start(): void;
  /** No new tick; resolves when the one in flight (if any) is done, so the store can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `everyMs` on this node, never two at once (a slow tick skips the next beat), and logs
 * a failed tick as `<what> failed` without stopping. The one loop behind every node's sweeper: breakout
 * rounds, flash rounds, two truths' votes, presence, workshop lifetimes.
 */
export function createTicker(
  deps: Pick<Deps, 'log'>,
  what: string,
  everyMs: number,
  tick: () => Promise<void>,
): Ticker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .catch((err: unknown) => deps.log.warn(`${what} failed`, { err }))
          .finally(() => (running = null));
      }, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
