import type { mediaCommands } from '../../shared/media/events.js';
import type { MediaConfig } from '../../shared/media/schema.js';
import type { SfuInfo } from '../../shared/media/sfu.js';
import { CommandError } from '../../shared/protocol.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import { iceServersFor } from './ice.js';
import * as logic from './logic.js';
import { createSpeakingService } from '../speaking/service.js';
import { createStage } from './stage.js';

type MediaHandlers = Pick<HandlerTable, keyof typeof mediaCommands>;

/** What one participant's media client needs (ICE servers with their own TURN credentials, stage, SFU). */
export type MediaConfigFor = (workshopId: string, participantId: string) => Promise<MediaConfig>;

/**
 * The one place the media config is put together: `media:config` answers with it, and the join or resume
 * of someone with media carries it (the page builds its mesh right after its first draw, without asking).
 */
export function mediaConfigFor(deps: Deps, sfuInfo: () => SfuInfo): MediaConfigFor {
  return async (workshopId, participantId) => ({
    iceServers: iceServersFor(deps.config.media, participantId, deps.clock()),
    uploadBudgetKbps: deps.config.media.uploadBudgetKbps,
    stageRooms: await deps.store.stageRooms(workshopId),
    sfu: sfuInfo(),
  });
}

/**
 * The media plane's server side: it relays signals between members of one room and stores media flags.
 * `configFor` is mediaConfigFor's.
 */
export function mediaHandlers(deps: Deps, configFor: MediaConfigFor): MediaHandlers {
  const { store, io } = deps;
  const stage = createStage(deps);
  const { broadcast } = stage;
  const speaking = createSpeakingService(deps);
  const updated = (result: ParticipantRecord | 'stage' | null): ParticipantRecord => {
    if (result === 'stage')
      throw new CommandError('forbidden', 'Stage mode: only people on stage may speak or send video');
    if (!result) throw new CommandError('not_found', 'No such participant');
    return result;
  };

  return {
    'media:config': async (_input, ctx) => configFor(ctx.member.session.workshopId, ctx.member.actor.id),

    'media:signal': async ({ to, cid, signals }, ctx) => {
      const { session, actor } = ctx.member;
      // Fresh from the store for every signal: a room change takes effect on the very next one.
      const target = await store.getParticipant(session.workshopId, to);
      try {
        logic.checkSignal(actor, target);
      } catch (err) {
        deps.log.warn('media signal refused', {
          workshop: session.workshopId,
          from: actor.id,
          to,
          fromRoom: actor.roomId,
          toRoom: target?.roomId,
          reason: err instanceof Error ? err.message : String(err),
        });
        throw err;
      }
      io.to(rooms.participant(session.workshopId, to)).emit('media:signaled', { from: actor.id, cid, signals });
      return null;
    },

    'media:update': async (patch, ctx) => {
      const { session, actor } = ctx.member;
      const change = logic.checkUpdate(actor, patch);
      const p = updated(await store.updateMedia(session.workshopId, actor.id, change, { guardStage: true }));
      return broadcast(session.workshopId, p);
    },

    'media:mute': async ({ participantId }, ctx) => {
      const { session, actor } = ctx.member;
      logic.checkMediaTarget(actor, await store.getParticipant(session.workshopId, participantId));
      const p = updated(await store.updateMedia(session.workshopId, participantId, { micOn: false }));
      io.to(rooms.participant(session.workshopId, participantId)).emit('media:muted', {
        by: actor.id,
        byName: actor.name,
      });
      deps.log.info('participant muted', { workshop: session.workshopId, participant: participantId, by: actor.id });
      return broadcast(session.workshopId, p);
    },

    'media:muteAll': async (_input, ctx) => {
      const { session, actor } = ctx.member;
      const targets = logic.muteAllTargets(actor, await store.listParticipants(session.workshopId));
      let muted = 0;
      for (const t of targets) {
        const p = await store.updateMedia(session.workshopId, t.id, { micOn: false });
        if (!p || p === 'stage') continue;
        muted++;
        broadcast(session.workshopId, p);
        io.to(rooms.participant(session.workshopId, t.id)).emit('media:muted', { by: actor.id, byName: actor.name });
      }
      deps.log.info('everyone muted', { workshop: session.workshopId, room: actor.roomId, muted, by: actor.id });
      return { muted };
    },

    'media:askUnmute': async ({ participantId }, ctx) => {
      const { session, actor } = ctx.member;
      const [target, stageRooms] = await Promise.all([
        store.getParticipant(session.workshopId, participantId),
        store.stageRooms(session.workshopId),
      ]);
      logic.checkAskUnmute(actor, target, stageRooms);
      io.to(rooms.participant(session.workshopId, participantId)).emit('media:unmuteRequested', {
        by: actor.id,
        byName: actor.name,
      });
      return null;
    },

    'media:stage': async ({ on }, ctx) => {
      const { session, actor } = ctx.member;
      const event = await stage.setStage(session.workshopId, actor.roomId, on);
      // [SPEAK12] Turning it on muted everyone off stage: whoever has the word in a flash round goes on stage.
      if (on) await speaking.settleStage(session.workshopId);
      deps.log.info('stage mode', { workshop: session.workshopId, room: actor.roomId, on, by: actor.id });
      return event;
    },

    'media:invite': async ({ participantId, onStage }, ctx) => {
      const { session, actor } = ctx.member;
      const shown = await stage.invite(session.workshopId, participantId, onStage);
      deps.log.info(onStage ? 'invited to stage' : 'left the stage', {
        workshop: session.workshopId,
        participant: participantId,
        by: actor.id,
      });
      return shown;
    },
  };
}
