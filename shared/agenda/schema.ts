/**
 * The agenda: the template sheet (Vorlagebogen) an organiser fills before the day, and the run sheet
 * (its programme) a moderator runs live with Start / Next. See RULES.md and FORMATS.md.
 */
import { z } from 'zod';
import { isLanguageCode } from '../languages.js';
import { POLL_KINDS, POLL_LIMITS, QUIZ_SCORING } from '../polls/constants.js';
import { TRUTHS_VARIANTS } from '../truths/constants.js';
import {
  BOARD_LIMITS,
  BROADCAST_MAX_CHARS,
  type MECHANIC_KINDS,
  ROTATIONS,
  SHEET_ENUMS,
  STEP_LIMITS,
} from './constants.js';

export * from './constants.js';

const line = (max = 200) => z.string().trim().max(max);
const text = (max = 2000) => z.string().trim().max(max);
const language = z.string().refine(isLanguageCode, 'Not a language code');

/** The template sheet: every field optional except the title (FORMATS.md, "The template sheet"). */
export const sheetSchema = z.object({
  title: z.string().trim().min(1).max(200),
  category: z.enum(SHEET_ENUMS.category).optional(),
  summary: text().optional(),
  status: z.enum(SHEET_ENUMS.status).optional(),
  goal: z.object({ outcome: text().optional(), success: text().optional() }).optional(),
  towns: z
    .array(
      z.object({
        town: line(),
        country: line(80).optional(),
        organisation: line().optional(),
        contact: line().optional(),
      }),
    )
    .max(12)
    .optional(),
  targetGroup: line().optional(),
  ageGroup: line(80).optional(),
  digitalExperience: z.enum(SHEET_ENUMS.digitalExperience).optional(),
  groupSize: z.number().int().min(1).max(10_000).optional(),
  date: z.iso.date().optional(),
  timeZones: z.array(line(64)).max(6).optional(),
  durationMin: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  setting: z.enum(SHEET_ENUMS.setting).optional(),
  languages: z.array(language).max(12).optional(),
  interpretation: z.enum(SHEET_ENUMS.interpretation).optional(),
  tandem: z.boolean().optional(),
  roles: z
    .object({
      moderator: line().optional(),
      technicalHost: line().optional(),
      tableHosts: line().optional(),
      interpreter: line().optional(),
      noteTaker: line().optional(),
    })
    .optional(),
  preparation: z.object({ materials: text().optional(), features: text().optional() }).optional(),
  privacy: z
    .object({
      photoConsent: z.boolean().optional(),
      recordingConsent: z.boolean().optional(),
      /** The results report lists participants by town only, without names. */
      townsOnlyInReport: z.boolean().optional(),
      accessibility: text().optional(),
    })
    .optional(),
  budget: z.object({ amount: line(80).optional(), funding: text().optional() }).optional(),
  afterwards: z
    .object({
      documentation: text().optional(),
      followUp: text().optional(),
      lessons: text().optional(),
      shareIdea: z.boolean().optional(),
    })
    .optional(),
});
export type Sheet = z.output<typeof sheetSchema>;

const question = z.string().trim().min(1).max(BOARD_LIMITS.header);

/**
 * What a step switches on: one mechanic, with its parameters. `kind` names the mechanic; the server maps
 * each kind to the existing service that runs it (server/agenda/mechanics.ts).
 */
