/** Languages a workshop or a person can use. The interface itself is translated into UI_LOCALES. */
export const LANGUAGES = ['de', 'en', 'fr', 'pl', 'it', 'es', 'nl', 'cs', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

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
