/** The speaking-order rules both sides need (see RULES.md). Pure: randomness comes in as a function. */
import type { SpeakingRound, SpeakingView } from './schema.js';

export interface OrderPerson {
  id: string;
  town: string;
}

/** Towns compare without case and surrounding spaces ("Lyon" = " lyon"). */
export const townKey = (town: string) => town.trim().toLocaleLowerCase();

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * [SPEAK2] Random, towns alternating while possible: each next speaker comes from the town with the most
 * people left that is not the previous speaker's town (ties in a random order fixed for the round). This
 * leaves two neighbours from the same town only when one town has more than half the people, and then
 * as few times as can be (`fewestRepeats`).
 */
export function townsAlternating<T extends OrderPerson>(people: readonly T[], random: () => number): T[] {
  const byTown = new Map<string, T[]>();
  for (const p of shuffled(people, random)) {
    const key = townKey(p.town);
    byTown.set(key, [...(byTown.get(key) ?? []), p]);
  }
  const towns = shuffled([...byTown.keys()], random);
  const out: T[] = [];
  let last: string | null = null;
  while (out.length < people.length) {
    let pick: string | null = null;
    for (const town of towns) {
      const left = byTown.get(town)!.length;
      if (left === 0 || town === last) continue;
      if (pick === null || left > byTown.get(pick)!.length) pick = town;
    }
    pick ??= last!;
    out.push(byTown.get(pick)!.shift()!);
    last = pick;
  }
  return out;
}

/** [SPEAK2] By list: the listed people first, in the list's order, then everyone else as given (join order). */
export function byList<T extends OrderPerson>(people: readonly T[], list: readonly string[]): T[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const listed = [...new Set(list)].flatMap((id) => byId.get(id) ?? []);
  const taken = new Set(listed.map((p) => p.id));
  return [...listed, ...people.filter((p) => !taken.has(p.id))];
}

/** Neighbours from the same town in an order. */
export function sameTownNeighbours(order: readonly OrderPerson[]): number {
  let n = 0;
  for (let i = 1; i < order.length; i++) if (townKey(order[i]!.town) === townKey(order[i - 1]!.town)) n++;
  return n;
}

/** The fewest same-town neighbours any order of these people can have. */
export function fewestRepeats(people: readonly OrderPerson[]): number {
  const counts = new Map<string, number>();
  for (const p of people) counts.set(townKey(p.town), (counts.get(townKey(p.town)) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return Math.max(0, most - (people.length - most) - 1);
}

/** The round running (or ended) in a room. */
export function roundIn(view: SpeakingView | null, roomId: string): SpeakingRound | null {
  return view?.rounds.find((r) => r.roomId === roomId) ?? null;
}

/** Who has the word in a room now; null while thinking, once ended, or without a round. */
export function currentSpeakerId(view: SpeakingView | null, roomId: string): string | null {
  const round = roundIn(view, roomId);
  if (round?.phase !== 'speaking' || round.current < 0) return null;
  return round.speakers[round.current]?.id ?? null;
}

/** Who speaks after the current one (the next still waiting); null when nobody. */
export function nextSpeakerId(round: SpeakingRound): string | null {
  const from = Math.max(0, round.current + 1);
  return round.speakers.slice(from).find((s) => s.status === 'waiting')?.id ?? null;
}

/** [SPEAK6] Whether this person may pass now: it is their turn and they have not passed before. */
export function canPass(round: SpeakingRound | null, participantId: string): boolean {
  if (round?.phase !== 'speaking') return false;
  const speaker = round.speakers[round.current];
  return speaker?.id === participantId && !speaker.passed;
}

/** The earliest deadline of the rounds that end by time (think time; turns when auto-advancing). */
export function nextDeadline(rounds: readonly SpeakingRound[]): number | null {
  let earliest: number | null = null;
  for (const r of rounds) {
    if (r.deadline === null || r.phase === 'ended') continue;
    if (r.phase === 'speaking' && !r.autoAdvance) continue;
    if (earliest === null || r.deadline < earliest) earliest = r.deadline;
  }
  return earliest;
}
