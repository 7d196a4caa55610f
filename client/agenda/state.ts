import { batch, computed, effect, signal } from '@preact/signals';
import { formatSteps, programmeSteps, type FormatId, type ProgrammeId } from '../../shared/agenda/catalogue.js';
import { nowAndNext, timing } from '../../shared/agenda/rules.js';
import type { AgendaResult, AgendaView, RunSheetInput, Sheet, Step, StepInput } from '../../shared/agenda/schema.js';
import type { ErrorCode } from '../../shared/protocol.js';
import type { MessageKey } from '../i18n/i18n.js';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';

const EMPTY: AgendaView = { version: 0, steps: [], current: null, startedAt: null, plannedMin: 0, history: {} };

/** A step as the plan command takes it (the id is kept, so its history stays with it). */
const asInput = (s: Step): StepInput => s;

/**
 * [AG1] The list with one step taken out and put back at `index` (clamped to the list); the same list when
 * the step is not in it or already there. Also what the drag shows until the server's answer arrives.
 */
export function reordered<T extends { id?: string }>(list: readonly T[], stepId: string, index: number): T[] {
  const at = list.findIndex((s) => s.id === stepId);
  const to = Math.max(0, Math.min(list.length - 1, Math.trunc(index)));
  if (at < 0 || at === to) return [...list];
  const rest = list.filter((_, i) => i !== at);
  rest.splice(to, 0, list[at]!);
  return rest;
}

/**
 * The run sheet as this client sees it. Only this module writes these signals, from acks and
 * `agenda:updated`; after every join or resume it asks `agenda:sync`, so a latecomer lands in the
 * running step. `translate` gives the questions of a ready-made programme in the moderator's language.
 */
type AllParams = { [K in Step['params']['kind']]: Omit<Extract<Step['params'], { kind: K }>, 'kind'> };
/** Every parameter name of any mechanic, with its value type. */
type ParamOf = { [K in keyof AllParams]: AllParams[K] }[keyof AllParams];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type ParamKey = KeysOfUnion<ParamOf>;
/** The value type of parameter `K` (for a union of names, any of theirs). */
export type ParamValue<K extends ParamKey> = K extends ParamKey
  ? ParamOf extends infer P
    ? P extends Record<K, infer V>
      ? V
      : never
    : never
  : never;

