/**
 * Board rules (shared/boards/RULES.md): turns what a person asks for into a resolved operation
 * against the exact current board, or refuses. Pure: no sockets, no store, no clock.
 */
import { CommandError } from '../../shared/command.js';
import type { BoardState } from '../../shared/boards/apply.js';
import {
  BOARD_LIMITS,
  CARD_COLORS,
  INK_COLORS,
  PATCHABLE,
  type BoardOpBody,
  type BoardOp,
  type BoardSettings,
  type CardItem,
  type Intent,
  type Item,
  type NewItem,
  type Patch,
  type SettingsInput,
  type SettingsPatch,
} from '../../shared/boards/schema.js';

export interface Actor {
  id: string;
  name: string;
  moderator: boolean;
}

const refuse = (code: ConstructorParameters<typeof CommandError>[0], message: string): never => {
  throw new CommandError(code, message);
};

/** [BOARD3] While locked, only moderators change the board. */
function checkUnlocked(s: BoardSettings, actor: Actor) {
  if (s.locked && !actor.moderator) refuse('board_locked', 'The board is locked');
}

/** [BOARD3] Drawing is for everyone, or only for moderators. */
export function mayDraw(s: BoardSettings, actor: Actor): boolean {
  return actor.moderator || (!s.locked && s.drawing === 'everyone');
}

function mayWriteCards(s: BoardSettings, actor: Actor): boolean {
  return actor.moderator || (!s.locked && (s.drawing === 'everyone' || s.cardsOpen));
}

/** [BOARD5] Hidden cards of others cannot be read, so they cannot be edited either. */
function cardHiddenFrom(card: CardItem, s: BoardSettings, actor: Actor) {
  return s.cardsHidden && card.by !== actor.id;
}

function newItem(state: BoardState, item: NewItem, actor: Actor): Item {
  const s = state.settings;
  switch (item.kind) {
    case 'card':
      return { ...item, by: actor.id, authorName: actor.name, anonymous: s.cardsAnonymous, round: s.cardRound };
    case 'dot':
      return { ...item, by: actor.id, round: s.dotRound };
    default:
      return { ...item, by: actor.id };
  }
}

/** Resolves a client's intent into an operation body, checked against the board. */
export function resolveIntent(state: BoardState, intent: Intent, actor: Actor): BoardOpBody {
  let body: BoardOpBody;
  switch (intent.type) {
    case 'add':
      body = { kind: 'put', items: [newItem(state, intent.item, actor)] };
      break;
    case 'update':
      body = resolvePatch(state, intent.id, intent.patch);
      break;
    case 'remove': {
      const items = [...new Set(intent.ids)].map((id) => state.items.get(id)).filter((i): i is Item => i !== undefined);
      if (items.length === 0) refuse('not_found', 'Nothing to remove: already gone');
      body = { kind: 'remove', items };
      break;
    }
  }
  checkOp(state, body, actor);
  return body;
}

function resolvePatch(state: BoardState, id: string, patch: Patch): BoardOpBody {
  const item = state.items.get(id);
  if (!item) return refuse('not_found', 'This item is no longer on the board');
  const before: Patch = {};
  const after: Patch = {};
  for (const [key, value] of Object.entries(patch) as [keyof Patch, unknown][]) {
    if (!PATCHABLE[item.kind].includes(key)) refuse('invalid_payload', `A ${item.kind} has no ${key} to change`);
    const current = (item as Record<string, unknown>)[key];
    if (current === value) continue;
    (before as Record<string, unknown>)[key] = current;
    (after as Record<string, unknown>)[key] = value;
  }
  return {
    kind: 'patch',
    id,
    ref: { kind: item.kind, by: item.by, ...(item.kind === 'card' ? { anonymous: item.anonymous } : {}) },
    before,
    after,
  };
}

/**
 * Every op, whether new or an undo, passes the same checks against the board it will follow.
 * [BOARD7] A put is checked as one operation: an item may refer to another item of the same put
 * (a restored card to its restored cluster, a restored dot to its restored card).
 */
function checkOp(state: BoardState, body: BoardOpBody, actor: Actor, restoring = false): void {
  const s = state.settings;
  if (body.kind !== 'settings') checkUnlocked(s, actor);
  switch (body.kind) {
    case 'put': {
      if (state.items.size + body.items.length > BOARD_LIMITS.items) refuse('board_full', 'The board is full');
      const batch = new Map(body.items.map((i) => [i.id, i]));
      const find = (id: string) => state.items.get(id) ?? batch.get(id);
      for (const item of body.items) checkPut(state, find, item, body.items, actor, restoring);
      return;
    }
    case 'patch':
      checkPatch(state, body, actor);
      return;
    case 'remove':
      for (const item of body.items) checkRemove(s, item, actor);
      return;
    case 'settings':
      if (!actor.moderator) refuse('forbidden', 'Only moderators change the board settings');
      return;
    case 'noop':
      return;
  }
}

