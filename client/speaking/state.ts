import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import { launchableRooms } from '../../shared/polls/rules.js';
import { PLENARY } from '../../shared/rooms.js';
import { canPass, currentSpeakerId as speakerIn, nextSpeakerId, roundIn } from '../../shared/speaking/rules.js';
import { ANNOUNCE_AT_SEC } from '../../shared/speaking/constants.js';
import type { SpeakingParamsInput, SpeakingView } from '../../shared/speaking/schema.js';
import type { Connection } from '../net/connection.js';
import { versionedView } from '../net/versioned-view.js';
import type { WorkshopState } from '../workshops/state.js';

const TICK_MS = 250;

/**
 * The speaking order as this client sees it. Only this module writes these signals, from acks and
 * `speaking:updated` (the highest version wins: two nodes may deliver out of order). After every join
 * or resume it asks `speaking:sync`, which also appends this person to a round running in their room.
 * Countdowns run from the server's deadlines, corrected by the clock offset.
 */
export function createSpeakingState(
  conn: Connection,
  ws: WorkshopState,
  breakouts: ReadonlySignal<BreakoutView | null>,
) {
  const {
    view,
    error,
    accept,
    run,
    stop: stopSync,
  } = versionedView<SpeakingView>(ws, () => conn.request('speaking:sync', {}));
  /** Server time now, ticking while a round with a deadline runs here. */
  const now = signal(Date.now() + ws.clockOffset.peek());

  const myRoom = computed(() => ws.self.value?.roomId ?? PLENARY);
  const round = computed(() => roundIn(view.value, myRoom.value));
  const speakerId = computed(() => speakerIn(view.value, myRoom.value));
  const speaker = computed(() => round.value?.speakers.find((s) => s.id === speakerId.value) ?? null);
  const nextId = computed(() => (round.value && round.value.phase !== 'ended' ? nextSpeakerId(round.value) : null));
  const nextSpeaker = computed(() => round.value?.speakers.find((s) => s.id === nextId.value) ?? null);
  const selfId = computed(() => ws.self.value?.id ?? '');
  const myTurn = computed(() => speakerId.value !== null && speakerId.value === selfId.value);
  const mayPass = computed(() => canPass(round.value, selfId.value));
  /** Milliseconds left of the think time or the current turn; null outside them. */
  const remainingMs = computed(() => {
    const r = round.value;
    if (!r || r.deadline === null || r.phase === 'ended') return null;
    const length = r.phase === 'think' ? r.thinkSec * 1000 : r.perSpeakerSec * 1000;
    // Clamped: a clock offset a little off must not show more time than the phase has.
    return Math.min(length, Math.max(0, r.deadline - now.value));
  });
  /**
   * What a screen reader hears: the phase, who has the word, and the time left only at a few marks
   * (30 s, 10 s), so the live region changes a handful of times a turn, not every second.
   */
  const announcement = computed(() => {
    const r = round.value;
    if (!r) return null;
    const left = remainingMs.value === null ? null : Math.ceil(remainingMs.value / 1000);
    const mark = left === null ? null : ([...ANNOUNCE_AT_SEC].reverse().find((s) => left <= s && left > 0) ?? null);
    return { roundId: r.id, phase: r.phase, speakerId: speakerId.value, mark };
  });
  /**
   * Someone without camera and microphone speaks through the chat: their latest line in the round's room
   * since their turn started, shown large while they have the word.
   */
  const chatLine = computed(() => {
    const r = round.value;
    const s = speaker.value;
    if (!r || !s || s.media || r.turnStartedAt === null) return null;
    const since = r.turnStartedAt;
    const line = ws.chat.value.findLast(
      (m) => m.authorId === s.id && m.roomId === r.roomId && m.at >= since && !m.deleted,
    );
    return line?.text ?? null;
  });
  /** Rounds running in other rooms (a moderator in the plenary sees that breakout rooms have one). */
  const elsewhere = computed(
    () => view.value?.rounds.filter((r) => r.roomId !== myRoom.value && r.phase !== 'ended').length ?? 0,
  );
  const breakoutRooms = computed(() => launchableRooms(breakouts.value));

  const stops = [
    conn.on('speaking:updated', accept),
    stopSync,
    effect(() => {
      const r = round.value;
      if (!r || r.deadline === null || r.phase === 'ended') return;
      const tick = () => (now.value = Date.now() + ws.clockOffset.peek());
      tick();
      const timer = setInterval(tick, TICK_MS);
      return () => clearInterval(timer);
    }),
  ];

  const room = () => myRoom.peek();
  const actions = {
    start: (params: SpeakingParamsInput) => run(conn.request('speaking:start', params)),
    /** From the speaker this page shows: a second press after someone else moved on does nothing. */
    next: () => run(conn.request('speaking:next', { roomId: room(), from: speakerId.peek() })),
    back: () => run(conn.request('speaking:back', { roomId: room(), from: speakerId.peek() })),
    pass: () => run(conn.request('speaking:pass', { roomId: room() })),
    stop: () => run(conn.request('speaking:stop', { roomId: room() })),
    stopAll: () => run(conn.request('speaking:stop', {})),
    dismissError: () => (error.value = null),
  };

  return {
    view,
    error,
    myRoom,
    round,
    speakerId,
    speaker,
    nextId,
    nextSpeaker,
    selfId,
    myTurn,
    mayPass,
    remainingMs,
    chatLine,
    announcement,
    elsewhere,
    breakoutRooms,
    actions,
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type SpeakingState = ReturnType<typeof createSpeakingState>;

/**
 * Who has the word in this person's room (null when nobody): for the video tiles to highlight.
 * Reading it inside a component or computed subscribes to the change.
 */
export function currentSpeakerId(state: Pick<SpeakingState, 'view' | 'myRoom'>): string | null {
  return speakerIn(state.view.value, state.myRoom.value);
}
