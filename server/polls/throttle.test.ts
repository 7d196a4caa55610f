import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TrailingThrottle } from './throttle.js';

describe('trailing throttle', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A store counter that writes bump, and runs that read it after `readMs` (a slow store). */
  function setup(readMs: number) {
    let stored = 0;
    const runs: { at: number; saw: number }[] = [];
    const throttle = new TrailingThrottle(100, async () => {
      const at = Date.now();
      await new Promise((r) => setTimeout(r, readMs));
      runs.push({ at, saw: stored });
    });
    const write = () => {
      stored += 1;
      throttle.schedule('w p');
    };
    return { write, runs, throttle, stored: () => stored };
  }

  test.each([0, 30, 250])(
    '[POLL12] writes every 3 ms for 2 s (store read %i ms): at most one run per 100 ms, the last run sees the last write',
    async (readMs) => {
      const { write, runs, throttle, stored } = setup(readMs);
      for (let t = 0; t < 2000; t += 3) {
        write();
        await vi.advanceTimersByTimeAsync(3);
      }
      await vi.advanceTimersByTimeAsync(1000);
      expect(runs.at(-1)!.saw).toBe(stored());
      const starts = runs.map((r) => r.at);
      for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(100);
      expect(runs.length).toBeLessThanOrEqual(22);
      expect(throttle.pending).toBe(0);
    },
  );

  test('[POLL12] a single write runs at once; a quiet key is forgotten', async () => {
    const { write, runs, throttle } = setup(0);
    write();
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    write();
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((r) => r.saw)).toEqual([1, 2]);
    expect(throttle.pending).toBe(0);
  });

  test('stop() drops the pending runs: nothing runs after the app closed', async () => {
    const { write, runs, throttle } = setup(0);
    write();
    await vi.advanceTimersByTimeAsync(1);
    write(); // within the interval: waits for its end
    expect(throttle.pending).toBe(1);
    throttle.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toHaveLength(1);
    expect(throttle.pending).toBe(0);
  });
});
