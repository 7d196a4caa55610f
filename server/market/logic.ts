/**
 * Idea market: pure state transitions. Time, ids and the people of the workshop come in `ctx`; nothing
 * here reads the clock or touches the store. Rules: shared/market/RULES.md.
 */
import { ROOM_NAME_MAX } from '../../shared/breakouts/constants.js';
import { CommandError } from '../../shared/command.js';
import { mayEditStall, signedUp, stallById, stallFull } from '../../shared/market/rules.js';
import { MARKET_LIMITS, type Market, type MarketView, type Stall } from '../../shared/market/schema.js';
import type { Participant } from '../../shared/workshops/schema.js';

/** What the rules need of a participant. */
export type MarketPerson = Pick<Participant, 'id' | 'name' | 'town' | 'role'> & { removed: boolean };

export interface MarketCtx {
  now: number;
  newId: () => string;
  /** Everyone of the workshop. */
  people: readonly MarketPerson[];
}

/** The stored state is what everyone sees. */
export type MarketRecord = MarketView;

/** A card of the plenary board that may become a stall. */
export interface IdeaCard {
  text: string;
  authorId: string | null;
  authorName: string;
}

export interface StallInput {
  title: string;
  ownerId: string | null;
  capacity: number | null;
}

export const emptyMarket = (): MarketRecord => ({ version: 0, market: null });

const notRunning = () => new CommandError('not_open', 'No idea market is running');

function running(state: MarketRecord): Market {
  const m = state.market;
  if (!m || m.phase === 'ended') throw notRunning();
  return m;
}

const changed = (state: MarketRecord, market: Market): MarketRecord =>
  JSON.stringify(market) === JSON.stringify(state.market) ? state : { ...state, market };

function person(ctx: MarketCtx, id: string | null): MarketPerson | null {
  const p = id === null ? undefined : ctx.people.find((x) => x.id === id && !x.removed);
  return p ?? null;
}

/** [MKT1] A new market in its set-up phase, replacing whatever ran; `cards` become its first stalls. */
export function start(
  state: MarketRecord,
  params: { pitchSec: number },
  cards: readonly IdeaCard[],
  ctx: MarketCtx,
): MarketRecord {
  const market: Market = {
    id: ctx.newId(),
    phase: 'setup',
    stalls: [],
    pitchSec: params.pitchSec,
    pitch: null,
    startedAt: ctx.now,
    endedAt: null,
  };
  return fromCards({ ...state, market }, cards, null, ctx);
}

/** [MKT2] A typed stall; the owner is a participant of the workshop (or nobody: the moderators). */
export function add(state: MarketRecord, input: StallInput, ctx: MarketCtx): MarketRecord {
  const m = running(state);
  if (m.phase === 'open') throw new CommandError('conflict', 'The stalls are open: add stalls before opening');
  if (m.stalls.length >= MARKET_LIMITS.stalls) throw new CommandError('conflict', 'Too many stalls');
  const owner = person(ctx, input.ownerId);
  if (input.ownerId !== null && !owner) throw new CommandError('not_found', 'No such participant');
  const stall: Stall = {
    id: ctx.newId(),
    roomId: null,
    title: input.title.slice(0, MARKET_LIMITS.title),
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? '',
    capacity: input.capacity,
    signups: [],
    notes: '',
    contactId: owner?.id ?? null,
    contactName: owner?.name ?? '',
  };
  return { ...state, market: { ...m, stalls: [...m.stalls, stall] } };
}

/** [MKT2] Cards become stalls (title: the card's text, owner: its author when still here), up to the limit. */
export function fromCards(
  state: MarketRecord,
  cards: readonly IdeaCard[],
  capacity: number | null,
  ctx: MarketCtx,
): MarketRecord {
  let next = state;
  for (const card of cards) {
    const title = card.text.trim().replace(/\s+/g, ' ').slice(0, MARKET_LIMITS.title);
    if (!title || running(next).stalls.length >= MARKET_LIMITS.stalls) continue;
    next = add(next, { title, ownerId: person(ctx, card.authorId)?.id ?? null, capacity }, ctx);
  }
  return next;
}

/** [MKT2] A stall goes (not while the stalls are open as rooms). */
export function remove(state: MarketRecord, stallId: string): MarketRecord {
  const m = running(state);
  if (!stallById(m, stallId)) throw new CommandError('not_found', 'No such stall');
  if (m.phase !== 'setup') throw new CommandError('conflict', 'Remove stalls before the pitches start');
  return { ...state, market: { ...m, stalls: m.stalls.filter((s) => s.id !== stallId) } };
}

/**
 * [MKT3] The first pitch, or the next one; after the last the market is ready to open (set-up again).
 * `from`: the pitch the sender saw (-1: none); when another one runs by now (the time ran out, another
 * moderator pressed first), nothing happens, so a double press moves once.
 */
export function pitch(state: MarketRecord, ctx: Pick<MarketCtx, 'now'>, from?: number): MarketRecord {
  const m = running(state);
  if (from !== undefined && from !== (m.phase === 'pitch' && m.pitch ? m.pitch.index : -1)) return state;
  if (m.stalls.length === 0) throw new CommandError('conflict', 'No stalls to pitch');
  if (m.phase === 'open') throw new CommandError('conflict', 'The stalls are open already');
  const index = m.phase === 'pitch' && m.pitch ? m.pitch.index + 1 : 0;
  if (index >= m.stalls.length) return changed(state, { ...m, phase: 'setup', pitch: null });
  const slot = { index, startedAt: ctx.now, deadline: ctx.now + m.pitchSec * 1000 };
  return changed(state, { ...m, phase: 'pitch', pitch: slot });
}

