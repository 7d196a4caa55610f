/** Seeded random board activity for property tests (named test-*.ts so the server build leaves it out). */
import { CommandError } from '../../shared/command.js';
import { applyOp, emptyBoard, type BoardState } from '../../shared/boards/apply.js';
import {
  CARD_COLORS,
  INK_COLORS,
  type Item,
  type BoardOp,
  type BoardOpBody,
  type Intent,
  type NewItem,
  type SettingsInput,
} from '../../shared/boards/schema.js';
import { seededRng } from '../breakouts/random.js';
import * as logic from './logic.js';

export function rng(seed: number) {
  const base = seededRng(seed);
  return {
    next: base.next,
    int: base.int,
    pick: <T>(list: readonly T[]): T => list[base.int(list.length)]!,
    chance: (p: number) => base.next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const ACTORS: logic.Actor[] = [
  { id: 'mod', name: 'Mia', moderator: true },
  { id: 'ana', name: 'Ana', moderator: false },
  { id: 'ben', name: 'Ben', moderator: false },
  { id: 'ola', name: 'Ola', moderator: false },
];

let counter = 0;
const newId = (r: Rng) => `i${r.int(1e9).toString(36)}${(counter++).toString(36)}`;

function randomItem(r: Rng, state: BoardState): NewItem {
  const x = r.int(2000) - 500;
  const y = r.int(1200) - 300;
  const id = newId(r);
  const cards = [...state.items.values()].filter((i) => i.kind === 'card');
  const clusters = [...state.items.values()].filter((i) => i.kind === 'cluster');
  switch (r.int(7)) {
    case 0: {
      const points = Array.from({ length: 2 * (1 + r.int(20)) }, () => r.int(200) - 100);
      return {
        kind: 'stroke',
        id,
        x,
        y,
        tool: r.pick(['pen', 'highlighter'] as const),
        color: r.pick(INK_COLORS),
        width: 1 + r.int(10),
        points,
      };
    }
    case 1:
      return {
        kind: 'shape',
        id,
        x,
        y,
        shape: r.pick(['line', 'arrow', 'rect', 'ellipse'] as const),
        color: r.pick(INK_COLORS),
        width: 2,
        w: r.int(300) - 150,
        h: r.int(200) - 100,
      };
    case 2:
      return { kind: 'text', id, x, y, text: `Text ${r.int(100)} äöü`, color: r.pick(INK_COLORS), size: 18 };
    case 3:
      return { kind: 'cluster', id, x, y, w: 400, h: 300, heading: `Cluster ${r.int(10)}` };
    case 4:
      if (cards.length && r.chance(0.8)) return { kind: 'dot', id, cardId: r.pick(cards).id };
      return randomCard(r, id, x, y, clusters);
    default:
      return randomCard(r, id, x, y, clusters);
  }
}

function randomCard(r: Rng, id: string, x: number, y: number, clusters: Item[]): NewItem {
  return {
    kind: 'card',
    id,
    x,
    y,
    text: `Idee ${r.int(1000)} – «${r.int(9)}»`,
    color: r.pick(CARD_COLORS),
    clusterId: clusters.length && r.chance(0.3) ? r.pick(clusters).id : null,
  };
}

function randomIntent(r: Rng, state: BoardState): Intent {
  const items = [...state.items.values()];
  const roll = r.int(10);
  if (roll < 5 || items.length === 0) return { type: 'add', item: randomItem(r, state) };
  const target = r.pick(items);
  if (roll < 8) {
    const clusters = items.filter((i) => i.kind === 'cluster');
    const patch =
      target.kind === 'card' && r.chance(0.5)
        ? r.chance(0.5) || !clusters.length
          ? { text: `geändert ${r.int(100)}` }
          : { clusterId: r.pick(clusters).id }
        : target.kind === 'cluster' && r.chance(0.5)
          ? { heading: `H${r.int(50)}` }
          : { x: r.int(1000), y: r.int(1000) };
    return { type: 'update', id: target.id, patch };
  }
  return { type: 'remove', ids: [target.id, ...(r.chance(0.2) && items.length > 1 ? [r.pick(items).id] : [])] };
}

function randomSettings(r: Rng): SettingsInput {
  const options: SettingsInput[] = [
    { cardsHidden: r.chance(0.5) },
    { cardsAnonymous: r.chance(0.5) },
    { cardLimit: r.int(4) },
    { startCards: true },
    { startDots: true },
    { dotsOpen: r.chance(0.5) },
    { dotsLive: r.chance(0.5) },
    { dotBudget: 1 + r.int(5), dotsPerCard: 1 + r.int(3) },
    { locked: r.chance(0.3) },
    { drawing: r.pick(['everyone', 'moderators'] as const) },
    { cardsOpen: r.chance(0.5) },
    { header: `Frage ${r.int(10)}?` },
  ];
  return r.pick(options);
}

/**
 * Runs `steps` random actions by random actors through the real rules (refusals are skipped),
 * including undo/redo of one's own ops, settings and clears. Returns the log.
 */
export function randomLog(seed: number, steps: number): { ops: BoardOp[]; state: BoardState; refusals: number } {
  const r = rng(seed);
  const state = emptyBoard();
  const ops: BoardOp[] = [];
  let refusals = 0;
  for (let i = 0; i < steps; i++) {
    const actor = r.chance(0.25) ? ACTORS[0]! : r.pick(ACTORS);
    let body: BoardOpBody;
    let revertOf: number | undefined;
    try {
      const roll = r.next();
      if (roll < 0.07) body = logic.resolveSettings(state, randomSettings(r), ACTORS[0]!);
      else if (roll < 0.09) body = logic.resolveClear(state, ACTORS[0]!);
      else if (roll < 0.2 && ops.length) {
        const own = ops.filter((o) => o.by === actor.id);
        const target = own.length ? own[own.length - 1 - r.int(Math.min(3, own.length))] : undefined;
        body = logic.resolveRevert(state, target, actor);
        revertOf = target?.seq;
      } else body = logic.resolveIntent(state, randomIntent(r, state), actor);
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      refusals++;
      continue;
    }
    const op: BoardOp = { ...body, seq: state.seq + 1, by: actor.id, at: 1000 + i, ...(revertOf ? { revertOf } : {}) };
    applyOp(state, op);
    ops.push(op);
  }
  return { ops, state, refusals };
}
