/** Seeded property tests of the pure assignment functions, over many random workshops. */
import { propertySeeds } from '../../test/seeds.js';
import { describe, expect, test } from 'vitest';
import { languageGroups, mixTowns, smallestRoom, tandemPairs, type Person } from './assign.js';
import { seededRng } from './random.js';
import { forSeeds, randomPeople, sizes, spread } from './test-people.js';

const SEEDS = propertySeeds();
const byIdOf = (people: Person[]) => new Map(people.map((p) => [p.id, p]));

function expectEveryoneOnce(groups: string[][], people: Person[]) {
  const all = groups.flat();
  expect(all.sort()).toEqual(people.map((p) => p.id).sort());
}

describe('random rooms with towns mixed', () => {
  test('[BR1] everyone is assigned exactly once; sizes are balanced within one', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { max: 60 });
      const rooms = 1 + rng.int(Math.min(12, people.length));
      const groups = mixTowns(people, rooms, rng);
      expect(groups).toHaveLength(rooms);
      expectEveryoneOnce(groups, people);
      expect(spread(sizes(groups, byIdOf(people)))).toBeLessThanOrEqual(1);
    });
  });

  test('[BR1] a group counts with its headcount: sizes differ by at most the largest group', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { max: 40, groups: 0.2 });
      const rooms = 1 + rng.int(Math.min(8, people.length));
      const groups = mixTowns(people, rooms, rng);
      expectEveryoneOnce(groups, people);
      const largest = Math.max(...people.map((p) => p.headcount));
      expect(spread(sizes(groups, byIdOf(people)))).toBeLessThanOrEqual(largest);
    });
  });

  test('[BR2] towns are mixed as far as numbers allow: each town is spread evenly over the rooms', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { max: 60, towns: 5 });
      const rooms = 1 + rng.int(Math.min(12, people.length));
      const groups = mixTowns(people, rooms, rng);
      const byId = byIdOf(people);
      for (const town of new Set(people.map((p) => p.town))) {
        const perRoom = groups.map((g) => g.filter((id) => byId.get(id)!.town === town).length);
        expect(spread(perRoom), town).toBeLessThanOrEqual(1);
      }
    });
  });

  test('[BR2] four people of two towns in two rooms: each room has one of each town', () => {
    forSeeds(SEEDS, (rng) => {
      const people = ['Kamen', 'Kamen', 'Wołów', 'Wołów'].map((town, i) => ({
        id: `p${i}`,
        town,
        languages: [],
        headcount: 1,
      }));
      for (const g of mixTowns(people, 2, rng))
        expect(g.map((id) => people.find((p) => p.id === id)!.town).sort()).toEqual(['Kamen', 'Wołów']);
    });
  });

  test('[BR2] a town-hall group meets another town: 12 from Uden and three single people in two rooms', () => {
    forSeeds(SEEDS, (rng) => {
      const people: Person[] = [
        { id: 'uden', town: 'Uden', languages: ['nl'], headcount: 12 },
        ...['Kamen', 'Wołów', 'Lyon'].map((town, i) => ({ id: `p${i}`, town, languages: [], headcount: 1 })),
      ];
      for (const g of mixTowns(people, 2, rng)) {
        const towns = new Set(g.map((id) => people.find((p) => p.id === id)!.town));
        expect(towns.size, g.join()).toBeGreaterThan(1);
      }
    });
  });

  test('[BR2] a group is never alone with its own town while enough people of other towns are there', () => {
    forSeeds(SEEDS, (rng) => {
      const rooms = 2 + rng.int(3);
      const others = randomPeople(rng, { min: 2 * rooms, max: 30 }).map((p) => ({ ...p, headcount: 1 }));
      const group: Person = { id: 'group', town: 'Uden', languages: [], headcount: 5 + rng.int(11) };
      const people = [group, ...others];
      const groups = mixTowns(people, rooms, rng);
      expectEveryoneOnce(groups, people);
      const withGroup = groups.find((g) => g.includes('group'))!;
      expect(withGroup.length, withGroup.join()).toBeGreaterThan(1);
    });
  });

  test('[BR3] fixed hosts stay in their rooms and count towards its size', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 6, max: 40 });
      const rooms = 2 + rng.int(4);
      const hosts = people.slice(0, rooms);
      const groups = mixTowns(people.slice(rooms), rooms, rng, { fixed: hosts.map((h) => [h]) });
      hosts.forEach((h, i) => expect(groups[i]![0]).toBe(h.id));
      expectEveryoneOnce(groups, people);
      expect(spread(sizes(groups, byIdOf(people)))).toBeLessThanOrEqual(1);
    });
  });

  test('[BR1] the same seed gives the same rooms', () => {
    const people = randomPeople(seededRng(5), { min: 30, max: 30 });
    expect(mixTowns(people, 6, seededRng(42))).toEqual(mixTowns(people, 6, seededRng(42)));
    expect(mixTowns(people, 6, seededRng(42))).not.toEqual(mixTowns(people, 6, seededRng(43)));
  });
});

