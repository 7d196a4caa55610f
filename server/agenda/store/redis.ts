import type { AgendaView, Sheet } from '../../../shared/agenda/schema.js';
import type { RedisClient } from '../../store/redis/client.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { AgendaStore, ApplyAgendaResult } from './types.js';

/** The agenda in Redis: one hash per workshop (version, run sheet json, sheet json), under the workshop's keys. */
export class RedisAgendaStore implements AgendaStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(workshopId: string) {
    const json = await this.client.hGet(this.keys.agenda(workshopId), 'json');
    return json ? (JSON.parse(json) as AgendaView) : null;
  }

  async apply(workshopId: string, expectedVersion: number, next: AgendaView): Promise<ApplyAgendaResult> {
    const state: AgendaView = { ...next, version: expectedVersion + 1 };
    const [applied, current] = (await this.client.agendaApply(
      [this.keys.agenda(workshopId)],
      [String(expectedVersion), JSON.stringify(state)],
    )) as [number, string];
    if (applied !== 1) return { ok: false, current: current ? (JSON.parse(current) as AgendaView) : null };
    return { ok: true, state };
  }

  async getSheet(workshopId: string) {
    const json = await this.client.hGet(this.keys.agenda(workshopId), 'sheet');
    return json ? (JSON.parse(json) as Sheet) : null;
  }

  async saveSheet(workshopId: string, sheet: Sheet) {
    await this.client.hSet(this.keys.agenda(workshopId), 'sheet', JSON.stringify(sheet));
  }
}
