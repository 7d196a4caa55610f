import type { UiLocale } from '../languages.js';
import type { Message } from './define.js';

export type Params = Record<string, string | number>;

const pluralRules = new Map<UiLocale, Intl.PluralRules>();

function plural(locale: UiLocale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** Fills {name} placeholders; a plural message picks its form from params.count. */
export function formatMessage(locale: UiLocale, message: Message | undefined, params: Params = {}): string {
  if (message === undefined) return '';
  const text =
    typeof message === 'string' ? message : (message[plural(locale, Number(params.count ?? 0))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
