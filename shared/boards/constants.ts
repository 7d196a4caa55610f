/**
 * Board limits, colours, tools and default settings, free of zod: the client imports these, the
 * schemas in schema.ts build on them.
 */
export const BOARD_LIMITS = {
  /** Characters of a text item. */
  text: 500,
  /** Characters of a card. */
  cardText: 280,
  /** Characters of the board header (the question) and of a cluster heading. */
  header: 200,
  heading: 80,
  /** Points of one finished stroke (pairs of x, y). */
  strokePoints: 2000,
  /** Points of one live-stroke message. */
  livePoints: 128,
  /** Characters of an image's data URL (~ 375 KB of image bytes). */
  imageChars: 500_000,
  /** Items on one board at a time. */
  items: 10_000,
  /** Items one remove (eraser, multi-select) may name. */
  removeIds: 500,
  /** Bytes a board may hold (snapshot + retained log) before adding more is refused. */
  boardBytes: 8 * 1024 * 1024,
  /** Operations a board may ever receive. */
  opsPerBoard: 200_000,
  /** Coordinates stay within ±coord. */
  coord: 100_000,
  cardLimit: 50,
  dotBudget: 30,
} as const;

/** Pen colours (also for shapes and text). */
export const INK_COLORS = ['#1d2430', '#1f4e79', '#2e7d32', '#b3261e', '#e0a526', '#7b1fa2', '#ffffff'] as const;
/** Sticky card colours. */
export const CARD_COLORS = ['#fff176', '#ffb74d', '#81d4fa', '#a5d6a7', '#f48fb1', '#e0e0e0'] as const;

const TOOLS = [
  'select',
  'pen',
  'highlighter',
  'line',
  'arrow',
  'rect',
  'ellipse',
  'text',
  'card',
  'eraser',
  'laser',
  'pan',
] as const;
export type Tool = (typeof TOOLS)[number];

export const BOARD_DEFAULTS = {
  header: '',
  locked: false,
  drawing: 'everyone' as 'everyone' | 'moderators',
  /** Participants may add cards even when only moderators may draw. */
  cardsOpen: false,
  /** Cards per person in the current round; 0 = no limit. */
  cardLimit: 0,
  cardsHidden: false,
  cardsAnonymous: false,
  cardRound: 0,
  dotsOpen: false,
  dotBudget: 5,
  dotsPerCard: 2,
  /** Everyone sees dots as they are placed; otherwise only after closing. */
  dotsLive: false,
  dotRound: 0,
};
export type BoardSettings = typeof BOARD_DEFAULTS;
