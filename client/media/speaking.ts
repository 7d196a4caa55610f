/**
 * Who is speaking, from audio levels (never stored, never sent): this page's microphone through a
 * level meter, everyone else's from the receivers' synchronization sources. Read four times a second.
 */
import { levelMeter } from './devices.js';
import type { PeerView } from './room.js';

/** Above this audio level (0..1) a person counts as speaking... */
const SPEAKING_LEVEL = 0.04;
/** ...and stays shown speaking this long after they were last heard. */
export const SPEAKING_HOLD_MS = 800;
const READ_EVERY_MS = 250;

/** Who is speaking now, from when each person was last heard above the level. */
export function speakingNow(heardAt: ReadonlyMap<string, number>, now: number): Set<string> {
  return new Set([...heardAt].filter(([, at]) => now - at < SPEAKING_HOLD_MS).map(([id]) => id));
}

/** The first person (not self) who started speaking between two readings: the new last speaker. */
export function newSpeaker(prev: ReadonlySet<string>, next: ReadonlySet<string>, selfId: string): string | null {
  return [...next].find((id) => id !== selfId && !prev.has(id)) ?? null;
}

export interface SpeakingSource {
  /** This page's participant id, or null while not in a room with media. */
  selfId(): string | null;
  mic(): MediaStreamTrack | null;
  micOn(): boolean;
  peers(): Iterable<PeerView>;
  /** Called only when the set changed; `started` is someone else who just began speaking. */
  changed(now: ReadonlySet<string>, started: string | null): void;
}

/** Starts reading levels; returns the stop function. */
export function watchSpeaking(src: SpeakingSource): () => void {
  let meter: ReturnType<typeof levelMeter> | null = null;
  let meterTrack: MediaStreamTrack | null = null;
  let prev: ReadonlySet<string> = new Set();
  const heardAt = new Map<string, number>();
  const timer = setInterval(() => {
    const now = performance.now();
    const me = src.selfId();
    if (!me) return;
    if (src.mic() !== meterTrack) {
      meter?.stop();
      meterTrack = src.mic();
      meter = meterTrack ? levelMeter(meterTrack) : null;
    }
    if (meter && src.micOn() && meter.level() > SPEAKING_LEVEL) heardAt.set(me, now);
    for (const v of src.peers()) {
      for (const r of v.receivers ?? v.pc?.getReceivers() ?? []) {
        if (r.track.kind !== 'audio') continue;
        const level = r.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
        if (level > SPEAKING_LEVEL) heardAt.set(v.remoteId, now);
      }
    }
    const next = speakingNow(heardAt, now);
    if (next.size !== prev.size || [...next].some((id) => !prev.has(id))) {
      const started = newSpeaker(prev, next, me);
      prev = next;
      src.changed(next, started);
    }
  }, READ_EVERY_MS);
  return () => {
    clearInterval(timer);
    meter?.stop();
  };
}
