import type { ReadonlySignal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { cardsCsv } from '../../shared/boards/csv.js';
import type { RoomsSeen } from '../../shared/breakouts/room-label.js';
import { errorText, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { CardsPanel } from './CardsPanel.js';
import { boardPng, boardSvg, download } from './export.js';
import { BoardIcon } from './icons.js';
import type { BoardClientState } from './state.js';
import { createBoardUi } from './ui.js';
import { lazy } from '../ui/lazy.js';
import './boards.css';

/** The canvas and toolbar arrive when the board is shown; the gallery with them (it draws boards too). */
const BoardSurface = lazy(() => import('./BoardSurface.js').then((m) => m.BoardSurface), 'board.syncing');
const Gallery = lazy(() => import('./Gallery.js').then((m) => m.Gallery));
/** Moderators only: participants never download the board's moderation controls. */
const BoardControls = lazy(() => import('./BoardControls.js').then((m) => m.BoardControls));

/**
 * The board of the room this person is in: toolbar, canvas, cards, moderator controls, exports, gallery.
 * The session owns the board's state; `rooms` is the breakouts' view, so the gallery names rooms as everywhere else.
 */
export function BoardSection({
  board,
  rooms,
  phone = false,
}: {
  board: BoardClientState;
  rooms: ReadonlySignal<RoomsSeen | null>;
  /** [LAYOUT6] On a phone the cards come first and the drawing toolbar only when asked; the view moves by touch. */
  phone?: boolean;
}) {
  const ui = useMemo(() => {
    const made = createBoardUi();
    if (phone) made.tool.value = 'pan';
    return made;
  }, []);
  const drawing = useSignal(!phone);
  const section = useRef<HTMLElement>(null);
  const s = board.settings.value;
  const canvas = () => section.current?.querySelector('svg.board-canvas') as SVGSVGElement;
  const name = (ext: string) =>
    `board-${board.roomId.value}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${ext}`;

  return (
    <section
      ref={section}
      class="board-section"
      aria-labelledby="board-title"
      data-testid="board-section"
      data-room={board.roomId.value}
      data-loaded={board.loaded.value}
    >
      <div class="board-section__head">
        <h2 id="board-title">{t('board.title')}</h2>
        {s.header && <p class="board-section__question">{s.header}</p>}
      </div>
      {board.error.value && (
        <Alert testId="board-error">
          {errorText(board.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={board.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {!board.mayDraw.value && (
        <p class="muted" data-testid="board-readonly">
          {s.locked ? t('board.locked') : t('board.moderatorsOnly')}
        </p>
      )}
      {phone && board.mayDraw.value && (
        <button
          type="button"
          class="btn"
          aria-expanded={drawing.value}
          data-testid="board-draw-toggle"
          onClick={() => {
            drawing.value = !drawing.value;
            if (!drawing.value) ui.tool.value = 'pan';
          }}
        >
          <BoardIcon name="pen" /> {drawing.value ? t('board.drawDone') : t('board.draw')}
        </button>
      )}
      <BoardSurface board={board} ui={ui} toolbar={drawing.value} />
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons named as a group; a fieldset would need a legend and its own layout */}
      <div class="inline-row board-export" role="group" aria-label={t('board.export')}>
        <span class="muted">
          <BoardIcon name="download" /> {t('board.export')}:
        </span>
        <button
          type="button"
          class="btn btn--small"
          data-testid="export-png"
          onClick={async () => download(name('png'), await boardPng(canvas()))}
        >
          {t('board.exportPng')}
        </button>
        <button
          type="button"
          class="btn btn--small"
          data-testid="export-svg"
          onClick={() => download(name('svg'), boardSvg(canvas()).svg, 'image/svg+xml')}
        >
          {t('board.exportSvg')}
        </button>
        <button
          type="button"
          class="btn btn--small"
          data-testid="export-csv"
          title={t('board.csvNote')}
          onClick={() =>
            download(
              name('csv'),
              cardsCsv(board.items.value, board.dots.value, {
                text: t('board.csv.text'),
                author: t('board.csv.author'),
                cluster: t('board.csv.cluster'),
                dots: t('board.csv.dots'),
              }),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('board.exportCsv')}
        </button>
      </div>
      <CardsPanel board={board} />
      {board.isModerator.value && <BoardControls board={board} />}
      <Gallery board={board} rooms={rooms.value} />
    </section>
  );
}

export type { BoardClientState };
