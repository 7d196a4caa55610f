/**
 * [AG17] A new workshop that starts from a run sheet file (last year's, or a partnership's): its sheet and its
 * steps (fresh ids) are stored before anyone joins. The file was validated by `runSheetSchema`.
 */
import { plannedMinutes } from '../../shared/agenda/catalogue.js';
import type { RunSheet } from '../../shared/agenda/schema.js';
import { CommandError } from '../../shared/protocol.js';
import { type AgendaCtx, emptyAgenda, imported } from './logic.js';
import type { AgendaStore } from './store/types.js';

export async function startFromFile(store: AgendaStore, workshopId: string, file: RunSheet, ctx: AgendaCtx) {
  const state = imported(emptyAgenda(), file.steps, ctx);
  if (state.steps.length > 0 && !(await store.apply(workshopId, 0, state)).ok)
    throw new CommandError('conflict', 'The new workshop has a run sheet already');
  if (file.sheet) await store.saveSheet(workshopId, file.sheet);
  return { steps: state.steps.length, minutes: plannedMinutes(state.steps), sheet: file.sheet !== null };
}
