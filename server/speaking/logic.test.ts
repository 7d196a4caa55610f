/** Speaking order state transitions: rules [SPEAK1]–[SPEAK8], [SPEAK12], with seeded random workshops. */
import { describe, expect, test } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import { fewestRepeats, nextDeadline, sameTownNeighbours } from '../../shared/speaking/rules.js';
import { speakingParamsSchema, type SpeakingParamsInput, type SpeakingRound } from '../../shared/speaking/schema.js';
import { propertySeeds } from '../../test/seeds.js';
import { seededRng, type Rng } from '../breakouts/random.js';
import { forSeeds, TOWNS } from '../breakouts/test-people.js';
import * as logic from './logic.js';
import type { SpeakingCtx, SpeakingPerson } from './logic.js';

function person(id: string, over: Partial<SpeakingPerson> = {}): SpeakingPerson {
  return {
    id,
    name: id.toUpperCase(),
    town: 'Kamen',
    kind: 'person',
    headcount: 1,
    media: true,
    role: 'participant',
    roomId: PLENARY,
    presence: 'online',
    removed: false,
    ...over,
  };
}

let ids = 0;
function ctx(people: readonly SpeakingPerson[], now = 10_000, rng: Rng = seededRng(1)): SpeakingCtx {
  return { now, newId: () => `round${++ids}`, random: rng.next, people };
}

const params = (over: Partial<SpeakingParamsInput> = {}) =>
  speakingParamsSchema.parse({ question: 'Wie geht es euch?', ...over });

function startIn(people: SpeakingPerson[], over: Partial<SpeakingParamsInput> = {}, rooms = [PLENARY]) {
  return logic.start(logic.emptySpeaking(), params(over), rooms, ctx(people));
}

const order = (r: SpeakingRound) => r.speakers.map((s) => s.id);
const current = (r: SpeakingRound) => (r.current >= 0 ? r.speakers[r.current]!.id : null);
const statuses = (r: SpeakingRound) => Object.fromEntries(r.speakers.map((s) => [s.id, s.status]));

