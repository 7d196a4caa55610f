/** localStorage under one prefix; a browser that refuses storage (private mode) just forgets. */
const PREFIX = 'jumelage.';

export const storage = {
  get<T>(key: string): T | null {
    try {
      const raw = globalThis.localStorage?.getItem(PREFIX + key);
      return raw === null || raw === undefined ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown) {
    try {
      globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // storage full or disabled: the app still works, it only forgets on reload
    }
  },
  remove(key: string) {
    try {
      globalThis.localStorage?.removeItem(PREFIX + key);
    } catch {
      // ignore
    }
  },
};
