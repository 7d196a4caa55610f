import { describe, expect, it } from 'vitest';
import { programmeSteps } from '../../shared/agenda/catalogue.js';
import { nowAndNext, statusOf, timing } from '../../shared/agenda/rules.js';
import { stepSchema, type AgendaView } from '../../shared/agenda/schema.js';
import { catalogue } from '../../shared/i18n/catalogue.js';
import { formatMessage } from '../../shared/i18n/format.js';
import * as logic from './logic.js';

const MIN = 60_000;
let n = 0;
const ctx = (now: number) => ({ now, newId: () => `s${++n}` });
const step = (format: string, durationMin: number) =>
  stepSchema.parse({ format, durationMin, params: { kind: 'timer' } });

/** A plan of three steps: 10, 20 and 5 minutes. */
function planned(): AgendaView {
  n = 0;
  return logic.plan(logic.emptyAgenda(), [step('plenary', 10), step('cards', 20), step('dots', 5)], ctx(0));
}

describe('the run sheet logic', () => {
  it('[AG1] a plan gives new steps ids and keeps the ids it is given', () => {
    const a = planned();
    expect(a.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    const again = logic.plan(a, [{ ...a.steps[2]! }, { ...a.steps[0]! }, step('mood', 2)], ctx(0));
    expect(again.steps.map((s) => s.id)).toEqual(['s3', 's1', 's4']);
  });

  it('[AG1] the running step cannot be removed, and ids must be unique', () => {
    const a = logic.start(planned(), undefined, ctx(0)).state;
    expect(() => logic.plan(a, [a.steps[1]!], ctx(0))).toThrow(/running step/);
    expect(() => logic.plan(a, [a.steps[0]!, a.steps[0]!], ctx(0))).toThrow(/same id/);
  });

  it('[AG17] a file replaces the planned steps with fresh ids; what ran, was skipped or runs stays on top', () => {
    const a = planned();
    // Not started: the whole plan is the file's, ids (even a hand-written one) are new.
    const fresh = logic.imported(a, [{ ...step('mood', 2), id: 's1' }, step('dots', 5)], ctx(0));
    expect(fresh.steps.map((s) => [s.id, s.format])).toEqual([
      ['s4', 'mood'],
      ['s5', 'dots'],
    ]);
    // Running: the first step ran, the second runs, the third was skipped; the file's steps follow them.
    let b = logic.start(a, 's1', ctx(0)).state;
    b = logic.skip(b, 's3', ctx(1));
    b = logic.start(b, 's2', ctx(2)).state;
    const c = logic.imported(b, [step('mood', 2)], ctx(3));
    expect(c.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's6']);
    expect(c.current).toEqual(b.current);
    expect(c.history).toEqual(b.history);
    expect(statusOf(c, 's6')).toBe('pending');
    expect(logic.next(c, ctx(4)).start?.id).toBe('s6');
    // No more than 40 steps with the ones kept.
    expect(() =>
      logic.imported(
        b,
        Array.from({ length: 38 }, () => step('mood', 1)),
        ctx(5),
      ),
    ).toThrow(/40 steps/);
    expect(
      logic.imported(
        b,
        Array.from({ length: 37 }, () => step('mood', 1)),
        ctx(5),
      ).steps,
    ).toHaveLength(40);
  });

  it('[AG2] start runs the first step with its deadline and fixes the planned minutes', () => {
    const t = logic.start(planned(), undefined, ctx(1000));
    expect(t.start?.id).toBe('s1');
    expect(t.stop).toBeNull();
    expect(t.state.current).toMatchObject({ stepId: 's1', startedAt: 1000, deadline: 1000 + 10 * MIN });
    expect(t.state.startedAt).toBe(1000);
    expect(t.state.plannedMin).toBe(35);
  });

  it('[AG2] starting another step stops the running one with what it had started', () => {
    let a = logic.start(planned(), undefined, ctx(0)).state;
    a = logic.started(a, 's1', { pollId: 'p1' }, null)!;
    const t = logic.start(a, 's3', ctx(5 * MIN));
    expect(t.stop).toEqual({ step: a.steps[0], ref: { pollId: 'p1' } });
    expect(t.start?.id).toBe('s3');
    expect(statusOf(t.state, 's1')).toBe('done');
    expect(statusOf(t.state, 's2')).toBe('pending');
  });

  it('[AG3] next moves on in order and ends the programme after the last step', () => {
    let a = logic.start(planned(), undefined, ctx(0)).state;
    a = logic.next(a, ctx(10 * MIN)).state;
    expect(a.current?.stepId).toBe('s2');
    a = logic.next(a, ctx(30 * MIN)).state;
    expect(a.current?.stepId).toBe('s3');
    const last = logic.next(a, ctx(35 * MIN));
    expect(last.start).toBeNull();
    expect(last.stop?.step.id).toBe('s3');
    expect(last.state.current).toBeNull();
    expect(nowAndNext(last.state, 36 * MIN).finished).toBe(true);
    expect(() => logic.next(last.state, ctx(36 * MIN))).toThrow(/Nothing/);
  });

  it('[AG4] next takes the first planned step after the running one, then from the top', () => {
    let a = logic.start(planned(), 's2', ctx(0)).state;
    a = logic.next(a, ctx(MIN)).state;
    expect(a.current?.stepId).toBe('s3');
    a = logic.next(a, ctx(2 * MIN)).state;
    expect(a.current?.stepId).toBe('s1');
  });

  it('[AG5] a skipped step is passed over by next but can be started by hand', () => {
    let a = logic.start(planned(), undefined, ctx(0)).state;
    a = logic.skip(a, 's2', ctx(MIN));
    expect(statusOf(a, 's2')).toBe('skipped');
    expect(() => logic.skip(a, 's1', ctx(MIN))).toThrow(/planned/);
    a = logic.next(a, ctx(10 * MIN)).state;
    expect(a.current?.stepId).toBe('s3');
    a = logic.start(a, 's2', ctx(12 * MIN)).state;
    expect(statusOf(a, 's2')).toBe('running');
  });

  it('[AG6] +5 min moves the deadline; without a running step there is nothing to extend', () => {
    const a = logic.start(planned(), undefined, ctx(0)).state;
    expect(logic.extend(a, 5).current?.deadline).toBe(15 * MIN);
    expect(() => logic.extend(planned(), 5)).toThrow(/No step/);
  });

  it('[AG7] plan against actual: 7 minutes behind when a step overruns by 7, ahead after a skip', () => {
    let a = logic.start(planned(), undefined, ctx(0)).state;
    expect(timing(a, 3 * MIN)?.driftMin).toBe(0);
    expect(timing(a, 17 * MIN)?.driftMin).toBe(7);
    a = logic.next(a, ctx(17 * MIN)).state;
    expect(timing(a, 17 * MIN)?.driftMin).toBe(7);
    a = logic.skip(a, 's3', ctx(18 * MIN));
    expect(timing(a, 18 * MIN)?.driftMin).toBe(2);
    a = logic.next(a, ctx(30 * MIN)).state; // ends the programme 5 minutes early
    expect(timing(a, 99 * MIN)?.driftMin).toBe(-5);
    expect(timing(planned(), 0)).toBeNull();
  });

  it('[AG8] a latecomer gets the running step, its time left and what comes next', () => {
    let a = logic.start(planned(), undefined, ctx(0)).state;
    a = logic.extend(a, 5);
    const view = nowAndNext(a, 12 * MIN);
    expect(view.step?.format).toBe('plenary');
    expect(view.leftMs).toBe(3 * MIN);
    expect(view.next?.format).toBe('cards');
    // A clock a little behind the server's never shows more than the step's length.
    expect(nowAndNext(a, -2000).leftMs).toBe(15 * MIN);
  });

  it('[AG9] a mechanic result is kept only while its step still runs', () => {
    const a = logic.start(planned(), undefined, ctx(0)).state;
    const moved = logic.next(a, ctx(MIN)).state;
    expect(logic.started(moved, 's1', { pollId: 'p' }, null)).toBeNull();
    expect(logic.started(a, 's1', {}, 'no_rooms')?.current?.problem).toBe('no_rooms');
  });

  it('[AG10] a ready-made programme becomes valid steps; the first meeting plans 90 minutes', () => {
    const tr = (key: string) => formatMessage('de', catalogue.de[key as keyof typeof catalogue.de]);
    const steps = programmeSteps('firstMeeting', tr).map((s) => stepSchema.parse(s));
    const a = logic.plan(logic.emptyAgenda(), steps, ctx(0));
    expect(a.steps.reduce((sum, s) => sum + s.durationMin, 0)).toBe(90);
    const cards = a.steps.find((s) => s.params.kind === 'cards');
    expect(cards?.params).toMatchObject({ question: 'Was könnten unsere Städte gemeinsam tun?' });
  });

  it('[AG16] a step lasts whole or quarter minutes, from 15 seconds', () => {
    const t = logic.start(logic.plan(logic.emptyAgenda(), [step('worldCafe', 0.25)], ctx(0)), undefined, ctx(1000));
    expect(t.state.current?.deadline).toBe(1000 + 15_000);
    expect(step('plenary', 1.5).durationMin).toBe(1.5);
    for (const bad of [0, 0.1, 0.3, 240.25]) expect(() => step('plenary', bad)).toThrow();
  });
});
