/**
 * Applying operations to a board: the one function both the server (full boards) and clients
 * (their view of a board) run, so everyone who applies the same ops in seq order ends equal.
 *
 * For speed the state is changed in place (a board of thousands of items must not be copied per
 * op); items themselves are never mutated, only replaced, so snapshots may share them.
 */
import { BOARD_DEFAULTS, type BoardSettings } from './constants.js';
import type { BoardOp, BoardSnapshot, Item } from './schema.js';

export interface BoardState {
  seq: number;
  settings: BoardSettings;
  /** Insertion order is z-order. */
  items: Map<string, Item>;
}

export function emptyBoard(): BoardState {
  return { seq: 0, settings: { ...BOARD_DEFAULTS }, items: new Map() };
}

export function fromSnapshot(s: BoardSnapshot): BoardState {
  return { seq: s.seq, settings: { ...BOARD_DEFAULTS, ...s.settings }, items: new Map(s.items.map((i) => [i.id, i])) };
}

export function toSnapshot(state: BoardState): BoardSnapshot {
  return { seq: state.seq, settings: { ...state.settings }, items: [...state.items.values()] };
}

export function cloneBoard(state: BoardState): BoardState {
  return fromSnapshot(toSnapshot(state));
}

/** Applies one op. Ops about items that are gone are no-ops, so a stale op can never break a board. */
export function applyOp(state: BoardState, op: BoardOp): void {
  switch (op.kind) {
    case 'put':
      for (const item of op.items) state.items.set(item.id, item);
      break;
    case 'patch': {
      const item = state.items.get(op.id);
      if (item) state.items.set(op.id, { ...item, ...op.after } as Item);
      break;
    }
    case 'remove':
      for (const item of op.items) state.items.delete(item.id);
      break;
    case 'settings':
      state.settings = { ...state.settings, ...op.after };
      break;
    case 'noop':
      break;
    default:
      assertNever(op);
  }
  state.seq = op.seq;
}

export function replay(ops: readonly BoardOp[], from: BoardSnapshot | null = null): BoardState {
  const state = from ? fromSnapshot(from) : emptyBoard();
  for (const op of ops) if (op.seq > state.seq) applyOp(state, op);
  return state;
}

/** A stable serialisation: equal boards give equal strings (used to compare boards in tests). */
export function serializeBoard(state: BoardState): string {
  return JSON.stringify(toSnapshot(state), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** Dots of the current round on each card. */
export function dotCounts(state: BoardState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of state.items.values()) {
    if (item.kind === 'dot' && item.round === state.settings.dotRound)
      counts.set(item.cardId, (counts.get(item.cardId) ?? 0) + 1);
  }
  return counts;
}

function assertNever(x: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(x)}`);
}
