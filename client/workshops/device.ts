import { storage } from '../ui/storage.js';

/**
 * A random key this browser keeps and sends when joining: a moderator's removal bars the browser,
 * not only the name. It identifies nothing outside Jumelage and is sent only to join.
 */
export function deviceKey(): string {
  const saved = storage.get<string>('device');
  if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  storage.set('device', key);
  return key;
}
