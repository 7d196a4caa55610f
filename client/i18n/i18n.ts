import { computed, signal } from '@preact/signals';
import type { Message } from '../../shared/i18n/define.js';
import { formatMessage, type Params } from '../../shared/i18n/format.js';
import type { MessageKey } from '../../shared/i18n/locales/en.js';
import { endonym, isUiLocale, pickLocale, type UiLocale } from '../../shared/languages.js';
import { storage } from '../ui/storage.js';

export type { MessageKey };

type Messages = Record<MessageKey, Message>;

/**
 * Every language is a chunk of its own, English too, loaded when chosen: a page in Polish does not download
 * English besides (every language has every key: shared/i18n/catalogue.test.ts). English is the fallback when
 * the chosen language cannot be loaded.
 */
const loaders: Record<UiLocale, () => Promise<Messages>> = {
  en: () => import('../../shared/i18n/locales/en.js').then((m) => m.messages),
  de: () => import('../../shared/i18n/locales/de.js').then((m) => m.messages),
  fr: () => import('../../shared/i18n/locales/fr.js').then((m) => m.messages),
  pl: () => import('../../shared/i18n/locales/pl.js').then((m) => m.messages),
  nl: () => import('../../shared/i18n/locales/nl.js').then((m) => m.messages),
  it: () => import('../../shared/i18n/locales/it.js').then((m) => m.messages),
};
const loaded = new Map<UiLocale, Messages>();

function load(lang: UiLocale): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
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
export const localeReady: Promise<void> = load(locale.peek()).catch(async () => {
  locale.value = 'en';
  await load('en').catch(() => undefined);
});

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
  return formatMessage(lang, loaded.get(lang)?.[key] ?? loaded.get('en')?.[key], params);
}

/** Whether the language on screen has this message (error codes and language names come from outside). */
const known = (key: string) => key in (loaded.get(locale.peek()) ?? loaded.get('en') ?? {});

/** The translated message for an error code of an ack (with the wait a `too_many_attempts` names). */
export function errorText(code: string, retryAfterS?: number): string {
  const key = `error.${code}` as MessageKey;
  return known(key) ? t(key, { count: retryAfterS ?? 0 }) : t('error.internal');
}

export const dateFormatter = computed(
  () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'full', timeStyle: 'short' }),
);

/** Hours and minutes (chat lines, results): made once per language, not on every draw. */
export const timeFormatter = computed(
  () => new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit' }),
);

/**
 * Loads the language's sorting and time data now (each takes tens of milliseconds the first time): the
 * join page calls it while the person types, so the workshop screen's first draw does not wait for it.
 */
export function warmUp(): void {
  void timeFormatter.value.format(0);
  void 'a'.localeCompare('b');
}

export function languageName(code: string): string {
  const key = `language.${code}` as MessageKey;
  return known(key) ? t(key) : endonym(code);
}
