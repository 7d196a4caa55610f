import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { BOARD_LIMITS } from '../../shared/boards/constants.js';
import { cardsCsv } from '../../shared/boards/csv.js';
import { errorText, t } from '../i18n/i18n.js';
import type { Connection } from '../net/connection.js';
import { Alert } from '../ui/Alert.js';
import type { WorkshopState } from '../workshops/state.js';
import { BoardCanvas, type Editor } from './BoardCanvas.js';
import { BoardControls } from './BoardControls.js';
import { CardsPanel } from './CardsPanel.js';
import { boardPng, boardSvg, download } from './export.js';
import { Gallery } from './Gallery.js';
import { BoardIcon } from './icons.js';
import { createBoardState, newId, type BoardClientState } from './state.js';
import { Toolbar } from './Toolbar.js';
import { createBoardUi, type BoardUi } from './ui.js';

/** The board of the room this person is in: toolbar, canvas, cards, moderator controls, exports, gallery. */
export function BoardSection({ conn, workshop }: { conn: Connection; workshop: WorkshopState }) {
  const board = useMemo(() => createBoardState(conn, workshop), [conn, workshop]);
  const ui = useMemo(() => createBoardUi(), []);
  useEffect(() => () => board.dispose(), [board]);
  const wrap = useRef<HTMLDivElement>(null);
  const editor = useSignal<Editor | null>(null);
  const note = useSignal<string | null>(null);
  const s = board.settings.value;
  const size = () => ({ w: wrap.current?.clientWidth ?? 800, h: wrap.current?.clientHeight ?? 480 });
  const canvas = () => wrap.current?.querySelector('svg.board-canvas') as SVGSVGElement;
  const name = (ext: string) =>
    `board-${board.roomId.value}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${ext}`;

  return (
    <section
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
      {note.value && <Alert kind="warning">{note.value}</Alert>}
      {!board.mayDraw.value && (
        <p class="muted" data-testid="board-readonly">
          {s.locked ? t('board.locked') : t('board.moderatorsOnly')}
        </p>
      )}
      <Toolbar board={board} ui={ui} canvasSize={size} onError={(m) => (note.value = m)} />
      <div class="board-wrap" ref={wrap}>
        {!board.loaded.value && (
          <p class="board-wrap__loading" role="status">
            {t('board.syncing')}
          </p>
        )}
        <BoardCanvas board={board} ui={ui} onEdit={(e) => (editor.value = e)} />
        {editor.value && (
          <PlaceText
            board={board}
            ui={ui}
            editor={editor.value}
            onDone={() => {
              editor.value = null;
              canvas()?.focus(); // back where the keyboard user was
            }}
          />
        )}
      </div>
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
      <Gallery board={board} />
    </section>
  );
}

/** The small form that appears where someone clicked with the text or card tool. */
function PlaceText({
  board,
  ui,
  editor,
  onDone,
}: {
  board: BoardClientState;
  ui: BoardUi;
  editor: Editor;
  onDone: () => void;
}) {
  const text = useSignal('');
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => field.current?.focus(), []);
  const max = editor.kind === 'card' ? BOARD_LIMITS.cardText : BOARD_LIMITS.text;
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return onDone();
    const id = newId();
    const ok =
      editor.kind === 'card'
        ? await board.actions.add({
            kind: 'card',
            id,
            x: Math.round(editor.x),
            y: Math.round(editor.y),
            text: value,
            color: ui.cardColor.value,
            clusterId: null,
          })
        : await board.actions.add({
            kind: 'text',
            id,
            x: Math.round(editor.x),
            y: Math.round(editor.y),
            text: value,
            color: ui.color.value,
            size: Math.max(14, ui.width.value * 4),
          });
    if (ok) onDone();
  };
  return (
    <form
      class="place-text card"
      style={{ left: `${Math.max(0, editor.left)}px`, top: `${Math.max(0, editor.top)}px` }}
      onSubmit={submit}
      data-testid="place-text"
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <label for="place-text-input">{editor.kind === 'card' ? t('cards.textLabel') : t('board.textPrompt')}</label>
      <textarea
        ref={field}
        id="place-text-input"
        rows={3}
        maxLength={max}
        value={text.value}
        onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)}
      />
      <div class="inline-row">
        <button type="submit" class="btn btn--primary btn--small">
          {t('board.place')}
        </button>
        <button type="button" class="btn btn--small btn--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export type { BoardClientState };
