import { describe, expect, test } from 'vitest';
import { cleanUserText, hasVisibleText, nameKey } from './names.js';

describe('[WS18] names people type', () => {
  test('bidi controls and invisible characters are removed; NFC; spaces collapsed', () => {
    expect(cleanUserText('Anna\u202Egnp.exe')).toBe('Annagnp.exe');
    expect(cleanUserText('\u2067Ola\u2069 \u200B Nowak\uFEFF')).toBe('Ola Nowak');
    expect(cleanUserText('Zoe\u0308')).toBe('Zoë');
    expect(cleanUserText('  Jean\t\nLuc  ')).toBe('Jean Luc');
    // Joiners stay: scripts and emoji sequences need them.
    expect(cleanUserText('👩\u200D💻 Ada')).toBe('👩\u200D💻 Ada');
  });

  test('a name with nothing visible is no name', () => {
    expect(hasVisibleText(cleanUserText('\u200B\u200B\u2060'))).toBe(false);
    expect(hasVisibleText(cleanUserText('\u200D\u200C'))).toBe(false);
    expect(hasVisibleText('Łódź')).toBe(true);
    expect(hasVisibleText('🙂')).toBe(true);
  });

  test('names that read the same have the same key', () => {
    const mia = nameKey('Mia Moderatorin');
    for (const copy of ['mia  MODERATORIN', 'Mіa Moderatorin', 'Mia Modératorin', 'Mia-Moderatorin', 'MIA MODERATORlN'])
      expect(nameKey(copy), copy).toBe(mia);
    expect(nameKey('Mia Moderator')).not.toBe(mia);
  });
});
