import { CommandError } from '../../shared/command.js';
import type { truthsCommands } from '../../shared/truths/events.js';
import type { Feature } from '../features.js';
import { createTicker } from '../realtime/ticker.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import * as logic from './logic.js';
import { createTruthsService, type TruthsService } from './service.js';

type TruthsHandlers = Pick<HandlerTable, keyof typeof truthsCommands>;

const TICK_MS = 250;

/** Two truths and a lie; a ticker reveals each vote when its 20 seconds are up (any node, once). */
export function truthsFeature(deps: Deps): Feature<keyof typeof truthsCommands> {
  const service = createTruthsService(deps);
  const ticker = createTruthsTicker(deps, service);
  const handlers: TruthsHandlers = {
    'truths:start': async (params, ctx) => service.startGame(ctx.member.workshop.id, params),
    'truths:next': async ({ roomId }, ctx) =>
      service.change(ctx.member.workshop.id, (s, c) => logic.inRoom(s, roomId, (g) => logic.next(g, c))),
    'truths:stop': async ({ roomId }, ctx) => service.stopGame(ctx.member.workshop.id, roomId),
    'truths:submit': async ({ statements, lie }, ctx) => {
      const { workshop, actor } = ctx.member;
      logic.submitRefusal(await service.load(workshop.id), actor.id);
      const entry = { statements, lie: lie as 0 | 1 | 2, at: deps.clock() };
      await deps.store.truths.setEntry(workshop.id, actor.id, entry);
      await service.publish(workshop.id);
      return entry;
    },
    /** [TRUTH8] Normalised by the schema (the shared rule); shown at once to everyone while a hashtags game runs. */
    'truths:hashtags': async ({ tags }, ctx) => {
      const { workshop, actor } = ctx.member;
      await deps.store.truths.setHashtags(workshop.id, actor.id, tags);
      await service.publish(workshop.id);
      return { tags };
    },
    'truths:guess': async ({ authorId, guess }, ctx) => {
      const { workshop, actor } = ctx.member;
      const now = deps.clock();
      const voter = { id: actor.id, roomId: actor.roomId, moderator: actor.role === 'moderator' };
      const { game } = logic.guessRefusal(await service.load(workshop.id), voter, authorId, now);
      const outcome = await deps.store.truths.recordGuess(
        workshop.id,
        logic.voteKey(game.id, authorId),
        actor.id,
        guess,
        now,
      );
      if (outcome === 'closed') throw new CommandError('poll_closed', 'The vote is closed');
      return { authorId, guess };
    },
    'truths:sync': async (_input, ctx) => {
      const { workshop, actor } = ctx.member;
      const state = await service.load(workshop.id);
      const [view, entries, hashtags] = await Promise.all([
        service.view(workshop.id, state),
        deps.store.truths.entries(workshop.id),
        deps.store.truths.hashtags(workshop.id),
      ]);
      const guesses: Record<string, number> = {};
      for (const g of state.games) {
        for (const authorId of g.order) {
          const mine = (await deps.store.truths.guesses(workshop.id, logic.voteKey(g.id, authorId))).get(actor.id);
          if (mine !== undefined) guesses[authorId] = mine;
        }
      }
      return { view, entry: entries.get(actor.id) ?? null, hashtags: hashtags.get(actor.id) ?? null, guesses };
    },
  };
  return { handlers, start: ticker.start, stop: ticker.stop };
}

/** [TRUTH4] Every node looks for votes whose time is up; the version check reveals each once. */
function createTruthsTicker(deps: Deps, service: TruthsService) {
  return createTicker(deps, 'truths ticker', TICK_MS, async () => {
    for (const workshopId of await deps.store.truths.dueWorkshops(deps.clock(), 20))
      await service.change(workshopId, (s, c) => logic.everyGame(s, (g) => logic.tick(g, c)));
  });
}
