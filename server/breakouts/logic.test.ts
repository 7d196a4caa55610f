/** Breakout state transitions: rules [BR6], [BR11]-[BR20] and [BR23], with seeded random workshops. */
import { propertySeeds } from '../../test/seeds.js';
import { describe, expect, test } from 'vitest';
import { roomLabel } from '../../shared/breakouts/room-label.js';
import { PLENARY } from '../../shared/breakouts/schema.js';
import { participantRecord } from '../workshops/store/test-contract.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import type { BreakoutRecord } from './store/types.js';
import * as logic from './logic.js';
import { forSeeds } from './test-people.js';

/** Room ids never repeat within a test file, like the server's random ones. */
let roomNumber = 0;
function ctxFor(people: ParticipantRecord[], now = 1_000) {
  return { now, newId: () => `room${++roomNumber}`, people };
}

function workshop(count: number, extra: Partial<ParticipantRecord>[] = []) {
  const people = Array.from({ length: count }, (_, i) =>
    participantRecord({
      id: `p${i}`,
      name: `P${i}`,
      town: i % 2 ? 'Kamen' : 'Wołów',
      joinedAt: i,
      presence: 'online',
      languages: [i % 2 ? 'de' : 'fr'],
    }),
  );
  people.push(...extra.map((e, i) => participantRecord({ id: `x${i}`, joinedAt: 100 + i, presence: 'online', ...e })));
  return people;
}

/** Applies a change the way the store does: state saved, moves land on the participants. */
function land(change: logic.Change, people: ParticipantRecord[]): [BreakoutRecord, ParticipantRecord[]] {
  const moved = new Map(change.moves.map((m) => [m.participantId, m.roomId]));
  return [
    { ...change.state, version: change.state.version + 1 },
    people.map((p) => (moved.has(p.id) ? { ...p, roomId: moved.get(p.id)! } : p)),
  ];
}

function withRooms(people: ParticipantRecord[], count: number) {
  const input = Array.from({ length: count }, () => ({ name: '', hostId: null, capacity: null, languages: [] }));
  return logic.setRooms(logic.emptyBreakouts(), input, ctxFor(people)).state;
}

