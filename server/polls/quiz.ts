import { isRightAnswer } from '../../shared/polls/rules.js';
import type { Leaderboard, QuizScoring } from '../../shared/polls/schema.js';
import type { PollRecord, StoredVote } from './store/types.js';

export interface Person {
  id: string;
  name: string;
  town: string;
}

/**
 * [POLL9] A quiz series scores only revealed questions: one point per right answer. People are ranked by
 * points, then by name; towns (teams) by the sum of their players' points. The scoring
 * ('person' or 'town') is the one of the latest question of the series.
 */
export function leaderboard(
  series: string,
  polls: readonly PollRecord[],
  votes: ReadonlyMap<string, ReadonlyMap<string, StoredVote>>,
  people: ReadonlyMap<string, Person>,
): Leaderboard {
  const questions = polls.filter((p) => p.quiz?.series === series && p.revealed);
  const scoring: QuizScoring = polls.filter((p) => p.quiz?.series === series).at(-1)?.quiz?.scoring ?? 'person';
  const byPerson = new Map<string, { name: string; town: string; points: number; answered: number }>();
  for (const q of questions) {
    for (const [pid, vote] of votes.get(q.id) ?? []) {
      const who = people.get(pid);
      if (!who) continue;
      const entry = byPerson.get(pid) ?? { name: who.name, town: who.town, points: 0, answered: 0 };
      entry.answered += 1;
      if (isRightAnswer(q.quiz, vote.c)) entry.points += 1;
      byPerson.set(pid, entry);
    }
  }
  const peopleList = [...byPerson.values()].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  const towns = new Map<string, { town: string; points: number; players: number }>();
  for (const p of peopleList) {
    const key = p.town.trim().toLocaleLowerCase();
    const t = towns.get(key) ?? { town: p.town.trim(), points: 0, players: 0 };
    t.points += p.points;
    t.players += 1;
    towns.set(key, t);
  }
  return {
    series,
    scoring,
    questions: questions.length,
    people: peopleList,
    towns: [...towns.values()].sort((a, b) => b.points - a.points || a.town.localeCompare(b.town)),
  };
}

/** The names of the series that have at least one revealed question. */
export function revealedSeries(polls: readonly PollRecord[]): string[] {
  return [...new Set(polls.filter((p) => p.quiz && p.revealed).map((p) => p.quiz!.series))];
}
