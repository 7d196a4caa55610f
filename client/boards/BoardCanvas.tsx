import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { BOARD_LIMITS } from '../../shared/boards/constants.js';
import type { Item } from '../../shared/boards/schema.js';
import { t } from '../i18n/i18n.js';
import { contains, itemBounds, smoothPath, thin, union } from './geometry.js';
import { BoardDefs, BoardItems, FONT, ShapeView } from './render.js';
import { LASER_FADE_MS, newId, type BoardClientState } from './state.js';
import type { BoardUi } from './ui.js';

type Draft =
  | { kind: 'stroke'; id: string; points: number[]; sent: number }
  | { kind: 'shape'; id: string; x: number; y: number; w: number; h: number }
  | { kind: 'move'; id: string; startX: number; startY: number; dx: number; dy: number }
  | { kind: 'erase'; ids: Set<string> }
  | { kind: 'pan'; startX: number; startY: number; panX: number; panY: number };

export interface Editor {
  kind: 'text' | 'card';
  x: number;
  y: number;
  left: number;
  top: number;
}

const LIVE_EVERY_MS = 66;
const CURSOR_EVERY_MS = 100;

export function BoardCanvas({
  board,
  ui,
  onEdit,
}: {
  board: BoardClientState;
  ui: BoardUi;
  onEdit: (e: Editor) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const draft = useSignal<Draft | null>(null);
  const lastSend = useRef({ live: 0, cursor: 0 });
  const laserTrail = useSignal<{ x: number; y: number; at: number }[]>([]);
  const items = board.items.value;
  const selfId = board.selfId.value;
  const myDots = new Map<string, number>();
  for (const d of board.myDots.value) myDots.set(d.cardId, (myDots.get(d.cardId) ?? 0) + 1);
  const zoom = ui.zoom.value;

  const toBoard = (e: { clientX: number; clientY: number }) => {
    const rect = svg.current!.getBoundingClientRect();
    return { x: (e.clientX - rect.left - ui.panX.value) / zoom, y: (e.clientY - rect.top - ui.panY.value) / zoom };
  };
  const targetId = (e: Event) =>
    ((e.target as Element).closest?.('[data-id]') as Element | null)?.getAttribute('data-id') ?? null;
  const item = (id: string | null) => (id ? (board.board.value.items.get(id) ?? null) : null);
  const erasable = (i: Item) =>
    i.kind !== 'dot' && (board.isModerator.value || (i.kind === 'card' ? i.by === selfId : board.mayDraw.value));

  function down(e: PointerEvent) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    svg.current!.focus({ preventScroll: true });
    const p = toBoard(e);
    const tool = ui.tool.value;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    if (tool === 'pan' || e.button === 1) {
      draft.value = { kind: 'pan', startX: e.clientX, startY: e.clientY, panX: ui.panX.value, panY: ui.panY.value };
    } else if (tool === 'pen' || tool === 'highlighter') {
      if (board.mayDraw.value) draft.value = { kind: 'stroke', id: newId(), points: [p.x, p.y], sent: 0 };
    } else if (tool === 'line' || tool === 'arrow' || tool === 'rect' || tool === 'ellipse') {
      if (board.mayDraw.value) draft.value = { kind: 'shape', id: newId(), x: p.x, y: p.y, w: 0, h: 0 };
    } else if (tool === 'select') {
      const id = targetId(e) ?? hitUnder(e);
      ui.selected.value = id;
      if (id) draft.value = { kind: 'move', id, startX: p.x, startY: p.y, dx: 0, dy: 0 };
    } else if (tool === 'eraser') {
      const hit = item(targetId(e) ?? hitUnder(e));
      draft.value = { kind: 'erase', ids: new Set(hit && erasable(hit) ? [hit.id] : []) };
    } else if (tool === 'text' || tool === 'card') {
      const rect = svg.current!.getBoundingClientRect();
      onEdit({ kind: tool, x: p.x, y: p.y, left: e.clientX - rect.left, top: e.clientY - rect.top });
    }
  }

  function move(e: PointerEvent) {
    const p = toBoard(e);
    const now = performance.now();
    const d = draft.value;
    if (ui.tool.value === 'laser') {
      laserTrail.value = [
        ...laserTrail.value.filter((q) => Date.now() - q.at < LASER_FADE_MS),
        { x: p.x, y: p.y, at: Date.now() },
      ];
    }
    if (!d || d.kind === 'erase' || d.kind === 'move') {
      if (now - lastSend.current.cursor > CURSOR_EVERY_MS) {
        lastSend.current.cursor = now;
        board.actions.cursor(round(p.x), round(p.y), ui.tool.value === 'laser');
      }
    }
    if (!d) return;
    switch (d.kind) {
      case 'pan':
        ui.panX.value = d.panX + e.clientX - d.startX;
        ui.panY.value = d.panY + e.clientY - d.startY;
        return;
      case 'stroke': {
        const lx = d.points[d.points.length - 2]!;
        const ly = d.points[d.points.length - 1]!;
        if (Math.hypot(p.x - lx, p.y - ly) * zoom < 2) return;
        const points = [...d.points, round(p.x), round(p.y)];
        let sent = d.sent;
        if (now - lastSend.current.live > LIVE_EVERY_MS) {
          lastSend.current.live = now;
          const chunk = points.slice(Math.max(0, sent - 2)).slice(-BOARD_LIMITS.livePoints * 2);
          board.actions.live({
            strokeId: d.id,
            tool: ui.tool.value as 'pen',
            color: ui.color.value,
            width: ui.width.value,
            points: chunk,
            replace: false,
            end: false,
          });
          sent = points.length;
        }
        draft.value = { ...d, points, sent };
        return;
      }
      case 'shape': {
        const next = { ...d, w: round(p.x - d.x), h: round(p.y - d.y) };
        draft.value = next;
        if (now - lastSend.current.live > LIVE_EVERY_MS) {
          lastSend.current.live = now;
          board.actions.live({
            strokeId: d.id,
            tool: ui.tool.value as 'line',
            color: ui.color.value,
            width: ui.width.value,
            points: [d.x, d.y, next.x + next.w, next.y + next.h],
            replace: true,
            end: false,
          });
        }
        return;
      }
      case 'move':
        draft.value = { ...d, dx: p.x - d.startX, dy: p.y - d.startY };
        return;
      case 'erase': {
        const hit = item(targetId(e) ?? hitUnder(e));
        if (hit && erasable(hit) && !d.ids.has(hit.id))
          draft.value = { kind: 'erase', ids: new Set([...d.ids, hit.id]) };
        return;
      }
    }
  }

  /** With pointer capture, events target the svg: find what is under (or right next to) the pointer, so thin lines are easy to hit. */
  function hitUnder(e: { clientX: number; clientY: number }): string | null {
    for (const [dx, dy] of [
      [0, 0],
      [6, 0],
      [-6, 0],
      [0, 6],
      [0, -6],
    ] as const) {
      const el = document.elementFromPoint(e.clientX + dx, e.clientY + dy);
      const id = (el?.closest('.board-content [data-id]') as Element | null)?.getAttribute('data-id');
      if (id) return id;
    }
    return null;
  }

  async function up() {
    const d = draft.value;
    draft.value = null;
    if (!d) return;
    switch (d.kind) {
      case 'stroke': {
        const all = d.points.length === 2 ? [...d.points, d.points[0]! + 0.5, d.points[1]!] : d.points;
        const pts = thin(all, BOARD_LIMITS.strokePoints);
        const [x0, y0] = [pts[0]!, pts[1]!];
        const rel = pts.map((v, i) => round(v - (i % 2 === 0 ? x0 : y0)));
        board.actions.live({
          strokeId: d.id,
          tool: 'pen',
          color: ui.color.value,
          width: ui.width.value,
          points: [],
          replace: false,
          end: true,
        });
        await board.actions.add({
          kind: 'stroke',
          id: d.id,
          x: x0,
          y: y0,
          tool: ui.tool.value === 'highlighter' ? 'highlighter' : 'pen',
          color: ui.color.value,
          width: ui.width.value,
          points: rel,
        });
        return;
      }
      case 'shape':
        if (Math.abs(d.w) + Math.abs(d.h) < 4) return;
        await board.actions.add({
          kind: 'shape',
          id: d.id,
          x: d.x,
          y: d.y,
          w: d.w,
          h: d.h,
          shape: ui.tool.value as 'rect',
          color: ui.color.value,
          width: ui.width.value,
        });
        return;
      case 'move':
        if (Math.abs(d.dx) + Math.abs(d.dy) >= 2) await moveItem(d.id, d.dx, d.dy);
        return;
      case 'erase':
        if (d.ids.size) await board.actions.remove([...d.ids]);
        return;
      case 'pan':
        return;
    }
  }

  async function moveItem(id: string, dx: number, dy: number) {
    const it = item(id);
    if (!it || it.kind === 'dot') return;
    const x = round(it.x + dx);
    const y = round(it.y + dy);
    if (it.kind === 'card') {
      const cx = x + 90;
      const cy = y + 60;
      const cluster = items.find((c) => c.kind === 'cluster' && contains(itemBounds(c)!, cx, cy));
      const clusterId = cluster?.id ?? null;
      await board.actions.update(id, clusterId === it.clusterId ? { x, y } : { x, y, clusterId });
      return;
    }
    await board.actions.update(id, { x, y });
    if (it.kind === 'cluster') {
      for (const c of items)
        if (c.kind === 'card' && c.clusterId === id)
          await board.actions.update(c.id, { x: round(c.x + dx), y: round(c.y + dy) });
    }
  }

  function key(e: KeyboardEvent) {
    const id = ui.selected.value;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void (e.shiftKey ? board.actions.redo() : board.actions.undo());
    } else if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      void board.actions.redo();
    } else if (id && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      const it = item(id);
      if (it && erasable(it)) void board.actions.remove([id]);
      ui.selected.value = null;
    } else if (id && e.key.startsWith('Arrow')) {
      e.preventDefault();
      const step = e.shiftKey ? 50 : 10;
      const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[
        e.key
      ] ?? [0, 0];
      void moveItem(id, dx!, dy!);
    } else if (e.key === 'Escape') {
      ui.selected.value = null;
    } else if (e.key === 'Enter' && (ui.tool.value === 'text' || ui.tool.value === 'card')) {
      // Keyboard users place text and cards in the middle of the view.
      e.preventDefault();
      const rect = svg.current!.getBoundingClientRect();
      const left = rect.width / 2 - 80;
      const top = rect.height / 3;
      onEdit({ kind: ui.tool.value, x: (left - ui.panX.value) / zoom, y: (top - ui.panY.value) / zoom, left, top });
    }
  }

  function wheel(e: WheelEvent) {
    if (!e.ctrlKey && !e.metaKey) return; // plain wheel scrolls the page
    e.preventDefault();
    const rect = svg.current!.getBoundingClientRect();
    zoomAt(ui, e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left, e.clientY - rect.top);
  }

  const d = draft.value;
  const selected = item(ui.selected.value);
  const moving = d?.kind === 'move' ? item(d.id) : null;
  const selBox = selected ? itemBounds(selected) : null;
  const now = Date.now();
  return (
    <svg
      ref={svg}
      class={`board-canvas board-canvas--${ui.tool.value}`}
      data-testid="board-canvas"
      data-seq={board.board.value.seq}
      role="application"
      aria-label={t('board.canvasLabel')}
      tabindex={0}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={() => void up()}
      onPointerLeave={() => board.actions.cursor(0, 0, false, true)}
      onKeyDown={key}
      onWheel={wheel}
    >
      <BoardDefs />
      <rect width="100%" height="100%" fill="#fff" />
      <g transform={`translate(${ui.panX.value} ${ui.panY.value}) scale(${zoom})`}>
        <g class="board-content" data-testid="board-content">
          <BoardItems items={items} dots={board.dots.value} myDots={myDots} hiddenLabel={t('board.hiddenCard')} />
        </g>
        <g class="board-overlay" pointer-events="none">
          {d?.kind === 'erase' &&
            [...d.ids].map((id) => {
              const b = itemBounds(item(id) ?? ({ kind: 'dot' } as Item));
              return b && <rect key={id} x={b.x} y={b.y} width={b.w} height={b.h} fill="#b3261e" opacity="0.2" />;
            })}
          {selBox && !moving && (
            <rect
              x={selBox.x - 4}
              y={selBox.y - 4}
              width={selBox.w + 8}
              height={selBox.h + 8}
              fill="none"
              stroke="#1f4e79"
              stroke-width={2 / zoom}
              stroke-dasharray="6 4"
            />
          )}
          {moving && d?.kind === 'move' && (
            <g transform={`translate(${d.dx} ${d.dy})`} opacity="0.75">
              <BoardItems
                items={[moving]}
                dots={board.dots.value}
                myDots={myDots}
                hiddenLabel={t('board.hiddenCard')}
              />
            </g>
          )}
          {d?.kind === 'stroke' && (
            <path
              d={smoothPath(d.points)}
              fill="none"
              stroke={ui.color.value}
              stroke-width={ui.tool.value === 'highlighter' ? ui.width.value * 3 : ui.width.value}
              stroke-opacity={ui.tool.value === 'highlighter' ? 0.35 : 1}
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          )}
          {d?.kind === 'shape' && (
            <ShapeView
              shape={ui.tool.value as 'rect'}
              x={d.x}
              y={d.y}
              w={d.w}
              h={d.h}
              color={ui.color.value}
              width={ui.width.value}
            />
          )}
          {[...board.live.value.values()].map((l) =>
            l.tool === 'pen' || l.tool === 'highlighter' ? (
              <path
                key={l.strokeId}
                d={smoothPath(l.points)}
                fill="none"
                stroke={l.color}
                stroke-width={l.tool === 'highlighter' ? l.width * 3 : l.width}
                stroke-opacity={l.tool === 'highlighter' ? 0.35 : 0.9}
                stroke-linecap="round"
              />
            ) : l.points.length === 4 ? (
              <ShapeView
                key={l.strokeId}
                shape={l.tool}
                x={l.points[0]!}
                y={l.points[1]!}
                w={l.points[2]! - l.points[0]!}
                h={l.points[3]! - l.points[1]!}
                color={l.color}
                width={l.width}
                opacity={0.8}
              />
            ) : null,
          )}
          <Laser trail={laserTrail.value} now={now} zoom={zoom} />
          {[...board.cursors.value.values()].map((c) => (
            <g key={c.by} data-testid="board-cursor" transform={`translate(${c.x} ${c.y}) scale(${1 / zoom})`}>
              <Laser
                trail={c.trail.map((p) => ({ x: (p.x - c.x) * zoom, y: (p.y - c.y) * zoom, at: p.at }))}
                now={now}
                zoom={1}
              />
              <path
                d="M0 0L0 16L4.5 12L8 19L10.5 18L7 11L13 11Z"
                fill={c.laser ? '#e53935' : '#1f4e79'}
                stroke="#fff"
                stroke-width="1"
              />
              <rect
                x="12"
                y="16"
                width={c.name.length * 7.4 + 12}
                height="20"
                rx="4"
                fill={c.laser ? '#e53935' : '#1f4e79'}
              />
              <text x="18" y="30" font-size="12" font-family={FONT} fill="#fff">
                {c.name}
              </text>
            </g>
          ))}
        </g>
      </g>
    </svg>
  );
}

