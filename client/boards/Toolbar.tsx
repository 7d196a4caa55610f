import { BOARD_LIMITS, CARD_COLORS, INK_COLORS } from '../../shared/boards/constants.js';
import type { Tool } from '../../shared/boards/schema.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { fitView, zoomAt } from './BoardCanvas.js';
import { imageDataUrl } from './export.js';
import { BoardIcon, type BoardIconName } from './icons.js';
import { newId, type BoardClientState } from './state.js';
import type { BoardUi } from './ui.js';

const TOOL_BUTTONS: Tool[] = [
  'select',
  'pen',
  'highlighter',
  'line',
  'arrow',
  'rect',
  'ellipse',
  'text',
  'card',
  'eraser',
  'laser',
  'pan',
];
const DRAWING_TOOLS = new Set<Tool>(['pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse', 'text']);

/** Every tool is a real, labelled button; the active one is aria-pressed. */
export function Toolbar({
  board,
  ui,
  canvasSize,
  onError,
}: {
  board: BoardClientState;
  ui: BoardUi;
  canvasSize: () => { w: number; h: number };
  onError: (m: string) => void;
}) {
  const tool = ui.tool.value;
  const mayDraw = board.mayDraw.value;
  const center = () => {
    const { w, h } = canvasSize();
    return { x: (w / 2 - ui.panX.value) / ui.zoom.value, y: (h / 2 - ui.panY.value) / ui.zoom.value };
  };

  async function addImage(file: File | undefined) {
    if (!file) return;
    const img = await imageDataUrl(file, BOARD_LIMITS.imageChars).catch(() => null);
    if (!img) return onError(t('board.imageTooBig'));
    const scale = Math.min(1, 480 / Math.max(img.w, img.h));
    const c = center();
    const w = Math.round(img.w * scale);
    const h = Math.round(img.h * scale);
    await board.actions.add({
      kind: 'image',
      id: newId(),
      x: Math.round(c.x - w / 2),
      y: Math.round(c.y - h / 2),
      w,
      h,
      src: img.src,
      alt: file.name.slice(0, 200),
    });
  }

  const selectedItem = ui.selected.value ? board.board.value.items.get(ui.selected.value) : undefined;
  return (
    <div class="board-toolbar" role="toolbar" aria-label={t('board.toolbar')} data-testid="board-toolbar">
      <div class="board-toolbar__group">
        {TOOL_BUTTONS.map((name) => (
          <button
            key={name}
            type="button"
            class={`tool-btn${tool === name ? ' tool-btn--on' : ''}`}
            aria-pressed={tool === name}
            disabled={(DRAWING_TOOLS.has(name) && !mayDraw) || (name === 'card' && !board.mayWriteCards.value)}
            data-tool={name}
            onClick={() => {
              ui.tool.value = name;
              if (name !== 'select') ui.selected.value = null;
            }}
          >
            <BoardIcon name={name as BoardIconName} />
            <span>{t(`board.tool.${name}` as MessageKey)}</span>
          </button>
        ))}
        <label class={`tool-btn${mayDraw ? '' : ' tool-btn--disabled'}`}>
          <BoardIcon name="image" />
          <span>{t('board.image')}</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            class="visually-hidden"
            disabled={!mayDraw}
            onChange={(e) => void addImage((e.target as HTMLInputElement).files?.[0])}
            data-testid="board-image-input"
          />
        </label>
      </div>
      <div class="board-toolbar__group" role="radiogroup" aria-label={t('board.color')}>
        {(tool === 'card' ? CARD_COLORS : INK_COLORS).map((c, i) => {
          const on = tool === 'card' ? ui.cardColor.value === c : ui.color.value === c;
          return (
            // biome-ignore lint/a11y/useSemanticElements: colour swatches are buttons (one press picks); role=radio tells which one is chosen
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={on}
              class={`swatch${on ? ' swatch--on' : ''}`}
              style={{ background: c }}
              aria-label={t('board.colorName', { n: i + 1 })}
              onClick={() =>
                tool === 'card'
                  ? (ui.cardColor.value = c as (typeof CARD_COLORS)[number])
                  : (ui.color.value = c as (typeof INK_COLORS)[number])
              }
            />
          );
        })}
        <label class="board-toolbar__width">
          <span>{t('board.width')}</span>
          <select
            value={String(ui.width.value)}
            onChange={(e) => (ui.width.value = Number((e.target as HTMLSelectElement).value))}
          >
            {[2, 4, 8, 14, 24].map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="board-toolbar__group">
        <button
          type="button"
          class="tool-btn"
          disabled={!board.canUndo.value}
          onClick={() => void board.actions.undo()}
          data-testid="board-undo"
        >
          <BoardIcon name="undo" />
          <span>{t('board.undo')}</span>
        </button>
        <button
          type="button"
          class="tool-btn"
          disabled={!board.canRedo.value}
          onClick={() => void board.actions.redo()}
          data-testid="board-redo"
        >
          <BoardIcon name="redo" />
          <span>{t('board.redo')}</span>
        </button>
        <button
          type="button"
          class="tool-btn"
          disabled={!selectedItem}
          onClick={() => {
            if (selectedItem) void board.actions.remove([selectedItem.id]);
            ui.selected.value = null;
          }}
        >
          <BoardIcon name="delete" />
          <span>{t('board.delete')}</span>
        </button>
        <button type="button" class="tool-btn" onClick={() => zoomAt(ui, 1.25, canvasSize().w / 2, canvasSize().h / 2)}>
          <BoardIcon name="plus" />
          <span>{t('board.zoomIn')}</span>
        </button>
        <button type="button" class="tool-btn" onClick={() => zoomAt(ui, 0.8, canvasSize().w / 2, canvasSize().h / 2)}>
          <BoardIcon name="minus" />
          <span>{t('board.zoomOut')}</span>
        </button>
        <button
          type="button"
          class="tool-btn"
          data-testid="board-fit"
          onClick={() => fitView(ui, board.items.value, canvasSize().w, canvasSize().h)}
        >
          <BoardIcon name="fit" />
          <span>{t('board.zoomReset')}</span>
        </button>
      </div>
    </div>
  );
}
