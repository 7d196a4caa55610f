/**
 * Rules both sides read from a run sheet: each step's status, what comes next, what is running now
 * and how much time it has left, and plan against actual. Pure: time comes in as `now`.
 */
import type { AgendaView, Step, StepStatus } from './schema.js';

const MINUTE = 60_000;

export function statusOf(agenda: AgendaView, stepId: string): StepStatus {
  if (agenda.current?.stepId === stepId) return 'running';
  const run = agenda.history[stepId];
  if (!run) return 'pending';
  return run.skipped ? 'skipped' : 'done';
}

/** [AG4] The step Next starts: the first planned one after the running step, else the first planned one from the top. */
export function nextPending(agenda: AgendaView): Step | null {
  const pending = (s: Step) => statusOf(agenda, s.id) === 'pending';
  const at = agenda.current ? agenda.steps.findIndex((s) => s.id === agenda.current!.stepId) : -1;
  return agenda.steps.slice(at + 1).find(pending) ?? agenda.steps.find(pending) ?? null;
}

export function currentStep(agenda: AgendaView): Step | null {
  const id = agenda.current?.stepId;
  return id ? (agenda.steps.find((s) => s.id === id) ?? null) : null;
}

/** [AG8] What everyone sees: the running step with its time left (negative: over time), and what comes next. */
export function nowAndNext(agenda: AgendaView, now: number) {
  const step = currentStep(agenda);
  return {
    step,
    // Never more than the step's whole length: a client's clock estimate a little behind the server's shows 20:00, not 20:01.
    leftMs: agenda.current
      ? Math.min(agenda.current.deadline - now, agenda.current.deadline - agenda.current.startedAt)
      : 0,
    next: nextPending(agenda),
    finished: agenda.startedAt !== null && !step && nextPending(agenda) === null,
  };
}

/**
 * [AG7] Plan against actual: when the programme will end if every step still planned takes its minutes
 * (and the running one at least until its deadline), against the end planned when it started.
 * Positive `driftMin`: behind; negative: ahead.
 */
export function timing(agenda: AgendaView, now: number) {
  if (agenda.startedAt === null) return null;
  const plannedEndAt = agenda.startedAt + agenda.plannedMin * MINUTE;
  const pending = agenda.steps.filter((s) => statusOf(agenda, s.id) === 'pending');
  const lastEnd = Math.max(agenda.startedAt, ...Object.values(agenda.history).map((h) => h.endedAt));
  const from = agenda.current ? Math.max(now, agenda.current.deadline) : pending.length > 0 ? now : lastEnd;
  const expectedEndAt = from + pending.reduce((sum, s) => sum + s.durationMin, 0) * MINUTE;
  return { plannedEndAt, expectedEndAt, driftMin: Math.round((expectedEndAt - plannedEndAt) / MINUTE) };
}

/** mm:ss (or h:mm:ss) of a duration, for countdowns. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(Math.abs(ms) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
