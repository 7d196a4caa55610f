/**
 * Board items as SVG. Only presentation attributes (no CSS classes), so the same markup serves
 * the live board, the gallery and the SVG/PNG export.
 */
import { memo } from 'preact/compat';
import type { CardItem, Item } from '../../shared/boards/schema.js';
import { CARD_H, CARD_W, smoothPath, wrapText } from './geometry.js';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const DOT_COLOR = '#c62828';

export function BoardDefs() {
  return (
    <defs>
      <marker
        id="board-arrow"
        viewBox="0 0 10 10"
        refX="8"
        refY="5"
        markerWidth="5"
        markerHeight="5"
        orient="auto-start-reverse"
      >
        <path d="M0 0L10 5L0 10z" fill="context-stroke" />
      </marker>
    </defs>
  );
}

interface CardExtras {
  dots: number;
  mine: number;
  hiddenLabel: string;
}

function CardView({ card, extras }: { card: CardItem; extras: CardExtras }) {
  const lines = card.hidden ? [extras.hiddenLabel] : wrapText(card.text, 20, 5);
  const shown = Math.min(extras.dots, 12);
  return (
    <g data-id={card.id} data-kind="card" transform={`translate(${card.x} ${card.y})`}>
      <rect x="2" y="3" width={CARD_W} height={CARD_H} rx="6" fill="#000" opacity="0.12" />
      <rect width={CARD_W} height={CARD_H} rx="6" fill={card.color} stroke="#00000030" />
      <text
        x="10"
        y="24"
        font-size="15"
        font-family={FONT}
        fill={card.hidden ? '#555' : '#1d2430'}
        font-style={card.hidden ? 'italic' : 'normal'}
      >
        {lines.map((line, i) => (
          <tspan key={i} x="10" dy={i === 0 ? 0 : 18.5}>
            {line}
          </tspan>
        ))}
      </text>
      {card.authorName && (
        <text x="10" y={CARD_H - 9} font-size="11" font-family={FONT} fill="#4a5261" style="unicode-bidi: isolate">
          {card.authorName}
        </text>
      )}
      {Array.from({ length: shown }, (_, i) => (
        <circle
          key={i}
          cx={CARD_W - 12 - (i % 6) * 15}
          cy={CARD_H - 12 - Math.floor(i / 6) * 15}
          r="6.5"
          fill={DOT_COLOR}
          stroke={i < extras.mine ? '#fff' : 'none'}
          stroke-width="2"
        />
      ))}
      {extras.dots > 12 && (
        <text x={CARD_W - 100} y={CARD_H - 40} font-size="13" font-weight="bold" font-family={FONT} fill={DOT_COLOR}>
          {extras.dots}
        </text>
      )}
    </g>
  );
}

function ItemViewRaw({ item, extras }: { item: Item; extras?: CardExtras }) {
  switch (item.kind) {
    case 'stroke':
      return (
        <path
          data-id={item.id}
          data-kind="stroke"
          d={smoothPath(item.points, item.x, item.y)}
          fill="none"
          stroke={item.color}
          stroke-width={item.tool === 'highlighter' ? item.width * 3 : item.width}
          stroke-opacity={item.tool === 'highlighter' ? 0.35 : 1}
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      );
    case 'shape':
      return (
        <ShapeView
          id={item.id}
          shape={item.shape}
          x={item.x}
          y={item.y}
          w={item.w}
          h={item.h}
          color={item.color}
          width={item.width}
        />
      );
    case 'text':
      return (
        <text
          data-id={item.id}
          data-kind="text"
          x={item.x}
          y={item.y + item.size}
          font-size={item.size}
          font-family={FONT}
          fill={item.color}
        >
          {item.text.split('\n').map((line, i) => (
            <tspan key={i} x={item.x} dy={i === 0 ? 0 : item.size * 1.25}>
              {line}
            </tspan>
          ))}
        </text>
      );
    case 'card':
      return <CardView card={item} extras={extras ?? { dots: 0, mine: 0, hiddenLabel: '' }} />;
    case 'cluster':
      return (
        <g data-id={item.id} data-kind="cluster" transform={`translate(${item.x} ${item.y})`}>
          <rect
            width={item.w}
            height={item.h}
            rx="10"
            fill="#f7f4ec"
            stroke="#8a7a55"
            stroke-width="2"
            stroke-dasharray="8 6"
          />
          <text x="14" y="28" font-size="18" font-weight="bold" font-family={FONT} fill="#5b4a22">
            {item.heading}
          </text>
        </g>
      );
    case 'image':
      return (
        <image
          data-id={item.id}
          data-kind="image"
          href={item.src}
          x={item.x}
          y={item.y}
          width={item.w}
          height={item.h}
          preserveAspectRatio="xMidYMid meet"
        />
      );
    case 'dot':
      return null;
  }
}
const ItemView = memo(
  ItemViewRaw,
  (a, b) =>
    a.item === b.item &&
    a.extras?.dots === b.extras?.dots &&
    a.extras?.mine === b.extras?.mine &&
    a.extras?.hiddenLabel === b.extras?.hiddenLabel,
);

export function ShapeView(p: {
  id?: string;
  shape: 'line' | 'arrow' | 'rect' | 'ellipse';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  width: number;
  opacity?: number;
}) {
  const common = {
    'data-id': p.id,
    'data-kind': 'shape',
    fill: 'none',
    stroke: p.color,
    'stroke-width': p.width,
    'stroke-linecap': 'round',
    opacity: p.opacity,
  } as const;
  switch (p.shape) {
    case 'line':
    case 'arrow':
      return (
        <line
          {...common}
          x1={p.x}
          y1={p.y}
          x2={p.x + p.w}
          y2={p.y + p.h}
          marker-end={p.shape === 'arrow' ? 'url(#board-arrow)' : undefined}
        />
      );
    case 'rect':
      return (
        <rect
          {...common}
          x={p.x + Math.min(0, p.w)}
          y={p.y + Math.min(0, p.h)}
          width={Math.abs(p.w)}
          height={Math.abs(p.h)}
          rx="3"
        />
      );
    case 'ellipse':
      return (
        <ellipse {...common} cx={p.x + p.w / 2} cy={p.y + p.h / 2} rx={Math.abs(p.w / 2)} ry={Math.abs(p.h / 2)} />
      );
  }
}

/** Clusters first (they are the background cards sit on), then everything else in z-order. */
export function BoardItems({
  items,
  dots,
  myDots,
  hiddenLabel,
}: {
  items: readonly Item[];
  dots: ReadonlyMap<string, number>;
  myDots: ReadonlyMap<string, number>;
  hiddenLabel: string;
}) {
  const extras = (id: string): CardExtras => ({ dots: dots.get(id) ?? 0, mine: myDots.get(id) ?? 0, hiddenLabel });
  return (
    <g class="board-items">
      {items
        .filter((i) => i.kind === 'cluster')
        .map((i) => (
          <ItemView key={i.id} item={i} />
        ))}
      {items
        .filter((i) => i.kind !== 'cluster' && i.kind !== 'dot')
        .map((i) => (
          <ItemView key={i.id} item={i} extras={i.kind === 'card' ? extras(i.id) : undefined} />
        ))}
    </g>
  );
}
