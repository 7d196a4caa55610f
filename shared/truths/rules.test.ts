/** [TRUTH8] The hashtag rule both sides apply: normalised, one word, a length limit, three different ones. */
import { describe, expect, test } from 'vitest';
import { HASHTAG_LIMITS } from './constants.js';
import { normaliseHashtag, normaliseHashtags } from './rules.js';

describe('hashtags', () => {
  test('[TRUTH8] a hashtag is trimmed, gets one leading #, keeps its case and accents (NFC)', () => {
    expect(normaliseHashtag('  Chor ')).toEqual({ ok: true, tag: '#Chor' });
    expect(normaliseHashtag('##Łódź')).toEqual({ ok: true, tag: '#Łódź' });
    expect(normaliseHashtag('#Ville-sur-Mer')).toEqual({ ok: true, tag: '#Ville-sur-Mer' });
    expect(normaliseHashtag('#vélo_2')).toEqual({ ok: true, tag: '#vélo_2' });
    // "é" typed as e + combining accent becomes the one character.
    expect(normaliseHashtag('ve\u0301lo')).toEqual({ ok: true, tag: '#vélo' });
  });

  test('[TRUTH8] refused: empty, more than one word, other characters, too long', () => {
    expect(normaliseHashtag('  # ')).toEqual({ ok: false, problem: 'empty' });
    expect(normaliseHashtag('#Fahrrad fahren')).toEqual({ ok: false, problem: 'spaces' });
    expect(normaliseHashtag('#a#b')).toEqual({ ok: false, problem: 'chars' });
    expect(normaliseHashtag('#hallo!')).toEqual({ ok: false, problem: 'chars' });
    expect(normaliseHashtag(`#${'ż'.repeat(HASHTAG_LIMITS.chars)}`).ok).toBe(true);
    expect(normaliseHashtag('ż'.repeat(HASHTAG_LIMITS.chars + 1))).toEqual({ ok: false, problem: 'long' });
  });

  test('[TRUTH8] three: each normalised; the first bad one is named; the same one twice (any case) is refused', () => {
    expect(normaliseHashtags(['Chor', '#Łódź', ' rower'])).toEqual({ ok: true, tags: ['#Chor', '#Łódź', '#rower'] });
    expect(normaliseHashtags(['Chor', 'zwei Worte', ''])).toEqual({ ok: false, index: 1, problem: 'spaces' });
    expect(normaliseHashtags(['Chor', 'Tuba', '#chor'])).toEqual({ ok: false, index: 2, problem: 'duplicate' });
    expect(normaliseHashtags(['Chor', 'Tuba'])).toEqual({ ok: false, index: 2, problem: 'empty' });
  });
});
