/** Seeded property tests of the rotations: speed dating, tandem, World Café, reception reshuffle. */
import { propertySeeds } from '../../test/seeds.js';
import { describe, expect, test } from 'vitest';
import { pairsOf, type Groups, type Person } from './assign.js';
import { seededRng } from './random.js';
import { reception, speedDating, tandemRotation, unitsMod, worldCafe } from './rotation.js';
import { forSeeds, randomPeople, spread } from './test-people.js';

const SEEDS = propertySeeds();

function expectEveryoneOncePerRound(schedule: Groups[], people: readonly Person[]) {
  for (const groups of schedule) expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
}

/** Pairs that met in more than one round. */
function repeatedPairs(schedule: Groups[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const groups of schedule) {
    for (const key of pairsOf(groups)) {
      if (seen.has(key)) repeated.push(key);
      seen.add(key);
    }
  }
  return repeated;
}

describe('speed dating', () => {
  test('[BR7] pairs every round, one trio when the number is odd, everyone once', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 2, max: 40 });
      const rounds = 1 + rng.int(6);
      const schedule = speedDating(people, rounds, rng);
      expect(schedule).toHaveLength(rounds);
      expectEveryoneOncePerRound(schedule, people);
      for (const groups of schedule) {
        expect(groups.filter((g) => g.length === 3)).toHaveLength(people.length % 2);
        expect(groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
      }
    });
  });

  test('[BR7] no pair repeats while the round-robin has places left (even: people / 2 rounds, odd: one fewer for the trio)', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 4, max: 40 });
      const places = Math.floor(people.length / 2) - (people.length % 2);
      const rounds = Math.max(1, places - rng.int(3));
      expect(repeatedPairs(speedDating(people, rounds, rng))).toEqual([]);
    });
  });

  test('[BR7] two towns of equal size: town A stays, town B moves, every pair crosses towns', () => {
    forSeeds(SEEDS, (rng) => {
      const half = 2 + rng.int(10);
      const people = Array.from({ length: half * 2 }, (_, i) => ({
        id: `p${i}`,
        town: i % 2 ? 'Kamen' : 'Wołów',
        languages: [],
        headcount: 1,
      }));
      const town = new Map(people.map((p) => [p.id, p.town]));
      const schedule = speedDating(people, half, rng);
      for (const groups of schedule) for (const g of groups) expect(new Set(g.map((id) => town.get(id))).size).toBe(2);
      // The people who stay keep their room: room i always holds the same person of one town.
      const stayers = schedule[0]!.map((g) =>
        g.find((id) =>
          schedule.every((round) => round.some((h) => h.includes(id) && h === round[schedule[0]!.indexOf(g)])),
        ),
      );
      expect(stayers.every(Boolean)).toBe(true);
    });
  });
});

describe('language tandem', () => {
  test('[BR8] each pair has a speaker of each language; no pair repeats', () => {
    forSeeds(SEEDS, (rng) => {
      const n = 1 + rng.int(12);
      const people = Array.from({ length: n * 2 }, (_, i) => ({
        id: `p${i}`,
        town: ['Kamen', 'Lyon', 'Wołów'][rng.int(3)]!,
        languages: [i < n ? 'de' : 'fr'],
        headcount: 1,
      }));
      const lang = new Map(people.map((p) => [p.id, p.languages[0]]));
      const schedule = tandemRotation(people, ['de', 'fr'], n, rng);
      expectEveryoneOncePerRound(schedule, people);
      for (const groups of schedule)
        for (const g of groups) expect(g.map((id) => lang.get(id)).sort()).toEqual(['de', 'fr']);
      expect(repeatedPairs(schedule)).toEqual([]);
    });
  });

  test('[BR8] unequal languages still give pairs (and a trio) for everyone', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 3, max: 30 });
      const schedule = tandemRotation(people, ['de', 'pl'], 4, rng);
      expectEveryoneOncePerRound(schedule, people);
      for (const groups of schedule) expect(groups.every((g) => g.length >= 2)).toBe(true);
    });
  });
});

