import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { BOARD_LIMITS } from '../../shared/boards/constants.js';
import { t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { BoardCanvas, type Editor } from './BoardCanvas.js';
import { newId, type BoardClientState } from './state.js';
import { Toolbar } from './Toolbar.js';
import type { BoardUi } from './ui.js';

/**
 * The drawing part of the board: toolbar, canvas and the text/card form. A chunk of its own
 * (./BoardSection.tsx loads it when the board is shown), so the rest of the page is usable first.
 */
/** `toolbar` false: a phone looks and moves the view; drawing tools come when asked (BoardSection's "Draw"). */
export function BoardSurface({
  board,
  ui,
  toolbar = true,
}: {
  board: BoardClientState;
  ui: BoardUi;
  toolbar?: boolean;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  // The text/card form belongs to the board it was opened on: a move to another room closes it.
  const editor = useSignal<(Editor & { roomId: string }) | null>(null);
  const open = editor.value?.roomId === board.roomId.value ? editor.value : null;
  const note = useSignal<string | null>(null);
  const size = () => ({ w: wrap.current?.clientWidth ?? 800, h: wrap.current?.clientHeight ?? 480 });
  const canvas = () => wrap.current?.querySelector('svg.board-canvas') as SVGSVGElement | null;
  return (
    <>
      {note.value && <Alert kind="warning">{note.value}</Alert>}
      {toolbar && <Toolbar board={board} ui={ui} canvasSize={size} onError={(m) => (note.value = m)} />}
      <div class="board-wrap" ref={wrap}>
        {!board.loaded.value && (
          <p class="board-wrap__loading" role="status">
            {t('board.syncing')}
          </p>
        )}
        <BoardCanvas board={board} ui={ui} onEdit={(e) => (editor.value = { ...e, roomId: board.roomId.peek() })} />
        {open && (
          <PlaceText
            board={board}
            ui={ui}
            editor={open}
            onDone={() => {
              editor.value = null;
              canvas()?.focus(); // back where the keyboard user was
            }}
          />
        )}
      </div>
    </>
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
