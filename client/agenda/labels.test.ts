import { expect, test } from 'vitest';
import type { Step } from '../../shared/agenda/schema.js';
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import { roundOf } from './labels.js';

const cafe: Step = {
  id: 's1',
  format: 'worldCafe',
  durationMin: 45,
  params: { kind: 'rotation', rotation: 'worldCafe', rounds: 3, tables: [], languages: [] },
};
const cards: Step = {
  id: 's2',
  format: 'cards',
  durationMin: 10,
  params: { kind: 'cards', question: 'Ideen?', cardLimit: 0, hidden: true, anonymous: false },
};
const rooms = (status: 'open' | 'closed', index: number, total: number) =>
  ({
    status,
    rotation: { kind: 'worldCafe', rounds: total },
    round: { index, total, startedAt: 0, deadline: 60_000, durationMs: 60_000 },
  }) as unknown as BreakoutView;

test('"round 2 of 3" while the step\'s rooms rotate; nothing for other steps, closed rooms or a single round', () => {
  expect(roundOf(cafe, rooms('open', 1, 3))).toEqual({ n: 2, total: 3 });
  expect(roundOf(cards, rooms('open', 1, 3))).toBeNull();
  expect(roundOf(cafe, rooms('closed', 1, 3))).toBeNull();
  expect(roundOf(cafe, rooms('open', 0, 1))).toBeNull();
  expect(roundOf(cafe, null)).toBeNull();
});
