/** Two truths and a lie (three hashtags): the rules both sides apply (see RULES.md). */
import { HASHTAG_LIMITS, type HashtagProblem } from './constants.js';

export type Hashtags = [string, string, string];

/** Letters (any script, with their accents), digits, '_' and '-': one word. */
const WORD = /^[\p{L}\p{M}\p{N}_-]+$/u;

/**
 * [TRUTH8] One hashtag as typed -> `#word`: trimmed, Unicode NFC, any leading '#' dropped and one put back;
 * refused when empty, with a space inside, with other characters, or longer than the limit (characters, not bytes).
 */
export function normaliseHashtag(raw: string): { ok: true; tag: string } | { ok: false; problem: HashtagProblem } {
  const word = raw.normalize('NFC').trim().replace(/^#+/, '');
  if (word === '') return { ok: false, problem: 'empty' };
  if (/\s/u.test(word)) return { ok: false, problem: 'spaces' };
  if (!WORD.test(word)) return { ok: false, problem: 'chars' };
  if ([...word].length > HASHTAG_LIMITS.chars) return { ok: false, problem: 'long' };
  return { ok: true, tag: `#${word}` };
}

/** [TRUTH8] Three hashtags, each normalised; the same one twice (ignoring case) is refused at its second place. */
export function normaliseHashtags(
  raw: readonly string[],
): { ok: true; tags: Hashtags } | { ok: false; index: number; problem: HashtagProblem } {
  const tags: string[] = [];
  for (const [index, r] of raw.entries()) {
    const one = normaliseHashtag(r);
    if (!one.ok) return { ok: false, index, problem: one.problem };
    if (tags.some((t) => t.toLocaleLowerCase() === one.tag.toLocaleLowerCase()))
      return { ok: false, index, problem: 'duplicate' };
    tags.push(one.tag);
  }
  if (tags.length !== 3) return { ok: false, index: tags.length, problem: 'empty' };
  return { ok: true, tags: tags as Hashtags };
}

/** The server's refusal, in English (the page shows its own, translated, before sending). */
export const HASHTAG_PROBLEM_TEXT: Record<HashtagProblem, string> = {
  empty: 'is empty',
  spaces: 'must be one word, without spaces',
  chars: 'may hold only letters, digits, _ and -',
  long: `is longer than ${HASHTAG_LIMITS.chars} characters`,
  duplicate: 'is the same as another one',
};
