/** Fishbowl state transitions: rules [FISH1]–[FISH7], with seeded random sessions. */
import { describe, expect, test } from 'vitest';
import { askedToMakeRoom, freeSeats, queuePosition, seatsTaken } from '../../shared/fishbowl/rules.js';
import { fishbowlParamsSchema, type Fishbowl } from '../../shared/fishbowl/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { CommandError } from '../../shared/command.js';
import { propertySeeds } from '../../test/seeds.js';
import { forSeeds } from '../breakouts/test-people.js';
import * as logic from './logic.js';
import type { FishbowlCtx, FishbowlPerson, FishbowlRecord } from './logic.js';

function person(id: string, over: Partial<FishbowlPerson> = {}): FishbowlPerson {
  return {
    id,
    name: id.toUpperCase(),
    town: 'Kamen',
    media: true,
    role: 'participant',
    roomId: PLENARY,
    presence: 'online',
    removed: false,
    ...over,
  };
}

let ids = 0;
const ctx = (people: readonly FishbowlPerson[], now = 10_000): FishbowlCtx => ({
  now,
  newId: () => `fb${++ids}`,
  people,
});

const started = (people: FishbowlPerson[], seats = 3) =>
  logic.start(logic.emptyFishbowl(), fishbowlParamsSchema.parse({ seats }), false, ctx(people));

const names = (s: FishbowlRecord) => s.fishbowl!.seats.map((x) => x?.id ?? null);
const queue = (s: FishbowlRecord) => s.fishbowl!.queue.map((w) => w.id);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof CommandError ? err.code : 'thrown';
  }
  return 'ok';
};

