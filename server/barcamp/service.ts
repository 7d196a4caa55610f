import { barcampStartSchema, type BarcampStartInput, type BarcampView } from '../../shared/barcamp/schema.js';
import { CommandError } from '../../shared/command.js';
import type { Invoke } from '../agenda/mechanics.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, MemberContext } from '../realtime/types.js';
import * as logic from './logic.js';
import type { BarcampCtx, BarcampRecord } from './logic.js';

const ATTEMPTS = 12;

/** After a lost race, a short random wait, growing with the attempt: a crowd voting at once spreads out. */
const backOff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));

/**
 * The one way the barcamp changes: load a snapshot, compute with pure logic, apply atomically with the
 * snapshot's version; when another command or node changed it in between, compute again on top of theirs
 * ([BCAMP9]), after a short random wait (many people vote at once). A slot's rooms go through the breakouts' own commands, as the idea market's stalls do.
 */
export function createBarcampService(deps: Deps, invoke: Invoke) {
  const { store, io } = deps;

  async function load(workshopId: string): Promise<BarcampRecord> {
    return (await store.barcamp.get(workshopId)) ?? logic.emptyBarcamp();
  }

  /**
   * One change at a time per workshop on this node: a crowd voting at once queues here instead of racing
   * for the same version (other nodes still race, and the version check settles that).
   */
  const queues = new Map<string, Promise<unknown>>();
  function serial<T>(workshopId: string, work: () => Promise<T>): Promise<T> {
    const next = (queues.get(workshopId) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => {});
    queues.set(workshopId, tail);
    void tail.then(() => {
      if (queues.get(workshopId) === tail) queues.delete(workshopId);
    });
    return next;
  }

  const change = (workshopId: string, compute: (state: BarcampRecord, ctx: BarcampCtx) => BarcampRecord) =>
    serial(workshopId, () => tryApply(workshopId, compute));

  async function tryApply(
    workshopId: string,
    compute: (state: BarcampRecord, ctx: BarcampCtx) => BarcampRecord,
  ): Promise<{ before: BarcampRecord; after: BarcampRecord }> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people] = await Promise.all([load(workshopId), store.listParticipants(workshopId)]);
      const ctx: BarcampCtx = { now: deps.clock(), newId: () => deps.ids.id(10), people };
      const next = compute(state, ctx);
      if (next === state) return { before: state, after: state };
      const result = await store.barcamp.apply(workshopId, state.version, next);
      if (!result.ok) {
        await backOff(attempt);
        continue;
      }
      io.to(rooms.workshop(workshopId)).emit('barcamp:updated', result.state);
      return { before: state, after: result.state };
    }
    throw new CommandError('conflict', 'The barcamp was changed by someone else at the same moment');
  }

  const run = async (workshopId: string, compute: (s: BarcampRecord, c: BarcampCtx) => BarcampRecord) =>
    (await change(workshopId, compute)).after;

  /** [BCAMP1] A new barcamp collecting proposals. */
  async function start(workshopId: string, input: BarcampStartInput): Promise<BarcampView> {
    const params = barcampStartSchema.parse(input);
    return run(workshopId, (s, ctx) => logic.start(s, params, ctx));
  }

  /**
   * [BCAMP6] Slot `slot`'s sessions become breakout rooms in "choose" mode without capacity (law of two
   * feet) for the slot's minutes; the rooms of the slot before close first. `null`: the running slot closes.
   */
  async function slot(ctx: MemberContext, index: number | null): Promise<BarcampView> {
    const workshopId = ctx.member.workshop.id;
    const state = await load(workshopId);
    const sessions = logic.checkSlot(state, index);
    if (index === null) {
      if (state.barcamp?.phase === 'running') await closeRooms(ctx);
      return run(workshopId, (s) => logic.slotClosed(s));
    }
    if (!sessions) return state;
    await closeRooms(ctx);
    const version = (await store.breakouts.get(workshopId))?.version ?? 0;
    let view = await invoke('breakout:rooms', { version, rooms: logic.slotRooms(sessions) }, ctx);
    const opened = { proposalIds: sessions.map((p) => p.id), roomIds: view.rooms.map((r) => r.id) };
    view = await invoke('breakout:assign', { version: view.version, mode: 'choose' }, ctx);
    const durationMs = state.barcamp!.slotMin * 60_000;
    await invoke('breakout:open', { version: view.version, durationMs }, ctx);
    return run(workshopId, (s) => logic.slotOpened(s, index, opened));
  }

  /** [BCAMP8] The barcamp ends; a running slot's rooms close (everyone back to the plenary). */
  async function stop(ctx: MemberContext): Promise<BarcampView> {
    const { before, after } = await change(ctx.member.workshop.id, (s, c) => logic.stop(s, c));
    if (before.barcamp?.phase === 'running') await closeRooms(ctx);
    return after;
  }

  async function closeRooms(ctx: MemberContext) {
    const state = await store.breakouts.get(ctx.member.workshop.id);
    if (state?.status !== 'open') return;
    await invoke('breakout:close', {}, ctx).catch((err) => {
      if (!(err instanceof CommandError && ['conflict', 'not_open'].includes(err.code))) throw err;
    });
  }

  return { load, run, start, slot, stop };
}

export type BarcampService = ReturnType<typeof createBarcampService>;
