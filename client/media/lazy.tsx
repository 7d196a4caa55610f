/**
 * The doors into client/media from the rest of the client. Everything behind them (the mesh, simple-peer,
 * devices, tiles) is a chunk of its own, downloaded only by people who join with media: a phone that
 * joined without media never loads video code. The rest of the client imports media code only from here
 * and from ./JoinMedia.tsx (the join page's with/without choice, which loads its device check lazily too).
 */
import type { Connection } from '../net/connection.js';
import { lazy } from '../ui/lazy.js';
import type { WorkshopState } from '../workshops/state.js';

const MediaRoot = lazy(() => import('./MediaRoot.js').then((m) => m.MediaRoot), 'media.loading');

/** Started from the join page as soon as the person chooses media, so the video starts without a wait. */
export const preloadMedia = MediaRoot.preload;

/** The video grid and controls of the workshop page, for a person who joined with media; nothing otherwise. */
export function Media({ conn, state }: { conn: Connection; state: WorkshopState }) {
  return state.self.value?.media ? <MediaRoot conn={conn} state={state} /> : null;
}
