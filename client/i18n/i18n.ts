import { computed, signal } from '@preact/signals';
import type { Message } from '../../shared/i18n/define.js';
import { formatMessage, type Params } from '../../shared/i18n/format.js';
import { messages as en, type MessageKey } from '../../shared/i18n/locales/en.js';
import { endonym, isUiLocale, pickLocale, type UiLocale } from '../../shared/languages.js';
import { storage } from '../ui/storage.js';

export type { MessageKey };

type Messages = Record<MessageKey, Message>;

/** English is bundled (it is also the fallback); every other language is a chunk of its own, loaded when chosen. */
const loaders: Record<Exclude<UiLocale, 'en'>, () => Promise<Messages>> = {
  de: () => import('../../shared/i18n/locales/de.js').then((m) => m.messages),
  fr: () => import('../../shared/i18n/locales/fr.js').then((m) => m.messages),
  pl: () => import('../../shared/i18n/locales/pl.js').then((m) => m.messages),
  nl: () => import('../../shared/i18n/locales/nl.js').then((m) => m.messages),
  it: () => import('../../shared/i18n/locales/it.js').then((m) => m.messages),
};
const loaded = new Map<UiLocale, Messages>([['en', en]]);

function load(lang: UiLocale): Promise<void> {
  if (lang === 'en' || loaded.has(lang)) return Promise.resolve();
  return loaders[lang]().then((messages) => void loaded.set(lang, messages));
}

function initialLocale(): UiLocale {
  const saved = storage.get<string>('locale');
  if (isUiLocale(saved)) return saved;
  return pickLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

/** The interface language of this person on this device. */
export const locale = signal<UiLocale>(initialLocale());

/**
 * Settles when the messages of the starting language are here (main.tsx renders after it, so nobody sees
 * English flash by). If they cannot be loaded the page shows English.
 */
export const localeReady: Promise<void> = load(locale.peek()).catch(() => undefined);

let latest = 0;
/** Switches once the new language's messages are here; the page keeps its language meanwhile (or if that fails). */
export async function setLocale(next: UiLocale): Promise<void> {
  const request = ++latest;
  try {
    await load(next);
  } catch {
    return;
  }
  if (request !== latest) return; // a later choice wins
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
  return formatMessage(lang, loaded.get(lang)?.[key] ?? en[key], params);
}

/** The translated message for an error code of an ack (with the wait a `too_many_attempts` names). */
export function errorText(code: string, retryAfterS?: number): string {
  const key = `error.${code}` as MessageKey;
  return key in en ? t(key, { count: retryAfterS ?? 0 }) : t('error.internal');
}

export const dateFormatter = computed(
  () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'full', timeStyle: 'short' }),
);

export function languageName(code: string): string {
  const key = `language.${code}` as MessageKey;
  return key in en ? t(key) : endonym(code);
}
