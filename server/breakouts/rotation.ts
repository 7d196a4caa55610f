/**
 * Pure rotations (rules [BR7]-[BR10]): the whole schedule of a format, one `Groups` per round,
 * computed once when the moderator starts it, so every node applies the same rounds.
 */
import { interleaveTowns, languageSides, mixTowns, pairsOf, type Groups, type Person } from './assign.js';
import { pairKey, shuffle, type Rng } from './random.js';

const townOf = (p: Person) => p.town.trim().toLocaleLowerCase();

/**
 * [BR7] Speed dating: side A stays, side B moves one place a round, so no pair repeats for as many
 * rounds as there are places. Sides are whole towns where the numbers allow, so pairs cross towns.
 * With an odd number the one left over joins a pair (a trio) they have not met and will not meet.
 */
export function speedDating(people: readonly Person[], rounds: number, rng: Rng): Groups[] {
  const { sideA, sideB } = townSides(people, rng);
  return roundRobin(sideA, sideB, rounds);
}

/** [BR8] Language tandem: the same rotation with one language on each side. */
export function tandemRotation(
  people: readonly Person[],
  langs: readonly [string, string],
  rounds: number,
  rng: Rng,
): Groups[] {
  const { sideA, sideB } = languageSides(people, langs, rng);
  if (sideA.length === 0 || sideB.length === 0) return speedDating(people, rounds, rng);
  // The rotation needs B to be the longer side (or equal).
  return sideA.length > sideB.length ? roundRobin(sideB, sideA, rounds) : roundRobin(sideA, sideB, rounds);
}

/** Whole towns to the side with room left (biggest towns first); the town at the border is split. */
function townSides(people: readonly Person[], rng: Rng) {
  const towns = new Map<string, Person[]>();
  for (const p of shuffle(people, rng)) towns.set(townOf(p), [...(towns.get(townOf(p)) ?? []), p]);
  const ordered = shuffle([...towns.values()], rng).sort((a, b) => b.length - a.length);
  const capacity = Math.floor(people.length / 2);
  const sideA: Person[] = [];
  const sideB: Person[] = [];
  for (const town of ordered) (sideA.length + town.length <= capacity ? sideA : sideB).push(...town);
  // Fill side A up to its size from the end of B (the smallest towns placed there).
  while (sideA.length < capacity) sideA.push(sideB.pop()!);
  return { sideA: interleaveTowns(sideA, rng), sideB: interleaveTowns(sideB, rng) };
}

/** A[i] stays in room i; B shifts by one each round; a B left over joins the best room as a third. */
function roundRobin(sideA: readonly Person[], sideB: readonly Person[], rounds: number): Groups[] {
  const m = sideA.length;
  const nb = sideB.length;
  if (m === 0) return Array.from({ length: rounds }, () => [sideB.map((p) => p.id)].filter((g) => g.length > 0));
  const met = new Set<string>();
  const schedule: Groups[] = [];
  for (let r = 0; r < rounds; r++) {
    const groups: Groups = sideA.map((a, i) => [a.id, sideB[(i + r) % nb]!.id]);
    for (let extra = m; extra < nb; extra++) {
      const e = (extra + r) % nb;
      const room = bestRoomForExtra(e, r, rounds, m, nb, groups, sideB[e]!.id, met);
      groups[room]!.push(sideB[e]!.id);
    }
    for (const key of pairsOf(groups)) met.add(key);
    schedule.push(groups);
  }
  return schedule;
}

/** The room where the extra person meets nobody already met, nor anyone they will meet in a later round. */
function bestRoomForExtra(
  e: number,
  r: number,
  rounds: number,
  m: number,
  nb: number,
  groups: Groups,
  id: string,
  met: ReadonlySet<string>,
): number {
  let best = 0;
  let bestCost = Infinity;
  for (let k = 0; k < m; k++) {
    const meetsARound = (((e - k) % nb) + nb) % nb; // the round in which A[k] meets B[e] anyway
    let cost = meetsARound > r && meetsARound < rounds ? 1 : 0;
    for (const other of groups[k]!) if (met.has(pairKey(other, id))) cost += 1;
    cost = cost * 10 + (groups[k]!.length - 2);
    if (cost < bestCost) [best, bestCost] = [k, cost];
  }
  return best;
}

/**
 * [BR9] World Café: hosts stay at their table; the guests of round 0 are mixed by town, then guest j
 * of table a moves to table (a + s_j * round) mod tables, with s_j a different step per seat: a guest
 * never returns to a table while unvisited ones remain, and guests who met move apart.
 */
