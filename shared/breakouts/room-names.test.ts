import { describe, expect, test } from 'vitest';
import type { BreakoutRoom } from './schema.js';
import { breakoutRoomNames } from './room-names.js';

const room = (id: string, name = ''): BreakoutRoom => ({ id, name, hostId: null, capacity: null, languages: [] });
const roomN = (n: number) => `Raum ${n}`;

describe('breakout room names', () => {
  test('current rooms by name or "Room n"; closed rooms from the archive; unknown ids are not listed', () => {
    const names = breakoutRoomNames(
      {
        rooms: [room('rC', 'Salon'), room('rD')],
        archive: [
          { id: 'rA', name: '', closedAt: 10 },
          { id: 'rB', name: 'Küche', closedAt: 10 },
          { id: 'rE', name: '', closedAt: 20 },
          { id: 'rC', name: 'Salon (alt)', closedAt: 20 },
        ],
      },
      roomN,
    );
    expect(Object.fromEntries(names)).toEqual({ rA: 'Raum 1', rB: 'Küche', rE: 'Raum 1', rC: 'Salon', rD: 'Raum 2' });
    expect(names.has('rZ')).toBe(false);
    expect(breakoutRoomNames(null, roomN).size).toBe(0);
  });
});
