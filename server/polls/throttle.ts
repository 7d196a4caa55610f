/**
 * A trailing-edge throttle per key: the first call runs at once (next tick), later calls within the
 * interval are folded into one run at the end of it. Because each run reads the store when it fires,
 * a run after the last call always sees the last write: the final tally is never lost.
 */
export class TrailingThrottle {
  private readonly state = new Map<string, { timer: NodeJS.Timeout | null; last: number }>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  schedule(key: string): void {
    const s = this.state.get(key) ?? { timer: null, last: Number.NEGATIVE_INFINITY };
    this.state.set(key, s);
    if (s.timer) return;
    const wait = Math.max(0, s.last + this.intervalMs - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Cleared before the run reads the store: a write landing during the read schedules another run.
      s.timer = null;
      s.last = this.now();
      void this.run(key).finally(() => {
        if (!s.timer && this.now() - s.last >= this.intervalMs) this.state.delete(key);
      });
    }, wait);
    s.timer = timer;
    this.timers.add(timer);
  }

  /** Drops the pending runs (the app is closing; a client's next sync reads the tally anyway). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.state.clear();
  }

  /** Pending runs (for tests and shutdown). */
  get pending(): number {
    return [...this.state.values()].filter((s) => s.timer).length;
  }
}
