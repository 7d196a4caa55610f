import type { sfuCommands } from '../../shared/media/events.js';
import { CommandError } from '../../shared/protocol.js';
import type { Deps, HandlerContext, HandlerTable, Member } from '../realtime/types.js';

type SfuHandlers = Pick<HandlerTable, keyof typeof sfuCommands>;

const need = (ctx: HandlerContext): Member => {
  if (!ctx.member) throw new CommandError('not_joined', 'Join the workshop first');
  return ctx.member;
};

/**
 * SFU signalling: thin, like media:signal. The wrapper has checked the schema and that the sender is a
 * present, not removed member; the service checks media, room and stage ([MEDIA14]) against fresh state.
 */
export function sfuHandlers(deps: Deps): SfuHandlers {
  const { sfu } = deps;
  const refused = (ctx: HandlerContext, event: string) => (err: unknown) => {
    const m = ctx.member;
    deps.log.warn('sfu signal refused', {
      event,
      workshop: m?.session.workshopId,
      from: m?.actor.id,
      room: m?.actor.roomId,
      reason: err instanceof Error ? err.message : String(err),
    });
    if (err instanceof CommandError) throw err;
    throw new CommandError('conflict', 'The media server refused that; try again');
  };
  return {
    'sfu:publish': ({ jsep }, ctx) => sfu.publish(need(ctx), ctx.socket.id, jsep).catch(refused(ctx, 'publish')),
    'sfu:subscribe': ({ streams }, ctx) =>
      sfu.subscribe(need(ctx), ctx.socket.id, streams).catch(refused(ctx, 'subscribe')),
    'sfu:start': ({ jsep }, ctx) => sfu.startSubscriber(need(ctx), ctx.socket.id, jsep).catch(refused(ctx, 'start')),
    'sfu:trickle': ({ handle, candidates }, ctx) =>
      sfu.trickle(need(ctx), ctx.socket.id, handle, candidates).catch(refused(ctx, 'trickle')),
    'sfu:leave': async (_input, ctx) => {
      need(ctx);
      await sfu.leave(ctx.socket.id);
      return null;
    },
  };
}
