import { command } from '../command.js';
import {
  emptySchema,
  importSchema,
  extendSchema,
  nextSchema,
  planSchema,
  sheetSaveSchema,
  skipSchema,
  startSchema,
  type AgendaResult,
  type AgendaSync,
  type AgendaView,
  type Sheet,
} from './schema.js';

export const agendaCommands = {
  /** Everyone, after join or resume: the sheet and the run sheet with its current step (a latecomer lands in it). */
  'agenda:sync': command<AgendaSync>()(emptySchema, 'member'),
  'agenda:sheet': command<Sheet>()(sheetSaveSchema, 'moderator', { maxBytes: 64 * 1024 }),
  /** The whole list of steps (added, removed, edited, reordered), against the version it was made from. */
  'agenda:plan': command<AgendaView>()(planSchema, 'moderator', { maxBytes: 64 * 1024 }),
  /** Starts a step (the next planned one when none is named), stopping the running one first. */
  /**
   * [AG17] A run sheet file loaded into this workshop: its sheet (if any) is saved, its steps replace the planned
   * ones; steps that ran, were skipped or run now stay at the top, so a running programme goes on.
   */
  'agenda:import': command<AgendaView>()(importSchema, 'moderator', { maxBytes: 64 * 1024 }),
  'agenda:start': command<AgendaResult>()(startSchema, 'moderator'),
  /** Stops the running step and starts the next planned one (or ends the programme). */
  'agenda:next': command<AgendaResult>()(nextSchema, 'moderator'),
  'agenda:skip': command<AgendaView>()(skipSchema, 'moderator'),
  'agenda:extend': command<AgendaResult>()(extendSchema, 'moderator'),
} as const;

export interface AgendaServerEvents {
  /** The run sheet changed (plan, current step, deadline). */
  'agenda:updated': (agenda: AgendaView) => void;
  'agenda:sheet-updated': (sheet: Sheet) => void;
}
