import type { UiLocale } from '../languages.js';

/** A message is a string with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export type PluralMessage = { one?: string; two?: string; few?: string; many?: string; zero?: string; other: string };
export type Message = string | PluralMessage;

/**
 * One feature's messages: English defines the keys, every other locale must give every key
 * (the type checker says which is missing; shared/i18n/catalogue.test.ts says it again at test time).
 */
export function defineMessages<const K extends string>(
  en: Record<K, Message>,
  others: Record<Exclude<UiLocale, 'en'>, Record<K, Message>>,
): Record<UiLocale, Record<K, Message>> {
  return { en, ...others };
}
