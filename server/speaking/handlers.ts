import type { speakingCommands } from '../../shared/speaking/events.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import * as logic from './logic.js';
import { createSpeakingService } from './service.js';
import { createSpeakingTicker } from './ticker.js';

type SpeakingHandlers = Pick<HandlerTable, keyof typeof speakingCommands>;

/** Speaking order; the ticker that ends think times and turns runs from start() to stop(). */
export function speakingFeature(deps: Deps): Feature<keyof typeof speakingCommands> {
  const service = createSpeakingService(deps);
  const ticker = createSpeakingTicker(deps, service);
  const handlers: SpeakingHandlers = {
    'speaking:start': async (params, ctx) => service.startRound(ctx.member.workshop.id, params),
    'speaking:next': async ({ roomId, from }, ctx) =>
      service.change(ctx.member.workshop.id, (s, c) => logic.inRoom(s, roomId, (r) => logic.next(r, from, c))),
    'speaking:back': async ({ roomId, from }, ctx) =>
      service.change(ctx.member.workshop.id, (s, c) => logic.inRoom(s, roomId, (r) => logic.back(r, from, c))),
    'speaking:stop': async ({ roomId }, ctx) => service.stopRound(ctx.member.workshop.id, roomId),
    'speaking:pass': async ({ roomId }, ctx) => {
      const { workshop, actor } = ctx.member;
      const who = { id: actor.id, moderator: actor.role === 'moderator' };
      return service.change(workshop.id, (s, c) =>
        logic.inRoom(s, roomId ?? actor.roomId, (r) => logic.pass(r, who, c)),
      );
    },
    // [SPEAK3] A late joiner (or someone back in the room) is appended to the rounds running.
    'speaking:sync': async (_input, ctx) =>
      service.change(ctx.member.workshop.id, (s, c) => logic.everyRound(s, (r) => logic.appendLate(r, c))),
  };
  return { handlers, start: ticker.start, stop: ticker.stop };
}
