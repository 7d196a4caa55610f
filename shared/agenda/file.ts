/**
 * [AG17] The run sheet file: the template sheet and the steps, saved to reuse next year or share with another
 * partnership. Free of zod and of the form's fields: the start page reads these files too (the server validates).
 */
import type { Sheet, StepInput } from './schema.js';

/** The file a sheet and its run sheet are saved to, to reuse next year or share with another partnership. */
export interface RunSheetFile {
  kind: 'jumelage-run-sheet';
  version: 1;
  sheet: Sheet | null;
  steps: StepInput[];
}

export function toFile(sheet: Sheet | null, steps: readonly StepInput[]): RunSheetFile {
  // Ids and what ran stay with this workshop: the file is a plan.
  return { kind: 'jumelage-run-sheet', version: 1, sheet, steps: steps.map(({ id: _id, ...s }) => s) };
}

/** Reads a file's text; null when it is not a run sheet file (the server validates the rest). */
export function fromFile(text: string): RunSheetFile | null {
  try {
    const data = JSON.parse(text) as Partial<RunSheetFile>;
    if (data?.kind !== 'jumelage-run-sheet' || !Array.isArray(data.steps)) return null;
    return { kind: data.kind, version: 1, sheet: data.sheet ?? null, steps: data.steps };
  } catch {
    return null;
  }
}

/** [AG17] What a loaded file holds, for the confirmation: its title, its steps and their minutes. */
export function fileSummary(file: RunSheetFile, fallbackTitle: string) {
  return {
    title: file.sheet?.title ?? fallbackTitle,
    count: file.steps.length,
    minutes: file.steps.reduce((sum, s) => sum + (typeof s.durationMin === 'number' ? s.durationMin : 0), 0),
  };
}

/**
 * [AG17] The largest file a new workshop starts from: `workshop:create` is open to anyone, so it keeps the small
 * payload limit of every command (16 kB, with room for the title and description). A larger file is loaded in the
 * new workshop's template sheet (`agenda:import` takes 64 kB).
 */
export const CREATE_FILE_MAX_BYTES = 12 * 1024;

/** The bytes a file's plan takes in the create command. */
export const fileBytes = (file: RunSheetFile) =>
  new TextEncoder().encode(JSON.stringify({ sheet: file.sheet, steps: file.steps })).length;
