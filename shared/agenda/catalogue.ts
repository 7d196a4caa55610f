/**
 * The format catalogue as data (FORMATS.md): each handbook format with its purpose, size and time, the
 * mechanics its steps switch on, and the steps it adds to a run sheet. Names, purposes and instructions
 * are i18n keys (`agenda.format.<id>`, `….purpose`, `….do`). A new format is a new entry, not new code.
 */
import type { MessageKey } from '../i18n/locales/en.js';
import type { MechanicKind, StepInput, StepParamsInput } from './schema.js';

export const FORMAT_IDS = [
  'plenary',
  'flash',
  'mood',
  'twoTruths',
  'speedDating',
  'oneTwoFour',
  'cards',
  'dots',
  'worldCafe',
  'fishbowl',
  'barcamp',
  'cityQuiz',
  'gallery',
  'ideaMarket',
  'reception',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** One step a format adds; `textKey` fills the question (or message) in the planner's language. */
export interface StepTemplate {
  durationMin: number;
  params: StepParamsInput;
  titleKey?: MessageKey;
  textKey?: MessageKey;
  groups?: StepInput['groups'];
}

export interface Format {
  id: FormatId;
  /** People from … to; null: any number. */
  size: { min: number | null; max: number | null };
  /** Minutes from … to. */
  minutes: { min: number; max: number };
  steps: readonly StepTemplate[];
}

const timer = { kind: 'timer' } as const;

export const FORMATS: Record<FormatId, Format> = {
  plenary: {
    id: 'plenary',
    size: { min: null, max: null },
    minutes: { min: 5, max: 30 },
    steps: [{ durationMin: 10, params: timer, groups: 'whole' }],
  },
  flash: {
    id: 'flash',
    size: { min: 5, max: 25 },
    minutes: { min: 5, max: 15 },
    steps: [
      { durationMin: 10, params: { kind: 'speaking', secondsEach: 45 }, textKey: 'agenda.q.flash', groups: 'whole' },
    ],
  },
  mood: {
    id: 'mood',
    size: { min: null, max: null },
    minutes: { min: 2, max: 2 },
    steps: [
      {
        durationMin: 2,
        params: { kind: 'poll', question: '-', pollKind: 'scale', scaleMax: 5 },
        textKey: 'agenda.q.mood',
        groups: 'whole',
      },
    ],
  },
  twoTruths: {
    id: 'twoTruths',
    size: { min: 6, max: 30 },
    minutes: { min: 15, max: 25 },
    steps: [{ durationMin: 20, params: { kind: 'twoTruths' }, groups: 'whole' }],
  },
  speedDating: {
    id: 'speedDating',
    size: { min: 8, max: 40 },
    minutes: { min: 12, max: 30 },
    steps: [{ durationMin: 20, params: { kind: 'rotation', rotation: 'speedDating', rounds: 4 }, groups: 'pairs' }],
  },
  oneTwoFour: {
    id: 'oneTwoFour',
    size: { min: null, max: null },
    minutes: { min: 12, max: 12 },
    steps: [
      // One step runs the silent minute, the pairs and the fours (1 : 2 : 4 of its time, [BR27]).
      {
        durationMin: 7,
        params: { kind: 'nestedRooms', sizes: [2, 4] },
        titleKey: 'agenda.step.pairsFours',
        groups: 'small',
      },
      {
        durationMin: 5,
        params: { kind: 'cards', question: '-', cardLimit: 1, hidden: false },
        titleKey: 'agenda.step.harvest',
        textKey: 'agenda.q.oneTwoFour',
        groups: 'whole',
      },
    ],
  },
  cards: {
    id: 'cards',
    size: { min: 3, max: 30 },
    minutes: { min: 20, max: 40 },
    steps: [
      {
        durationMin: 20,
        params: { kind: 'cards', question: '-', cardLimit: 5, hidden: true },
        textKey: 'agenda.q.cards',
        groups: 'whole',
      },
    ],
  },
  dots: {
    id: 'dots',
    size: { min: 5, max: null },
    minutes: { min: 5, max: 10 },
    steps: [
      {
        durationMin: 7,
        params: { kind: 'dots', question: '-', budget: 3, perCard: 2 },
        textKey: 'agenda.q.dots',
        groups: 'whole',
      },
    ],
  },
  worldCafe: {
    id: 'worldCafe',
    size: { min: 12, max: null },
    minutes: { min: 45, max: 60 },
    steps: [{ durationMin: 45, params: { kind: 'rotation', rotation: 'worldCafe', rounds: 3 }, groups: 'small' }],
  },
  fishbowl: {
    id: 'fishbowl',
    size: { min: 12, max: 200 },
    minutes: { min: 30, max: 60 },
    steps: [{ durationMin: 40, params: { kind: 'fishbowl', seats: 5 }, groups: 'whole' }],
  },
  barcamp: {
    id: 'barcamp',
    size: { min: 20, max: 200 },
    minutes: { min: 120, max: 240 },
    steps: [{ durationMin: 180, params: { kind: 'barcamp' }, groups: 'small' }],
  },
  cityQuiz: {
    id: 'cityQuiz',
    size: { min: 10, max: 60 },
    minutes: { min: 30, max: 60 },
    steps: [
      { durationMin: 10, params: timer, titleKey: 'agenda.step.profiles', groups: 'whole' },
      {
        durationMin: 5,
        params: {
          kind: 'poll',
          question: '-',
          pollKind: 'yesno',
          anonymous: false,
          quiz: { correct: ['yes'], scoring: 'town' },
        },
        titleKey: 'agenda.step.quiz',
        textKey: 'agenda.q.quiz',
        groups: 'whole',
      },
    ],
  },
  gallery: {
    id: 'gallery',
    size: { min: 8, max: 40 },
    minutes: { min: 15, max: 25 },
    steps: [{ durationMin: 15, params: { kind: 'gallery' }, groups: 'whole' }],
  },
  ideaMarket: {
    id: 'ideaMarket',
    size: { min: 10, max: 80 },
    minutes: { min: 60, max: 90 },
    steps: [{ durationMin: 60, params: { kind: 'ideaMarket' }, groups: 'small' }],
  },
  reception: {
    id: 'reception',
    size: { min: null, max: null },
    minutes: { min: 30, max: 60 },
    steps: [
      {
        durationMin: 3,
        params: { kind: 'broadcast', text: '-' },
        titleKey: 'agenda.step.toast',
        textKey: 'agenda.q.toast',
        groups: 'whole',
      },
      { durationMin: 27, params: { kind: 'rotation', rotation: 'reception', rounds: 3 }, groups: 'small' },
    ],
  },
};

export function isFormatId(id: string): id is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(id);
}

