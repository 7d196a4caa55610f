/** Helpers for breakout integration tests (named test-*.ts so the server build leaves it out). */
import { expect, vi } from 'vitest';
import type { RoundEnded } from '../../shared/breakouts/schema.js';
import type { recordEvents } from '../../test/server-harness.js';

type Seen = ReturnType<typeof recordEvents>;

/** The round ends a socket saw, in order. */
export const roundEnds = (seen: Seen) =>
  seen.filter((e) => e.event === 'breakout:round-ended').map((e) => e.arg as RoundEnded);

/**
 * Waits until `seen` holds the end of the round opened at `version`: the view that says it closed (a version
 * after `version`) and the round-ended that follows it. Every round end is alike, so the view tells this one
 * from a repeated end of an earlier round; the caller then asserts what came before it.
 */
export async function roundEndAfter(seen: Seen, version: number, timeout = 10_000) {
  await vi.waitFor(
    () => {
      const closedAt = seen.findIndex(
        (e) =>
          e.event === 'breakout:updated' &&
          (e.arg as { status: string; version: number }).status === 'closed' &&
          (e.arg as { version: number }).version > version,
      );
      expect(closedAt).toBeGreaterThanOrEqual(0);
      expect(roundEnds(seen.slice(closedAt))).not.toEqual([]);
    },
    { timeout, interval: 20 },
  );
}
