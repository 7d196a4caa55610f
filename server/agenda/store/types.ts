import type { AgendaView, Sheet } from '../../../shared/agenda/schema.js';

export type ApplyAgendaResult = { ok: true; state: AgendaView } | { ok: false; current: AgendaView | null };

/**
 * The agenda of a workshop in the domain's words: the template sheet, and the run sheet with its
 * position. `apply` is the one write of the run sheet: the whole change lands, or none of it when
 * someone else changed it first (optimistic version check, as with breakouts).
 */
export interface AgendaStore {
  get(workshopId: string): Promise<AgendaView | null>;
  /** When the stored version is `expectedVersion` (0 = nothing stored yet): saves `next` with version expectedVersion + 1. */
  apply(workshopId: string, expectedVersion: number, next: AgendaView): Promise<ApplyAgendaResult>;
  getSheet(workshopId: string): Promise<Sheet | null>;
  /** The sheet is one form saved as a whole: the last save wins. */
  saveSheet(workshopId: string, sheet: Sheet): Promise<void>;
}