function Laser({ trail, now, zoom }: { trail: { x: number; y: number; at: number }[]; now: number; zoom: number }) {
  return (
    <g>
      {trail.map((p, i) => {
        const age = Math.min(1, (now - p.at) / LASER_FADE_MS);
        return <circle key={i} cx={p.x} cy={p.y} r={(6 * (1 - age) + 1) / zoom} fill="#e53935" opacity={1 - age} />;
      })}
    </g>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;

export function zoomAt(ui: BoardUi, factor: number, cx: number, cy: number) {
  const z = Math.min(5, Math.max(0.1, ui.zoom.value * factor));
  const f = z / ui.zoom.value;
  ui.panX.value = cx - (cx - ui.panX.value) * f;
  ui.panY.value = cy - (cy - ui.panY.value) * f;
  ui.zoom.value = z;
}

/** Zoom and pan so every item fits the visible area. */
export function fitView(ui: BoardUi, items: readonly Item[], width: number, height: number) {
  const box = union(items.map(itemBounds));
  if (!box) {
    ui.zoom.value = 1;
    ui.panX.value = 0;
    ui.panY.value = 0;
    return;
  }
  const pad = 24;
  const z = Math.min(
    2,
    Math.max(0.1, Math.min((width - 2 * pad) / Math.max(box.w, 1), (height - 2 * pad) / Math.max(box.h, 1))),
  );
  ui.zoom.value = z;
  ui.panX.value = pad - box.x * z + (width - 2 * pad - box.w * z) / 2;
  ui.panY.value = pad - box.y * z + (height - 2 * pad - box.h * z) / 2;
}
