/** Seeded property tests of the 1-2-4-All groups ([BR27]). */
import { describe, expect, test } from 'vitest';
import { propertySeeds } from '../../test/seeds.js';
import type { Person } from './assign.js';
import { nestedGroups } from './nested.js';
import { seededRng } from './random.js';
import { forSeeds, randomPeople } from './test-people.js';

const SEEDS = propertySeeds();
const townOf = (p: Person) => p.town.trim().toLocaleLowerCase();

describe('1-2-4-All groups', () => {
  test('[BR27] everyone is in exactly one pair and one four; every pair is inside exactly one four', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 1, max: 41 });
      const { pairs, fours } = nestedGroups(people, rng);
      const ids = people.map((p) => p.id).sort();
      expect(pairs.flat().sort()).toEqual(ids);
      // Each pair index appears in exactly one four, so each four is exactly the union of its pairs.
      expect(fours.flat().sort((a, b) => a - b)).toEqual(pairs.map((_, i) => i));
      expect(fours.flatMap((f) => f.flatMap((i) => pairs[i]!)).sort()).toEqual(ids);
    });
  });

  test('[BR27] pairs of two (one trio when the number is odd), fours of two pairs (three pairs in one when the pairs are odd)', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 2, max: 41 });
      const { pairs, fours } = nestedGroups(people, rng);
      expect(pairs.filter((g) => g.length === 3)).toHaveLength(people.length % 2);
      expect(pairs.every((g) => g.length === 2 || g.length === 3)).toBe(true);
      if (pairs.length === 1) expect(fours).toEqual([[0]]);
      else {
        expect(fours.filter((f) => f.length === 3)).toHaveLength(pairs.length % 2);
        expect(fours.every((f) => f.length === 2 || f.length === 3)).toBe(true);
      }
    });
  });

  test('[BR27] towns mixed in pairs: no single-town pair while no town has more than half the people, else as few as possible', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 2, max: 41, towns: 4 });
      const byId = new Map(people.map((p) => [p.id, townOf(p)]));
      const { pairs } = nestedGroups(people, rng);
      const counts = new Map<string, number>();
      for (const p of people) counts.set(townOf(p), (counts.get(townOf(p)) ?? 0) + 1);
      const largest = Math.max(...counts.values());
      const sameTown = pairs.filter((g) => new Set(g.map((id) => byId.get(id))).size === 1).length;
      // Each person of the largest town beyond what the others can partner costs one pair (two people).
      const unavoidable = Math.max(0, Math.floor((largest - (people.length - largest)) / 2));
      expect(sameTown).toBeLessThanOrEqual(unavoidable);
      if (largest <= people.length / 2) expect(sameTown).toBe(0);
    });
  });

  test('[BR27] four people of two towns: two mixed pairs merged into one four; the same seed gives the same groups', () => {
    const people: Person[] = [
      { id: 'a', town: 'Kamen', languages: [], headcount: 1 },
      { id: 'b', town: 'Kamen', languages: [], headcount: 1 },
      { id: 'c', town: 'Wołów', languages: [], headcount: 1 },
      { id: 'd', town: 'Wołów', languages: [], headcount: 1 },
    ];
    const first = nestedGroups(people, seededRng(5));
    for (const pair of first.pairs)
      expect(new Set(pair.map((id) => people.find((p) => p.id === id)!.town)).size).toBe(2);
    expect(first.fours).toHaveLength(1);
    expect(nestedGroups(people, seededRng(5))).toEqual(first);
  });
});