describe('seats', () => {
  test('[FISH1] seats 3–6, default 5, all free; a second start replaces it and keeps what stage mode was', () => {
    expect(fishbowlParamsSchema.parse({}).seats).toBe(5);
    expect(fishbowlParamsSchema.safeParse({ seats: 2 }).success).toBe(false);
    expect(fishbowlParamsSchema.safeParse({ seats: 7 }).success).toBe(false);
    const s = logic.start(logic.emptyFishbowl(), fishbowlParamsSchema.parse({}), true, ctx([]));
    expect(s.fishbowl).toMatchObject({ phase: 'open', roomId: PLENARY, seats: [null, null, null, null, null] });
    const again = logic.start(s, fishbowlParamsSchema.parse({ seats: 3 }), true, ctx([]));
    expect(again.fishbowl!.stageWasOn).toBe(true);
    const fresh = logic.start(
      { ...s, fishbowl: { ...s.fishbowl!, stageWasOn: false } },
      fishbowlParamsSchema.parse({}),
      true,
      ctx([]),
    );
    expect(fresh.fishbowl!.stageWasOn).toBe(false);
  });

  test('[FISH2] anyone takes a free seat; twice changes nothing; all taken is a conflict; without media too', () => {
    const people = [person('a'), person('b'), person('c'), person('d'), person('e', { media: false })];
    let s = started(people);
    s = logic.take(s, 'a', ctx(people, 11_000));
    expect(logic.take(s, 'a', ctx(people, 12_000))).toBe(s);
    s = logic.take(s, 'b', ctx(people, 12_000));
    s = logic.take(s, 'c', ctx(people, 13_000));
    expect(names(s)).toEqual(['a', 'b', 'c']);
    expect(seatsTaken(s.fishbowl!)).toBe(3);
    expect(code(() => logic.take(s, 'd', ctx(people)))).toBe('conflict');
    expect(code(() => logic.take(started(people), 'e', ctx(people)))).toBe('conflict');
    expect(code(() => logic.take(logic.emptyFishbowl(), 'a', ctx(people)))).toBe('not_open');
  });

  test('[FISH2] someone in a breakout room cannot sit; a moderator’s seat is permanent', () => {
    const people = [person('a', { roomId: 'r1' }), person('m', { role: 'moderator' })];
    expect(code(() => logic.take(started(people), 'a', ctx(people)))).toBe('conflict');
    expect(logic.take(started(people), 'm', ctx(people)).fishbowl!.seats[0]).toMatchObject({ permanent: true });
  });

  test('[FISH3] a hand raised while a seat is free sits at once; when full it waits in order', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id));
    let s = started(people);
    s = logic.raise(s, 'a', ctx(people));
    expect(names(s)).toEqual(['a', null, null]);
    for (const id of ['b', 'c']) s = logic.take(s, id, ctx(people));
    s = logic.raise(s, 'd', ctx(people));
    s = logic.raise(s, 'e', ctx(people));
    expect(logic.raise(s, 'd', ctx(people))).toBe(s);
    expect(queue(s)).toEqual(['d', 'e']);
    expect(queuePosition(s.fishbowl, 'e')).toBe(2);
    s = logic.lower(s, 'd', ctx(people));
    expect(queue(s)).toEqual(['e']);
  });

  test('[FISH4] tapping out frees the seat; the first raised hand sits in it at once', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id));
    let s = started(people);
    for (const id of ['a', 'b', 'c']) s = logic.take(s, id, ctx(people));
    for (const id of ['d', 'e']) s = logic.raise(s, id, ctx(people));
    s = logic.leave(s, 'b', ctx(people, 20_000));
    expect(names(s)).toEqual(['a', 'd', 'c']);
    expect(s.fishbowl!.seats[1]!.since).toBe(20_000);
    expect(queue(s)).toEqual(['e']);
    const off = logic.leave(s, 'b', ctx(people));
    expect(off).toBe(s);
  });

  test('[FISH5] when every seat is taken the longest sitter is asked to make room, never a permanent seat', () => {
    const people = [person('m', { role: 'moderator' }), person('a'), person('b'), person('c')];
    let s = started(people);
    s = logic.take(s, 'm', ctx(people, 1_000));
    s = logic.take(s, 'a', ctx(people, 2_000));
    expect(askedToMakeRoom(s.fishbowl)).toBeNull();
    s = logic.take(s, 'b', ctx(people, 3_000));
    expect(askedToMakeRoom(s.fishbowl)).toBe('a');
    s = logic.leave(s, 'a', ctx(people, 4_000));
    expect(askedToMakeRoom(s.fishbowl)).toBeNull();
    expect(freeSeats(s.fishbowl!)).toBe(1);
    s = logic.take(s, 'c', ctx(people, 5_000));
    expect(askedToMakeRoom(s.fishbowl)).toBe('b');
    // Only moderators in a full circle: nobody is asked.
    const mods = ['x', 'y', 'z'].map((id) => person(id, { role: 'moderator' }));
    let m = started(mods);
    for (const id of ['x', 'y', 'z']) m = logic.take(m, id, ctx(mods));
    expect(askedToMakeRoom(m.fishbowl)).toBeNull();
  });

  test('[FISH6] someone who went offline or into a room loses their seat and place with the next change', () => {
    let people = ['a', 'b', 'c', 'd'].map((id) => person(id));
    let s = started(people);
    for (const id of ['a', 'b', 'c']) s = logic.take(s, id, ctx(people));
    s = logic.raise(s, 'd', ctx(people));
    people = people.map((p) => (p.id === 'b' ? { ...p, presence: 'offline' } : p));
    s = logic.sync(s, ctx(people));
    expect(names(s)).toEqual(['a', 'd', 'c']);
    expect(queue(s)).toEqual([]);
    expect(logic.sync(s, ctx(people))).toBe(s);
  });

  test('[FISH7] stop: everyone back in the audience, the fishbowl visible as ended; stopping twice changes nothing', () => {
    const people = ['a', 'b'].map((id) => person(id));
    let s = logic.take(started(people), 'a', ctx(people));
    s = logic.stop(s, { now: 50_000 });
    expect(s.fishbowl).toMatchObject({ phase: 'ended', seats: [null, null, null], queue: [], endedAt: 50_000 });
    expect(logic.stop(s, { now: 60_000 })).toBe(s);
    expect(code(() => logic.take(s, 'b', ctx(people)))).toBe('not_open');
  });

  test('seat changes: who sat down and who left (they go on and off stage)', () => {
    const people = ['a', 'b', 'c'].map((id) => person(id));
    const s1 = logic.take(started(people), 'a', ctx(people));
    const s2 = logic.take(logic.leave(s1, 'a', ctx(people)), 'b', ctx(people));
    expect(logic.seatChanges(s1, s2)).toEqual({ sat: ['b'], left: ['a'] });
    expect(logic.seatChanges(s2, logic.stop(s2, { now: 1 }))).toEqual({ sat: [], left: ['b'] });
  });
});