describe('starting a round', () => {
  test('[SPEAK1] a think phase with its deadline, then the first speaker with a per-speaker countdown', () => {
    const people = [person('a'), person('b', { town: 'Lyon' })];
    const [round] = startIn(people, { thinkSec: 60, perSpeakerSec: 30 }).rounds as [SpeakingRound];
    expect(round).toMatchObject({ phase: 'think', current: -1, deadline: 10_000 + 60_000, thinkEndsAt: 70_000 });
    const after = logic.tick(round, ctx(people, 70_000));
    expect(after).toMatchObject({ phase: 'speaking', current: 0, turnStartedAt: 70_000, deadline: 100_000 });
    expect(after.speakers[0]!.status).toBe('speaking');
  });

  test('[SPEAK1] without think time the first speaker starts at once', () => {
    const [round] = startIn([person('a')], { thinkSec: 0 }).rounds as [SpeakingRound];
    expect(round.phase).toBe('speaking');
    expect(current(round)).toBe('a');
  });

  test('[SPEAK1] every breakout room at once: a round per room with its own people; other rooms keep theirs', () => {
    const people = [
      person('a', { roomId: 'r1' }),
      person('b', { roomId: 'r1' }),
      person('c', { roomId: 'r2' }),
      person('m', { roomId: 'r2', role: 'moderator' }),
    ];
    const before = startIn(people, {}, [PLENARY]);
    const state = logic.start(before, params({ question: 'Rooms' }), ['r1', 'r2'], ctx(people));
    expect(state.rounds.map((r) => [r.roomId, r.question, order(r).sort()])).toEqual([
      [PLENARY, 'Wie geht es euch?', []],
      ['r1', 'Rooms', ['a', 'b']],
      ['r2', 'Rooms', ['c']],
    ]);
  });

  test('[SPEAK1] the scope resolves against the open breakout rooms', () => {
    const open = { status: 'open', rooms: [{ id: 'r1' }, { id: 'r2' }] };
    expect(logic.resolveScope(PLENARY, null)).toEqual([PLENARY]);
    expect(logic.resolveScope('breakouts', open)).toEqual(['r1', 'r2']);
    expect(logic.resolveScope('r2', open)).toEqual(['r2']);
    expect(() => logic.resolveScope('breakouts', { status: 'planning', rooms: [{ id: 'r1' }] })).toThrow(
      expect.objectContaining({ code: 'not_open' }),
    );
    expect(() => logic.resolveScope('r9', open)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  test('[SPEAK2] by list: the listed ones first in that order, then the others in join order', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id));
    const [round] = startIn(people, { order: 'list', list: ['c', 'x', 'a'] }).rounds as [SpeakingRound];
    expect(order(round)).toEqual(['c', 'a', 'b', 'd']);
  });

  test('[SPEAK2] the same seed gives the same order', () => {
    const people = Array.from({ length: 9 }, (_, i) => person(`p${i}`, { town: TOWNS[i % 3]! }));
    const a = logic.start(logic.emptySpeaking(), params(), [PLENARY], ctx(people, 0, seededRng(5)));
    const b = logic.start(logic.emptySpeaking(), params(), [PLENARY], ctx(people, 0, seededRng(5)));
    expect(order(a.rounds[0]!)).toEqual(order(b.rounds[0]!));
  });

  test('[SPEAK2][SPEAK3] random workshops: everyone here exactly once, towns alternate while possible, no moderators', () => {
    forSeeds(propertySeeds(60), (rng) => {
      const n = 1 + rng.int(25);
      const towns = TOWNS.slice(0, 1 + rng.int(4));
      const people = Array.from({ length: n }, (_, i) =>
        person(`p${i}`, {
          town: towns[rng.int(towns.length)]!,
          role: rng.next() < 0.1 ? 'moderator' : 'participant',
          presence: rng.next() < 0.1 ? 'offline' : 'online',
          kind: rng.next() < 0.2 ? 'group' : 'person',
        }),
      );
      const state = logic.start(logic.emptySpeaking(), params(), [PLENARY], ctx(people, 0, rng));
      const round = state.rounds[0]!;
      const expected = people.filter((p) => logic.takesPart(p, PLENARY));
      expect(order(round).sort()).toEqual(expected.map((p) => p.id).sort());
      const byId = new Map(people.map((p) => [p.id, p]));
      expect(sameTownNeighbours(order(round).map((id) => byId.get(id)!))).toBe(fewestRepeats(expected));
    });
  });
});