export const paramsSchema = z.discriminatedUnion('kind', [
  /** Nothing but the step's countdown and its instructions (a talk, a toast, thinking time). */
  z.object({ kind: z.literal('timer') }),
  /** A poll (or quiz question) launched in the plenary; Next closes it (and reveals a quiz). */
  z.object({
    kind: z.literal('poll'),
    question: z.string().trim().min(1).max(POLL_LIMITS.question),
    pollKind: z.enum(POLL_KINDS),
    options: z.array(z.string().trim().min(1).max(POLL_LIMITS.option)).max(POLL_LIMITS.options).default([]),
    scaleMax: z.union([z.literal(5), z.literal(10)]).default(5),
    anonymous: z.boolean().default(true),
    quiz: z
      .object({
        /** Option ids: o1, o2, … in the order of `options`; yes / no for a yes/no question. */
        correct: z.array(z.string().min(1).max(16)).min(1).max(POLL_LIMITS.options),
        timeLimitSec: z.number().int().min(5).max(3600).nullable().default(null),
        scoring: z.enum(QUIZ_SCORING).default('person'),
      })
      .nullable()
      .default(null),
  }),
  /** The plenary board collects cards under a question; Next closes collecting and reveals them. */
  z.object({
    kind: z.literal('cards'),
    question,
    cardLimit: z.number().int().min(0).max(BOARD_LIMITS.cardLimit).default(0),
    hidden: z.boolean().default(true),
    anonymous: z.boolean().default(false),
  }),
  /** Dot voting on the plenary board's cards; Next closes voting. */
  z.object({
    kind: z.literal('dots'),
    question,
    budget: z.number().int().min(1).max(BOARD_LIMITS.dotBudget).default(3),
    perCard: z.number().int().min(1).max(BOARD_LIMITS.dotBudget).default(3),
  }),
  /** Breakout rooms, assigned at random (towns mixed) or by language, for the step's duration. */
  z.object({
    kind: z.literal('rooms'),
    rooms: z.number().int().min(1).max(STEP_LIMITS.rooms).default(4),
    mode: z.enum(['random', 'language']).default('random'),
  }),
  /** Rooms that rotate: speed-dating, tandem, World Café (one table per question), reception. */
  z.object({
    kind: z.literal('rotation'),
    rotation: z.enum(ROTATIONS),
    rounds: z.number().int().min(1).max(STEP_LIMITS.rounds).default(3),
    /** World Café: one table per question (the table's name). */
    tables: z.array(z.string().trim().min(1).max(60)).max(STEP_LIMITS.rooms).default([]),
    /** Tandem: the two languages. */
    languages: z.array(language).max(2).default([]),
  }),
  /** A message to everyone, in the plenary and in every room. */
  z.object({ kind: z.literal('broadcast'), text: z.string().trim().min(1).max(BROADCAST_MAX_CHARS) }),
  /** [GAL] The gallery walk: the board goes onto everyone's stage, where "Show all boards" opens the gallery. */
  z.object({ kind: z.literal('gallery') }),
  /** Mechanics another branch builds; until they exist, the step shows what to do by hand. */
  z.object({
    kind: z.literal('speaking'),
    question: question.optional(),
    secondsEach: z.number().int().min(10).max(600).default(60),
  }),
  z.object({ kind: z.literal('fishbowl'), seats: z.number().int().min(2).max(12).default(5) }),
  z.object({ kind: z.literal('nestedRooms'), sizes: z.array(z.number().int().min(1).max(50)).max(4).default([2, 4]) }),
  /** [TRUTH7] Two truths and a lie, or its variant: three hashtags per person, shown on their video tile. */
  z.object({ kind: z.literal('twoTruths'), variant: z.enum(TRUTHS_VARIANTS).default('statements') }),
  z.object({
    kind: z.literal('ideaMarket'),
    /** The plenary board's top cards by dots that become stalls (0: the moderator types them). */
    stalls: z.number().int().min(0).max(20).default(5),
    pitchSec: z.number().int().min(30).max(600).default(120),
  }),
  /** [BCAMP1] Barcamp / Open Space: rooms per slot and each slot's minutes. */
  z.object({
    kind: z.literal('barcamp'),
    rooms: z.number().int().min(1).max(12).default(4),
    slotMin: z.number().int().min(5).max(120).default(30),
  }),
]);
export type StepParams = z.output<typeof paramsSchema>;
export type StepParamsInput = z.input<typeof paramsSchema>;
export type MechanicKind = StepParams['kind'];
/** The params of one mechanic kind. */
export type ParamsOf<K extends MechanicKind> = Extract<StepParams, { kind: K }>;