type Find = (id: string) => Item | undefined;

function checkPut(state: BoardState, find: Find, item: Item, batch: readonly Item[], actor: Actor, restoring: boolean) {
  const s = state.settings;
  if (state.items.has(item.id)) refuse('conflict', 'An item with this id exists');
  switch (item.kind) {
    case 'dot':
      return checkDot(state, find, item, batch, actor, restoring);
    case 'card': {
      // A restored card keeps its cluster even when that is gone: the undo brings back what was.
      if (item.clusterId !== null && !restoring && find(item.clusterId)?.kind !== 'cluster')
        refuse('not_found', 'No such cluster');
      if (actor.moderator) return;
      if (item.by !== actor.id || !mayWriteCards(s, actor)) refuse('forbidden', 'Cards cannot be added now');
      if (s.cardLimit > 0 && item.round === s.cardRound) {
        const mine = (i: Item) => i.kind === 'card' && i.by === actor.id && i.round === s.cardRound;
        const count = [...state.items.values()].filter(mine).length + batch.filter(mine).length;
        // [CARD2] the limit counts this round's cards of the person, including this one
        if (count > s.cardLimit) refuse('limit_reached', `At most ${s.cardLimit} cards per person`);
      }
      return;
    }
    default:
      if (!mayDraw(s, actor)) refuse('forbidden', 'Only moderators may draw on this board');
  }
}

/** [DOT1]-[DOT3] Dots: voting open, a visible card, within the budget and the per-card maximum. */
function checkDot(
  state: BoardState,
  find: Find,
  dot: Extract<Item, { kind: 'dot' }>,
  batch: readonly Item[],
  actor: Actor,
  restoring: boolean,
) {
  const s = state.settings;
  // A moderator undoing a clear restores dots exactly as they were, whoever placed them and whenever.
  if (actor.moderator && restoring) return;
  if (find(dot.cardId)?.kind !== 'card') refuse('not_found', 'No such card');
  if (actor.moderator && dot.by !== actor.id) return;
  if (dot.by !== actor.id) refuse('forbidden', 'Dots are placed by their voter');
  if (!s.dotsOpen || dot.round !== s.dotRound) refuse('forbidden', 'Dot voting is not open');
  const card = find(dot.cardId);
  if (card?.kind !== 'card' || cardHiddenFrom(card, s, actor)) refuse('not_found', 'No such card');
  const mine = [...state.items.values(), ...batch].filter(
    (i) => i.kind === 'dot' && i.by === actor.id && i.round === s.dotRound,
  );
  if (mine.length > s.dotBudget) refuse('limit_reached', `At most ${s.dotBudget} dots`);
  if (mine.filter((i) => i.kind === 'dot' && i.cardId === dot.cardId).length > s.dotsPerCard) {
    refuse('limit_reached', `At most ${s.dotsPerCard} dots per card`);
  }
}

function checkPatch(state: BoardState, body: Extract<BoardOpBody, { kind: 'patch' }>, actor: Actor) {
  const s = state.settings;
  const item = state.items.get(body.id);
  if (!item) return refuse('not_found', 'This item is no longer on the board');
  const fields = Object.keys(body.after) as (keyof Patch)[];
  for (const f of fields)
    if (!PATCHABLE[item.kind].includes(f)) refuse('invalid_payload', `A ${item.kind} has no ${f} to change`);
  const after = body.after;
  if (after.color !== undefined) {
    const palette: readonly string[] = item.kind === 'card' ? CARD_COLORS : INK_COLORS;
    if (!palette.includes(after.color)) refuse('invalid_payload', 'Not a colour of this palette');
  }
  if (after.clusterId && state.items.get(after.clusterId)?.kind !== 'cluster') refuse('not_found', 'No such cluster');
  if (item.kind === 'card') {
    if (after.text !== undefined && after.text.length > BOARD_LIMITS.cardText)
      refuse('invalid_payload', 'Card text too long');
    const own = item.by === actor.id;
    const content = after.text !== undefined || after.color !== undefined;
    if (content && !own && (!actor.moderator || cardHiddenFrom(item, s, actor)))
      refuse('forbidden', 'Only the author edits a card');
    if (!content && !own && !mayDraw(s, actor)) refuse('forbidden', 'Only moderators may move cards now');
    if (own && !mayWriteCards(s, actor) && !mayDraw(s, actor)) refuse('forbidden', 'Cards cannot be changed now');
    return;
  }
  if (!mayDraw(s, actor)) refuse('forbidden', 'Only moderators may draw on this board');
}