/** Every id the queue held, in order, without those that left it: the order must be kept. */
function isSubsequence(sub: readonly string[], of: readonly string[]) {
  let i = 0;
  for (const x of of) if (x === sub[i]) i++;
  return i === sub.length;
}

describe('properties (seeded random sessions)', () => {
  test('[FISH2][FISH3][FISH5] never more than N seated, one seat per person, queue order kept, a full circle asks someone unless only moderators fill it', () => {
    forSeeds(propertySeeds(40), (rng) => {
      const n = 3 + rng.int(4);
      let people = Array.from({ length: 2 + rng.int(12) }, (_, i) =>
        person(`p${i}`, { role: rng.next() < 0.15 ? 'moderator' : 'participant', media: rng.next() > 0.1 }),
      );
      let s = logic.start(logic.emptyFishbowl(), fishbowlParamsSchema.parse({ seats: n }), false, ctx(people));
      for (let step = 0; step < 150; step++) {
        const now = 10_000 + step * 1000;
        const who = people[rng.int(people.length)]!.id;
        const before = s;
        const roll = rng.next();
        const c = ctx(people, now);
        try {
          if (roll < 0.35) s = logic.take(s, who, c);
          else if (roll < 0.55) s = logic.raise(s, who, c);
          else if (roll < 0.75) s = logic.leave(s, who, c);
          else if (roll < 0.85) s = logic.lower(s, who, c);
          else if (roll < 0.95) {
            // Someone comes and goes (offline, into a room, back), then any change settles.
            people = people.map((p) =>
              p.id === who ? { ...p, presence: p.presence === 'offline' ? 'online' : 'offline' } : p,
            );
            s = logic.sync(s, ctx(people, now));
          } else s = logic.sync(s, c);
        } catch (err) {
          if (!(err instanceof CommandError)) throw err;
          expect(s).toBe(before);
        }
        check(s.fishbowl!, before.fishbowl!, n);
      }
    });
  });
});

function check(f: Fishbowl, before: Fishbowl, n: number) {
  const seatedIds = f.seats.flatMap((x) => (x ? [x.id] : []));
  // Never more occupied seats than N; the circle keeps its N seats.
  expect(f.seats).toHaveLength(n);
  expect(seatsTaken(f)).toBeLessThanOrEqual(n);
  // A person sits in at most one seat, and never waits while seated.
  expect(new Set(seatedIds).size).toBe(seatedIds.length);
  expect(f.queue.filter((w) => seatedIds.includes(w.id))).toEqual([]);
  expect(new Set(f.queue.map((w) => w.id)).size).toBe(f.queue.length);
  // Queue order kept: those still waiting keep their order; newcomers only at the end.
  const was = before.queue.map((w) => w.id);
  const still = f.queue.map((w) => w.id).filter((id) => was.includes(id));
  expect(isSubsequence(still, was)).toBe(true);
  expect(f.queue.slice(0, still.length).map((w) => w.id)).toEqual(still);
  // The queue fills free seats: a free seat and a raised hand never wait together.
  if (freeSeats(f) > 0) expect(f.queue).toEqual([]);
  // The empty seat is kept: a full circle asks its longest non-permanent sitter, unless moderators fill it.
  const asked = askedToMakeRoom(f);
  if (freeSeats(f) > 0) expect(asked).toBeNull();
  else if (f.seats.every((x) => x?.permanent)) expect(asked).toBeNull();
  else {
    const seat = f.seats.find((x) => x?.id === asked)!;
    expect(seat.permanent).toBe(false);
    for (const x of f.seats) if (x && !x.permanent) expect(x.since).toBeGreaterThanOrEqual(seat.since);
  }
}
