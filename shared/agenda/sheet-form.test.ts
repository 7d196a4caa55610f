import { expect, test } from 'vitest';
import { PROGRAMMES, type ProgrammeId, programmeSteps } from './catalogue.js';
import { CREATE_FILE_MAX_BYTES, fileBytes } from './file.js';
import { sheetSchema, stepSchema } from './schema.js';
import { fileSummary, fromFile, fromForm, toFile, toForm } from './sheet-form.js';

test('a filled form becomes a valid sheet, and the sheet fills the form again', () => {
  const form = {
    ...toForm(null),
    title: 'Jugendaustausch Łódź – Kamen',
    category: 'project',
    towns: 'Łódź, PL, Urząd Miasta, a@lodz.pl\nKamen, DE',
    languages: 'de, pl',
    groupSize: '24',
    date: '2027-05-08',
    tandem: true,
    moderator: 'Mia',
    photoConsent: true,
    outcome: '',
  };
  const sheet = fromForm(form);
  expect(sheetSchema.parse(sheet)).toEqual(sheet);
  expect(sheet).toEqual({
    title: 'Jugendaustausch Łódź – Kamen',
    category: 'project',
    towns: [
      { town: 'Łódź', country: 'PL', organisation: 'Urząd Miasta', contact: 'a@lodz.pl' },
      { town: 'Kamen', country: 'DE' },
    ],
    groupSize: 24,
    date: '2027-05-08',
    languages: ['de', 'pl'],
    tandem: true,
    roles: { moderator: 'Mia' },
    privacy: { photoConsent: true },
  });
  expect(fromForm(toForm(sheet))).toEqual(sheet);
});

test('a run sheet file keeps the plan without ids, and anything else is refused', () => {
  const steps = [
    stepSchema.parse({ id: 's1', format: 'cards', durationMin: 20, params: { kind: 'cards', question: 'Q?' } }),
  ];
  const file = toFile({ title: 'T' }, steps);
  expect(file.steps[0]).not.toHaveProperty('id');
  expect(fromFile(JSON.stringify(file))).toEqual(file);
  expect(fromFile('{"steps": []}')).toBeNull();
  expect(fromFile('not json')).toBeNull();
});

test('[AG17] a loaded file is summed up for the confirmation: the sheet’s title (else the file name), steps, minutes', () => {
  const steps = [
    stepSchema.parse({ format: 'cards', durationMin: 20, params: { kind: 'cards', question: 'Q?' } }),
    stepSchema.parse({ format: 'silence', durationMin: 0.25, params: { kind: 'timer' } }),
  ];
  expect(fileSummary(toFile({ title: 'Treffen 2026' }, steps), 'run-sheet.json')).toEqual({
    title: 'Treffen 2026',
    count: 2,
    minutes: 20.25,
  });
  expect(fileSummary(toFile(null, []), 'run-sheet.json')).toEqual({ title: 'run-sheet.json', count: 0, minutes: 0 });
});

test('[AG17] every ready-made programme with a filled sheet fits the file size a new workshop starts from', () => {
  const sheet = { title: 'Partnerschaftstreffen 2026', summary: 'x'.repeat(1000), towns: [{ town: 'Kamen' }] };
  for (const id of Object.keys(PROGRAMMES) as ProgrammeId[]) {
    const file = toFile(
      sheet,
      programmeSteps(id, (key) => `${key} — a question of a good length for a town`),
    );
    expect(fileBytes(file)).toBeLessThan(CREATE_FILE_MAX_BYTES);
  }
  // A valid sheet with long texts can be larger (bytes, not characters: ü takes two): it is loaded in the workshop.
  const long = 'ü'.repeat(2000);
  const huge = toFile(
    { title: 'T', summary: long, preparation: { materials: long, features: long }, budget: { funding: long } },
    [],
  );
  expect(sheetSchema.safeParse(huge.sheet).success).toBe(true);
  expect(fileBytes(huge)).toBeGreaterThan(CREATE_FILE_MAX_BYTES);
});