/** [MKT3] A pitch whose time is up gives the word to the next owner (after the last: set-up again). */
export function tick(state: MarketRecord, ctx: Pick<MarketCtx, 'now'>): MarketRecord {
  const p = state.market?.phase === 'pitch' ? state.market.pitch : null;
  return p && p.deadline <= ctx.now ? pitch(state, ctx) : state;
}

/** [MKT3] The deadline the store files for the tickers: the running pitch's end. */
export const deadlineOf = (state: MarketRecord): number | null =>
  state.market?.phase === 'pitch' ? (state.market.pitch?.deadline ?? null) : null;

/** [MKT4] Refuses to open when there is nothing to open (before any room changes). */
export function checkOpen(state: MarketRecord): Market {
  const m = running(state);
  if (m.stalls.length === 0) throw new CommandError('conflict', 'No stalls to open');
  if (m.phase === 'open') throw new CommandError('conflict', 'The stalls are open already');
  return m;
}

/**
 * [MKT4] The stalls open: `roomIds` are the rooms made from `stallRooms` of the same stalls, in their order.
 * A stall added or removed in between (another moderator): `conflict`, the rooms stay as they are.
 */
export function open(state: MarketRecord, opened: { stallIds: readonly string[]; roomIds: readonly string[] }) {
  const m = checkOpen(state);
  const same = m.stalls.length === opened.stallIds.length && m.stalls.every((s, i) => s.id === opened.stallIds[i]);
  if (!same || opened.roomIds.length !== m.stalls.length)
    throw new CommandError('conflict', 'The stalls changed while their rooms opened');
  const stalls = m.stalls.map((s, i) => ({ ...s, roomId: opened.roomIds[i]! }));
  return { ...state, market: { ...m, stalls, phase: 'open' as const, pitch: null } };
}

/** [MKT7] The market ends; its stalls, sign-ups and notes stay. Ended already: nothing changes. */
export function stop(state: MarketRecord, ctx: Pick<MarketCtx, 'now'>): MarketRecord {
  const m = state.market;
  if (!m || m.phase === 'ended') return state;
  return { ...state, market: { ...m, phase: 'ended', pitch: null, endedAt: ctx.now } };
}

function withStall(state: MarketRecord, stallId: string, change: (s: Stall, m: Market) => Stall): MarketRecord {
  const m = running(state);
  const stall = stallById(m, stallId);
  if (!stall) throw new CommandError('not_found', 'No such stall');
  const next = change(stall, m);
  return changed(state, { ...m, stalls: m.stalls.map((s) => (s.id === stallId ? next : s)) });
}

/** [MKT5] "I'm in": once per person and stall (again: the offer is updated), while the capacity allows. */
export function signup(
  state: MarketRecord,
  actorId: string,
  stallId: string,
  offer: string,
  ctx: MarketCtx,
): MarketRecord {
  const me = person(ctx, actorId);
  if (!me) throw new CommandError('not_found', 'No such participant');
  return withStall(state, stallId, (s) => {
    if (signedUp(s, actorId))
      return { ...s, signups: s.signups.map((x) => (x.participantId === actorId ? { ...x, offer } : x)) };
    if (stallFull(s)) throw new CommandError('room_full', 'This stall is full');
    const entry = { participantId: me.id, name: me.name, town: me.town, offer, at: ctx.now };
    return { ...s, signups: [...s.signups, entry] };
  });
}

/** [MKT5] Off the list again; not on it: nothing changes. */
export function withdraw(state: MarketRecord, actorId: string, stallId: string): MarketRecord {
  return withStall(state, stallId, (s) => ({ ...s, signups: s.signups.filter((x) => x.participantId !== actorId) }));
}

/** [MKT6] Next steps and the contact person: the stall's owner, its contact or a moderator. */
export function notes(
  state: MarketRecord,
  actor: { id: string; moderator: boolean },
  input: { stallId: string; notes: string; contactId?: string },
  ctx: MarketCtx,
): MarketRecord {
  return withStall(state, input.stallId, (s) => {
    if (!mayEditStall(s, actor.id, actor.moderator))
      throw new CommandError('forbidden', 'Only the stall’s owner, its contact or a moderator may edit its notes');
    const next = { ...s, notes: input.notes };
    if (input.contactId === undefined) return next;
    const contact = person(ctx, input.contactId);
    if (!contact) throw new CommandError('not_found', 'No such participant');
    return { ...next, contactId: contact.id, contactName: contact.name };
  });
}

/** [MKT2] The board's cards by dots (most first; a tie: the order they were written), without hidden ones. */
export function topCards(
  cards: readonly { id: string; text: string; by: string; authorName: string; hidden?: boolean }[],
  dots: ReadonlyMap<string, number>,
  count: number,
): IdeaCard[] {
  return cards
    .filter((c) => !c.hidden && c.text.trim() !== '')
    .map((c, i) => ({ c, i, dots: dots.get(c.id) ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.i - b.i)
    .slice(0, count)
    .map(({ c }) => ({ text: c.text, authorId: c.by || null, authorName: c.authorName }));
}

/** [MKT4] The breakout rooms of the stalls, in their order: named after each, its owner as host, its capacity. */
export function stallRooms(m: Market) {
  return m.stalls.map((s) => ({ name: s.title.slice(0, ROOM_NAME_MAX), hostId: s.ownerId, capacity: s.capacity }));
}