describe('moving through a round', () => {
  const three = () => [person('a'), person('b', { town: 'Lyon' }), person('c', { town: 'Łódź' })];
  const listed = (people: SpeakingPerson[], over: Partial<SpeakingParamsInput> = {}) =>
    startIn(people, { order: 'list', thinkSec: 0, ...over }).rounds[0]!;

  test('[SPEAK4] next goes through everyone once, then the round ends', () => {
    const people = three();
    let r = listed(people);
    const seen = [current(r)];
    while (r.phase !== 'ended') {
      r = logic.next(r, undefined, ctx(people, 20_000));
      seen.push(current(r));
    }
    expect(seen).toEqual(['a', 'b', 'c', null]);
    expect(statuses(r)).toEqual({ a: 'spoke', b: 'spoke', c: 'spoke' });
    expect(r).toMatchObject({ endedAt: 20_000, deadline: null });
  });

  test('[SPEAK4] someone gone when their turn comes is skipped', () => {
    const people = three();
    const r = listed(people);
    const gone = people.map((p) => (p.id === 'b' ? { ...p, presence: 'offline' as const } : p));
    const after = logic.next(r, 'a', ctx(gone));
    expect(current(after)).toBe('c');
    expect(statuses(after)).toEqual({ a: 'spoke', b: 'skipped', c: 'speaking' });
  });

  test('[SPEAK3] a late joiner is appended at the end, and a moderator never is', () => {
    const people = three();
    const r = listed(people);
    const more = [...people, person('m', { role: 'moderator' }), person('d')];
    expect(order(logic.appendLate(r, ctx(more)))).toEqual(['a', 'b', 'c', 'd']);
    expect(order(logic.next(r, 'a', ctx(more)))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('[SPEAK5] next with a stale `from` changes nothing: two presses move once', () => {
    const people = three();
    const r = listed(people);
    const once = logic.next(r, 'a', ctx(people));
    expect(logic.next(once, 'a', ctx(people))).toBe(once);
    expect(current(once)).toBe('b');
  });

  test('[SPEAK5] next during the think time starts the first speaker', () => {
    const people = three();
    const r = startIn(people, { order: 'list', thinkSec: 60 }).rounds[0]!;
    expect(current(logic.next(r, null, ctx(people, 11_000)))).toBe('a');
  });

  test('[SPEAK5] back gives the word to the previous speaker with a fresh countdown; the current one waits again', () => {
    const people = three();
    const r = logic.next(listed(people), 'a', ctx(people, 20_000));
    const b = logic.back(r, 'b', ctx(people, 25_000));
    expect(current(b)).toBe('a');
    expect(statuses(b)).toEqual({ a: 'speaking', b: 'waiting', c: 'waiting' });
    expect(b).toMatchObject({ turnStartedAt: 25_000, deadline: 25_000 + 45_000 });
    expect(current(logic.next(b, 'a', ctx(people)))).toBe('b');
  });

  test('[SPEAK5] back after the end reopens the round with the last speaker; back at the first changes nothing', () => {
    const people = three();
    let r = listed(people);
    expect(logic.back(r, 'a', ctx(people))).toBe(r);
    for (const from of ['a', 'b', 'c']) r = logic.next(r, from, ctx(people));
    expect(r.phase).toBe('ended');
    const reopened = logic.back(r, null, ctx(people));
    expect(reopened).toMatchObject({ phase: 'speaking', endedAt: null });
    expect(current(reopened)).toBe('c');
  });

  test('[SPEAK6] pass: the passer goes to the end and speaks after the others; only once', () => {
    const people = three();
    const r = listed(people);
    const passed = logic.pass(r, { id: 'a', moderator: false }, ctx(people));
    expect(order(passed)).toEqual(['b', 'c', 'a']);
    expect(current(passed)).toBe('b');
    let later = logic.next(passed, 'b', ctx(people));
    later = logic.next(later, 'c', ctx(people));
    expect(current(later)).toBe('a');
    expect(() => logic.pass(later, { id: 'a', moderator: false }, ctx(people))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(logic.next(later, 'a', ctx(people)).phase).toBe('ended');
  });

  test('[SPEAK6] only the current speaker may pass (or a moderator for them); nobody while thinking', () => {
    const people = three();
    const r = listed(people);
    expect(() => logic.pass(r, { id: 'b', moderator: false }, ctx(people))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(current(logic.pass(r, { id: 'm', moderator: true }, ctx(people)))).toBe('b');
    const thinking = startIn(people, { thinkSec: 30 }).rounds[0]!;
    expect(() => logic.pass(thinking, { id: 'a', moderator: false }, ctx(people))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  test('[SPEAK6] passing as the last one waiting ends their part', () => {
    const people = [person('a')];
    const r = listed(people);
    const after = logic.pass(r, { id: 'a', moderator: false }, ctx(people));
    expect(after.phase).toBe('ended');
    expect(after.speakers[0]).toMatchObject({ status: 'skipped', passed: true });
  });

  test('[SPEAK7] stop ends the round; the one speaking has spoken, the others still wait', () => {
    const people = three();
    const r = logic.stop(listed(people), { now: 12_345 });
    expect(r).toMatchObject({ phase: 'ended', current: -1, endedAt: 12_345, deadline: null });
    expect(statuses(r)).toEqual({ a: 'spoke', b: 'waiting', c: 'waiting' });
  });

  test('[SPEAK8] time: the think time always ends by itself, a turn only when auto-advancing', () => {
    const people = three();
    const auto = listed(people, { perSpeakerSec: 30 });
    expect(logic.tick(auto, ctx(people, 10_000 + 29_999))).toBe(auto);
    expect(current(logic.tick(auto, ctx(people, 10_000 + 30_000)))).toBe('b');
    const manual = listed(people, { autoAdvance: false });
    expect(logic.tick(manual, ctx(people, 10_000 + 120_000))).toBe(manual);
    expect(nextDeadline([manual])).toBeNull();
    expect(nextDeadline([manual, auto])).toBe(auto.deadline);
    const thinking = startIn(people, { thinkSec: 10, autoAdvance: false }).rounds[0]!;
    expect(nextDeadline([thinking])).toBe(20_000);
  });

  test('[SPEAK4][SPEAK6] random presses: each person has the word at most once more than their passes, and the round ends', () => {
    forSeeds(propertySeeds(40), (rng) => {
      let people = Array.from({ length: 2 + rng.int(10) }, (_, i) => person(`p${i}`, { town: TOWNS[rng.int(3)]! }));
      let r = logic.start(logic.emptySpeaking(), params({ thinkSec: 0 }), [PLENARY], ctx(people, 0, rng)).rounds[0]!;
      const turns = new Map<string, number>();
      const count = (round: SpeakingRound) => {
        const id = current(round);
        if (id) turns.set(id, (turns.get(id) ?? 0) + 1);
      };
      count(r);
      for (let step = 0; step < 200 && r.phase !== 'ended'; step++) {
        const roll = rng.next();
        const before = r;
        if (roll < 0.1) people = [...people, person(`late${step}`)];
        else if (roll < 0.2)
          people = people.map((p, i) => (i === rng.int(people.length) ? { ...p, presence: 'offline' } : p));
        if (roll < 0.4 && r.speakers[r.current] && !r.speakers[r.current]!.passed)
          r = logic.pass(r, { id: current(r)!, moderator: false }, ctx(people, step));
        else r = logic.next(r, current(r), ctx(people, step));
        if (r !== before) count(r);
      }
      expect(r.phase).toBe('ended');
      for (const s of r.speakers) {
        expect(s.status === 'spoke' || s.status === 'skipped').toBe(true);
        expect(turns.get(s.id) ?? 0).toBeLessThanOrEqual(s.passed ? 2 : 1);
      }
      expect(new Set(order(r)).size).toBe(r.speakers.length);
    });
  });
});

describe('[SPEAK12] the word on stage', () => {
  const staged = (p: SpeakingPerson, onStage = false): logic.TurnStagePerson => ({ ...p, onStage });
  const everyone = (list: logic.TurnStagePerson[]) => (id: string) => list.find((p) => p.id === id) ?? null;
  const claims = (ids: string[], claim: logic.TurnClaim = 'granted') =>
    Object.fromEntries(ids.map((id) => [id, claim]));
  const withForget = ({ forget, ...rest }: ReturnType<typeof logic.turnStageMoves>) => {
    expect(forget).toEqual([]);
    return rest;
  };
  const stageIn =
    (...rooms: string[]) =>
    (roomId: string) =>
      rooms.includes(roomId);

  test('[SPEAK12] the holders are the current speakers of rounds in their speaking phase only', () => {
    const people = [person('a'), person('b', { roomId: 'r1' }), person('c', { roomId: 'r2' })];
    let state = logic.start(logic.emptySpeaking(), params({ thinkSec: 0 }), [PLENARY, 'r1'], ctx(people));
    state = logic.start(state, params({ thinkSec: 30 }), ['r2'], ctx(people));
    expect(logic.turnHolders(state)).toEqual([
      { participantId: 'a', roomId: PLENARY },
      { participantId: 'b', roomId: 'r1' },
    ]);
    const ended = logic.inRoom(state, PLENARY, (r) => logic.stop(r, ctx(people)));
    expect(logic.turnHolders(ended).map((h) => h.participantId)).toEqual(['b']);
  });

  test('[SPEAK12] next, pass, back and stop move the holder, so the previous speaker is taken off', () => {
    const people = [person('a'), person('b', { town: 'Lyon' }), person('c')];
    const c = ctx(people);
    let r = startIn(people, { thinkSec: 0, order: 'list', list: ['a', 'b', 'c'] }).rounds[0]!;
    const holder = (round: SpeakingRound) => logic.turnHolders(logic.withRounds(logic.emptySpeaking(), [round]));
    const moves = (round: SpeakingRound, granted: string[]) =>
      withForget(
        logic.turnStageMoves(holder(round), claims(granted), everyone(people.map((p) => staged(p))), stageIn(PLENARY)),
      );
    expect(moves(r, [])).toEqual({ grant: ['a'], revoke: [] });
    r = logic.next(r, 'a', c);
    expect(moves(r, ['a'])).toEqual({ grant: ['b'], revoke: ['a'] });
    r = logic.pass(r, { id: 'b', moderator: false }, c);
    expect(moves(r, ['b'])).toEqual({ grant: ['c'], revoke: ['b'] });
    r = logic.back(r, 'c', c);
    expect(moves(r, ['c'])).toEqual({ grant: ['a'], revoke: ['c'] });
    r = logic.stop(r, c);
    expect(moves(r, ['a'])).toEqual({ grant: [], revoke: ['a'] });
  });

  test('[SPEAK12] only in stage mode, and never for someone on stage already, a moderator, without media or elsewhere', () => {
    const list = [
      staged(person('a')),
      staged(person('invited'), true),
      staged(person('mod', { role: 'moderator' })),
      staged(person('phone', { media: false })),
      staged(person('away', { roomId: 'r1' })),
      staged(person('gone', { removed: true })),
    ];
    const holders = list.map((p) => ({ participantId: p.id, roomId: PLENARY }));
    const none = { grant: [], revoke: [], forget: [] };
    const inStage = logic.turnStageMoves(holders, {}, everyone(list), stageIn(PLENARY));
    expect(inStage).toEqual({ ...none, grant: ['a'] });
    expect(logic.turnStageMoves(holders, {}, everyone(list), stageIn('r1'))).toEqual(none);
    expect(
      logic.turnStageMoves([{ participantId: 'nobody', roomId: PLENARY }], {}, everyone(list), stageIn(PLENARY)),
    ).toEqual(none);
  });

  test('[SPEAK12] the holder granted already stays; whoever the round did not grant is never taken off', () => {
    const list = [staged(person('a'), true), staged(person('invited'), true)];
    const holders = [{ participantId: 'a', roomId: PLENARY }];
    const none = { grant: [], revoke: [], forget: [] };
    expect(logic.turnStageMoves(holders, claims(['a']), everyone(list), stageIn(PLENARY))).toEqual(none);
    expect(logic.turnStageMoves([], claims(['a']), everyone(list), stageIn(PLENARY))).toEqual({
      ...none,
      revoke: ['a'],
    });
  });

  test('[SPEAK12] set by hand during the turn (released): never put back on stage by the round, forgotten after the turn', () => {
    const list = [staged(person('a')), staged(person('b'))];
    const holders = [{ participantId: 'a', roomId: PLENARY }];
    const released = claims(['a'], 'released');
    const none = { grant: [], revoke: [], forget: [] };
    // Withdrawn by the moderator in the middle of her turn: the next change of the round leaves her off.
    expect(logic.turnStageMoves(holders, released, everyone(list), stageIn(PLENARY))).toEqual(none);
    const after = logic.turnStageMoves(
      [{ participantId: 'b', roomId: PLENARY }],
      released,
      everyone(list),
      stageIn(PLENARY),
    );
    expect(after).toEqual({ grant: ['b'], revoke: [], forget: ['a'] });
  });
});
