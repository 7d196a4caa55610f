/**
 * Pure assignment of people to rooms (rules [BR1]-[BR6] in shared/breakouts/RULES.md).
 * A room is a list of participant ids; `Groups` is one list per room, in room order.
 * Nothing here reads the clock or the store: the same people and seed give the same rooms.
 */
import { pairKey, shuffle, type Rng } from './random.js';

export interface Person {
  id: string;
  town: string;
  languages: readonly string[];
  /** A group in front of one laptop counts with its headcount. */
  headcount: number;
}

export type Groups = string[][];

const townOf = (p: Person) => p.town.trim().toLocaleLowerCase();

export function headcountOf(ids: readonly string[], byId: ReadonlyMap<string, Person>): number {
  return ids.reduce((n, id) => n + (byId.get(id)?.headcount ?? 1), 0);
}

/** People ordered for dealing: big groups first, then town after town (largest town first), shuffled within. */
function dealingOrder(people: readonly Person[], rng: Rng): Person[] {
  const groups = shuffle(
    people.filter((p) => p.headcount > 1),
    rng,
  ).sort((a, b) => b.headcount - a.headcount);
  const towns = new Map<string, Person[]>();
  for (const p of shuffle(
    people.filter((p) => p.headcount <= 1),
    rng,
  ))
    towns.set(townOf(p), [...(towns.get(townOf(p)) ?? []), p]);
  const ordered = shuffle([...towns.values()], rng).sort((a, b) => b.length - a.length);
  return [...groups, ...ordered.flat()];
}

/**
 * [BR1][BR2] Random rooms with towns mixed: each person goes to a room with the smallest headcount,
 * among those to the one with the fewest people already met, then the fewest of their town.
 * `fixed` people (hosts) are placed first and never moved.
 */
export function mixTowns(
  people: readonly Person[],
  roomCount: number,
  rng: Rng,
  opts: { fixed?: readonly (readonly Person[])[]; met?: ReadonlySet<string> } = {},
): Groups {
  const count = Math.max(1, roomCount);
  const rooms: Person[][] = Array.from({ length: count }, (_, i) => [...(opts.fixed?.[i] ?? [])]);
  const fixedIds = new Set(rooms.flat().map((p) => p.id));
  const size = (r: Person[]) => r.reduce((n, p) => n + p.headcount, 0);
  for (const person of dealingOrder(
    people.filter((p) => !fixedIds.has(p.id)),
    rng,
  )) {
    let best = -1;
    let bestKey: number[] = [];
    for (let i = 0; i < count; i++) {
      const room = rooms[i]!;
      const sameTown = room.filter((p) => townOf(p) === townOf(person)).length;
      const met = opts.met ? room.filter((p) => opts.met!.has(pairKey(p.id, person.id))).length : 0;
      const key = [size(room), met, sameTown, rng.next()];
      if (best < 0 || lexLess(key, bestKey)) [best, bestKey] = [i, key];
    }
    rooms[best]!.push(person);
  }
  for (const room of rooms) meetAnotherTown(room, rooms, fixedIds);
  return rooms.map((r) => r.map((p) => p.id));
}

const townsIn = (room: readonly Person[]) => new Set(room.map(townOf));

/**
 * [BR2] A group (headcount > 1) never sits with its own town only while people of other towns are
 * in other rooms: mixing beats balancing by headcount. One person from another town moves in, taken
 * from a room that keeps two or more people (one that stays mixed first, then the fullest), never a
 * fixed host, and never the last other-town person of another group.
 */
