/**
 * [WS29] The partner countries of a workshop, named when it is created: their flags join the reactions.
 * Codes are ISO 3166-1 alpha-2 (plus EU, UN), as the runtime's Intl knows them, so client and server
 * agree without shipping a list. Zod-free: the client imports it.
 */
import { REACTIONS } from './constants.js';

/** A workshop names at most this many countries. */
export const MAX_COUNTRIES = 8;

const names = new Map<string, Intl.DisplayNames>();
function displayNames(locale: string): Intl.DisplayNames {
  let d = names.get(locale);
  if (!d) names.set(locale, (d = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' })));
  return d;
}

/** Whether `code` names a country (or the EU/UN): two capitals, known to Intl, not a private-use code. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || code.startsWith('Q') || (code.startsWith('X') && code !== 'XK'))
    return false;
  return displayNames('en').of(code) !== undefined;
}

/** The country's name in the interface language. */
export function countryName(code: string, locale: string): string {
  return displayNames(locale).of(code) ?? code;
}

/** The flag: the two regional indicator symbols of the code. */
export function flagOf(code: string): string {
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** Every code Intl names, sorted by name in `locale` (the create form's choice). */
export function allCountries(locale: string): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCountryCode(code)) codes.push(code);
    }
  const collator = new Intl.Collator(locale);
  return codes.sort((x, y) => collator.compare(countryName(x, locale), countryName(y, locale)));
}

/** What people of this workshop may react with: the five for everyone, then the flags of its countries. */
export function reactionsOf(countries: readonly string[]): string[] {
  return [...REACTIONS, ...countries.map(flagOf)];
}
