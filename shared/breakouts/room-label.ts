import { PLENARY } from '../rooms.js';
import type { ArchivedRoom, BreakoutRoom } from './schema.js';

/** What naming a room needs of the breakouts: the current rooms and the archive of closed ones. */
export interface RoomsSeen {
  rooms: readonly Pick<BreakoutRoom, 'id' | 'name' | 'languages' | 'number'>[];
  archive: readonly ArchivedRoom[];
}

/** The words of one language a label is made of. */
export interface RoomWords {
  plenary: string;
  /** "Room 3": an unnamed room by its number. */
  roomN: (n: number) => string;
  /** A language's name; without it a language room's languages are left out of its label. */
  language?: (code: string) => string;
}

/**
 * [BR24] The one name of a room, wherever it shows (breakouts panel, poll results, board gallery, CSV
 * export): its own name, else "Room n" with n its place among the rooms of its breakout session. A
 * current room (open, or closed and not yet replaced) counts by its place in the room list; a room
 * only in the archive by its place among the rooms closed with it. Once a room is closed alone while
 * the others run, every room carries the number it had (`number`), so nobody's room is renamed. A language room adds its languages
 * ("Room 2 · Deutsch–Français") while they are known. Null for an id the breakouts never had.
 */
export function roomLabel(roomId: string, seen: RoomsSeen | null, words: RoomWords): string | null {
  if (roomId === PLENARY) return words.plenary;
  if (!seen) return null;
  const index = seen.rooms.findIndex((r) => r.id === roomId);
  if (index >= 0) {
    const room = seen.rooms[index]!;
    const base = room.name || words.roomN(room.number ?? index + 1);
    const { language } = words;
    return language && room.languages.length > 0 ? `${base} · ${room.languages.map(language).join('–')}` : base;
  }
  const archived = seen.archive.find((a) => a.id === roomId);
  if (!archived) return null;
  if (archived.name) return archived.name;
  if (archived.number !== undefined) return words.roomN(archived.number);
  const session = seen.archive.filter((a) => a.closedAt === archived.closedAt);
  return words.roomN(session.indexOf(archived) + 1);
}
