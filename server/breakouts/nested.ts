/**
 * [BR27] 1-2-4-All (think-pair-share): pairs that mix towns, then fours that are each the union of two
 * pairs, so nobody passes through the plenary between the pairs and the fours. Pure: people and a seeded
 * random source in, groups out.
 */
import type { Groups, Person } from './assign.js';
import { shuffle, type Rng } from './random.js';

export interface NestedGroups {
  /** Pairs (an odd one out makes one trio). */
  pairs: Groups;
  /** Each four as the indexes of its pairs in `pairs` (two pairs; three in one four when the count is odd). */
  fours: number[][];
}

const townOf = (p: Person) => p.town.trim().toLocaleLowerCase();

/**
 * Pairs across towns: people lined up town by town (largest town first), person i paired with person
 * i + n/2. No town takes more than half the line, so the two ends of a pair are in different towns
 * whenever no town has more than half of the people; otherwise as many pairs as possible cross towns.
 */
export function crossTownPairs(people: readonly Person[], rng: Rng): Groups {
  if (people.length < 2) return people.length ? [[people[0]!.id]] : [];
  const towns = new Map<string, Person[]>();
  for (const p of shuffle(people, rng)) towns.set(townOf(p), [...(towns.get(townOf(p)) ?? []), p]);
  const line = shuffle([...towns.values()], rng)
    .sort((a, b) => b.length - a.length)
    .flat();
  const half = Math.floor(line.length / 2);
  const pairs = Array.from({ length: half }, (_, i) => [line[i]!, line[i + half]!]);
  if (line.length % 2 === 1) {
    // The odd one out (of the smallest town) joins a pair without anyone of their town, if there is one.
    const extra = line[line.length - 1]!;
    const target = pairs.find((g) => g.every((p) => townOf(p) !== townOf(extra))) ?? pairs[0]!;
    target.push(extra);
  }
  return shuffle(pairs, rng).map((g) => g.map((p) => p.id));
}

/** Two pairs make a four, chosen so each four has as many towns as possible; an odd pair joins the smallest four. */
export function mergePairs(pairs: Groups, townById: ReadonlyMap<string, string>): number[][] {
  const townsOf = (ids: readonly string[]) => new Set(ids.map((id) => townById.get(id) ?? ''));
  const left = pairs.map((_, i) => i);
  const fours: number[][] = [];
  while (left.length >= 2) {
    const first = left.shift()!;
    let best = 0;
    let bestTowns = -1;
    left.forEach((other, k) => {
      const towns = townsOf([...pairs[first]!, ...pairs[other]!]).size;
      if (towns > bestTowns) [best, bestTowns] = [k, towns];
    });
    fours.push([first, left.splice(best, 1)[0]!]);
  }
  if (left.length === 1) {
    const size = (f: number[]) => f.reduce((n, i) => n + pairs[i]!.length, 0);
    const smallest = fours.reduce<number[] | null>((s, f) => (s === null || size(f) < size(s) ? f : s), null);
    if (smallest) smallest.push(left[0]!);
    else fours.push([left[0]!]);
  }
  return fours;
}

/** [BR27] The pairs and fours of a 1-2-4-All, fixed once when it starts. */
export function nestedGroups(people: readonly Person[], rng: Rng): NestedGroups {
  const pairs = crossTownPairs(people, rng);
  return { pairs, fours: mergePairs(pairs, new Map(people.map((p) => [p.id, townOf(p)]))) };
}
