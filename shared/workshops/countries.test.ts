import { describe, expect, it } from 'vitest';
import { REACTIONS } from './constants.js';
import { allCountries, countryName, flagOf, isCountryCode, reactionsOf } from './countries.js';

describe('[WS29] partner countries', () => {
  it('knows country codes as Intl does, without private-use or lowercase codes', () => {
    for (const code of ['DE', 'FR', 'PL', 'NL', 'IT', 'UA', 'XK', 'EU']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['XX', 'ZZ', 'QO', 'AA', 'de', 'DEU', '', '🇩🇪']) expect(isCountryCode(code), code).toBe(false);
  });

  it('turns a code into its flag and its name in the interface language', () => {
    expect(flagOf('DE')).toBe('🇩🇪');
    expect(flagOf('PL')).toBe('🇵🇱');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('PL', 'de')).toBe('Polen');
  });

  it('adds the flags after the five reactions everyone has', () => {
    expect(reactionsOf([])).toEqual([...REACTIONS]);
    expect(reactionsOf(['FR', 'DE'])).toEqual([...REACTIONS, '🇫🇷', '🇩🇪']);
  });

  it('lists every country once, sorted by its name in the interface language', () => {
    const de = allCountries('de');
    expect(new Set(de).size).toBe(de.length);
    expect(de.length).toBeGreaterThan(240);
    // Deutschland before Österreich in German; Austria before Germany in English.
    expect(de.indexOf('DE')).toBeLessThan(de.indexOf('AT'));
    const en = allCountries('en');
    expect(en.indexOf('AT')).toBeLessThan(en.indexOf('DE'));
  });
});
