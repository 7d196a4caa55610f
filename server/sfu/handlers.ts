import type { sfuCommands } from '../../shared/media/events.js';
import type { SfuInfo } from '../../shared/media/sfu.js';
import { CommandError } from '../../shared/protocol.js';
import type { Feature } from '../features.js';
import type { Deps, MemberContext } from '../realtime/types.js';
import { SfuService } from './service.js';

/** The SFU feature, plus what the media feature tells clients about it (media:config). */
export interface SfuFeature extends Feature<keyof typeof sfuCommands> {
  info(): SfuInfo;
}

/**
 * SFU signalling: thin, like media:signal. The wrapper has checked the schema and that the sender is a
 * present, not removed member; the service checks media, room and stage ([MEDIA14]) against fresh state.
 * start() connects to the Janus instances of JANUS_URLS; stop() ends every SFU session of this node.
 */
export function sfuFeature(deps: Deps): SfuFeature {
  const sfu = new SfuService(deps);
  const refused = (ctx: MemberContext, event: string) => (err: unknown) => {
    const m = ctx.member;
    deps.log.warn('sfu signal refused', {
      event,
      workshop: m.session.workshopId,
      from: m.actor.id,
      room: m.actor.roomId,
      reason: err instanceof Error ? err.message : String(err),
    });
    if (err instanceof CommandError) throw err;
    throw new CommandError('conflict', 'The media server refused that; try again');
  };
  return {
    handlers: {
      'sfu:publish': ({ jsep }, ctx) => sfu.publish(ctx.member, ctx.socket.id, jsep).catch(refused(ctx, 'publish')),
      'sfu:subscribe': ({ streams }, ctx) =>
        sfu.subscribe(ctx.member, ctx.socket.id, streams).catch(refused(ctx, 'subscribe')),
      'sfu:start': ({ jsep }, ctx) => sfu.startSubscriber(ctx.member, ctx.socket.id, jsep).catch(refused(ctx, 'start')),
      'sfu:trickle': ({ handle, candidates }, ctx) =>
        sfu.trickle(ctx.member, ctx.socket.id, handle, candidates).catch(refused(ctx, 'trickle')),
      'sfu:leave': async (_input, ctx) => {
        await sfu.leave(ctx.socket.id);
        return null;
      },
    },
    start: () => sfu.start(),
    stop: () => sfu.close(),
    disconnected: (socket) => sfu.leave(socket.id),
    info: () => sfu.info(),
  };
}
