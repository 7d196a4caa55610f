import { POLL_LIMITS, type PollTally, type Tally, type WordCount } from '../../shared/polls/schema.js';
import type { PollRecord, StoredVote } from './store/types.js';

/** Short words that say nothing in a word cloud, in the workshop languages. */
const STOPWORDS = new Set(
  `a an and are as at be but by for from has have i in is it its of on or so that the this to was we were with you
  aber als am an auch auf aus bei bin bis das dass dem den der des die du ein eine einen er es für hat ich ihr im in ist ja mit nicht noch nur oder sie sind so und uns von was wie wir zu zum zur
  au aux avec ce ces dans de des du elle en est et il je la le les leur mais me ne nous on ou par pas pour qu que qui sa se son sont sur ta te un une vous y
  a ale bo by być co do i ich jak jest ja już na nie o od po się ta tak te to w we z za że`.split(/\s+/),
);

/** Words of an answer, lower case, each counted once per answer. */
export function wordsOf(text: string): string[] {
  const words = text.toLocaleLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  return [...new Set(words.map((w) => w.replace(/['’-]+$/u, '')).filter((w) => w.length > 1 && !STOPWORDS.has(w)))];
}

function emptyTally(poll: PollRecord): Tally {
  const zero = Object.fromEntries(poll.options.map((o) => [o.id, 0]));
  return {
    voters: 0,
    weight: 0,
    counts: { ...zero },
    points: poll.kind === 'ranking' ? { ...zero } : {},
    mean: null,
    words: [],
  };
}

/**
 * [POLL7] Aggregates votes: weighted counts per option (a group counts with its headcount when the poll is
 * weighted), Borda points for a ranking (n-1 for first place ... 0 for last), the mean of a scale,
 * and word frequencies of open answers. Per room and in total.
 */
export function tallyVotes(poll: PollRecord, votes: Iterable<StoredVote>, rev: number): PollTally {
  const total = emptyTally(poll);
  const byRoom: Record<string, Tally> = {};
  const words = new Map<string, Map<string, number>>(); // room ('' = total) -> word -> weight
  const sums = new Map<Tally, number>();
  for (const v of votes) {
    const room = (byRoom[v.r] ??= emptyTally(poll));
    for (const [key, t] of [
      ['', total],
      [v.r, room],
    ] as const) {
      t.voters += 1;
      t.weight += v.w;
      if (poll.kind === 'ranking') {
        const n = v.c.length;
        v.c.forEach((id, i) => (t.points[id] = (t.points[id] ?? 0) + (n - 1 - i) * v.w));
        if (v.c[0] !== undefined) t.counts[v.c[0]] = (t.counts[v.c[0]] ?? 0) + v.w;
      } else {
        for (const id of v.c) t.counts[id] = (t.counts[id] ?? 0) + v.w;
      }
      if (poll.kind === 'scale') sums.set(t, (sums.get(t) ?? 0) + Number(v.c[0]) * v.w);
      if (poll.kind === 'text') {
        const bag = words.get(key) ?? new Map<string, number>();
        for (const w of wordsOf(v.t)) bag.set(w, (bag.get(w) ?? 0) + v.w);
        words.set(key, bag);
      }
    }
  }
  for (const [key, t] of [['', total], ...Object.entries(byRoom)] as const) {
    if (poll.kind === 'scale' && t.weight > 0) t.mean = Math.round(((sums.get(t) ?? 0) / t.weight) * 100) / 100;
    t.words = topWords(words.get(key));
  }
  return { pollId: poll.id, rev, total, byRoom };
}

function topWords(bag: Map<string, number> | undefined): WordCount[] {
  if (!bag) return [];
  return [...bag.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, POLL_LIMITS.words)
    .map(([word, count]) => ({ word, count }));
}

/** Percent of the answering weight, one decimal. */
export function percent(count: number, weight: number): number {
  return weight === 0 ? 0 : Math.round((count / weight) * 1000) / 10;
}

/** Options in result order: a ranking by points, others as offered. */
export function orderedOptions(poll: PollRecord, t: Tally): string[] {
  const ids = poll.options.map((o) => o.id);
  if (poll.kind !== 'ranking') return ids;
  return [...ids].sort((a, b) => (t.points[b] ?? 0) - (t.points[a] ?? 0) || ids.indexOf(a) - ids.indexOf(b));
}
