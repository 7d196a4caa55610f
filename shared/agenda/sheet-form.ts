/**
 * The template sheet as a form: its fields by section, and the conversion between the form's flat values
 * and the Sheet the server validates (shared/agenda/schema.ts). Free of components, so it is tested alone.
 */
import { SHEET_ENUMS } from './constants.js';
import type { Sheet } from './schema.js';

type Kind = 'text' | 'textarea' | 'number' | 'date' | 'check' | 'select' | 'list' | 'towns';
export interface Field {
  /** The message key is `sheet.field.<name>`; a select's options are `sheet.<name>.<value>`. */
  name: string;
  kind: Kind;
  /** Where in the Sheet it lives: a top-level key, or a group and a key. */
  path: readonly [string] | readonly [string, string];
  options?: readonly string[];
}

const f = (name: string, kind: Kind, group?: string, options?: readonly string[]): Field => ({
  name,
  kind,
  path: group ? [group, name] : [name],
  ...(options ? { options } : {}),
});

export const SECTIONS: readonly { id: string; fields: readonly Field[] }[] = [
  {
    id: 'idea',
    fields: [
      f('title', 'text'),
      f('category', 'select', undefined, SHEET_ENUMS.category),
      f('summary', 'textarea'),
      f('status', 'select', undefined, SHEET_ENUMS.status),
    ],
  },
  { id: 'goal', fields: [f('outcome', 'textarea', 'goal'), f('success', 'textarea', 'goal')] },
  {
    id: 'people',
    fields: [
      f('towns', 'towns'),
      f('targetGroup', 'text'),
      f('ageGroup', 'text'),
      f('digitalExperience', 'select', undefined, SHEET_ENUMS.digitalExperience),
      f('groupSize', 'number'),
    ],
  },
  {
    id: 'time',
    fields: [
      f('date', 'date'),
      f('timeZones', 'list'),
      f('durationMin', 'number'),
      f('setting', 'select', undefined, SHEET_ENUMS.setting),
    ],
  },
  {
    id: 'languages',
    fields: [
      f('languages', 'list'),
      f('interpretation', 'select', undefined, SHEET_ENUMS.interpretation),
      f('tandem', 'check'),
    ],
  },
  {
    id: 'roles',
    fields: ['moderator', 'technicalHost', 'tableHosts', 'interpreter', 'noteTaker'].map((n) => f(n, 'text', 'roles')),
  },
  { id: 'preparation', fields: [f('materials', 'textarea', 'preparation'), f('features', 'textarea', 'preparation')] },
  {
    id: 'privacy',
    fields: [
      f('photoConsent', 'check', 'privacy'),
      f('recordingConsent', 'check', 'privacy'),
      f('townsOnlyInReport', 'check', 'privacy'),
      f('accessibility', 'textarea', 'privacy'),
    ],
  },
  { id: 'budget', fields: [f('amount', 'text', 'budget'), f('funding', 'textarea', 'budget')] },
  {
    id: 'afterwards',
    fields: [
      f('documentation', 'textarea', 'afterwards'),
      f('followUp', 'textarea', 'afterwards'),
      f('lessons', 'textarea', 'afterwards'),
      f('shareIdea', 'check', 'afterwards'),
    ],
  },
];

export type FormValues = Record<string, string | boolean>;
const FIELDS = SECTIONS.flatMap((s) => s.fields);

/** The form's values from a saved sheet (empty strings and unchecked boxes where nothing is saved). */
export function toForm(sheet: Sheet | null): FormValues {
  const values: FormValues = {};
  const src = (sheet ?? {}) as Record<string, unknown>;
  for (const field of FIELDS) {
    const [a, b] = field.path;
    const raw = b ? (src[a] as Record<string, unknown> | undefined)?.[b] : src[a];
    if (field.kind === 'check') values[field.name] = raw === true;
    else if (field.kind === 'list') values[field.name] = Array.isArray(raw) ? raw.join(', ') : '';
    else if (field.kind === 'towns')
      values[field.name] = Array.isArray(raw)
        ? (raw as Record<string, string>[])
            .map((t) => [t.town, t.country, t.organisation, t.contact].filter(Boolean).join(', '))
            .join('\n')
        : '';
    else values[field.name] = raw === undefined ? '' : String(raw);
  }
  return values;
}

/** The sheet from the form: empty fields are left out, numbers and lists parsed. */
export function fromForm(values: FormValues): Sheet {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const v = values[field.name];
    const value = parse(field, v);
    if (value === undefined) continue;
    const [a, b] = field.path;
    if (b) out[a] = { ...(out[a] as object | undefined), [b]: value };
    else out[a] = value;
  }
  return out as Sheet;
}

function parse(field: Field, v: string | boolean | undefined): unknown {
  if (field.kind === 'check') return v === true ? true : undefined;
  const text = typeof v === 'string' ? v.trim() : '';
  if (!text) return undefined;
  switch (field.kind) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? Math.round(n) : undefined;
    }
    case 'list':
      return text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'towns':
      return text
        .split('\n')
        .map((line) => line.split(',').map((s) => s.trim()))
        .filter(([town]) => town)
        .map(([town, country, organisation, contact]) => ({
          town,
          ...(country ? { country } : {}),
          ...(organisation ? { organisation } : {}),
          ...(contact ? { contact } : {}),
        }));
    default:
      return text;
  }
}

// The run sheet file lives in its own small module (the start page reads files too, without the form's fields).
export { fileSummary, fromFile, type RunSheetFile, toFile } from './file.js';
