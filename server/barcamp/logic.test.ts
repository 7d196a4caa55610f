/** Barcamp state transitions: rules [BCAMP1]–[BCAMP8], with seeded random barcamps for the grid. */
import { describe, expect, test } from 'vitest';
import { cellOf, mayWriteNotes, sessionsOf } from '../../shared/barcamp/rules.js';
import { BARCAMP_LIMITS, barcampStartSchema, type Proposal } from '../../shared/barcamp/schema.js';
import { CommandError } from '../../shared/command.js';
import { propertySeeds } from '../../test/seeds.js';
import { forSeeds } from '../breakouts/test-people.js';
import * as logic from './logic.js';
import type { BarcampCtx, BarcampPerson, BarcampRecord } from './logic.js';

const person = (id: string, over: Partial<BarcampPerson> = {}): BarcampPerson => ({
  id,
  name: id.toUpperCase(),
  role: 'participant',
  roomId: 'plenary',
  removed: false,
  ...over,
});
const people = ['ana', 'bo', 'cy', 'dee', 'mod'].map((id) => person(id, id === 'mod' ? { role: 'moderator' } : {}));
const ana = { id: 'ana', moderator: false };
const bo = { id: 'bo', moderator: false };
const mod = { id: 'mod', moderator: true };

let ids = 0;
const ctx = (who: readonly BarcampPerson[] = people): BarcampCtx => ({
  now: 10_000,
  newId: () => `x${++ids}`,
  people: who,
});
const params = barcampStartSchema.parse({});
const code = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof CommandError ? err.code : 'thrown';
  }
  return 'ok';
};
const started = () => logic.start(logic.emptyBarcamp(), params, ctx());
const idOf = (s: BarcampRecord, title: string) => s.barcamp!.proposals.find((p) => p.title === title)!.id;
const titlesOf = (s: BarcampRecord, row: (string | null)[]) =>
  row.map((id) => (id === null ? null : s.barcamp!.proposals.find((p) => p.id === id)!.title));

/** Proposals by [host, title] and votes by title -> voters. */
function withSessions(list: [string, string][], votes: Record<string, string[]> = {}): BarcampRecord {
  let s = started();
  for (const [host, title] of list)
    s = logic.propose(s, { id: host, moderator: false }, { title, language: null }, ctx());
  for (const [title, voters] of Object.entries(votes))
    for (const v of voters) s = logic.vote(s, v, idOf(s, title), true);
  return s;
}

describe('proposals and votes', () => {
  test('[BCAMP1] a new barcamp collects proposals with 4 rooms per slot of 30 minutes; a second start replaces it', () => {
    const s = withSessions([['ana', 'Radtour']]);
    expect(s.barcamp).toMatchObject({ phase: 'proposing', rooms: 4, slotMin: 30, grid: null, current: null });
    expect(logic.start(s, { rooms: 2, slotMin: 45 }, ctx()).barcamp).toMatchObject({ proposals: [], rooms: 2 });
  });

  test('[BCAMP2] the sender hosts; a moderator may name another host; limits per person and in all; host or moderator takes back', () => {
    let s = withSessions([['ana', 'Radtour']]);
    expect(s.barcamp!.proposals[0]).toMatchObject({
      hostId: 'ana',
      hostName: 'ANA',
      votes: [],
      notes: '',
      roomId: null,
    });
    expect(code(() => logic.propose(s, ana, { title: 'x', language: null, hostId: 'bo' }, ctx()))).toBe('forbidden');
    s = logic.propose(s, mod, { title: 'Chor', language: 'fr', hostId: 'bo' }, ctx());
    expect(s.barcamp!.proposals[1]).toMatchObject({ hostId: 'bo', language: 'fr' });
    expect(code(() => logic.propose(s, mod, { title: 'x', language: null, hostId: 'nobody' }, ctx()))).toBe(
      'not_found',
    );
    for (const t of ['2', '3']) s = logic.propose(s, ana, { title: t, language: null }, ctx());
    expect(code(() => logic.propose(s, ana, { title: '4', language: null }, ctx()))).toBe('conflict');
    expect(code(() => logic.withdraw(s, bo, idOf(s, 'Radtour')))).toBe('forbidden');
    s = logic.withdraw(s, ana, idOf(s, 'Radtour'));
    s = logic.withdraw(s, mod, idOf(s, 'Chor'));
    expect(s.barcamp!.proposals.map((p) => p.title)).toEqual(['2', '3']);
    const crowd = Array.from({ length: BARCAMP_LIMITS.proposals + 1 }, (_, i) => person(`p${i}`));
    let full = logic.start(logic.emptyBarcamp(), params, ctx(crowd));
    for (const p of crowd.slice(0, -1))
      full = logic.propose(full, { id: p.id, moderator: false }, { title: p.id, language: null }, ctx(crowd));
    expect(
      code(() => logic.propose(full, { id: 'p60', moderator: false }, { title: 'x', language: null }, ctx(crowd))),
    ).toBe('conflict');
    const ended = logic.stop(s, ctx());
    expect(code(() => logic.propose(ended, ana, { title: 'x', language: null }, ctx()))).toBe('not_open');
  });

  test('[BCAMP3] interest on and off, once per person; on twice is on; unknown session: not_found', () => {
    let s = withSessions([['ana', 'Radtour']]);
    const id = idOf(s, 'Radtour');
    s = logic.vote(s, 'bo', id, true);
    const again = logic.vote(s, 'bo', id, true);
    expect(again).toBe(s);
    s = logic.vote(s, 'cy', id, true);
    expect(s.barcamp!.proposals[0]!.votes).toEqual(['bo', 'cy']);
    s = logic.vote(s, 'bo', id, false);
    expect(s.barcamp!.proposals[0]!.votes).toEqual(['cy']);
    expect(code(() => logic.vote(s, 'bo', 'nope', true))).toBe('not_found');
  });
});

