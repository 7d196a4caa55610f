import type { MediaFlags } from './schema.js';

type Who = Pick<MediaFlags, 'onStage'> & { role: string; roomId: string };

/** [MEDIA5] In a room in stage mode only moderators and people on stage may speak and send video. */
export function maySend(p: Who, stageRooms: readonly string[]): boolean {
  return p.role === 'moderator' || p.onStage || !stageRooms.includes(p.roomId);
}
