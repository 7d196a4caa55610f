import { dotCounts, replay } from '../../shared/boards/apply.js';
import type { CardItem } from '../../shared/boards/schema.js';
import { viewBoard } from '../../shared/boards/view.js';
import { CommandError } from '../../shared/command.js';
import { marketStartSchema, type MarketStartInput, type MarketView } from '../../shared/market/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Invoke } from '../agenda/mechanics.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, MemberContext } from '../realtime/types.js';
import * as logic from './logic.js';
import type { IdeaCard, MarketCtx, MarketRecord } from './logic.js';

const ATTEMPTS = 6;

/**
 * The one way the market changes: load a snapshot, compute with pure logic, apply atomically with the
 * snapshot's version; when another command or node changed it in between, compute again on top of theirs
 * (the last place at a stall taken meanwhile: `room_full`). Rooms go through the breakouts' own commands.
 */
export function createMarketService(deps: Deps, invoke: Invoke) {
  const { store, io } = deps;

  async function load(workshopId: string): Promise<MarketRecord> {
    return (await store.market.get(workshopId)) ?? logic.emptyMarket();
  }

  async function change(
    workshopId: string,
    compute: (state: MarketRecord, ctx: MarketCtx) => MarketRecord,
  ): Promise<{ before: MarketRecord; after: MarketRecord }> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people] = await Promise.all([load(workshopId), store.listParticipants(workshopId)]);
      const ctx: MarketCtx = { now: deps.clock(), newId: () => deps.ids.id(10), people };
      const next = compute(state, ctx);
      if (next === state) return { before: state, after: state };
      const result = await store.market.apply(workshopId, state.version, next, logic.deadlineOf(next));
      if (!result.ok) continue;
      io.to(rooms.workshop(workshopId)).emit('market:updated', result.state);
      return { before: state, after: result.state };
    }
    throw new CommandError('conflict', 'The idea market was changed by someone else at the same moment');
  }

  const run = async (workshopId: string, compute: (s: MarketRecord, c: MarketCtx) => MarketRecord) =>
    (await change(workshopId, compute)).after;

  /** [MKT2] The plenary board's top cards by dots, as anyone sees them (anonymous cards have no owner). */
  async function boardCards(workshopId: string, count: number): Promise<IdeaCard[]> {
    if (count === 0) return [];
    const log = await store.boards.readBoard({ workshopId, roomId: PLENARY }, -1);
    const board = replay(log.ops, log.snapshot);
    const seen = viewBoard(board, { id: '' });
    const cards = seen.items.filter((i): i is CardItem => i.kind === 'card');
    return logic.topCards(cards, dotCounts(board), count);
  }

  /** [MKT1] A new market; `fromBoard` top cards of the plenary board become its first stalls. */
  async function start(workshopId: string, input: MarketStartInput): Promise<MarketView> {
    const params = marketStartSchema.parse(input);
    const cards = await boardCards(workshopId, params.fromBoard);
    return run(workshopId, (s, ctx) => logic.start(s, params, cards, ctx));
  }

  async function fromBoard(workshopId: string, count: number, capacity: number | null) {
    const cards = await boardCards(workshopId, count);
    return run(workshopId, (s, ctx) => logic.fromCards(s, cards, capacity, ctx));
  }

  /**
   * [MKT4] The stalls become breakout rooms (same ids, the stalls' titles and capacities, the owners as hosts)
   * in "choose" mode, open for `durationMs`; then the market is open. Rooms that run already are replaced.
   */
  async function open(ctx: MemberContext, durationMs: number): Promise<MarketView> {
    const workshopId = ctx.member.workshop.id;
    const market = logic.checkOpen(await load(workshopId));
    await closeRooms(ctx);
    const version = (await store.breakouts.get(workshopId))?.version ?? 0;
    let view = await invoke('breakout:rooms', { version, rooms: logic.stallRooms(market) }, ctx);
    const opened = { stallIds: market.stalls.map((s) => s.id), roomIds: view.rooms.map((r) => r.id) };
    view = await invoke('breakout:assign', { version: view.version, mode: 'choose' }, ctx);
    await invoke('breakout:open', { version: view.version, durationMs }, ctx);
    return run(workshopId, (s) => logic.open(s, opened));
  }

  /** [MKT7] The market ends; when its stalls were open, their rooms close (everyone back to the plenary). */
  async function stop(ctx: MemberContext): Promise<MarketView> {
    const { before, after } = await change(ctx.member.workshop.id, (s, c) => logic.stop(s, c));
    if (before.market?.phase === 'open') await closeRooms(ctx);
    return after;
  }

  async function closeRooms(ctx: MemberContext) {
    const rooms = await store.breakouts.get(ctx.member.workshop.id);
    if (rooms?.status !== 'open') return;
    await invoke('breakout:close', {}, ctx).catch((err) => {
      if (!(err instanceof CommandError && ['conflict', 'not_open'].includes(err.code))) throw err;
    });
  }

  return { load, run, start, fromBoard, open, stop };
}

export type MarketService = ReturnType<typeof createMarketService>;