// Every kind of the schema is listed in MECHANIC_KINDS, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kinds: Same<MechanicKind, (typeof MECHANIC_KINDS)[number]> = true;
void _kinds;

const stepId = z.string().regex(/^[A-Za-z0-9_-]{1,24}$/);

export const stepSchema = z.object({
  /** Absent on a new step: the server gives it one. */
  id: stepId.optional(),
  /** A format id of the catalogue (shared/agenda/catalogue.ts). */
  format: z.string().regex(/^[a-zA-Z0-9]{1,32}$/),
  title: z.string().trim().max(STEP_LIMITS.title).optional(),
  /** [AG16] Whole minutes, or quarter minutes down to 15 seconds (a short silence, quick rounds). */
  durationMin: z
    .number()
    .min(STEP_LIMITS.durationMinMin)
    .max(STEP_LIMITS.durationMin)
    .multipleOf(STEP_LIMITS.durationMinMin),
  /** Whole group, small groups or pairs (the template sheet's programme column). */
  groups: z.enum(SHEET_ENUMS.groups).optional(),
  /** Who leads this step. */
  responsible: line(80).optional(),
  params: paramsSchema,
});
export type StepInput = z.input<typeof stepSchema>;
export type Step = z.output<typeof stepSchema> & { id: string };

export type StepStatus = 'pending' | 'running' | 'done' | 'skipped';

/** A step that ran (or was skipped): what the plan-against-actual clock and the report read. */
export interface StepRun {
  startedAt: number | null;
  endedAt: number;
  skipped: boolean;
}

/** The step running now. `deadline` is server time; "+5 min" moves it. */
export interface CurrentStep {
  stepId: string;
  startedAt: number;
  deadline: number;
  /** What the step's mechanic started (a poll id, …), so that Next stops exactly that. */
  ref: Record<string, string>;
  /** Set when the mechanic could not be started: the moderator does it by hand. */
  problem: string | null;
}

/** The run sheet as everyone sees it. */
export interface AgendaView {
  /** Bumped by every change: edits are saved against the version they were made from. */
  version: number;
  steps: Step[];
  current: CurrentStep | null;
  /** When the first step started; null before. */
  startedAt: number | null;
  /** Minutes planned when the programme started (the sum of its steps then). */
  plannedMin: number;
  history: Record<string, StepRun>;
}

export const emptySchema = z.object({}).strict();
export const sheetSaveSchema = z.object({ sheet: sheetSchema });
export const planSchema = z.object({
  version: z.number().int().min(0),
  steps: z.array(stepSchema).max(STEP_LIMITS.steps),
});
/**
 * [AG17] A run sheet file's content (a plan to reuse next year or share): the template sheet and the steps,
 * without ids (an `id` in the file is dropped: the workshop that loads it gives fresh ones). One schema for
 * loading into a workshop (`agenda:import`) and for starting a new workshop from it (`workshop:create`).
 */
export const runSheetSchema = z.object({
  sheet: sheetSchema.nullable().default(null),
  steps: z.array(stepSchema.omit({ id: true })).max(STEP_LIMITS.steps),
});
export type RunSheetInput = z.input<typeof runSheetSchema>;
export type RunSheet = z.output<typeof runSheetSchema>;
export const importSchema = runSheetSchema.extend({ version: z.number().int().min(0) });
export const startSchema = z.object({ version: z.number().int().min(0), stepId: stepId.optional() });
export const nextSchema = z.object({ version: z.number().int().min(0) });
export const skipSchema = z.object({ version: z.number().int().min(0), stepId });
export const extendSchema = z.object({ version: z.number().int().min(0), minutes: z.number().int().min(1).max(60) });

export interface AgendaSync {
  sheet: Sheet | null;
  agenda: AgendaView;
}

/** A change of the run sheet, with what did not work while switching mechanics (the moderator does it by hand). */
export interface AgendaResult {
  agenda: AgendaView;
  problem: string | null;
}
