/**
 * The run sheet's rules as pure functions: (state, command, ctx) -> new state, plus which step's
 * mechanic to stop and which to start. No sockets, no store, no clock: time and ids come in ctx.
 * Rule numbers refer to shared/agenda/RULES.md.
 */
import type { z } from 'zod';
import { plannedMinutes } from '../../shared/agenda/catalogue.js';
import { nextPending, statusOf } from '../../shared/agenda/rules.js';
import { type AgendaView, STEP_LIMITS, type Step, type stepSchema } from '../../shared/agenda/schema.js';
import { CommandError } from '../../shared/command.js';

export interface AgendaCtx {
  now: number;
  newId: () => string;
}

export type ParsedStep = z.output<typeof stepSchema>;

/** What a command changes: the new run sheet, the step whose mechanic stops, the step whose mechanic starts. */
export interface Transition {
  state: AgendaView;
  stop: { step: Step; ref: Record<string, string> } | null;
  start: Step | null;
}

const MINUTE = 60_000;

export function emptyAgenda(): AgendaView {
  return { version: 0, steps: [], current: null, startedAt: null, plannedMin: 0, history: {} };
}

/** [AG1] The whole list replaces the plan: new steps get ids, the running step must stay, history follows the ids. */
export function plan(s: AgendaView, input: readonly ParsedStep[], ctx: AgendaCtx): AgendaView {
  const ids = input.map((st) => st.id).filter((id): id is string => id !== undefined);
  if (new Set(ids).size !== ids.length) throw new CommandError('invalid_payload', 'Two steps have the same id');
  const steps: Step[] = input.map((st) => ({ ...st, id: st.id ?? ctx.newId() }));
  const kept = new Set(steps.map((st) => st.id));
  if (s.current && !kept.has(s.current.stepId))
    throw new CommandError('conflict', 'The running step cannot be removed: press Next first');
  const history = Object.fromEntries(Object.entries(s.history).filter(([id]) => kept.has(id)));
  return { ...s, steps, history };
}

/**
 * [AG17] A run sheet file's steps (without ids) take the place of the planned steps; what ran, was skipped or
 * runs now stays at the top with its history, so a running programme is not interrupted.
 */
export function imported(s: AgendaView, input: readonly Omit<ParsedStep, 'id'>[], ctx: AgendaCtx): AgendaView {
  const kept = s.steps.filter((st) => statusOf(s, st.id) !== 'pending');
  if (kept.length + input.length > STEP_LIMITS.steps)
    throw new CommandError('invalid_payload', `More than ${STEP_LIMITS.steps} steps with the ones that ran`);
  // Ids in a file (a hand-edited one) are not this workshop's: every imported step gets a new one.
  const fresh = input.map((st) => {
    const { id: _drop, ...rest } = st as ParsedStep;
    return rest;
  });
  return plan(s, [...kept, ...fresh], ctx);
}

/** Ends the running step (if any) into the history. */
function endCurrent(s: AgendaView, now: number): { state: AgendaView; stop: Transition['stop'] } {
  if (!s.current) return { state: s, stop: null };
  const step = s.steps.find((st) => st.id === s.current!.stepId);
  const history = {
    ...s.history,
    [s.current.stepId]: { startedAt: s.current.startedAt, endedAt: now, skipped: false },
  };
  return {
    state: { ...s, current: null, history },
    stop: step ? { step, ref: s.current.ref } : null,
  };
}

/** [AG2] Starting a step stops the running one first; the first start fixes the plan the clock compares with. */
export function start(s: AgendaView, stepId: string | undefined, ctx: AgendaCtx): Transition {
  const step = stepId ? s.steps.find((st) => st.id === stepId) : nextPending(s);
  if (!step) throw new CommandError('not_found', stepId ? 'No such step' : 'No step left to start');
  if (s.current?.stepId === step.id) throw new CommandError('conflict', 'This step is running already');
  const { state, stop } = endCurrent(s, ctx.now);
  const { [step.id]: _again, ...history } = state.history;
  return {
    state: {
      ...state,
      history,
      startedAt: state.startedAt ?? ctx.now,
      plannedMin: state.startedAt === null ? plannedMinutes(s.steps) : state.plannedMin,
      current: {
        stepId: step.id,
        startedAt: ctx.now,
        deadline: ctx.now + step.durationMin * MINUTE,
        ref: {},
        problem: null,
      },
    },
    stop,
    start: step,
  };
}

/** [AG3] Next stops the running step and starts the next planned one; after the last one the programme ends. */
export function next(s: AgendaView, ctx: AgendaCtx): Transition {
  if (!s.current && !nextPending(s)) throw new CommandError('conflict', 'Nothing is running and nothing is left');
  const following = nextPending(s);
  if (following) return start(s, following.id, ctx);
  const { state, stop } = endCurrent(s, ctx.now);
  return { state, stop, start: null };
}

/** [AG5] A planned step can be skipped; it can still be started by hand later. */
export function skip(s: AgendaView, stepId: string, ctx: AgendaCtx): AgendaView {
  if (!s.steps.some((st) => st.id === stepId)) throw new CommandError('not_found', 'No such step');
  if (statusOf(s, stepId) !== 'pending') throw new CommandError('conflict', 'Only a planned step can be skipped');
  return { ...s, history: { ...s.history, [stepId]: { startedAt: null, endedAt: ctx.now, skipped: true } } };
}

/** [AG6] "+N min" moves the running step's deadline. */
export function extend(s: AgendaView, minutes: number): AgendaView {
  if (!s.current) throw new CommandError('conflict', 'No step is running');
  return { ...s, current: { ...s.current, deadline: s.current.deadline + minutes * MINUTE } };
}

/** Records what the running step's mechanic started (or why it could not), if that step still runs. */
export function started(s: AgendaView, stepId: string, ref: Record<string, string>, problem: string | null) {
  if (s.current?.stepId !== stepId) return null;
  return { ...s, current: { ...s.current, ref, problem } };
}
