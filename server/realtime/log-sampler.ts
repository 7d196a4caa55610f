/**
 * Repeated refusals of one connection are logged once per interval and kind: the first at once, the
 * rest only counted, and the count reported with the next one logged (or when the connection ends).
 * A flood then costs a few log lines, not one per message. Time comes in, so it is testable.
 */
export class LogSampler {
  private readonly kinds = new Map<string, { since: number; suppressed: number }>();

  constructor(private readonly intervalMs: number) {}

  /** Whether to log this occurrence of `kind`, and how many were left unlogged before it. */
  take(kind: string, now: number): { log: boolean; suppressed: number } {
    const seen = this.kinds.get(kind);
    if (seen && now - seen.since < this.intervalMs) {
      seen.suppressed++;
      return { log: false, suppressed: 0 };
    }
    this.kinds.set(kind, { since: now, suppressed: 0 });
    return { log: true, suppressed: seen?.suppressed ?? 0 };
  }

  /** The counts not reported yet, per kind, and forgets them (when the connection ends). */
  drain(): Array<{ kind: string; suppressed: number }> {
    const left = [...this.kinds]
      .filter(([, s]) => s.suppressed > 0)
      .map(([kind, s]) => ({ kind, suppressed: s.suppressed }));
    this.kinds.clear();
    return left;
  }
}