describe('the grid', () => {
  test('[BCAMP4] most-voted first into the earliest slot and first room; one host never twice in a slot', () => {
    let s = withSessions(
      [
        ['ana', 'A1'],
        ['ana', 'A2'],
        ['bo', 'B1'],
        ['cy', 'C1'],
        ['dee', 'D1'],
      ],
      { A1: ['bo', 'cy', 'dee'], A2: ['bo', 'cy'], B1: ['ana'], D1: ['ana'] },
    );
    s = logic.build(s, 2, ctx());
    const g = s.barcamp!.grid!;
    expect(s.barcamp!.phase).toBe('grid');
    expect(g.slots).toHaveLength(3);
    expect(g.cells.map((row) => titlesOf(s, row))).toEqual([
      ['A1', 'B1'],
      ['A2', 'D1'],
      ['C1', null],
    ]);
    // Rebuilding with more rooms starts over.
    s = logic.build(s, 4, ctx());
    expect(s.barcamp!.grid!.cells.map((row) => titlesOf(s, row))).toEqual([
      ['A1', 'B1', 'D1', 'C1'],
      ['A2', null, null, null],
    ]);
    expect(code(() => logic.build(started(), 2, ctx()))).toBe('conflict');
  });

  test('[BCAMP4] property: every proposal at most once, no host twice in a slot, more votes never later', () => {
    forSeeds(propertySeeds(30), (rng) => {
      const hosts = 1 + rng.int(8);
      const proposals: Proposal[] = Array.from({ length: rng.int(40) }, (_, i) => ({
        id: `p${i}`,
        title: `P${i}`,
        hostId: `h${rng.int(hosts)}`,
        hostName: '',
        language: null,
        votes: Array.from({ length: rng.int(10) }, (_, v) => `v${v}`),
        notes: '',
        notesRev: 0,
        roomId: null,
      }));
      const rooms = 1 + rng.int(5);
      const grid = logic.buildGrid(proposals, rooms, () => 's');
      const placed = grid.cells.flat().filter((c): c is string => c !== null);
      expect(new Set(placed).size).toBe(placed.length);
      expect(grid.cells.length).toBeLessThanOrEqual(BARCAMP_LIMITS.slotsMax);
      expect(grid.slots).toHaveLength(grid.cells.length);
      const byId = new Map(proposals.map((p) => [p.id, p]));
      for (const row of grid.cells) {
        expect(row).toHaveLength(rooms);
        const hostsHere = row.filter((c) => c !== null).map((c) => byId.get(c!)!.hostId);
        expect(new Set(hostsHere).size).toBe(hostsHere.length);
      }
      // Everything fits when there is room for it: only a full grid leaves sessions out.
      if (placed.length < proposals.length) expect(grid.cells.length).toBe(BARCAMP_LIMITS.slotsMax);
      // A session placed in a later slot than a less-voted one: only because its host was busy there.
      const slotOf = (id: string) => grid.cells.findIndex((row) => row.includes(id));
      for (const a of placed)
        for (const b of placed) {
          const pa = byId.get(a)!;
          const pb = byId.get(b)!;
          if (pa.votes.length > pb.votes.length && slotOf(a) > slotOf(b)) {
            const row = grid.cells[slotOf(b)]!;
            const busy = row.some((c) => c !== null && c !== b && byId.get(c)!.hostId === pa.hostId);
            expect(busy || pb.hostId === pa.hostId || !row.includes(null)).toBe(true);
          }
        }
    });
  });

  test('[BCAMP5] a move swaps with the cell’s session, puts one in from outside, takes one out; no host twice; not the running slot', () => {
    let s = withSessions(
      [
        ['ana', 'A1'],
        ['bo', 'B1'],
        ['ana', 'A2'],
        ['cy', 'C1'],
      ],
      { A1: ['bo', 'cy'], B1: ['ana'] },
    );
    s = logic.build(s, 2, ctx());
    expect(s.barcamp!.grid!.cells.map((r) => titlesOf(s, r))).toEqual([
      ['A1', 'B1'],
      ['A2', 'C1'],
    ]);
    s = logic.move(s, idOf(s, 'C1'), { slot: 0, room: 1 });
    expect(s.barcamp!.grid!.cells.map((r) => titlesOf(s, r))).toEqual([
      ['A1', 'C1'],
      ['A2', 'B1'],
    ]);
    expect(code(() => logic.move(s, idOf(s, 'A2'), { slot: 0, room: 1 }))).toBe('conflict');
    s = logic.move(s, idOf(s, 'B1'), null);
    expect(cellOf(s.barcamp!.grid, idOf(s, 'B1'))).toBeNull();
    s = logic.move(s, idOf(s, 'B1'), { slot: 1, room: 1 });
    expect(s.barcamp!.grid!.cells[1]).toEqual([idOf(s, 'A2'), idOf(s, 'B1')]);
    expect(code(() => logic.move(s, idOf(s, 'B1'), { slot: 5, room: 0 }))).toBe('not_found');
    const running = logic.slotOpened(s, 0, {
      proposalIds: sessionsOf(s.barcamp!, 0).map((p) => p.id),
      roomIds: ['r1', 'r2'],
    });
    expect(code(() => logic.move(running, idOf(s, 'B1'), { slot: 0, room: 1 }))).toBe('conflict');
    expect(code(() => logic.move(running, idOf(s, 'B1'), { slot: 1, room: 0 }))).toBe('ok');
    expect(code(() => logic.withdraw(running, mod, idOf(s, 'A1')))).toBe('conflict');
  });
});

