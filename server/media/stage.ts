/**
 * Stage mode's two actions, one code path for everyone who needs them: the moderator's buttons
 * (`media:stage`, `media:invite`) and the fishbowl's seats (server/fishbowl). Rules: MEDIA5, MEDIA7.
 */
import type { StageChanged } from '../../shared/media/schema.js';
import { CommandError } from '../../shared/protocol.js';
import type { Participant } from '../../shared/workshops/schema.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import { toPublicParticipant } from '../workshops/logic.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import * as logic from './logic.js';

export function createStage(deps: Deps) {
  const { store, io } = deps;

  /** Tells the workshop how someone's media flags are now. */
  function broadcast(workshopId: string, p: ParticipantRecord): Participant {
    const shown = toPublicParticipant(p, deps.clock(), deps.config.presenceGraceMs);
    deps.people.now(workshopId, () => io.to(rooms.workshop(workshopId)).emit('participant:updated', shown));
    return shown;
  }

  /** [MEDIA5] Stage mode on or off in a room; turning it on mutes everyone neither moderator nor on stage. */
  async function setStage(workshopId: string, roomId: string, on: boolean): Promise<StageChanged> {
    // The flag first: from here on, the store refuses an unmute from the audience.
    await store.setStage(workshopId, roomId, on);
    if (on) {
      for (const t of logic.stageMuteTargets(roomId, await store.listParticipants(workshopId))) {
        const p = await store.updateMedia(workshopId, t.id, { micOn: false });
        if (p && p !== 'stage') broadcast(workshopId, p);
      }
    }
    const event = { roomId, on };
    io.to(rooms.workshop(workshopId)).emit('media:stageChanged', event);
    return event;
  }

  /** [MEDIA5][MEDIA7] Puts someone on stage (they may speak and send video) or off it (muted). */
  async function invite(workshopId: string, participantId: string, onStage: boolean): Promise<Participant> {
    logic.checkStageTarget(await store.getParticipant(workshopId, participantId));
    // [SPEAK12] Set by hand now: the end of a speaking turn no longer takes them off.
    await store.speaking.releaseStage(workshopId, participantId);
    const p = await store.updateMedia(workshopId, participantId, logic.stagePatch(onStage));
    if (!p || p === 'stage') throw new CommandError('not_found', 'No such participant');
    return broadcast(workshopId, p);
  }

  return { broadcast, setStage, invite };
}

export type Stage = ReturnType<typeof createStage>;
