import type { fishbowlCommands } from '../../shared/fishbowl/events.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import * as logic from './logic.js';
import { createFishbowlService } from './service.js';

type FishbowlHandlers = Pick<HandlerTable, keyof typeof fishbowlCommands>;

/** Fishbowl seats: nothing runs on its own (no deadlines), so no ticker. */
export function fishbowlFeature(deps: Deps): Feature<keyof typeof fishbowlCommands> {
  const service = createFishbowlService(deps);
  const handlers: FishbowlHandlers = {
    'fishbowl:start': async (params, ctx) => service.start(ctx.member.workshop.id, params),
    'fishbowl:stop': async (_input, ctx) => service.stop(ctx.member.workshop.id),
    'fishbowl:take': async (_input, ctx) =>
      service.run(ctx.member.workshop.id, (s, c) => logic.take(s, ctx.member.actor.id, c)),
    'fishbowl:leave': async (_input, ctx) =>
      service.run(ctx.member.workshop.id, (s, c) => logic.leave(s, ctx.member.actor.id, c)),
    'fishbowl:raise': async (_input, ctx) =>
      service.run(ctx.member.workshop.id, (s, c) => logic.raise(s, ctx.member.actor.id, c)),
    'fishbowl:lower': async (_input, ctx) =>
      service.run(ctx.member.workshop.id, (s, c) => logic.lower(s, ctx.member.actor.id, c)),
    // [FISH6] Gone people leave, the queue fills free seats; without a running fishbowl: the view as it is.
    'fishbowl:sync': async (_input, ctx) => service.run(ctx.member.workshop.id, (s, c) => logic.sync(s, c)),
  };
  return { handlers, start() {}, stop: async () => {} };
}
