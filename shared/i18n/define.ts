/** A message is a string with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export type PluralMessage = { one?: string; two?: string; few?: string; many?: string; zero?: string; other: string };
export type Message = string | PluralMessage;

/**
 * One feature's English messages: they define the keys. Every other language gives every key in
 * messages/<locale>/<feature>.ts, typed `Translation<typeof english>` (the type checker says which is
 * missing; shared/i18n/catalogue.test.ts says it again at test time). One file per language, so the
 * client downloads only the language it shows.
 */
export function defineMessages<const K extends string>(en: Record<K, Message>): Record<K, Message> {
  return en;
}

/** The same keys as the English messages of a feature. */
export type Translation<English> = Record<keyof English, Message>;
