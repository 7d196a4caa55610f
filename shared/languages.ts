/**
 * The languages offered first (a chip each) when a workshop or a person names theirs. Any other
 * language can be named too (isLanguageCode); the interface itself is translated into UI_LOCALES.
 */
export const LANGUAGES = ['de', 'en', 'fr', 'pl', 'it', 'es', 'nl', 'cs', 'uk'] as const;
/** An ISO 639-1 code (isLanguageCode). */
export type Language = string;
/** A workshop or a person names at most this many languages. */
export const MAX_LANGUAGES = 12;

const languageNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string): Intl.DisplayNames {
  let d = languageNames.get(locale);
  if (!d)
    languageNames.set(locale, (d = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' })));
  return d;
}

/** [WS32] A language as the runtime's Intl knows it: a current ISO 639-1 code (not a retired one like `iw`). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  try {
    return Intl.getCanonicalLocales(code)[0] === code && namesIn('en').of(code) !== undefined;
  } catch {
    return false;
  }
}

/** The language's name in itself ("suomi", "magyar"), as people look for their own language. */
export function endonym(code: string): string {
  try {
    const name = namesIn(code).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/** The language's name in the interface language ("Finnisch"). */
export function languageNameIn(code: string, locale: string): string {
  return namesIn(locale).of(code) ?? code;
}

/** [WS32] Every language code Intl knows (about 180). */
export function allLanguages(): string[] {
  const codes: string[] = [];
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (isLanguageCode(code)) codes.push(code);
    }
  return codes;
}

export const UI_LOCALES = ['de', 'en', 'fr', 'pl', 'nl', 'it'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** Picks the interface language from the browser's preference list (e.g. navigator.languages). */
export function pickLocale(preferred: readonly string[], fallback: UiLocale = 'en'): UiLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return fallback;
}