function checkRemove(s: BoardSettings, item: Item, actor: Actor) {
  if (actor.moderator) return;
  if (item.kind === 'dot') {
    if (item.by !== actor.id) refuse('forbidden', 'Only your own dots');
    if (!s.dotsOpen || item.round !== s.dotRound) refuse('forbidden', 'Dot voting is not open');
    return;
  }
  if (item.kind === 'card') {
    if (item.by !== actor.id) refuse('forbidden', 'Only the author or a moderator removes a card');
    if (!mayWriteCards(s, actor) && !mayDraw(s, actor)) refuse('forbidden', 'Cards cannot be changed now');
    return;
  }
  if (!mayDraw(s, actor)) refuse('forbidden', 'Only moderators may draw on this board');
}

/** [BOARD6] Settings: only what changes is logged, so an undo restores exactly that. */
export function resolveSettings(state: BoardState, input: SettingsInput, actor: Actor): BoardOpBody {
  if (!actor.moderator) refuse('forbidden', 'Only moderators change the board settings');
  const s = state.settings;
  const { startCards, startDots, ...rest } = input;
  const wanted: SettingsPatch = { ...rest };
  if (startCards) Object.assign(wanted, { cardRound: s.cardRound + 1, cardsOpen: input.cardsOpen ?? true });
  if (startDots) Object.assign(wanted, { dotRound: s.dotRound + 1, dotsOpen: input.dotsOpen ?? true });
  const before: SettingsPatch = {};
  const after: SettingsPatch = {};
  for (const [key, value] of Object.entries(wanted) as [keyof BoardSettings, unknown][]) {
    if (value === undefined || s[key] === value) continue;
    (before as Record<string, unknown>)[key] = s[key];
    (after as Record<string, unknown>)[key] = value;
  }
  return { kind: 'settings', before, after };
}

/** [BOARD7] Clearing removes every item in one op, so one undo brings everything back. */
export function resolveClear(state: BoardState, actor: Actor): BoardOpBody {
  if (!actor.moderator) refuse('forbidden', 'Only moderators clear the board');
  if (state.items.size === 0) refuse('not_found', 'The board is already empty');
  return { kind: 'remove', items: [...state.items.values()] };
}

/**
 * The op that undoes `op` on the board as it is now, or null when nothing of it is left to undo.
 * Undoing an undo redoes ([BOARD4]).
 */
export function inverse(state: BoardState, op: BoardOp): BoardOpBody | null {
  switch (op.kind) {
    case 'put': {
      const present = op.items.map((i) => state.items.get(i.id)).filter((i): i is Item => i !== undefined);
      return present.length ? { kind: 'remove', items: present } : null;
    }
    case 'remove': {
      const gone = op.items.filter((i) => !state.items.has(i.id));
      return gone.length ? { kind: 'put', items: gone } : null;
    }
    case 'patch': {
      const item = state.items.get(op.id) as Record<string, unknown> | undefined;
      if (!item) return null;
      const before = Object.fromEntries(Object.keys(op.before).map((k) => [k, item[k]])) as Patch;
      return { kind: 'patch', id: op.id, ref: op.ref, before, after: op.before };
    }
    case 'settings': {
      const before = Object.fromEntries(
        Object.keys(op.before).map((k) => [k, state.settings[k as keyof BoardSettings]]),
      ) as SettingsPatch;
      return { kind: 'settings', before, after: op.before };
    }
    case 'noop':
      return null;
  }
}

/** [BOARD4] People undo their own actions only; the undo is checked like any new op. */
export function resolveRevert(state: BoardState, target: BoardOp | undefined, actor: Actor): BoardOpBody {
  if (!target) return refuse('not_found', 'This action is too old to undo');
  if (target.by !== actor.id) refuse('forbidden', 'You can only undo your own actions');
  const body = inverse(state, target);
  if (!body) return refuse('conflict', 'Nothing of this action is left to undo');
  checkOp(state, body, actor, true);
  return body;
}

/** Ops that add to the board are held to the byte limit; ops that shrink it are let through. */
export function grows(body: BoardOpBody): boolean {
  return body.kind === 'put' || (body.kind === 'patch' && body.after.text !== undefined);
}
