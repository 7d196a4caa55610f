import type { AgendaView, Sheet } from '../../../shared/agenda/schema.js';
import type { AgendaStore, ApplyAgendaResult } from './types.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The agenda in memory; `apply` runs without awaiting, so the version check and the write are one step. */
export class MemoryAgendaStore implements AgendaStore {
  private readonly agendas = new Map<string, AgendaView>();
  private readonly sheets = new Map<string, Sheet>();

  /** [WS16] Forgets the agenda of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.agendas.delete(workshopId);
    this.sheets.delete(workshopId);
  }

  async get(workshopId: string) {
    const a = this.agendas.get(workshopId);
    return a ? copy(a) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: AgendaView): Promise<ApplyAgendaResult> {
    const current = this.agendas.get(workshopId) ?? null;
    if ((current?.version ?? 0) !== expectedVersion) return { ok: false, current: current && copy(current) };
    const state = { ...copy(next), version: expectedVersion + 1 };
    this.agendas.set(workshopId, state);
    return { ok: true, state: copy(state) };
  }

  async getSheet(workshopId: string) {
    const s = this.sheets.get(workshopId);
    return s ? copy(s) : null;
  }

  async saveSheet(workshopId: string, sheet: Sheet) {
    this.sheets.set(workshopId, copy(sheet));
  }
}
