import { signal } from '@preact/signals';
import { CARD_COLORS, INK_COLORS } from '../../shared/boards/constants.js';
import type { Tool } from '../../shared/boards/schema.js';

/** What this person has chosen on their toolbar and how they look at the board (never shared). */
export function createBoardUi() {
  return {
    tool: signal<Tool>('pen'),
    color: signal<(typeof INK_COLORS)[number]>(INK_COLORS[1]),
    width: signal(4),
    cardColor: signal<(typeof CARD_COLORS)[number]>(CARD_COLORS[0]),
    zoom: signal(1),
    panX: signal(0),
    panY: signal(0),
    selected: signal<string | null>(null),
  };
}
export type BoardUi = ReturnType<typeof createBoardUi>;
