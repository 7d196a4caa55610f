/**
 * [WS18] Names (and towns) people type are shown to everyone: one rule on both sides for what
 * is kept. NFC; no bidi controls (which could reverse the text beside a name); no zero-width or
 * other invisible characters; spaces collapsed. A name with nothing visible left is no name.
 */

/** Bidi embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width and invisible format characters (ZWJ/ZWNJ stay: scripts and emoji need them). */
const INVISIBLE = /\u034F|[\u00AD\u115F\u1160\u17B4\u17B5\u180E\u200B\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
const CONTROL = /\p{Cc}/gu;
/** Something a reader can see: a letter, a digit, a symbol (emoji) or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

export function cleanUserText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/** Letters that look like Latin ones (Cyrillic, Greek), for comparing names as a reader sees them. */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

/**
 * How a name reads: case, accents, spacing, punctuation and look-alike letters ignored. Two names
 * with the same key look the same to a hurried reader ("Mia Moderatorin", "mia  MODERATORIN",
 * "Mіa Moderatorin" with a Cyrillic і).
 */
export function nameKey(name: string): string {
  const folded = cleanUserText(name).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let key = '';
  for (const ch of folded) {
    const mapped = LOOKALIKES[ch] ?? ch;
    if (/[\p{L}\p{N}]/u.test(mapped)) key += mapped === 'i' || mapped === 'l' ? 'l' : mapped;
  }
  return key;
}