export function createAgendaState(conn: Connection, ws: WorkshopState, translate: (key: MessageKey) => string) {
  const agenda = signal<AgendaView>(EMPTY);
  const sheet = signal<Sheet | null>(null);
  const error = signal<ErrorCode | null>(null);
  /** What the last Start / Next could not switch on (an error code): the moderator does it by hand. */
  const problem = signal<string | null>(null);
  /** Server time, ticking each second while a step runs (for the countdown and the clock). */
  const now = signal(Date.now() + ws.clockOffset.value);

  const view = computed(() => nowAndNext(agenda.value, now.value));
  const clock = computed(() => timing(agenda.value, now.value));

  function accept(next: AgendaView) {
    // Acks and broadcasts may cross: keep the newest.
    if (next.version >= agenda.peek().version) agenda.value = next;
  }

  async function sync() {
    const r = await conn.request('agenda:sync', {});
    if (!r.ok) return;
    batch(() => {
      agenda.value = r.data.agenda;
      sheet.value = r.data.sheet;
    });
  }

  const unsubscribe = [
    conn.on('agenda:updated', accept),
    conn.on('agenda:sheet-updated', (s) => (sheet.value = s)),
    effect(() => {
      void ws.isModerator.value;
      if (ws.resumed.value > 0 && ws.phase.peek() === 'inside') void sync();
    }),
    effect(() => {
      if (!agenda.value.current) return;
      const tick = () => (now.value = Date.now() + ws.clockOffset.peek());
      tick();
      const timer = setInterval(tick, 1000);
      return () => clearInterval(timer);
    }),
  ];

  async function run<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: ErrorCode }>): Promise<T | null> {
    const r = await p;
    error.value = r.ok ? null : r.code;
    return r.ok ? r.data : null;
  }
  const keep = (a: AgendaView | null) => a && accept(a);
  const ran = (r: AgendaResult | null) => {
    if (!r) return;
    batch(() => {
      accept(r.agenda);
      problem.value = r.problem;
    });
  };
  const version = () => agenda.peek().version;
  const steps = () => agenda.peek().steps.map(asInput);
  const plan = async (list: StepInput[]) =>
    keep(await run(conn.request('agenda:plan', { version: version(), steps: list })));
  const edit = (stepId: string, change: (s: Step) => Step) =>
    plan(agenda.peek().steps.map((s) => (s.id === stepId ? change(s) : s)));

  const actions = {
    plan,
    /** Replaces the plan with a ready-made programme, its questions in this person's language. */
    useProgramme: (id: ProgrammeId) => plan(programmeSteps(id, translate)),
    addFormat: (id: FormatId) => plan([...steps(), ...formatSteps(id, translate)]),
    /** [AG1] Moves a step one place up (-1) or down (+1), also while the programme runs. */
    move(stepId: string, by: -1 | 1) {
      const list = steps();
      const at = list.findIndex((s) => s.id === stepId);
      const to = at + by;
      if (at < 0 || to < 0 || to >= list.length) return Promise.resolve();
      [list[at], list[to]] = [list[to]!, list[at]!];
      return plan(list);
    },
    /** [AG1] Puts a step at a place in the list (drag and drop, or its handle's keys); nothing to send when it is there. */
    moveTo(stepId: string, index: number) {
      const list = steps();
      const next = reordered(list, stepId, index);
      if (next.every((s, i) => s === list[i])) return Promise.resolve();
      return plan(next);
    },
    remove: (stepId: string) => plan(steps().filter((s) => s.id !== stepId)),
    setMinutes: (stepId: string, durationMin: number) => edit(stepId, (s) => ({ ...s, durationMin })),
    setQuestion: (stepId: string, question: string) =>
      edit(stepId, (s) => ('question' in s.params ? { ...s, params: { ...s.params, question } } : s)),
    /**
     * One parameter of a step's mechanic, where that mechanic has it (the dot budget, the rooms, the rounds, the
     * fishbowl's seats, a poll's answers, the World Café's tables, a message, …); the server validates the plan.
     */
    setParam: <K extends ParamKey>(stepId: string, key: K, value: ParamValue<K>) =>
      edit(stepId, (s) => (key in s.params ? { ...s, params: { ...s.params, [key]: value } as Step['params'] } : s)),
    start: async (stepId?: string) =>
      ran(await run(conn.request('agenda:start', stepId ? { version: version(), stepId } : { version: version() }))),
    next: async () => ran(await run(conn.request('agenda:next', { version: version() }))),
    skip: async (stepId: string) => keep(await run(conn.request('agenda:skip', { version: version(), stepId }))),
    extend: async (minutes = 5) => ran(await run(conn.request('agenda:extend', { version: version(), minutes }))),
    /**
     * [AG17] A run sheet file: its sheet is saved, its steps replace the planned ones (what ran or runs stays).
     * The new run sheet, or null when the server refused (the error says why).
     */
    importFile: async (file: RunSheetInput) => {
      const next = await run(conn.request('agenda:import', { version: version(), ...file }));
      if (next) {
        batch(() => {
          accept(next);
          if (file.sheet) sheet.value = file.sheet as Sheet;
        });
      }
      return next;
    },
    saveSheet: async (next: Sheet) => {
      const saved = await run(conn.request('agenda:sheet', { sheet: next }));
      if (saved) sheet.value = saved;
    },
    dismissError: () =>
      batch(() => {
        error.value = null;
        problem.value = null;
      }),
  };

  return {
    agenda,
    sheet,
    error,
    problem,
    now,
    view,
    clock,
    actions,
    dispose() {
      unsubscribe.forEach((u) => u());
    },
  };
}

export type AgendaState = ReturnType<typeof createAgendaState>;