describe('slots, notes and the end', () => {
  const grid = () =>
    logic.build(
      withSessions(
        [
          ['ana', 'A1'],
          ['bo', 'B1'],
          ['cy', 'C1'],
        ],
        { A1: ['bo'], B1: ['cy'] },
      ),
      2,
      ctx(),
    );

  test('[BCAMP6] a slot’s sessions become rooms named after them, hosts as hosts, no capacity; a slot that runs starts once', () => {
    const s = grid();
    const sessions = logic.checkSlot(s, 0)!;
    expect(logic.slotRooms(sessions)).toEqual([
      { name: 'A1', hostId: 'ana', capacity: null, languages: [] },
      { name: 'B1', hostId: 'bo', capacity: null, languages: [] },
    ]);
    const opened = logic.slotOpened(s, 0, { proposalIds: sessions.map((p) => p.id), roomIds: ['r1', 'r2'] });
    expect(opened.barcamp).toMatchObject({ phase: 'running', current: 0 });
    expect(opened.barcamp!.proposals.map((p) => p.roomId)).toEqual(['r1', 'r2', null]);
    expect(logic.checkSlot(opened, 0)).toBeNull();
    expect(code(() => logic.checkSlot(opened, 7))).toBe('not_found');
    expect(code(() => logic.slotOpened(s, 1, { proposalIds: ['A1'], roomIds: ['r'] }))).toBe('conflict');
    expect(logic.slotClosed(opened).barcamp).toMatchObject({ phase: 'grid', current: null });
    expect(code(() => logic.build(opened, 2, ctx()))).toBe('conflict');
  });

  test('[BCAMP7] notes: host, moderator or who is in the room; a save from an old revision is refused', () => {
    const s0 = grid();
    const sessions = logic.checkSlot(s0, 0)!;
    let s = logic.slotOpened(s0, 0, { proposalIds: sessions.map((p) => p.id), roomIds: ['r1', 'r2'] });
    const a1 = idOf(s, 'A1');
    const inRoom = people.map((p) => (p.id === 'dee' ? { ...p, roomId: 'r1' } : p));
    expect(code(() => logic.notes(s, bo, { proposalId: a1, notes: 'x', rev: 0 }, ctx()))).toBe('forbidden');
    s = logic.notes(s, { id: 'dee', moderator: false }, { proposalId: a1, notes: 'Plan', rev: 0 }, ctx(inRoom));
    expect(s.barcamp!.proposals[0]).toMatchObject({ notes: 'Plan', notesRev: 1 });
    expect(code(() => logic.notes(s, ana, { proposalId: a1, notes: 'Mine', rev: 0 }, ctx()))).toBe('conflict');
    expect(logic.notes(s, ana, { proposalId: a1, notes: 'Plan', rev: 0 }, ctx())).toBe(s);
    s = logic.notes(s, ana, { proposalId: a1, notes: 'Plan + Termin', rev: 1 }, ctx());
    s = logic.notes(s, mod, { proposalId: a1, notes: 'Plan + Termin + Ort', rev: 2 }, ctx());
    expect(s.barcamp!.proposals[0]!.notesRev).toBe(3);
    expect(mayWriteNotes(s.barcamp!.proposals[0]!, { id: 'cy', roomId: 'r2' }, false)).toBe(false);
  });

  test('[BCAMP8] stop ends it and keeps grid and notes; stopping again changes nothing', () => {
    const s = grid();
    const ended = logic.stop(s, ctx());
    expect(ended.barcamp).toMatchObject({ phase: 'ended', endedAt: 10_000, grid: s.barcamp!.grid });
    expect(logic.stop(ended, ctx())).toBe(ended);
    expect(code(() => logic.vote(ended, 'bo', idOf(s, 'A1'), true))).toBe('not_open');
  });
});
