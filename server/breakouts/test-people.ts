/** Random people for property tests (named test-*.ts so the server build leaves it out). */
import type { Person } from './assign.js';
import { seededRng, type Rng } from './random.js';

export const TOWNS = ['Kamen', 'Wołów', 'Ville-sur-Mer', 'Chemnitz', 'Łódź', 'Lyon'];
export const LANGS = ['de', 'fr', 'pl', 'en'];

export interface PeopleOptions {
  min?: number;
  max?: number;
  towns?: number;
  /** Chance that someone is a group with a headcount of 2-12. */
  groups?: number;
}

export function randomPeople(rng: Rng, opts: PeopleOptions = {}): Person[] {
  const n = (opts.min ?? 2) + rng.int((opts.max ?? 40) - (opts.min ?? 2) + 1);
  const towns = TOWNS.slice(0, 1 + rng.int(opts.towns ?? 4));
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    town: towns[rng.int(towns.length)]!,
    languages: LANGS.filter(() => rng.next() < 0.4),
    headcount: rng.next() < (opts.groups ?? 0) ? 2 + rng.int(11) : 1,
  }));
}

/** Runs `check` for seeds 1..count with a generator per seed; the failing seed is in the message. */
export function forSeeds(count: number, check: (rng: Rng, seed: number) => void) {
  for (let seed = 1; seed <= count; seed++) {
    try {
      check(seededRng(seed * 7919), seed);
    } catch (err) {
      throw new Error(`seed ${seed}: ${(err as Error).message}`, { cause: err });
    }
  }
}

export function sizes(groups: string[][], byId: Map<string, Person>): number[] {
  return groups.map((g) => g.reduce((n, id) => n + byId.get(id)!.headcount, 0));
}

export const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
