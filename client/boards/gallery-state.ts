import { batch, effect, signal } from '@preact/signals';
import { applyChange, emptyGallery } from '../../shared/gallery/rules.js';
import type { BoardSnapshot } from '../../shared/boards/schema.js';
import type { GalleryItem, GalleryReaction, GalleryView } from '../../shared/gallery/schema.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';

/** A board (or snapshot) of the gallery walk, as the gallery lists it. */
export interface Entry {
  key: string;
  /** What comments and reactions are about ([GAL1]). */
  item: GalleryItem;
  title: string;
  closed: boolean;
  snapshot: BoardSnapshot;
}

/**
 * Comments and reactions of the gallery walk as this page sees them, while the gallery is open. Only this
 * module writes these signals: from `gallery:sync` (on opening, after every join or resume, on refresh)
 * and from `gallery:updated`, applied with the shared rule ([GAL6]). The gallery's code chunk creates it.
 */
export function createGalleryState(conn: Connection, ws: WorkshopState) {
  const view = signal<GalleryView>(emptyGallery());
  const error = signal<ErrorCode | null>(null);

  async function sync() {
    const r = await conn.request('gallery:sync', {});
    if (r.ok) view.value = r.data;
  }

  /** Acks only report refusals: the change itself arrives as `gallery:updated` like everyone else's. */
  async function send(p: Promise<{ ok: boolean; code?: ErrorCode }>) {
    const r = await p;
    error.value = r.ok ? null : (r.code ?? 'internal');
    return r.ok;
  }

  const stops = [
    conn.on('gallery:updated', (change) => {
      view.value = applyChange(view.value, change);
    }),
    effect(() => {
      if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void sync();
    }),
  ];

  return {
    view,
    error,
    selfId: () => ws.self.value?.id ?? '',
    isModerator: ws.isModerator,
    actions: {
      sync,
      comment: (item: GalleryItem, text: string) => send(conn.request('gallery:comment', { item, text })),
      uncomment: (id: string) => send(conn.request('gallery:uncomment', { id })),
      react: (item: GalleryItem, reaction: GalleryReaction, on: boolean) =>
        send(conn.request('gallery:react', { item, reaction, on })),
      dismissError: () => batch(() => (error.value = null)),
    },
    dispose() {
      stops.forEach((stop) => stop());
    },
  };
}

export type GalleryState = ReturnType<typeof createGalleryState>;
