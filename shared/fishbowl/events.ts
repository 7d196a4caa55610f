import { command } from '../command.js';
import { fishbowlEmptySchema, fishbowlParamsSchema, type FishbowlView } from './schema.js';

export const fishbowlCommands = {
  'fishbowl:start': command<FishbowlView>()(fishbowlParamsSchema, 'moderator'),
  'fishbowl:stop': command<FishbowlView>()(fishbowlEmptySchema, 'moderator'),
  /** [FISH2] The sender takes the free seat (a moderator's seat is permanent). */
  'fishbowl:take': command<FishbowlView>()(fishbowlEmptySchema, 'member'),
  /** [FISH4] The sender taps out, back to the audience. */
  'fishbowl:leave': command<FishbowlView>()(fishbowlEmptySchema, 'member'),
  /** [FISH3] The sender raises a hand for a seat (joins the queue) or lowers it. */
  'fishbowl:raise': command<FishbowlView>()(fishbowlEmptySchema, 'member'),
  'fishbowl:lower': command<FishbowlView>()(fishbowlEmptySchema, 'member'),
  'fishbowl:sync': command<FishbowlView>()(fishbowlEmptySchema, 'member'),
} as const;

export interface FishbowlServerEvents {
  /** The fishbowl changed (started, a seat taken or freed, a hand raised or lowered, stopped): the whole view. */
  'fishbowl:updated': (view: FishbowlView) => void;
}
