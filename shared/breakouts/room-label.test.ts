import { describe, expect, test } from 'vitest';
import { PLENARY } from '../rooms.js';
import { roomLabel, type RoomsSeen, type RoomWords } from './room-label.js';
import type { BreakoutRoom } from './schema.js';

const room = (id: string, name = '', languages: string[] = []): BreakoutRoom => ({
  id,
  name,
  hostId: null,
  capacity: null,
  languages,
});
const words: RoomWords = { plenary: 'Plenum', roomN: (n) => `Raum ${n}` };

describe('room labels', () => {
  const seen: RoomsSeen = {
    rooms: [room('rC', 'Salon'), room('rD')],
    archive: [
      { id: 'rA', name: '', closedAt: 10 },
      { id: 'rB', name: 'Küche', closedAt: 10 },
      { id: 'rF', name: '', closedAt: 10 },
      { id: 'rE', name: '', closedAt: 20 },
      { id: 'rC', name: 'Salon (alt)', closedAt: 20 },
    ],
  };
  const label = (id: string) => roomLabel(id, seen, words);

  test('[BR24] current rooms by name or by their place in the room list', () => {
    expect([label('rC'), label('rD')]).toEqual(['Salon', 'Raum 2']);
  });

  test('[BR24] closed rooms by their place among the rooms closed with them, not across the archive', () => {
    expect([label('rA'), label('rB'), label('rF'), label('rE')]).toEqual(['Raum 1', 'Küche', 'Raum 3', 'Raum 1']);
  });

  test('[BR24] the plenary by its word; an id the breakouts never had is null', () => {
    expect(label(PLENARY)).toBe('Plenum');
    expect(roomLabel(PLENARY, null, words)).toBe('Plenum');
    expect(label('rZ')).toBeNull();
    expect(roomLabel('rA', null, words)).toBeNull();
  });

  test('[BR24] a language room adds its languages when the caller names them', () => {
    const tandem: RoomsSeen = { rooms: [room('r1'), room('r2', '', ['de', 'fr'])], archive: [] };
    const names: Record<string, string> = { de: 'Deutsch', fr: 'Français' };
    expect(roomLabel('r2', tandem, { ...words, language: (c) => names[c] ?? c })).toBe('Raum 2 · Deutsch–Français');
    expect(roomLabel('r2', tandem, words)).toBe('Raum 2');
  });
});