function meetAnotherTown(room: Person[], rooms: Person[][], fixedIds: ReadonlySet<string>) {
  const towns = townsIn(room);
  if (towns.size !== 1 || !room.some((p) => p.headcount > 1)) return;
  const [own] = towns;
  const size = (r: readonly Person[]) => r.reduce((n, p) => n + p.headcount, 0);
  let pick: { from: Person[]; person: Person; staysMixed: boolean } | null = null;
  for (const from of rooms) {
    if (from === room || from.length < 2) continue;
    for (const person of from) {
      if (fixedIds.has(person.id) || person.headcount > 1 || townOf(person) === own) continue;
      const rest = from.filter((q) => q !== person);
      const staysMixed = townsIn(rest).size > 1;
      if (!staysMixed && rest.some((q) => q.headcount > 1)) continue;
      const better =
        !pick || (staysMixed && !pick.staysMixed) || (staysMixed === pick.staysMixed && size(from) > size(pick.from));
      if (better) pick = { from, person, staysMixed };
    }
  }
  if (!pick) return;
  pick.from.splice(pick.from.indexOf(pick.person), 1);
  room.push(pick.person);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * [BR4] Tandem pairs for two languages: a speaker of `a` (who does not speak `b`) with a speaker of `b`,
 * from different towns where possible; people speaking both fill the gaps; an odd one out makes a trio.
 */
export function tandemPairs(people: readonly Person[], langs: readonly [string, string], rng: Rng): Groups {
  const { sideA, sideB } = languageSides(people, langs, rng);
  const pairs: Groups = [];
  const n = Math.min(sideA.length, sideB.length);
  for (let i = 0; i < n; i++) pairs.push([sideA[i]!.id, sideB[i]!.id]);
  const rest = [...sideA.slice(n), ...sideB.slice(n)];
  for (let i = 0; i + 1 < rest.length; i += 2) pairs.push([rest[i]!.id, rest[i + 1]!.id]);
  if (rest.length % 2 === 1) {
    const odd = rest.at(-1)!.id;
    if (pairs.length === 0) pairs.push([odd]);
    else pairs[rng.int(pairs.length)]!.push(odd);
  }
  return pairs;
}

/**
 * Splits people into the `a` side and the `b` side of a tandem, as equal as the languages allow:
 * monolinguals on their side, bilinguals and others where there are fewer. Each side is ordered
 * towns-interleaved, so neighbours (who meet first) come from different towns.
 */
export function languageSides(people: readonly Person[], [a, b]: readonly [string, string], rng: Rng) {
  const speaks = (p: Person, l: string) => p.languages.includes(l);
  const sideA: Person[] = [];
  const sideB: Person[] = [];
  const flexible: Person[] = [];
  for (const p of shuffle(people, rng)) {
    if (speaks(p, a) && !speaks(p, b)) sideA.push(p);
    else if (speaks(p, b) && !speaks(p, a)) sideB.push(p);
    else flexible.push(p);
  }
  // Bilinguals first: they can sit on either side.
  flexible.sort((x, y) => Number(speaks(y, a) && speaks(y, b)) - Number(speaks(x, a) && speaks(x, b)));
  for (const p of flexible) (sideA.length <= sideB.length ? sideA : sideB).push(p);
  return { sideA: interleaveTowns(sideA, rng), sideB: interleaveTowns(sideB, rng) };
}

/** Town after town in turn (A1 B1 C1 A2 B2 ...), towns and people within them shuffled. */
export function interleaveTowns(people: readonly Person[], rng: Rng): Person[] {
  const towns = new Map<string, Person[]>();
  for (const p of shuffle(people, rng)) towns.set(townOf(p), [...(towns.get(townOf(p)) ?? []), p]);
  const lists = shuffle([...towns.values()], rng).sort((x, y) => y.length - x.length);
  const out: Person[] = [];
  for (let i = 0; out.length < people.length; i++) for (const list of lists) if (list[i]) out.push(list[i]!);
  return out;
}

/**
 * [BR5] Same-language groups: each person joins the most widely spoken language they speak; each
 * language gets as many rooms of about `size` as it needs (towns mixed inside). Returns one language per room.
 */
export function languageGroups(
  people: readonly Person[],
  size: number,
  rng: Rng,
): { groups: Groups; languages: string[] } {
  const speakers = new Map<string, number>();
  for (const p of people) for (const l of p.languages) speakers.set(l, (speakers.get(l) ?? 0) + p.headcount);
  const byLanguage = new Map<string, Person[]>();
  for (const p of people) {
    const lang =
      [...p.languages].sort((x, y) => (speakers.get(y) ?? 0) - (speakers.get(x) ?? 0) || x.localeCompare(y))[0] ?? '';
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), p]);
  }
  // People who gave no language join the biggest group.
  const unknown = byLanguage.get('') ?? [];
  byLanguage.delete('');
  const biggest = [...byLanguage.entries()].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))[0];
  if (biggest) biggest[1].push(...unknown);
  else if (unknown.length) byLanguage.set('', unknown);

  const groups: Groups = [];
  const languages: string[] = [];
  for (const [lang, list] of [...byLanguage.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    const total = list.reduce((n, p) => n + p.headcount, 0);
    const rooms = mixTowns(list, Math.max(1, Math.round(total / Math.max(2, size))), rng);
    groups.push(...rooms);
    languages.push(...rooms.map(() => lang));
  }
  return { groups, languages };
}

/** [BR6] The room a late joiner goes to: the smallest by headcount (first of equals), or null without rooms. */
export function smallestRoom(
  groups: Readonly<Record<string, readonly string[]>>,
  byId: ReadonlyMap<string, Person>,
): string | null {
  let best: string | null = null;
  let bestSize = Infinity;
  for (const [roomId, ids] of Object.entries(groups)) {
    const size = headcountOf(ids, byId);
    if (size < bestSize) [best, bestSize] = [roomId, size];
  }
  return best;
}

/** Pairs of people who share a room, for "who met whom". */
export function pairsOf(groups: Groups): string[] {
  const out: string[] = [];
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.push(pairKey(g[i]!, g[j]!));
  return out;
}
