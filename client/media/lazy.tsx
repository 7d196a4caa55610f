/**
 * The doors into client/media from the rest of the client. Everything behind them (the mesh, simple-peer,
 * devices, tiles) is a chunk of its own, downloaded only by people who join with media: a phone that
 * joined without media never loads video code. The session (client/session/session.ts) loads the media
 * state the same way; the rest of the client imports media code only from here and from ./JoinMedia.tsx
 * (the join page's with/without choice, which loads its device check lazily too).
 */
import type { MediaState } from './state.js';
import { lazy } from '../ui/lazy.js';
import type { WorkshopState } from '../workshops/state.js';

const MediaArea = lazy(() => import('./MediaArea.js').then((m) => m.MediaArea), 'media.loading');

type StateModule = typeof import('./state.js');
let stateModule: StateModule | null = null;
let stateLoading: Promise<StateModule> | null = null;

/**
 * The media controller's code: `now` once downloaded (then the session starts the media in the same
 * task as the join's acknowledgement, before the workshop screen is drawn), `later` in any case.
 */
export function mediaStateCode(): { now: StateModule | null; later: Promise<StateModule> } {
  stateLoading ??= import('./state.js').then(
    (m) => (stateModule = m),
    (err: unknown) => {
      stateLoading = null;
      throw err;
    },
  );
  return { now: stateModule, later: stateLoading };
}

/** Started from the join page as soon as the person chooses media, so the video starts without a wait. */
export const preloadMedia = () => Promise.all([MediaArea.preload(), mediaStateCode().later]).then(() => {});

/** The video grid and controls of the workshop page, once the session has this person's media; nothing otherwise. */
export function Media({ state, media }: { state: WorkshopState; media: MediaState | null }) {
  return media ? <MediaArea media={media} state={state} /> : null;
}
