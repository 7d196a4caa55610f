import { roomLabel, type RoomsSeen } from '../../shared/breakouts/room-label.js';
import { languageName, t } from '../i18n/i18n.js';

/**
 * A room's one name ([BR24], shared/breakouts/room-label.ts) in this person's language: the plenary,
 * a breakout room (current or closed), or an id the breakouts never had as it is.
 */
export function roomTitle(roomId: string, seen: RoomsSeen | null | undefined): string {
  const words = { plenary: t('br.plenary'), roomN: (n: number) => t('br.roomN', { n }), language: languageName };
  return roomLabel(roomId, seen ?? null, words) ?? roomId;
}
