import { describe, expect, it } from 'vitest';
import { allLanguages, endonym, isLanguageCode, languageNameIn, LANGUAGES, pickLocale } from './languages.js';

describe('[WS32] any language', () => {
  it('takes every current ISO 639-1 code Intl knows, not retired, unknown or malformed ones', () => {
    for (const code of [...LANGUAGES, 'fi', 'hu', 'tr', 'he', 'ja', 'lb', 'fy', 'ar'])
      expect(isLanguageCode(code), code).toBe(true);
    for (const code of ['iw', 'in', 'qq', 'zz', 'FI', 'fin', 'f', '', 'de-AT'])
      expect(isLanguageCode(code), code).toBe(false);
  });

  it('names a language in itself and in the reader’s language', () => {
    expect(endonym('fi')).toBe('Suomi');
    expect(endonym('hu')).toBe('Magyar');
    expect(languageNameIn('fi', 'de')).toBe('Finnisch');
    expect(languageNameIn('tr', 'pl')).toBe('turecki');
  });

  it('lists every language once, the common ones among them', () => {
    const all = allLanguages();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(150);
    expect(all).toEqual(expect.arrayContaining([...LANGUAGES, 'fi', 'hu', 'ja']));
  });

  it('still picks the interface language from the browser, only among the translated ones', () => {
    expect(pickLocale(['fi-FI', 'de-DE'])).toBe('de');
    expect(pickLocale(['fi-FI'])).toBe('en');
    expect(pickLocale(['nl-BE', 'fr-BE'])).toBe('nl');
    expect(pickLocale(['it-IT'])).toBe('it');
  });
});
