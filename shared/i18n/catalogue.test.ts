import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../languages.js';
import { ERROR_CODES } from '../command.js';
import { catalogue } from './catalogue.js';
import { formatMessage } from './format.js';

const reference = Object.keys(catalogue.en).sort();

describe('the i18n catalogue', () => {
  it.each(UI_LOCALES)('[I18N1] %s has exactly the keys English has', (locale) => {
    const keys = Object.keys(catalogue[locale]).sort();
    expect(
      reference.filter((k) => !keys.includes(k)),
      'missing',
    ).toEqual([]);
    expect(
      keys.filter((k) => !reference.includes(k)),
      'extra',
    ).toEqual([]);
  });

  it.each(UI_LOCALES)('[I18N2] %s has no empty message and every plural form its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogue[locale])) {
      if (typeof message === 'string') {
        expect(message.trim(), key).not.toBe('');
      } else {
        for (const form of needed)
          expect(message[form] ?? (form === 'other' ? undefined : null), `${key}.${form}`).toBeTruthy();
      }
    }
  });

  it.each(UI_LOCALES)('[I18N3] %s keeps the placeholders of the English message', (locale) => {
    const placeholders = (m: unknown) => [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const key of reference) {
      const en = new Set(placeholders(catalogue.en[key as keyof typeof catalogue.en]));
      const other = new Set(placeholders(catalogue[locale][key as keyof typeof catalogue.en]));
      expect([...other].sort(), key).toEqual([...en].sort());
    }
  });

  it('[I18N4] every error code has a message people can read', () => {
    for (const code of ERROR_CODES) expect(Object.keys(catalogue.en)).toContain(`error.${code}`);
  });

  it('[I18N5] Polish picks few and many forms by count', () => {
    const m = catalogue.pl['ws.peopleCount'];
    expect(formatMessage('pl', m, { count: 1 })).toBe('1 osoba');
    expect(formatMessage('pl', m, { count: 3 })).toBe('3 osoby');
    expect(formatMessage('pl', m, { count: 12 })).toBe('12 osób');
    expect(formatMessage('de', catalogue.de['ws.peopleCount'], { count: 12 })).toBe('12 Personen');
  });

  it('[I18N6] Dutch and Italian pick their plural forms by count', () => {
    expect(formatMessage('nl', catalogue.nl['ws.peopleCount'], { count: 1 })).toBe('1 persoon');
    expect(formatMessage('nl', catalogue.nl['ws.peopleCount'], { count: 0 })).toBe('0 personen');
    expect(formatMessage('nl', catalogue.nl['cards.left'], { count: 3 })).toBe('Je kunt nog 3 kaartjes schrijven.');
    expect(formatMessage('it', catalogue.it['ws.peopleCount'], { count: 1 })).toBe('1 persona');
    expect(formatMessage('it', catalogue.it['ws.peopleCount'], { count: 12 })).toBe('12 persone');
    // Italian says "un milione di persone": a million takes its own form.
    expect(formatMessage('it', catalogue.it['ws.peopleCount'], { count: 1_000_000 })).toBe('1000000 di persone');
  });
});
