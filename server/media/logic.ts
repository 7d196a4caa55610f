/**
 * Media rules (shared/media/RULES.md). Pure: participants come in, a decision or a CommandError goes out.
 */
import { CommandError } from '../../shared/command.js';
import { maySend } from '../../shared/media/policy.js';
import type { MediaFlags, MediaUpdate } from '../../shared/media/schema.js';
import type { ParticipantRecord } from '../workshops/store/types.js';

const isModerator = (p: ParticipantRecord) => p.role === 'moderator';

/** [MEDIA1] A signal goes only to someone else, present, in the same workshop and room, both with media. */
export function checkSignal(actor: ParticipantRecord, target: ParticipantRecord | null): ParticipantRecord {
  if (!target || target.removed) throw new CommandError('not_found', 'No such participant in this workshop');
  if (target.id === actor.id) throw new CommandError('forbidden', 'A signal to yourself');
  if (!actor.media || !target.media)
    throw new CommandError('forbidden', 'Only participants with media exchange signals');
  if (target.roomId !== actor.roomId) throw new CommandError('forbidden', 'That participant is in another room');
  if (target.presence === 'offline') throw new CommandError('not_found', 'That participant is not here');
  return target;
}

/** [MEDIA2] Someone who joined without media cannot turn media on; low-bandwidth may always be chosen. */
export function checkUpdate(actor: ParticipantRecord, patch: MediaUpdate): Partial<MediaFlags> {
  const turningOn = patch.micOn === true || patch.cameraOn === true || patch.screenSharing === true;
  if (!actor.media && turningOn) throw new CommandError('forbidden', 'You joined without media');
  return patch;
}

/** [MEDIA3] A moderator's media action targets a present participant with media (not themselves for mute). */
export function checkMediaTarget(actor: ParticipantRecord, target: ParticipantRecord | null): ParticipantRecord {
  if (!target || target.removed) throw new CommandError('not_found', 'No such participant');
  if (!target.media) throw new CommandError('conflict', 'That participant joined without media');
  if (target.id === actor.id) throw new CommandError('forbidden', 'Use your own microphone button');
  return target;
}

/** [MEDIA4] Asking to unmute makes sense only for someone muted who may speak (on stage, or no stage mode). */
export function checkAskUnmute(
  actor: ParticipantRecord,
  target: ParticipantRecord | null,
  stageRooms: readonly string[],
): ParticipantRecord {
  const t = checkMediaTarget(actor, target);
  if (t.micOn) throw new CommandError('conflict', 'That participant is not muted');
  if (t.presence === 'offline') throw new CommandError('not_found', 'That participant is not here');
  if (!mayUnmute(t, stageRooms)) throw new CommandError('conflict', 'Invite them to the stage first');
  return t;
}

/** [MEDIA5] In stage mode only moderators and people on stage may speak and send video. */
export const mayUnmute = maySend;

/** [MEDIA6] "Mute everyone" mutes the others in the moderator's room, except moderators. */
export function muteAllTargets(actor: ParticipantRecord, everyone: readonly ParticipantRecord[]): ParticipantRecord[] {
  return everyone.filter(
    (p) => !p.removed && p.id !== actor.id && p.roomId === actor.roomId && p.media && p.micOn && !isModerator(p),
  );
}

/** [MEDIA5] Turning stage mode on mutes everyone in the room who is neither moderator nor on stage. */
export function stageMuteTargets(roomId: string, everyone: readonly ParticipantRecord[]): ParticipantRecord[] {
  return everyone.filter((p) => !p.removed && p.roomId === roomId && p.micOn && !isModerator(p) && !p.onStage);
}

/**
 * [MEDIA5] Who may be put on stage (a moderator's invitation, a fishbowl seat): someone present in the
 * workshop who joined with media.
 */
export function checkStageTarget<T extends Pick<ParticipantRecord, 'removed' | 'media'>>(target: T | null): T {
  if (!target || target.removed) throw new CommandError('not_found', 'No such participant');
  if (!target.media) throw new CommandError('conflict', 'That participant joined without media');
  return target;
}

/** [MEDIA7] Leaving the stage also mutes (no one keeps speaking from the audience). */
export function stagePatch(onStage: boolean): Partial<MediaFlags> {
  return onStage ? { onStage } : { onStage, micOn: false };
}
