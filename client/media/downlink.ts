/**
 * [MEDIA18] A weak download gets a lower simulcast layer instead of freezing. Pure: the SFU room feeds it
 * the received-video counters of its download connection every few seconds (getStats), and asks for at
 * most `cap` as the layer of every video it receives.
 *
 * Losing packets is what a link that cannot carry the videos looks like from the receiving end (the media
 * server sends what the publisher sends; a full link drops the rest). So: a window with much loss steps the
 * cap down one layer (after the last step had time to take effect); a long quiet spell steps it up again, and
 * an attempt that fails at once makes the next one wait twice as long (no see-saw on a link just too small).
 */
import { TOP_LAYER } from '../../shared/media/sfu.js';

/** How often the SFU room samples its download. */
export const DOWNLINK_SAMPLE_MS = 2_000;
/** A window needs this many packets to say anything. */
const MIN_PACKETS = 30;
/** Loss at or above this steps down; below QUIET counts as a quiet window. */
const LOSSY = 0.05;
const QUIET = 0.01;
/** After a step, the next step down waits this long (the new layer starts with a key frame). */
const SETTLE_MS = 4_000;
/** The first step up waits this long in quiet; doubled after each attempt that failed, up to MAX_HOLD_MS. */
const HOLD_MS = 10_000;
const MAX_HOLD_MS = 60_000;

export interface DownlinkCounters {
  packetsReceived: number;
  packetsLost: number;
}

export interface Downlink {
  /** The highest layer there is, and the highest asked for now. */
  top: number;
  cap: number;
  /** Counters of the previous sample (null before the first). */
  last: DownlinkCounters | null;
  /** When the cap last changed (ms; null: never). */
  changedAt: number | null;
  /** Since when the link has been quiet (ms). */
  quietSince: number;
  /** When the cap last went up (ms), to tell a failed attempt. */
  upAt: number | null;
  holdMs: number;
}

export function initialDownlink(now: number, top = TOP_LAYER): Downlink {
  return { top, cap: top, last: null, changedAt: null, quietSince: now, upAt: null, holdMs: HOLD_MS };
}

/** The next state after one sample of the download's counters (summed over all received videos). */
export function nextDownlink(d: Downlink, counters: DownlinkCounters, now: number): Downlink {
  const last = d.last;
  const next: Downlink = { ...d, last: counters };
  // Counters restart with a new connection (or shrink when a stream goes): start counting again.
  if (!last || counters.packetsReceived < last.packetsReceived || counters.packetsLost < last.packetsLost) return next;
  const received = counters.packetsReceived - last.packetsReceived;
  const lost = counters.packetsLost - last.packetsLost;
  if (received + lost < MIN_PACKETS) return next;
  const loss = lost / (received + lost);
  if (loss >= LOSSY) {
    const settling = d.changedAt !== null && now - d.changedAt < SETTLE_MS;
    if (d.cap === 0 || settling) return { ...next, quietSince: now };
    const failedAttempt = d.upAt !== null && now - d.upAt < d.holdMs;
    return {
      ...next,
      cap: d.cap - 1,
      changedAt: now,
      quietSince: now,
      upAt: null,
      holdMs: failedAttempt ? Math.min(MAX_HOLD_MS, d.holdMs * 2) : d.holdMs,
    };
  }
  // A step up that held for a whole hold period worked: the next attempt waits the first hold again.
  const held = d.upAt !== null && now - d.upAt >= d.holdMs ? { upAt: null, holdMs: HOLD_MS } : {};
  if (loss >= QUIET) return { ...next, ...held, quietSince: now };
  if (d.cap < d.top && now - d.quietSince >= d.holdMs && (d.changedAt === null || now - d.changedAt >= d.holdMs))
    return { ...next, cap: d.cap + 1, changedAt: now, upAt: now };
  return { ...next, ...held };
}

/** The wanted videos at most on the cap's layer (audio untouched). */
export function capLayers<W extends { kind: 'audio' | 'video'; layer?: number | undefined }>(
  wants: readonly W[],
  cap: number,
): W[] {
  return wants.map((w) => (w.kind === 'video' ? { ...w, layer: Math.min(w.layer ?? TOP_LAYER, cap) } : w));
}
