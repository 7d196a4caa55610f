import type { barcampCommands } from '../../shared/barcamp/events.js';
import { invokeThrough } from '../agenda/mechanics.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable, MemberContext } from '../realtime/types.js';
import * as logic from './logic.js';
import { createBarcampService } from './service.js';

type BarcampHandlers = Pick<HandlerTable, keyof typeof barcampCommands>;

/**
 * Barcamp / Open Space. `table` gives every feature's handlers (filled once all features exist): a slot's
 * rooms open and close through the breakouts' own commands. Nothing runs on its own.
 */
export function barcampFeature(deps: Deps, table: () => HandlerTable): Feature<keyof typeof barcampCommands> {
  const service = createBarcampService(deps, invokeThrough(table));
  const w = (ctx: MemberContext) => ctx.member.workshop.id;
  const actor = (ctx: MemberContext) => ({
    id: ctx.member.actor.id,
    moderator: ctx.member.actor.role === 'moderator',
  });
  const handlers: BarcampHandlers = {
    'barcamp:start': async (params, ctx) => service.start(w(ctx), params),
    'barcamp:propose': async (input, ctx) => service.run(w(ctx), (s, c) => logic.propose(s, actor(ctx), input, c)),
    'barcamp:withdraw': async (input, ctx) =>
      service.run(w(ctx), (s) => logic.withdraw(s, actor(ctx), input.proposalId)),
    'barcamp:vote': async (input, ctx) =>
      service.run(w(ctx), (s) => logic.vote(s, ctx.member.actor.id, input.proposalId, input.on)),
    'barcamp:build': async (input, ctx) => service.run(w(ctx), (s, c) => logic.build(s, input.rooms, c)),
    'barcamp:move': async (input, ctx) => service.run(w(ctx), (s) => logic.move(s, input.proposalId, input.to)),
    'barcamp:slot': async (input, ctx) => service.slot(ctx, input.slot),
    'barcamp:stop': async (_input, ctx) => service.stop(ctx),
    'barcamp:notes': async (input, ctx) => service.run(w(ctx), (s, c) => logic.notes(s, actor(ctx), input, c)),
    'barcamp:sync': async (_input, ctx) => service.load(w(ctx)),
  };
  return { handlers, start() {}, stop: async () => {} };
}