describe('World Café', () => {
  function cafe(rng: ReturnType<typeof seededRng>, tables: number, guestsPerTable: number) {
    const people = randomPeople(rng, { min: tables * (guestsPerTable + 1), max: tables * (guestsPerTable + 1) });
    const hosts = people.slice(0, tables);
    const guests = people.slice(tables);
    return { people, hosts, guests };
  }

  test('[BR9] hosts stay; guests visit a new table every round; tables stay balanced within one', () => {
    forSeeds(SEEDS, (rng) => {
      const tables = 2 + rng.int(7);
      const { people, hosts, guests } = cafe(rng, tables, 1 + rng.int(6));
      const extra = randomPeople(rng, { min: 0, max: tables - 1 }).map((p) => ({ ...p, id: `x${p.id}` }));
      const rounds = 1 + rng.int(tables);
      const schedule = worldCafe(hosts, [...guests, ...extra], rounds, rng);
      expectEveryoneOncePerRound(schedule, [...people, ...extra]);
      for (const groups of schedule) {
        hosts.forEach((h, i) => expect(groups[i]).toContain(h.id));
        expect(spread(groups.map((g) => g.length))).toBeLessThanOrEqual(1);
      }
      for (const g of [...guests, ...extra]) {
        const visited = schedule.map((groups) => groups.findIndex((t) => t.includes(g.id)));
        expect(new Set(visited).size).toBe(rounds);
      }
    });
  });

  test('[BR9] with a prime number of tables and fewer guests per table than tables, nobody meets anyone twice', () => {
    forSeeds(SEEDS, (rng) => {
      const tables = [3, 5, 7][rng.int(3)]!;
      const { hosts, guests } = cafe(rng, tables, 1 + rng.int(tables - 1));
      expect(repeatedPairs(worldCafe(hosts, guests, tables, rng))).toEqual([]);
    });
  });

  test('[BR9] a table without a host still takes guests', () => {
    const people = randomPeople(seededRng(3), { min: 9, max: 9 });
    const schedule = worldCafe([people[0]!, null, people[1]!], people.slice(2), 3, seededRng(1));
    expectEveryoneOncePerRound(schedule, people);
    expect(schedule.every((g) => g[1]!.length > 0)).toBe(true);
  });

  test('steps are coprime to the number of tables', () => {
    expect(unitsMod(5)).toEqual([1, 2, 3, 4]);
    expect(unitsMod(6)).toEqual([1, 5]);
    expect(unitsMod(1)).toEqual([0]);
  });
});

describe('reception reshuffle', () => {
  test('[BR10] rooms of 3-4 with balanced sizes, everyone once each round', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 6, max: 48 });
      const schedule = reception(people, 1 + rng.int(4), rng);
      expectEveryoneOncePerRound(schedule, people);
      for (const groups of schedule) {
        expect(spread(groups.map((g) => g.length))).toBeLessThanOrEqual(1);
        expect(groups.every((g) => g.length >= 3 && g.length <= 4)).toBe(true);
      }
    });
  });

  test('[BR31] four or five people still reshuffle: two rooms, and four meet everyone once in three rounds', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 4, max: 5 });
      const schedule = reception(people, 3, rng);
      expectEveryoneOncePerRound(schedule, people);
      for (const groups of schedule)
        expect(groups.map((g) => g.length).sort()).toEqual(people.length === 4 ? [2, 2] : [2, 3]);
      if (people.length === 4) expect(repeatedPairs(schedule)).toEqual([]);
    });
    expect(reception(randomPeople(seededRng(1), { min: 3, max: 3 }), 2, seededRng(2))).toEqual([
      expect.any(Array),
      expect.any(Array),
    ]);
    expect(reception(randomPeople(seededRng(1), { min: 3, max: 3 }), 1, seededRng(2))[0]).toHaveLength(1);
  });

  test('[BR10] no repeated partners over three rounds while the group is large enough', () => {
    forSeeds(SEEDS, (rng) => {
      const people = randomPeople(rng, { min: 16, max: 48 });
      expect(repeatedPairs(reception(people, 3, rng))).toEqual([]);
    });
  });
});
