/**
 * What one person may see of a board. Hidden cards lose their text, anonymous cards their author,
 * hidden dots disappear, and an op's actor is blank unless it is the viewer. The server sends only
 * views; a client applying view ops to a view ends at the view of the board ([BOARD8]).
 */
import type { BoardState } from './apply.js';
import type { BoardOp, BoardSettings, BoardSnapshot, Item, Patch } from './schema.js';

export interface Viewer {
  id: string;
}

const VISIBILITY_FIELDS = ['cardsHidden', 'dotsLive', 'dotsOpen'] as const;

/** A settings op that may change what people see: clients then fetch a fresh view ([BOARD9]). */
export function changesVisibility(op: BoardOp): boolean {
  return op.kind === 'settings' && VISIBILITY_FIELDS.some((k) => k in op.after && op.after[k] !== op.before[k]);
}

/** The item as `viewer` may see it, or null when it is hidden from them entirely. */
function viewItem(item: Item, viewer: Viewer, s: BoardSettings): Item | null {
  if (item.kind === 'dot') return item.by === viewer.id || s.dotsLive || !s.dotsOpen ? item : null;
  if (item.kind !== 'card' || item.by === viewer.id) return item;
  let card = item;
  if (card.anonymous) card = { ...card, by: '', authorName: '' };
  if (s.cardsHidden) card = { ...card, text: '', hidden: true };
  return card;
}

function viewPatch(op: Extract<BoardOp, { kind: 'patch' }>, viewer: Viewer, s: BoardSettings): BoardOp {
  if (op.ref.kind !== 'card' || op.ref.by === viewer.id) return op;
  const ref = op.ref.anonymous ? { ...op.ref, by: '' } : op.ref;
  if (!s.cardsHidden || (!('text' in op.after) && !('text' in op.before))) return { ...op, ref };
  const strip = ({ text: _t, ...rest }: Patch): Patch => rest;
  return { ...op, ref, before: strip(op.before), after: strip(op.after) };
}

/** The op as `viewer` may see it; never null, so the viewer's sequence has no gaps. */
export function viewOp(op: BoardOp, viewer: Viewer, s: BoardSettings): BoardOp {
  const by = op.by === viewer.id ? op.by : '';
  const base = { seq: op.seq, at: op.at, by, ...(op.revertOf !== undefined ? { revertOf: op.revertOf } : {}) };
  switch (op.kind) {
    case 'put':
    case 'remove': {
      const items = op.items.map((i) => viewItem(i, viewer, s)).filter((i): i is Item => i !== null);
      return items.length === 0 ? { ...base, kind: 'noop' } : { ...base, kind: op.kind, items };
    }
    case 'patch':
      return { ...viewPatch(op, viewer, s), ...base };
    case 'settings':
    case 'noop':
      return { ...op, ...base };
  }
}

export function viewBoard(state: BoardState, viewer: Viewer): BoardSnapshot {
  const items: Item[] = [];
  for (const item of state.items.values()) {
    const seen = viewItem(item, viewer, state.settings);
    if (seen) items.push(seen);
  }
  return { seq: state.seq, settings: { ...state.settings }, items };
}
