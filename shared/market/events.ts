import { command } from '../command.js';
import {
  marketAddSchema,
  marketEmptySchema,
  marketFromBoardSchema,
  marketNotesSchema,
  marketOpenSchema,
  marketPitchSchema,
  marketSignupSchema,
  marketStallSchema,
  marketStartSchema,
  type MarketView,
} from './schema.js';

export const marketCommands = {
  /** [MKT1] A new market in its set-up phase (replaces an ended one). */
  'market:start': command<MarketView>()(marketStartSchema, 'moderator'),
  /** [MKT2] Stalls: typed, from the plenary board's top cards, removed. */
  'market:add': command<MarketView>()(marketAddSchema, 'moderator'),
  'market:from-board': command<MarketView>()(marketFromBoardSchema, 'moderator'),
  'market:remove': command<MarketView>()(marketStallSchema, 'moderator'),
  /** [MKT3] The pitches: each owner in turn (the next by itself when the time is up, or with `market:pitch` again). */
  'market:pitch': command<MarketView>()(marketPitchSchema, 'moderator'),
  /** [MKT4] The stalls open as breakout rooms people choose. */
  'market:open': command<MarketView>()(marketOpenSchema, 'moderator'),
  /** [MKT7] Ends the market: rooms close, sign-ups and notes stay for the report. */
  'market:stop': command<MarketView>()(marketEmptySchema, 'moderator'),
  /** [MKT5] "I'm in" (again: the offer is updated), and leaving the list. */
  'market:signup': command<MarketView>()(marketSignupSchema, 'member'),
  'market:withdraw': command<MarketView>()(marketStallSchema, 'member'),
  /** [MKT6] The stall's next steps and contact person: its owner, its contact or a moderator. */
  'market:notes': command<MarketView>()(marketNotesSchema, 'member'),
  'market:sync': command<MarketView>()(marketEmptySchema, 'member'),
} as const;

export interface MarketServerEvents {
  /** The market changed: the whole view. */
  'market:updated': (view: MarketView) => void;
}