/** The mechanics a format's steps switch on, in order, each once. */
export function mechanicsOf(format: Format): MechanicKind[] {
  return [...new Set(format.steps.map((s) => s.params.kind))];
}

/** Mechanics the server runs today; the others are listed, and their steps say what to do by hand. */
export const BUILT_MECHANICS: ReadonlySet<MechanicKind> = new Set<MechanicKind>([
  'timer',
  'poll',
  'cards',
  'dots',
  'rooms',
  'rotation',
  'nestedRooms',
  'broadcast',
  'speaking',
  'twoTruths',
  'fishbowl',
  'gallery',
  'ideaMarket',
  'barcamp',
]);

export const PROGRAMME_IDS = ['firstMeeting', 'planning', 'reception'] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

/** A ready-made programme: formats in order, with the minutes of each of their steps where they differ. */
export interface ProgrammeItem {
  format: FormatId;
  minutes?: readonly number[];
  titleKey?: MessageKey;
}

/** Names and descriptions: `agenda.programme.<id>` and `….about`. */
export const PROGRAMMES: Record<ProgrammeId, readonly ProgrammeItem[]> = {
  // 90 minutes: welcome, check-in, meet in pairs, each town presents itself, quiz, ideas, priorities, check-out.
  firstMeeting: [
    { format: 'plenary', minutes: [9], titleKey: 'agenda.step.welcome' },
    { format: 'mood', minutes: [3], titleKey: 'agenda.step.checkIn' },
    { format: 'speedDating' },
    { format: 'cityQuiz', minutes: [10, 10] },
    { format: 'cards' },
    { format: 'dots', minutes: [10] },
    { format: 'flash', minutes: [8], titleKey: 'agenda.step.checkOut' },
  ],
  planning: [
    { format: 'plenary', titleKey: 'agenda.step.welcome' },
    { format: 'flash', titleKey: 'agenda.step.checkIn' },
    { format: 'cards' },
    { format: 'dots', minutes: [10] },
    { format: 'worldCafe' },
    { format: 'plenary', minutes: [15], titleKey: 'agenda.step.nextSteps' },
    { format: 'mood', titleKey: 'agenda.step.checkOut' },
  ],
  reception: [
    { format: 'reception' },
    { format: 'gallery', minutes: [10] },
    { format: 'mood', titleKey: 'agenda.step.checkOut' },
  ],
};

type Translate = (key: MessageKey) => string;

/** The steps a format adds to a run sheet, its questions in the planner's language. */
export function formatSteps(
  id: FormatId,
  translate: Translate,
  opts: { minutes?: readonly number[]; titleKey?: MessageKey } = {},
): StepInput[] {
  return FORMATS[id].steps.map((tpl, i) => {
    const key = i === 0 && opts.titleKey ? opts.titleKey : tpl.titleKey;
    return {
      format: id,
      ...(key ? { title: translate(key) } : {}),
      durationMin: opts.minutes?.[i] ?? tpl.durationMin,
      ...(tpl.groups ? { groups: tpl.groups } : {}),
      params: tpl.textKey ? withText(tpl.params, translate(tpl.textKey)) : { ...tpl.params },
    };
  });
}

/** A ready-made programme as run sheet steps. */
export function programmeSteps(id: ProgrammeId, translate: Translate): StepInput[] {
  return PROGRAMMES[id].flatMap((item) => formatSteps(item.format, translate, item));
}

/** The minutes a list of steps plans. */
export const plannedMinutes = (steps: readonly { durationMin: number }[]) =>
  steps.reduce((sum, s) => sum + s.durationMin, 0);

function withText(params: StepParamsInput, text: string): StepParamsInput {
  switch (params.kind) {
    case 'poll':
    case 'cards':
    case 'dots':
    case 'speaking':
      return { ...params, question: text };
    case 'broadcast':
      return { ...params, text };
    default:
      return { ...params };
  }
}
