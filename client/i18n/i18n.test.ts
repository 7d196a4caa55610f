/** The interface language: picked from the browser, loaded as its own chunk, remembered on the device. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { memoryLocalStorage } from '../workshops/test-fixtures.js';

type I18n = typeof import('./i18n.js');

/** A fresh module, as a page load with this browser preference and this device's storage would start it. */
async function loadPage(languages: string[]): Promise<I18n> {
  vi.resetModules();
  vi.stubGlobal('navigator', { languages, language: languages[0] });
  const i18n: I18n = await import('./i18n.js');
  await i18n.localeReady;
  return i18n;
}

let stored: Map<string, string>;
beforeEach(() => {
  stored = memoryLocalStorage();
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

test('[I18N7] a browser in nl-NL or it-IT gets Dutch or Italian without choosing', async () => {
  const dutch = await loadPage(['nl-NL', 'en-US']);
  expect(dutch.locale.value).toBe('nl');
  expect(dutch.t('ws.raiseHand')).toBe('Hand opsteken');
  expect(dutch.t('ws.peopleCount', { count: 2 })).toBe('2 personen');

  const italian = await loadPage(['it-IT']);
  expect(italian.locale.value).toBe('it');
  expect(italian.t('ws.raiseHand')).toBe('Alza la mano');
  expect(italian.t('join.title')).toBe('Partecipa al workshop');

  // A language the interface does not have falls through to the next preference.
  const swiss = await loadPage(['rm-CH', 'it-CH', 'de-CH']);
  expect(swiss.locale.value).toBe('it');
});

test('[I18N8] choosing Dutch or Italian loads its messages, and the choice is remembered', async () => {
  const page = await loadPage(['de-DE']);
  expect(page.t('ws.raiseHand')).toBe('Hand heben');

  await page.setLocale('it');
  expect(page.locale.value).toBe('it');
  expect(page.t('polls.votes', { count: 1 })).toBe('1 voto');
  expect(page.t('polls.votes', { count: 3 })).toBe('3 voti');

  await page.setLocale('nl');
  expect(page.t('error.too_many_attempts', { count: 1 })).toContain('Wacht 1 seconde');
  expect(stored.get('jumelage.locale')).toBe('"nl"');

  const reloaded = await loadPage(['it-IT']);
  expect(reloaded.locale.value).toBe('nl');
  expect(reloaded.t('ws.lowerHand')).toBe('Hand laten zakken');
});