describe('breakout logic', () => {
  test('[BR11] assignments leave out moderators, removed and offline people', () => {
    const people = workshop(4, [
      { role: 'moderator' },
      { removed: true },
      { presence: 'offline' },
      { presence: 'reconnecting' },
    ]);
    expect(logic.eligible(people).map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'x3']);
    const planned = logic.assign(
      withRooms(people, 2),
      { version: 0, mode: 'random', languages: [], capacity: null },
      1,
      ctxFor(people),
    ).state;
    expect(Object.keys(planned.plan).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'x3']);
  });

  test('[BR12] rooms keep their ids, hosts sit at their table, and a room with people cannot go while open', () => {
    const people = workshop(4);
    const s = withRooms(people, 2);
    const ids = s.rooms.map((r) => r.id);
    const renamed = logic.setRooms(
      s,
      [
        { id: ids[0], name: 'Salon', hostId: 'p1', capacity: null, languages: [] },
        { id: ids[1], name: '', hostId: 'nobody', capacity: null, languages: [] },
      ],
      ctxFor(people),
    ).state;
    expect(renamed.rooms.map((r) => [r.id, r.name, r.hostId])).toEqual([
      [ids[0], 'Salon', 'p1'],
      [ids[1], '', null],
    ]);
    expect(renamed.plan.p1).toBe(ids[0]);
    const [open] = land(logic.open(renamed, 60_000, ctxFor(people)), people);
    expect(() => logic.setRooms(open, [open.rooms[0]!], ctxFor(people))).toThrow(
      expect.objectContaining({ code: 'room_occupied' }),
    );
  });

  test('[BR14] open puts everyone here into a room, late joiners into the smallest, with one deadline', () => {
    const people = workshop(5);
    let s = withRooms(people, 2);
    s = logic.move(s, 'p0', s.rooms[0]!.id, ctxFor(people)).state;
    const change = logic.open(s, 90_000, ctxFor(people, 5_000));
    expect(change.state.status).toBe('open');
    expect(change.state.round).toEqual({ index: 0, total: 1, startedAt: 5_000, deadline: 95_000, durationMs: 90_000 });
    const counts = s.rooms.map((r) => Object.values(change.state.plan).filter((id) => id === r.id).length);
    expect(counts.sort()).toEqual([2, 3]);
    expect(change.moves).toHaveLength(5);
    expect(() => logic.open(change.state, 1_000, ctxFor(people))).toThrow(
      expect.objectContaining({ code: 'already_open' }),
    );
  });

  test('[BR14] opening says what is missing: no rooms yet, or nobody to put in them', () => {
    const people = workshop(3);
    expect(() => logic.open(withRooms(people, 0), 60_000, ctxFor(people))).toThrow(
      expect.objectContaining({ code: 'no_rooms' }),
    );
    const nobody = workshop(0);
    expect(() => logic.open(withRooms(nobody, 2), 60_000, ctxFor(nobody))).toThrow(
      expect.objectContaining({ code: 'rooms_empty' }),
    );
    // In "choose" mode people pick their room once the rooms are open: opening empty is the point.
    const choose = { ...withRooms(nobody, 2), mode: 'choose' as const };
    expect(logic.open(choose, 60_000, ctxFor(nobody)).state.status).toBe('open');
  });

  test('[BR15] the deadline ends a single round: everyone back, rooms archived, counted once', () => {
    const people = workshop(4, [{ role: 'moderator' }]);
    let s = withRooms(people, 2);
    let ps = people;
    [s, ps] = land(logic.open(s, 1_000, ctxFor(ps)), ps);
    [s, ps] = land(logic.visit(s, 'x0', s.rooms[1]!.id, ctxFor(ps)), ps);
    const ran = s.rooms.map((r) => r.id);
    const ended = logic.endRound(s, 'deadline', ctxFor(ps, 3_000));
    expect(ended.event).toEqual({ index: 0, total: 1, next: 'plenary', by: 'deadline' });
    [s, ps] = land(ended, ps);
    expect(ps.every((p) => p.roomId === PLENARY)).toBe(true);
    expect(s).toMatchObject({ status: 'closed', round: null, roundsEnded: 1 });
    expect(s.archive.map((a) => a.id)).toEqual(ran);
    expect(() => logic.endRound(s, 'deadline', ctxFor(ps))).toThrow(expect.objectContaining({ code: 'not_open' }));
  });

  test('[BR24] a room kept for a later session is archived with it, under the number it had there', () => {
    const people = workshop(4);
    const words = { plenary: 'Plenum', roomN: (n: number) => `Raum ${n}` };
    let s = withRooms(people, 2);
    let ps = people;
    const [first, second] = s.rooms.map((r) => r.id) as [string, string];
    [s, ps] = land(logic.open(s, 1_000, ctxFor(ps)), ps);
    [s, ps] = land(logic.endRound(s, 'moderator', ctxFor(ps, 3_000)), ps);
    // The second session keeps the second room (now in first place, under its new id) and adds a new one.
    const renewed = s.rooms[1]!.id;
    const kept = { id: renewed, name: '', hostId: null, capacity: null, languages: [] };
    const fresh = { name: '', hostId: null, capacity: null, languages: [] };
    s = logic.setRooms(s, [kept, fresh], { ...ctxFor(ps), newId: () => 'rNew' }).state;
    [s, ps] = land(logic.open(s, 1_000, ctxFor(ps)), ps);
    const ids = [first, second, renewed, 'rNew'];
    const during = ids.map((id) => roomLabel(id, s, words));
    [s, ps] = land(logic.endRound(s, 'moderator', ctxFor(ps, 5_000)), ps);
    s = logic.setRooms(s, [], ctxFor(ps)).state;
    expect(during).toEqual(['Raum 1', 'Raum 2', 'Raum 1', 'Raum 2']);
    expect(ids.map((id) => roomLabel(id, s, words))).toEqual(['Raum 1', 'Raum 2', 'Raum 1', 'Raum 2']);
    expect(s.archive.map((a) => [a.id, a.closedAt])).toEqual([
      [first, 3_000],
      [second, 3_000],
      [renewed, 5_000],
      ['rNew', 5_000],
    ]);
  });

  test('[BR7][BR15] a rotation runs its schedule round by round, then returns to the plenary', () => {
    forSeeds(propertySeeds(), (rng, seed) => {
      const people = workshop(4 + rng.int(16));
      let s = logic.emptyBreakouts();
      let ps = people;
      [s, ps] = land(
        logic.rotate(
          s,
          { version: 0, kind: 'speedDating', rounds: 3, durationMs: 1_000, languages: [] },
          seed,
          ctxFor(ps),
        ),
        ps,
      );
      for (let round = 0; round < 3; round++) {
        expect(s.plan).toEqual(s.schedule[round]);
        expect(Object.fromEntries(ps.map((p) => [p.id, p.roomId]))).toEqual(s.schedule[round]);
        const ended = logic.endRound(s, 'deadline', ctxFor(ps, 10_000 * (round + 1)));
        expect(ended.event.next).toBe(round < 2 ? 'round' : 'plenary');
        [s, ps] = land(ended, ps);
      }
      expect(s.roundsEnded).toBe(3);
      expect(ps.every((p) => p.roomId === PLENARY)).toBe(true);
    });
  });

  test('[BR7] the next round leaves out who is gone, takes in newcomers, and leaves nobody alone', () => {
    const people = workshop(6);
    const s = logic.rotate(
      logic.emptyBreakouts(),
      { version: 0, kind: 'speedDating', rounds: 2, durationMs: 1_000, languages: [] },
      3,
      ctxFor(people),
    ).state;
    const partnerOfP0 = Object.keys(s.schedule[1]!).find(
      (id) => id !== 'p0' && s.schedule[1]![id] === s.schedule[1]!.p0,
    )!;
    const now = [
      ...people.map((p) => (p.id === partnerOfP0 ? { ...p, presence: 'offline' as const } : p)),
      participantRecord({ id: 'late', presence: 'online', joinedAt: 50 }),
    ];
    const plan = logic.fitRound(s.schedule[1]!, s.rooms, ctxFor(now));
    expect(plan[partnerOfP0]).toBeUndefined();
    expect(plan.late).toBeDefined();
    const sizes = new Map<string, number>();
    for (const room of Object.values(plan)) sizes.set(room, (sizes.get(room) ?? 0) + 1);
    expect([...sizes.values()].every((n) => n >= 2)).toBe(true);
    expect(Object.keys(plan).sort()).toEqual(
      logic
        .eligible(now)
        .map((p) => p.id)
        .sort(),
    );
  });

  test('[BR23] a broadcast is kept only while open, and the next round or the plenary clears it', () => {
    const people = workshop(4);
    const message = { id: 'b1', text: 'Noch 5 Minuten', fromId: 'mod', fromName: 'Mod', at: 5 };
    expect(logic.keepBroadcast(withRooms(people, 2), message)).toBeNull();
    const s = logic.rotate(
      logic.emptyBreakouts(),
      { version: 0, kind: 'speedDating', rounds: 2, durationMs: 1_000, languages: [] },
      3,
      ctxFor(people),
    ).state;
    const kept = logic.keepBroadcast(s, message)!;
    expect(kept).toEqual({ state: { ...s, broadcast: message }, moves: [] });
    const nextRound = logic.endRound(kept.state, 'deadline', ctxFor(people, 2_000));
    expect(nextRound.event.next).toBe('round');
    expect(nextRound.state.broadcast).toBeNull();
    const back = logic.endRound(
      logic.keepBroadcast(nextRound.state, message)!.state,
      'moderator',
      ctxFor(people, 3_000),
    );
    expect([back.state.status, back.state.broadcast]).toEqual(['closed', null]);
  });

  test('[BR9] World Café uses the rooms as tables and keeps the hosts', () => {
    const people = workshop(12);
    let s = withRooms(people, 3);
    s = logic.setRooms(
      s,
      s.rooms.map((r, i) => ({ ...r, hostId: `p${i}` })),
      ctxFor(people),
    ).state;
    const started = logic.rotate(
      s,
      { version: 0, kind: 'worldCafe', rounds: 3, durationMs: 1_000, languages: [] },
      1,
      ctxFor(people),
    ).state;
    for (const plan of started.schedule) s.rooms.forEach((r, i) => expect(plan[`p${i}`]).toBe(r.id));
  });

  test('[BR6] a late joiner goes to the smallest room, once; not in "choose" mode', () => {
    const people = workshop(3);
    let s = withRooms(people, 2);
    let ps = people;
    s = logic.move(s, 'p0', s.rooms[0]!.id, ctxFor(ps)).state;
    s = logic.move(s, 'p1', s.rooms[0]!.id, ctxFor(ps)).state;
    s = logic.move(s, 'p2', s.rooms[1]!.id, ctxFor(ps)).state;
    [s, ps] = land(logic.open(s, 60_000, ctxFor(ps)), ps);
    const late = participantRecord({ id: 'late', presence: 'online', joinedAt: 99 });
    ps = [...ps, late];
    const change = logic.lateJoin(s, late, ctxFor(ps))!;
    expect(change.moves).toEqual([{ participantId: 'late', roomId: s.rooms[1]!.id }]);
    [s, ps] = land(change, ps);
    expect(logic.lateJoin(s, ps.at(-1)!, ctxFor(ps))).toBeNull();
    expect(logic.lateJoin({ ...s, mode: 'choose' }, participantRecord({ id: 'other' }), ctxFor(ps))).toBeNull();
  });

  test('[BR19] choosing a room respects its capacity by headcount; only in "choose" mode', () => {
    const people = workshop(2, [{ kind: 'group', headcount: 3 }]);
    let s = withRooms(people, 1);
    s = logic.assign(s, { version: 0, mode: 'choose', languages: [], capacity: 3 }, 1, ctxFor(people)).state;
    s = logic.choose(s, people[0]!, s.rooms[0]!.id, ctxFor(people)).state;
    expect(() => logic.choose(s, people[2]!, s.rooms[0]!.id, ctxFor(people))).toThrow(
      expect.objectContaining({ code: 'room_full' }),
    );
    s = logic.choose(s, people[1]!, s.rooms[0]!.id, ctxFor(people)).state;
    expect(Object.keys(s.plan).sort()).toEqual(['p0', 'p1']);
    expect(() => logic.choose({ ...s, mode: 'random' }, people[2]!, s.rooms[0]!.id, ctxFor(people))).toThrow(
      expect.objectContaining({ code: 'not_open' }),
    );
  });

  test('[BR16][BR17][BR18] extend, visit and help', () => {
    const people = workshop(2, [{ role: 'moderator' }]);
    let s = withRooms(people, 1);
    let ps = people;
    expect(() => logic.extend(s, 1_000)).toThrow(expect.objectContaining({ code: 'not_open' }));
    [s, ps] = land(logic.open(s, 60_000, ctxFor(ps)), ps);
    expect(logic.extend(s, 30_000).round!.deadline).toBe(s.round!.deadline + 30_000);
    const asked = logic.askHelp(s, ps[0]!, 5);
    expect(asked.help).toEqual([{ participantId: 'p0', roomId: s.rooms[0]!.id, at: 5 }]);
    expect(logic.askHelp(asked, ps[0]!, 6)).toBe(asked);
    const visited = logic.visit(asked, 'x0', s.rooms[0]!.id, ctxFor(ps));
    expect(visited.moves).toEqual([{ participantId: 'x0', roomId: s.rooms[0]!.id }]);
    expect(visited.state.help).toEqual([]);
    expect(logic.resolveHelp(asked, 'p0').help).toEqual([]);
  });

  test('[BR20] a running room is private to its members and moderators; closed rooms are readable by all', () => {
    const people = workshop(2);
    let s = withRooms(people, 2);
    let ps = people;
    s = logic.move(s, 'p0', s.rooms[0]!.id, ctxFor(ps)).state;
    s = logic.move(s, 'p1', s.rooms[1]!.id, ctxFor(ps)).state;
    [s, ps] = land(logic.open(s, 60_000, ctxFor(ps)), ps);
    expect(logic.canReadRoom(s, ps[0]!, s.rooms[0]!.id)).toBe(true);
    expect(logic.canReadRoom(s, ps[1]!, s.rooms[0]!.id)).toBe(false);
    expect(logic.canReadRoom(s, { ...ps[1]!, role: 'moderator' }, s.rooms[0]!.id)).toBe(true);
    const ran = s.rooms[0]!.id;
    [s, ps] = land(logic.endRound(s, 'moderator', ctxFor(ps)), ps);
    expect(logic.canReadRoom(s, ps[1]!, ran)).toBe(true);
    expect(logic.canReadRoom(s, ps[1]!, 'unknown')).toBe(false);
  });

  test('[BR25] rooms opened again are new rooms: same names and plan, new ids; the closed ones stay archived', () => {
    const people = workshop(4);
    let s = withRooms(people, 2);
    let ps = people;
    s = logic.setRooms(s, [{ ...s.rooms[0]!, name: 'Salon' }, s.rooms[1]!], ctxFor(ps)).state;
    [s, ps] = land(logic.open(s, 60_000, ctxFor(ps)), ps);
    const first = s;
    [s, ps] = land(logic.endRound(s, 'moderator', ctxFor(ps, 2_000)), ps);
    expect(s.rooms.map((r) => r.name)).toEqual(['Salon', '']);
    expect(s.rooms.map((r) => r.id).filter((id) => first.rooms.some((r) => r.id === id))).toEqual([]);
    [s, ps] = land(logic.open(s, 60_000, ctxFor(ps, 3_000)), ps);
    // Everyone goes to the room that took the place of the one they were in before.
    const place = (state: typeof s, id: string) => state.rooms.findIndex((r) => r.id === state.plan[id]);
    expect(people.map((p) => place(s, p.id))).toEqual(people.map((p) => place(first, p.id)));
    expect(s.archive.map((a) => a.id)).toEqual(first.rooms.map((r) => r.id));
    // The running rooms are private again; the first session's stay readable by all.
    const other = ps.find((p) => p.roomId !== s.rooms[0]!.id)!;
    expect(logic.canReadRoom(s, other, s.rooms[0]!.id)).toBe(false);
    expect(logic.canReadRoom(s, other, first.rooms[0]!.id)).toBe(true);
  });
});

describe('[BR30] a four without a card gets its notes', () => {
  const four = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  test('its members’ notes, one per line in their order; blank notes left out; none at all: no card', () => {
    expect(logic.cardFromNotes(four, { b: ' Chor ', a: 'Fest', d: '  ' })).toBe('Fest\nChor');
    expect(logic.cardFromNotes(four, { x: 'not theirs' })).toBeNull();
    expect(logic.cardFromNotes([], {})).toBeNull();
  });
  test('cut to a card’s length with an ellipsis', () => {
    const long = 'x'.repeat(200);
    const card = logic.cardFromNotes(four, { a: long, b: long })!;
    expect(card).toHaveLength(280);
    expect(card.endsWith('…')).toBe(true);
    expect(card.startsWith(`${long}\n`)).toBe(true);
  });
});
