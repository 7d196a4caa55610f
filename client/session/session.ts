import { effect, signal, untracked } from '@preact/signals';
import { createAgendaState } from '../agenda/state.js';
import { createBarcampState } from '../barcamp/state.js';
import { createBoardState } from '../boards/state.js';
import { createBreakoutsState } from '../breakouts/state.js';
import { t } from '../i18n/i18n.js';
import { mediaStateCode } from '../media/lazy.js';
import type { MediaState } from '../media/state.js';
import type { Connection } from '../net/connection.js';
import { createFishbowlState } from '../fishbowl/state.js';
import { createMarketState } from '../market/state.js';
import { createPollState } from '../polls/state.js';
import { createSpeakingState } from '../speaking/state.js';
import { createTruthsState } from '../truths/state.js';
import { createWorkshopState } from '../workshops/state.js';

/**
 * The one owner of a workshop session in this tab: it creates every feature state once, and they all
 * follow the workshop state's `resumed` signal (one acknowledged join or resume = one re-sync each).
 * Media is loaded only for someone who joined with media (a phone that only votes never loads it).
 */
export function createSession(conn: Connection, code: string) {
  const workshop = createWorkshopState(conn, code);
  const breakouts = createBreakoutsState(conn, workshop);
  const polls = createPollState(conn, workshop, breakouts.view);
  const board = createBoardState(conn, workshop);
  const speaking = createSpeakingState(conn, workshop, breakouts.view);
  const truths = createTruthsState(conn, workshop, breakouts.view);
  const fishbowl = createFishbowlState(conn, workshop);
  const market = createMarketState(conn, workshop);
  const barcamp = createBarcampState(conn, workshop);
  const agenda = createAgendaState(conn, workshop, (key) => t(key));
  const media = signal<MediaState | null>(null);
  let disposed = false;
  let loading = false;

  const stopMedia = effect(() => {
    const wants = workshop.phase.value === 'inside' && workshop.self.value?.media === true;
    if (!wants || loading || media.peek()) return;
    loading = true;
    const code = mediaStateCode();
    const start = ({ createMediaState }: typeof import('../media/state.js')) => {
      if (!disposed) media.value = untracked(() => createMediaState(conn, workshop));
    };
    // Preloaded on the join page: started at once, so the media config is asked for and the mesh built
    // while the workshop screen is being drawn, not after it.
    if (code.now) start(code.now);
    else void code.later.then(start);
  });

  return {
    code,
    conn,
    workshop,
    breakouts,
    polls,
    board,
    /** The flash round; `currentSpeakerId(speaking)` (client/speaking/state.ts) is who has the word here. */
    speaking,
    /** Two truths and a lie. */
    truths,
    /** Fishbowl seats. */
    fishbowl,
    /** The idea market. */
    market,
    /** Barcamp / Open Space. */
    barcamp,
    agenda,
    /** Null until this person is inside with media and the media code has loaded. */
    media,
    dispose() {
      disposed = true;
      stopMedia();
      media.peek()?.dispose();
      board.dispose();
      speaking.dispose();
      truths.dispose();
      fishbowl.dispose();
      market.dispose();
      barcamp.dispose();
      agenda.dispose();
      polls.dispose();
      breakouts.dispose();
      workshop.dispose();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
