import { describe, expect, test } from 'vitest';
import { TOP_LAYER } from '../../shared/media/sfu.js';
import { capLayers, type Downlink, initialDownlink, nextDownlink } from './downlink.js';

/** Feeds windows of (received, lost) packets, one every 2 s, and returns the cap after each. */
// Three layers (0..2) show the steps; the app has TOP_LAYER + 1.
function run(windows: [number, number][], start: Downlink = initialDownlink(0, 2)) {
  let d = nextDownlink(start, { packetsReceived: 0, packetsLost: 0 }, 0);
  let received = 0;
  let lost = 0;
  const caps: number[] = [];
  windows.forEach(([r, l], i) => {
    received += r;
    lost += l;
    d = nextDownlink(d, { packetsReceived: received, packetsLost: lost }, (i + 1) * 2_000);
    caps.push(d.cap);
  });
  return { caps, d };
}

const clean = (n: number): [number, number][] => Array.from({ length: n }, () => [200, 0]);
const lossy = (n: number): [number, number][] => Array.from({ length: n }, () => [150, 50]);

describe('[MEDIA18] the layer a weak download receives', () => {
  test('a clean link keeps the full layer', () => {
    expect(run(clean(30)).caps.every((c) => c === 2)).toBe(true);
    expect(initialDownlink(0).cap).toBe(TOP_LAYER);
  });

  test('heavy loss steps down one layer at a time, each after the last had time to take effect', () => {
    const { caps } = run(lossy(6));
    // 2 s: down to 1; 4 s: too soon (the new layer is settling); 6 s: down to 0; then it stays at the lowest.
    expect(caps).toEqual([1, 1, 0, 0, 0, 0]);
  });

  test('a few lost packets, or too few packets to judge, change nothing', () => {
    expect(run(Array.from({ length: 10 }, () => [197, 3] as [number, number])).caps.every((c) => c === 2)).toBe(true);
    expect(run(Array.from({ length: 10 }, () => [10, 10] as [number, number])).caps.every((c) => c === 2)).toBe(true);
  });

  test('after the loss ends, the layer comes back up after a quiet spell, one step at a time', () => {
    const { caps } = run([...lossy(4), ...clean(14)]);
    expect(caps.slice(0, 4)).toEqual([1, 1, 0, 0]);
    // Quiet after the last loss at 8 s: up after 10 s of quiet (18 s), again 10 s later.
    const up1 = caps.indexOf(1, 4);
    const up2 = caps.indexOf(2, up1);
    expect((up1 + 1) * 2_000).toBeGreaterThanOrEqual(18_000);
    expect((up2 - up1) * 2_000).toBeGreaterThanOrEqual(10_000);
    expect(caps.at(-1)).toBe(2);
  });

  test('a step up that fails at once makes the next attempt wait twice as long (no see-saw)', () => {
    // Down to 0, quiet until it steps up to 1, then loss again right away.
    const first = run([...lossy(4), ...clean(6)]);
    expect(first.d.cap).toBe(1);
    const second = run([...lossy(4), ...clean(6), ...lossy(1)]);
    expect(second.d.cap).toBe(0);
    expect(second.d.holdMs).toBe(20_000);
    // The next attempt waits 20 s of quiet; once it has held for its hold, the wait is back to 10 s.
    const third = run([...lossy(4), ...clean(6), ...lossy(1), ...clean(30)]);
    const upAgain = third.caps.indexOf(1, 11);
    expect((upAgain - 10) * 2_000).toBeGreaterThanOrEqual(20_000);
    expect(third.d.cap).toBe(2);
    expect(third.d.holdMs).toBe(10_000);
  });

  test('counters that restart (a new connection) start a new window instead of counting as loss', () => {
    let d = nextDownlink(initialDownlink(0, 2), { packetsReceived: 5_000, packetsLost: 400 }, 0);
    d = nextDownlink(d, { packetsReceived: 100, packetsLost: 0 }, 2_000);
    expect(d.cap).toBe(2);
    d = nextDownlink(d, { packetsReceived: 300, packetsLost: 0 }, 4_000);
    expect(d.cap).toBe(2);
  });

  test('the cap lowers every video to at most its layer and leaves audio alone', () => {
    const wants = [
      { participantId: 'a', kind: 'audio' as const },
      { participantId: 'a', kind: 'video' as const, layer: 2 },
      { participantId: 'b', kind: 'video' as const, layer: 0 },
      { participantId: 'c', kind: 'video' as const },
    ];
    expect(capLayers(wants, 1)).toEqual([
      { participantId: 'a', kind: 'audio' },
      { participantId: 'a', kind: 'video', layer: 1 },
      { participantId: 'b', kind: 'video', layer: 0 },
      { participantId: 'c', kind: 'video', layer: 1 },
    ]);
    expect(capLayers(wants, TOP_LAYER)[3]).toEqual({ participantId: 'c', kind: 'video', layer: TOP_LAYER });
  });
});
