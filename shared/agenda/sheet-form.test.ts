import { expect, test } from 'vitest';
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
