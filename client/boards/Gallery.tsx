import { useSignal } from '@preact/signals';
import type { BoardSummary, SnapshotInfo } from '../../shared/boards/schema.js';
import type { RoomsSeen } from '../../shared/breakouts/room-label.js';
import { roomTitle } from '../breakouts/room-label.js';
import { t, timeFormatter } from '../i18n/i18n.js';
import { lazy } from '../ui/lazy.js';
import type { Entry } from './gallery-state.js';
import { BoardIcon } from './icons.js';
import type { BoardClientState } from './state.js';

/** The boards with their comments and reactions: their own chunk, downloaded when the gallery opens. */
const GalleryGrid = lazy(() => import('./GalleryGrid.js').then((m) => m.GalleryGrid));

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
    const time = timeFormatter.value.format(s.at);
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