export function worldCafe(
  hosts: readonly (Person | null)[],
  guests: readonly Person[],
  rounds: number,
  rng: Rng,
): Groups[] {
  const k = hosts.length;
  const first = mixTowns(guests, k, rng, { fixed: hosts.map((h) => (h ? [h] : [])) });
  const hostIds = new Set(hosts.filter((h): h is Person => h !== null).map((h) => h.id));
  const steps = unitsMod(k);
  const seats: { id: string; table: number; step: number }[] = [];
  first.forEach((ids, table) => {
    ids
      .filter((id) => !hostIds.has(id))
      .forEach((id, rank) => seats.push({ id, table, step: steps[rank % steps.length] ?? 0 }));
  });
  return Array.from({ length: rounds }, (_, r) => {
    const groups: Groups = hosts.map((h) => (h ? [h.id] : []));
    for (const s of seats) groups[(s.table + s.step * r) % k]!.push(s.id);
    return groups;
  });
}

/** Steps that visit every table before any repeats: the numbers coprime to k, preferring those whose differences are too. */
export function unitsMod(k: number): number[] {
  if (k <= 1) return [0];
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const units: number[] = [];
  for (let s = 1; s < k; s++) if (gcd(s, k) === 1) units.push(s);
  return units;
}

/**
 * [BR10] Reception reshuffle: rooms of 3-4 (sizes balanced; [BR31] pairs for four or five people), every round new company: of many random
 * tries, improved by swaps, the one with the fewest repeated partners, then the fewest people from one town.
 */
export function reception(people: readonly Person[], rounds: number, rng: Rng, roomSize = 4): Groups[] {
  // [BR31] A reshuffle needs two rooms at least: four people meet two by two.
  const roomCount = people.length >= 4 ? Math.max(2, Math.ceil(people.length / roomSize)) : 1;
  const met = new Set<string>();
  const schedule: Groups[] = [];
  const byId = new Map(people.map((p) => [p.id, { headcount: p.headcount, town: townOf(p) }]));
  for (let r = 0; r < rounds; r++) {
    let best: Groups | null = null;
    let bestScore = Infinity;
    // Stop as soon as a try has no repeated partner (a repeat costs 100, a same-town pair 1).
    for (let attempt = 0; attempt < 8 && bestScore >= 100; attempt++) {
      const groups = improveBySwaps(mixTowns(people, roomCount, rng, { met }), met, byId);
      const score = cost(groups, met, byId);
      if (score < bestScore) [best, bestScore] = [groups, score];
    }
    for (const key of pairsOf(best!)) met.add(key);
    schedule.push(best!);
  }
  return schedule;
}

type Seat = { headcount: number; town: string };

/** Repeated partners weigh most; people from the same town a little. */
function cost(groups: Groups, met: ReadonlySet<string>, byId: ReadonlyMap<string, Seat>): number {
  let c = 0;
  for (const g of groups) c += roomCost(g, met, byId);
  return c;
}

function roomCost(g: readonly string[], met: ReadonlySet<string>, byId: ReadonlyMap<string, Seat>): number {
  let c = 0;
  for (let i = 0; i < g.length; i++) {
    for (let j = i + 1; j < g.length; j++) {
      if (met.has(pairKey(g[i]!, g[j]!))) c += 100;
      if (byId.get(g[i]!)!.town === byId.get(g[j]!)!.town) c += 1;
    }
  }
  return c;
}

/** Swaps two people of equal headcount between rooms while that lowers the cost (sizes stay as they are). */
function improveBySwaps(groups: Groups, met: ReadonlySet<string>, byId: ReadonlyMap<string, Seat>): Groups {
  const out = groups.map((g) => [...g]);
  for (let pass = 0, improved = true; improved && pass < 20; pass++) {
    improved = false;
    for (let x = 0; x < out.length; x++) {
      for (let y = x + 1; y < out.length; y++) {
        for (let i = 0; i < out[x]!.length; i++) {
          for (let j = 0; j < out[y]!.length; j++) {
            const a = out[x]![i]!;
            const b = out[y]![j]!;
            if (byId.get(a)!.headcount !== byId.get(b)!.headcount) continue;
            const before = roomCost(out[x]!, met, byId) + roomCost(out[y]!, met, byId);
            out[x]![i] = b;
            out[y]![j] = a;
            if (roomCost(out[x]!, met, byId) + roomCost(out[y]!, met, byId) < before) improved = true;
            else [out[x]![i], out[y]![j]] = [a, b];
          }
        }
      }
    }
  }
  return out;
}
