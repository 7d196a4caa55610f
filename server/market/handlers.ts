import type { marketCommands } from '../../shared/market/events.js';
import { invokeThrough } from '../agenda/mechanics.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import * as logic from './logic.js';
import { createMarketService } from './service.js';
import { createMarketTicker } from './ticker.js';

type MarketHandlers = Pick<HandlerTable, keyof typeof marketCommands>;

/**
 * The idea market. `table` gives every feature's handlers (filled once all features exist): the stalls'
 * rooms open and close through the breakouts' own commands. The ticker moves a pitch on when its time is up.
 */
export function marketFeature(deps: Deps, table: () => HandlerTable): Feature<keyof typeof marketCommands> {
  const service = createMarketService(deps, invokeThrough(table));
  const ticker = createMarketTicker(deps, service);
  const w = (ctx: { member: { workshop: { id: string } } }) => ctx.member.workshop.id;
  const handlers: MarketHandlers = {
    'market:start': async (params, ctx) => service.start(w(ctx), params),
    'market:add': async (input, ctx) => service.run(w(ctx), (s, c) => logic.add(s, input, c)),
    'market:from-board': async (input, ctx) => service.fromBoard(w(ctx), input.count, input.capacity),
    'market:remove': async (input, ctx) => service.run(w(ctx), (s) => logic.remove(s, input.stallId)),
    'market:pitch': async (input, ctx) => service.run(w(ctx), (s, c) => logic.pitch(s, c, input.from)),
    'market:open': async (input, ctx) => service.open(ctx, input.durationMs),
    'market:stop': async (_input, ctx) => service.stop(ctx),
    'market:signup': async (input, ctx) =>
      service.run(w(ctx), (s, c) => logic.signup(s, ctx.member.actor.id, input.stallId, input.offer, c)),
    'market:withdraw': async (input, ctx) =>
      service.run(w(ctx), (s) => logic.withdraw(s, ctx.member.actor.id, input.stallId)),
    'market:notes': async (input, ctx) =>
      service.run(w(ctx), (s, c) =>
        logic.notes(s, { id: ctx.member.actor.id, moderator: ctx.member.actor.role === 'moderator' }, input, c),
      ),
    'market:sync': async (_input, ctx) => service.load(w(ctx)),
  };
  return { handlers, start: ticker.start, stop: ticker.stop };
}
