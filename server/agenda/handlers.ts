import type { agendaCommands } from '../../shared/agenda/events.js';
import type { AgendaResult, AgendaView, MechanicKind, ParamsOf, Step } from '../../shared/agenda/schema.js';
import { CommandError } from '../../shared/protocol.js';
import type { Feature } from '../features.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, HandlerTable, MemberContext } from '../realtime/types.js';
import * as logic from './logic.js';
import { createMechanics, invokeThrough, type Mechanic, type MechanicRef } from './mechanics.js';

type AgendaHandlers = Pick<HandlerTable, keyof typeof agendaCommands>;

const ATTEMPTS = 6;
const MINUTE = 60_000;

const conflict = () => new CommandError('conflict', 'The run sheet was changed by someone else at the same moment');

/**
 * The run sheet. `table` gives every feature's handlers (filled once all features exist): the step
 * mechanics send their commands through them, so rooms, polls and boards keep one way of changing.
 */
export function agendaFeature(deps: Deps, table: () => HandlerTable): Feature<keyof typeof agendaCommands> {
  const store = deps.store.agenda;
  const invoke = invokeThrough(table);
  const mechanics = createMechanics(deps, invoke);
  const mechanicOf = <K extends MechanicKind>(kind: K) => mechanics[kind] as Mechanic<K> | undefined;

  const ctxOf = () => ({ now: deps.clock(), newId: () => deps.ids.id(8) });
  const load = async (workshopId: string) => (await store.get(workshopId)) ?? logic.emptyAgenda();

  function publish(workshopId: string, agenda: AgendaView) {
    deps.io.to(rooms.workshop(workshopId)).emit('agenda:updated', agenda);
  }

  /** One change against the version the moderator's page showed; someone else's change in between is a conflict. */
  async function changeAt<R extends { state: AgendaView }>(
    workshopId: string,
    version: number,
    compute: (s: AgendaView, c: logic.AgendaCtx) => R,
  ): Promise<R> {
    const s = await load(workshopId);
    if (s.version !== version) throw conflict();
    const r = compute(s, ctxOf());
    const applied = await store.apply(workshopId, s.version, r.state);
    if (!applied.ok) throw conflict();
    publish(workshopId, applied.state);
    return { ...r, state: applied.state };
  }

  /** Records what a step's mechanic started, retried on top of whatever changed meanwhile. */
  async function record(workshopId: string, stepId: string, ref: MechanicRef, problem: string | null) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const s = await load(workshopId);
      const next = logic.started(s, stepId, ref, problem);
      if (!next) return s;
      const applied = await store.apply(workshopId, s.version, next);
      if (applied.ok) {
        publish(workshopId, applied.state);
        return applied.state;
      }
    }
    throw conflict();
  }

  /** A refusal of a mechanic becomes the step's problem (the moderator does that part by hand); a bug is logged. */
  function problemOf(err: unknown, workshopId: string, what: string): string {
    if (err instanceof CommandError) return err.code;
    deps.log.error('agenda mechanic failed', { workshop: workshopId, what, err });
    return 'internal';
  }

  async function startMechanic(ctx: MemberContext, workshopId: string, step: Step) {
    const mechanic = mechanicOf(step.params.kind);
    if (!mechanic) return { ref: {}, problem: null };
    try {
      const params = step.params as ParamsOf<typeof step.params.kind>;
      const ref = await mechanic.start(ctx, workshopId, params as never, step.durationMin * MINUTE);
      return { ref, problem: null };
    } catch (err) {
      return { ref: {}, problem: problemOf(err, workshopId, `start ${step.params.kind}`) };
    }
  }

  /** [AG2][AG3] Stops what the previous step switched on, then switches on the new step's mechanic. */
  async function run(ctx: MemberContext, t: logic.Transition): Promise<AgendaResult> {
    const workshopId = ctx.member.workshop.id;
    let stopProblem: string | null = null;
    if (t.stop) {
      try {
        await mechanicOf(t.stop.step.params.kind)?.stop(ctx, workshopId, t.stop.ref);
      } catch (err) {
        stopProblem = problemOf(err, workshopId, `stop ${t.stop.step.params.kind}`);
      }
    }
    let agenda = t.state;
    if (t.start) {
      const { ref, problem } = await startMechanic(ctx, workshopId, t.start);
      if (problem || Object.keys(ref).length > 0) agenda = await record(workshopId, t.start.id, ref, problem);
    }
    return { agenda, problem: stopProblem ?? agenda.current?.problem ?? null };
  }

  const handlers: AgendaHandlers = {
    'agenda:sync': async (_input, ctx) => {
      const id = ctx.member.workshop.id;
      // The sheet names contacts and budgets: it is the organisers' planning paper, not the participants'.
      const moderator = ctx.member.actor.role === 'moderator';
      const [sheet, agenda] = await Promise.all([moderator ? store.getSheet(id) : null, load(id)]);
      return { sheet, agenda };
    },

    'agenda:sheet': async ({ sheet }, ctx) => {
      const id = ctx.member.workshop.id;
      await store.saveSheet(id, sheet);
      deps.io.to(rooms.moderators(id)).emit('agenda:sheet-updated', sheet);
      return sheet;
    },

    'agenda:plan': async ({ version, steps }, ctx) =>
      (await changeAt(ctx.member.workshop.id, version, (s, c) => ({ state: logic.plan(s, steps, c) }))).state,

    'agenda:import': async ({ version, sheet, steps }, ctx) => {
      const id = ctx.member.workshop.id;
      const { state } = await changeAt(id, version, (s, c) => ({ state: logic.imported(s, steps, c) }));
      if (sheet) {
        await store.saveSheet(id, sheet);
        deps.io.to(rooms.moderators(id)).emit('agenda:sheet-updated', sheet);
      }
      return state;
    },

    'agenda:start': async ({ version, stepId }, ctx) =>
      run(ctx, await changeAt(ctx.member.workshop.id, version, (s, c) => logic.start(s, stepId, c))),

    'agenda:next': async ({ version }, ctx) =>
      run(ctx, await changeAt(ctx.member.workshop.id, version, (s, c) => logic.next(s, c))),

    'agenda:skip': async ({ version, stepId }, ctx) =>
      (await changeAt(ctx.member.workshop.id, version, (s, c) => ({ state: logic.skip(s, stepId, c) }))).state,

    'agenda:extend': async ({ version, minutes }, ctx) => {
      const workshopId = ctx.member.workshop.id;
      const { state } = await changeAt(workshopId, version, (s) => ({ state: logic.extend(s, minutes) }));
      const step = state.steps.find((s) => s.id === state.current?.stepId);
      let problem: string | null = null;
      try {
        if (step) await mechanicOf(step.params.kind)?.extend?.(ctx, workshopId, minutes);
      } catch (err) {
        problem = problemOf(err, workshopId, 'extend');
      }
      return { agenda: state, problem };
    },
  };
  return { handlers, start() {}, stop: async () => {} };
}
