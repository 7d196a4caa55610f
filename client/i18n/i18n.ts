import { computed, signal } from '@preact/signals';
import { catalogue, type MessageKey } from '../../shared/i18n/catalogue.js';
import { formatMessage, type Params } from '../../shared/i18n/format.js';
import { isUiLocale, pickLocale, type UiLocale } from '../../shared/languages.js';
import { storage } from '../ui/storage.js';

export type { MessageKey };

function initialLocale(): UiLocale {
  const saved = storage.get<string>('locale');
  if (isUiLocale(saved)) return saved;
  return pickLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

/** The interface language of this person on this device. */
export const locale = signal<UiLocale>(initialLocale());

export function setLocale(next: UiLocale) {
  locale.value = next;
  storage.set('locale', next);
}

if (typeof document !== 'undefined') {
  // Screen readers and hyphenation follow the page language.
  const apply = () => (document.documentElement.lang = locale.value);
  apply();
  locale.subscribe(apply);
}

/** Reads `locale`, so a component calling it re-renders when the language changes. */
export function t(key: MessageKey, params?: Params): string {
  const lang = locale.value;
  return formatMessage(lang, catalogue[lang][key] ?? catalogue.en[key], params);
}

/** The translated message for an error code of an ack (with the wait a `too_many_attempts` names). */
export function errorText(code: string, retryAfterS?: number): string {
  const key = `error.${code}` as MessageKey;
  return key in catalogue.en ? t(key, { count: retryAfterS ?? 0 }) : t('error.internal');
}

export const dateFormatter = computed(
  () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'full', timeStyle: 'short' }),
);

export function languageName(code: string): string {
  const key = `language.${code}` as MessageKey;
  return key in catalogue.en ? t(key) : code;
}