describe('by language', () => {
  test('[BR4] tandem pairs: everyone once, pairs of two and one trio when odd', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 2, max: 40 });
      const pairs = tandemPairs(people, ['de', 'fr'], rng);
      expectEveryoneOnce(pairs, people);
      const lengths = pairs.map((p) => p.length).sort();
      expect(lengths.filter((l) => l === 3).length).toBe(people.length % 2);
      expect(lengths.every((l) => l === 2 || l === 3)).toBe(true);
    });
  });

  test('[BR4] with as many German as French speakers, every pair speaks both languages, across towns where possible', () => {
    forSeeds(SEEDS, (rng) => {
      const half = 1 + rng.int(15);
      const people = Array.from({ length: half * 2 }, (_, i) => ({
        id: `p${i}`,
        town: i < half ? 'Kamen' : 'Ville-sur-Mer',
        languages: i < half ? ['de'] : ['fr'],
        headcount: 1,
      }));
      const byId = byIdOf(people);
      for (const pair of tandemPairs(people, ['de', 'fr'], rng)) {
        expect(pair.flatMap((id) => byId.get(id)!.languages).sort()).toEqual(['de', 'fr']);
        expect(new Set(pair.map((id) => byId.get(id)!.town)).size).toBe(2);
      }
    });
  });

  test('[BR4] bilinguals fill in for the smaller side', () => {
    const people: Person[] = [
      ...['a', 'b', 'c'].map((id) => ({ id, town: 'Kamen', languages: ['de'], headcount: 1 })),
      { id: 'x', town: 'Lyon', languages: ['fr'], headcount: 1 },
      { id: 'y', town: 'Lyon', languages: ['fr', 'de'], headcount: 1 },
      { id: 'z', town: 'Lyon', languages: ['fr', 'de'], headcount: 1 },
    ];
    forSeeds(SEEDS, (rng) => {
      for (const pair of tandemPairs(people, ['de', 'fr'], rng))
        expect(pair.some((id) => ['x', 'y', 'z'].includes(id))).toBe(true);
    });
  });

  test('[BR5] same-language groups: everyone once, and everyone in a room speaks its language', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { max: 50 });
      const size = 2 + rng.int(5);
      const { groups, languages } = languageGroups(people, size, rng);
      expectEveryoneOnce(groups, people);
      const byId = byIdOf(people);
      groups.forEach((g, i) => {
        for (const id of g) {
          const spoken = byId.get(id)!.languages;
          if (spoken.length > 0) expect(spoken).toContain(languages[i]);
        }
      });
    });
  });
});

test('[BR6] the smallest room counts headcounts; the first of equals wins', () => {
  const byId = new Map<string, Person>([
    ['g', { id: 'g', town: 'Kamen', languages: [], headcount: 5 }],
    ['a', { id: 'a', town: 'Lyon', languages: [], headcount: 1 }],
    ['b', { id: 'b', town: 'Lyon', languages: [], headcount: 1 }],
  ]);
  expect(smallestRoom({ r1: ['g'], r2: ['a', 'b'], r3: ['a', 'b'] }, byId)).toBe('r2');
  expect(smallestRoom({ r1: ['g'], r2: ['a', 'b'], r3: [] }, byId)).toBe('r3');
  expect(smallestRoom({}, byId)).toBeNull();
});
