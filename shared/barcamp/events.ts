import { command } from '../command.js';
import {
  barcampBuildSchema,
  barcampEmptySchema,
  barcampMoveSchema,
  barcampNotesSchema,
  barcampProposalSchema,
  barcampProposeSchema,
  barcampSlotSchema,
  barcampStartSchema,
  barcampVoteSchema,
  type BarcampView,
} from './schema.js';

export const barcampCommands = {
  /** [BCAMP1] A new barcamp collecting proposals (replaces one). */
  'barcamp:start': command<BarcampView>()(barcampStartSchema, 'moderator'),
  /** [BCAMP2] A session proposal (anyone), and taking it back (its host or a moderator). */
  'barcamp:propose': command<BarcampView>()(barcampProposeSchema, 'member'),
  'barcamp:withdraw': command<BarcampView>()(barcampProposalSchema, 'member'),
  /** [BCAMP3] Interest in a session, on or off. */
  'barcamp:vote': command<BarcampView>()(barcampVoteSchema, 'member'),
  /** [BCAMP4] The grid from the votes. */
  'barcamp:build': command<BarcampView>()(barcampBuildSchema, 'moderator'),
  /** [BCAMP5] A session to another cell (swapping), or out of the grid. */
  'barcamp:move': command<BarcampView>()(barcampMoveSchema, 'moderator'),
  /** [BCAMP6] A slot's sessions open as rooms people choose freely; null closes the running slot. */
  'barcamp:slot': command<BarcampView>()(barcampSlotSchema, 'moderator'),
  /** [BCAMP8] The end: rooms close, the grid and notes stay for the report. */
  'barcamp:stop': command<BarcampView>()(barcampEmptySchema, 'moderator'),
  /** [BCAMP7] A session's notes. */
  'barcamp:notes': command<BarcampView>()(barcampNotesSchema, 'member'),
  'barcamp:sync': command<BarcampView>()(barcampEmptySchema, 'member'),
} as const;

export interface BarcampServerEvents {
  /** The barcamp changed: the whole view. */
  'barcamp:updated': (view: BarcampView) => void;
}
