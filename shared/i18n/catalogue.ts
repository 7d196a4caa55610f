import type { UiLocale } from '../languages.js';
import type { Message } from './define.js';
import { formatMessage, type Params } from './format.js';
import { messages as de } from './locales/de.js';
import { messages as en, type MessageKey } from './locales/en.js';
import { messages as fr } from './locales/fr.js';
import { messages as it } from './locales/it.js';
import { messages as nl } from './locales/nl.js';
import { messages as pl } from './locales/pl.js';

export type { MessageKey };

/**
 * Every visible string in every language, for the server (exports) and the tests. The client does not
 * import this: it bundles English (locales/en.ts) and loads the chosen language's file (client/i18n).
 */
export const catalogue: Record<UiLocale, Record<MessageKey, Message>> = { de, en, fr, pl, nl, it };

/** `t` of one language, for what the server writes (exports, the report). */
export function translator(locale: UiLocale) {
  const messages = catalogue[locale];
  return (key: MessageKey, params?: Params): string => formatMessage(locale, messages[key], params);
}
export type Translate = ReturnType<typeof translator>;
