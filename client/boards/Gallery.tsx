import { useSignal } from '@preact/signals';
import type { BoardSnapshot, BoardSummary, SnapshotInfo } from '../../shared/boards/schema.js';
import type { GalleryItem } from '../../shared/gallery/schema.js';
import type { RoomsSeen } from '../../shared/breakouts/room-label.js';
import { dotCounts, fromSnapshot } from '../../shared/boards/apply.js';
import { roomTitle } from '../breakouts/room-label.js';
import { locale, t } from '../i18n/i18n.js';
import { itemBounds, union } from './geometry.js';
import { BoardIcon } from './icons.js';
import { BoardDefs, BoardItems } from './render.js';
import type { BoardClientState } from './state.js';
import { lazy } from '../ui/lazy.js';

/** The boards with their comments and reactions: their own chunk, downloaded when the gallery opens. */
const GalleryGrid = lazy(() => import('./GalleryGrid.js').then((m) => m.GalleryGrid));

export interface Entry {
  key: string;
  /** What comments and reactions are about ([GAL1]). */
  item: GalleryItem;
  title: string;
  closed: boolean;
  snapshot: BoardSnapshot;
}

/**
 * The gallery walk: every board the server reports (the plenary, breakout rooms, saved
 * snapshots) side by side, read-only, as this person may see them. Rooms are named from the
 * breakouts (`rooms`) as everywhere else; a board's stored label only for a room they do not know.
 */
export function Gallery({ board, rooms }: { board: BoardClientState; rooms: RoomsSeen | null }) {
  const roomTitleOf = (b: BoardSummary) => {
    const title = roomTitle(b.roomId, rooms);
    return title === b.roomId && b.label ? b.label : title;
  };
  const snapshotTitle = (s: SnapshotInfo) => {
    const time = new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit' }).format(s.at);
    return `${s.label || t('gallery.snapshot', { time })} · ${roomTitle(s.roomId, rooms)}`;
  };
  const entries = useSignal<Entry[] | null>(null);
  const busy = useSignal(false);

  async function load() {
    busy.value = true;
    const listed = await board.actions.list();
    const out: Entry[] = [];
    if (listed) {
      for (const b of listed.boards) {
        if (b.roomId === board.roomId.value) continue;
        const snapshot = await board.actions.fetchBoard(b.roomId);
        if (snapshot)
          out.push({
            key: b.roomId,
            item: { roomId: b.roomId },
            title: roomTitleOf(b),
            closed: b.closedAt !== null,
            snapshot,
          });
      }
      for (const s of listed.snapshots) {
        const snapshot = await board.actions.fetchSnapshot(s.roomId, s.id);
        if (snapshot)
          out.push({
            key: s.id,
            item: { roomId: s.roomId, snapshotId: s.id },
            title: snapshotTitle(s),
            closed: false,
            snapshot,
          });
      }
    }
    entries.value = out;
    busy.value = false;
  }

  if (!entries.value) {
    return (
      <button type="button" class="btn" data-testid="gallery-open" disabled={busy.value} onClick={() => void load()}>
        <BoardIcon name="gallery" /> {t('gallery.open')}
      </button>
    );
  }
  return (
    <section class="card gallery" aria-labelledby="gallery-title" data-testid="gallery">
      <div class="inline-row gallery__bar">
        <h2 id="gallery-title">{t('gallery.title')}</h2>
        <button type="button" class="btn btn--small" onClick={() => void load()} disabled={busy.value}>
          {t('gallery.refresh')}
        </button>
        <button type="button" class="btn btn--small btn--ghost" onClick={() => (entries.value = null)}>
          {t('gallery.close')}
        </button>
      </div>
      {entries.value.length === 0 && <p class="muted">{t('gallery.empty')}</p>}
      <GalleryGrid board={board} entries={entries.value} />
    </section>
  );
}

export function MiniBoard({ snapshot, label }: { snapshot: BoardSnapshot; label: string }) {
  const box = union(snapshot.items.map(itemBounds)) ?? { x: 0, y: 0, w: 400, h: 300 };
  const pad = 20;
  const state = fromSnapshot(snapshot);
  return (
    <svg
      class="mini-board"
      role="img"
      aria-label={label}
      viewBox={`${box.x - pad} ${box.y - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <BoardDefs />
      <rect x={box.x - pad} y={box.y - pad} width={box.w + 2 * pad} height={box.h + 2 * pad} fill="#fff" />
      <BoardItems
        items={snapshot.items}
        dots={dotCounts(state)}
        myDots={new Map()}
        hiddenLabel={t('board.hiddenCard')}
      />
    </svg>
  );
}
