/** Idea market state transitions: rules [MKT1]–[MKT7], with seeded random sessions. */
import { describe, expect, test } from 'vitest';
import { CommandError } from '../../shared/command.js';
import { pitching, stallFull } from '../../shared/market/rules.js';
import { marketStartSchema, type Market } from '../../shared/market/schema.js';
import { propertySeeds } from '../../test/seeds.js';
import { forSeeds } from '../breakouts/test-people.js';
import * as logic from './logic.js';
import type { MarketCtx, MarketPerson, MarketRecord } from './logic.js';

const person = (id: string, over: Partial<MarketPerson> = {}): MarketPerson => ({
  id,
  name: id.toUpperCase(),
  town: 'Kamen',
  role: 'participant',
  removed: false,
  ...over,
});
const people = ['ana', 'bo', 'cy', 'dee'].map((id) => person(id));

let ids = 0;
const ctx = (now = 10_000, who: readonly MarketPerson[] = people): MarketCtx => ({
  now,
  newId: () => `s${++ids}`,
  people: who,
});
const params = marketStartSchema.parse({});
const code = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof CommandError ? err.code : 'thrown';
  }
  return 'ok';
};

function withStalls(...titles: string[]): MarketRecord {
  let s = logic.start(logic.emptyMarket(), params, [], ctx());
  for (const [i, title] of titles.entries())
    s = logic.add(s, { title, ownerId: people[i]?.id ?? null, capacity: 2 }, ctx());
  return s;
}

describe('stalls', () => {
  test('[MKT1] a new market is in set-up with a 2-minute pitch; a second start replaces it', () => {
    expect(params.pitchSec).toBe(120);
    const s = withStalls('Chor');
    expect(s.market).toMatchObject({ phase: 'setup', pitchSec: 120, pitch: null });
    const again = logic.start(logic.stop(s, ctx()), params, [], ctx());
    expect(again.market!.stalls).toEqual([]);
    expect(again.market!.phase).toBe('setup');
  });

  test('[MKT2] a typed stall: owner and contact are the chosen participant; unknown owner: not_found', () => {
    const s = withStalls('Jugendaustausch');
    expect(s.market!.stalls[0]).toMatchObject({ title: 'Jugendaustausch', ownerName: 'ANA', contactName: 'ANA' });
    expect(code(() => logic.add(s, { title: 'x', ownerId: 'ghost', capacity: null }, ctx()))).toBe('not_found');
    const none = logic.add(s, { title: 'Chor', ownerId: null, capacity: null }, ctx());
    expect(none.market!.stalls[1]).toMatchObject({ ownerId: null, contactId: null, capacity: null });
  });

  test('[MKT2] the board’s top cards by dots become stalls, their authors the owners; hidden cards do not', () => {
    const cards = [
      { id: 'c1', text: 'Radtour', by: 'bo', authorName: 'BO' },
      { id: 'c2', text: 'Chor  \n Austausch', by: 'cy', authorName: 'CY' },
      { id: 'c3', text: '', by: 'dee', authorName: 'DEE', hidden: true },
      { id: 'c4', text: 'Anonym', by: '', authorName: '' },
    ];
    const top = logic.topCards(
      cards,
      new Map([
        ['c2', 3],
        ['c4', 1],
      ]),
      2,
    );
    expect(top.map((c) => c.text)).toEqual(['Chor  \n Austausch', 'Anonym']);
    const s = logic.start(logic.emptyMarket(), params, top, ctx());
    expect(s.market!.stalls.map((x) => [x.title, x.ownerId])).toEqual([
      ['Chor Austausch', 'cy'],
      ['Anonym', null],
    ]);
  });

  test('[MKT2] stalls are removed in set-up only', () => {
    const s = withStalls('A', 'B');
    const id = s.market!.stalls[0]!.id;
    expect(logic.remove(s, id).market!.stalls.map((x) => x.title)).toEqual(['B']);
    expect(code(() => logic.remove(logic.pitch(s, ctx()), id))).toBe('conflict');
    expect(code(() => logic.remove(s, 'nope'))).toBe('not_found');
  });
});

describe('pitches and the market', () => {
  test('[MKT3] each owner in turn with a deadline of pitchSec; after the last: set-up again', () => {
    let s = withStalls('A', 'B');
    expect(code(() => logic.pitch(withStalls(), ctx()))).toBe('conflict');
    s = logic.pitch(s, ctx(1_000));
    expect(s.market!.pitch).toEqual({ index: 0, startedAt: 1_000, deadline: 121_000 });
    expect(pitching(s.market)!.title).toBe('A');
    s = logic.pitch(s, ctx(50_000));
    expect(pitching(s.market)!.title).toBe('B');
    expect(s.market!.pitch!.deadline).toBe(170_000);
    s = logic.pitch(s, ctx(60_000));
    expect(s.market).toMatchObject({ phase: 'setup', pitch: null });
  });

  test('[MKT3] a pitch whose time is up moves on by itself; a press made from an older pitch changes nothing', () => {
    let s = logic.pitch(withStalls('A', 'B'), ctx(1_000));
    expect(logic.deadlineOf(s)).toBe(121_000);
    expect(logic.tick(s, ctx(120_999))).toBe(s);
    s = logic.tick(s, ctx(121_000));
    expect(s.market!.pitch).toEqual({ index: 1, startedAt: 121_000, deadline: 241_000 });
    // The moderator saw pitch 0 and pressed Next just as the time ran out: pitch 1 keeps its slot.
    expect(logic.pitch(s, ctx(121_100), 0)).toBe(s);
    expect(logic.pitch(s, ctx(121_100), 1).market!.phase).toBe('setup');
    s = logic.tick(s, ctx(241_000));
    expect(s.market).toMatchObject({ phase: 'setup', pitch: null });
    expect(logic.deadlineOf(s)).toBeNull();
    expect(logic.pitch(s, ctx(), -1).market!.pitch!.index).toBe(0);
  });

  test('[MKT4] the stalls open as rooms, one per stall with its title, owner as host and capacity', () => {
    const ready = logic.pitch(withStalls('A', 'B'), ctx());
    expect(logic.stallRooms(ready.market!)).toEqual([
      { name: 'A', hostId: 'ana', capacity: 2 },
      { name: 'B', hostId: 'bo', capacity: 2 },
    ]);
    const stallIds = ready.market!.stalls.map((x) => x.id);
    const s = logic.open(ready, { stallIds, roomIds: ['r1', 'r2'] });
    expect(s.market).toMatchObject({ phase: 'open', pitch: null });
    expect(s.market!.stalls.map((x) => x.roomId)).toEqual(['r1', 'r2']);
    expect(code(() => logic.open(s, { stallIds, roomIds: ['r1', 'r2'] }))).toBe('conflict');
    expect(code(() => logic.checkOpen(withStalls()))).toBe('conflict');
    // Another moderator added a stall while the rooms were made: no half-mapped market.
    const more = logic.add(ready, { title: 'C', ownerId: null, capacity: null }, ctx());
    expect(code(() => logic.open(more, { stallIds, roomIds: ['r1', 'r2'] }))).toBe('conflict');
  });

  test('[MKT5] "I’m in" once per stall (again: the offer changes), capacity refuses with room_full', () => {
    let s = withStalls('A');
    const id = s.market!.stalls[0]!.id;
    s = logic.signup(s, 'bo', id, 'Bus', ctx(1));
    s = logic.signup(s, 'bo', id, 'Bus und Zelt', ctx(2));
    expect(s.market!.stalls[0]!.signups).toEqual([
      { participantId: 'bo', name: 'BO', town: 'Kamen', offer: 'Bus und Zelt', at: 1 },
    ]);
    s = logic.signup(s, 'cy', id, '', ctx());
    expect(code(() => logic.signup(s, 'dee', id, '', ctx()))).toBe('room_full');
    s = logic.withdraw(s, 'bo', id);
    expect(logic.signup(s, 'dee', id, '', ctx()).market!.stalls[0]!.signups.map((x) => x.participantId)).toEqual([
      'cy',
      'dee',
    ]);
    expect(code(() => logic.signup(logic.stop(s, ctx()), 'dee', id, '', ctx()))).toBe('not_open');
  });

  test('[MKT6] notes and contact: the owner, the contact or a moderator; others: forbidden', () => {
    const s = withStalls('A');
    const stallId = s.market!.stalls[0]!.id;
    expect(code(() => logic.notes(s, { id: 'bo', moderator: false }, { stallId, notes: 'x' }, ctx()))).toBe(
      'forbidden',
    );
    const byOwner = logic.notes(s, { id: 'ana', moderator: false }, { stallId, notes: 'März', contactId: 'bo' }, ctx());
    expect(byOwner.market!.stalls[0]).toMatchObject({ notes: 'März', contactId: 'bo', contactName: 'BO' });
    const byContact = logic.notes(byOwner, { id: 'bo', moderator: false }, { stallId, notes: 'April' }, ctx());
    expect(byContact.market!.stalls[0]).toMatchObject({ notes: 'April', contactId: 'bo' });
    const byMod = logic.notes(s, { id: 'mod', moderator: true }, { stallId, notes: 'Mai' }, ctx());
    expect(byMod.market!.stalls[0]!.notes).toBe('Mai');
  });

  test('[MKT7] stop ends the market and keeps stalls, sign-ups and notes; stopping again changes nothing', () => {
    let s = withStalls('A');
    s = logic.signup(s, 'bo', s.market!.stalls[0]!.id, 'Bus', ctx());
    const ended = logic.stop(s, ctx(99));
    expect(ended.market).toMatchObject({ phase: 'ended', endedAt: 99 });
    expect(ended.market!.stalls).toEqual(s.market!.stalls);
    expect(logic.stop(ended, ctx(100))).toBe(ended);
  });
});

describe('properties (seeded random sessions)', () => {
  test('[MKT4][MKT5] one sign-up per person and stall, capacity never exceeded, stalls map 1:1 to rooms', () => {
    forSeeds(propertySeeds(20), (rng) => {
      const crowd = Array.from({ length: 2 + rng.int(15) }, (_, i) => person(`p${i}`));
      let s = logic.start(logic.emptyMarket(), params, [], ctx(0, crowd));
      const stalls = 1 + rng.int(5);
      for (let i = 0; i < stalls; i++)
        s = logic.add(
          s,
          {
            title: `S${i}`,
            ownerId: crowd[rng.int(crowd.length)]!.id,
            capacity: rng.next() < 0.2 ? null : 1 + rng.int(4),
          },
          ctx(0, crowd),
        );
      for (let step = 0; step < 80; step++) {
        const c = ctx(step, crowd);
        const who = crowd[rng.int(crowd.length)]!.id;
        const stall = s.market!.stalls[rng.int(s.market!.stalls.length)]!.id;
        const before = s;
        const roll = rng.next();
        try {
          if (roll < 0.6) s = logic.signup(s, who, stall, `offer ${step}`, c);
          else if (roll < 0.85) s = logic.withdraw(s, who, stall);
          else if (roll < 0.92) s = logic.pitch(s, c);
          else if (s.market!.phase !== 'open') {
            const stallIds = s.market!.stalls.map((x) => x.id);
            s = logic.open(s, { stallIds, roomIds: stallIds.map((x) => `room-${x}`) });
          }
        } catch (err) {
          if (!(err instanceof CommandError)) throw err;
          expect(s).toBe(before);
        }
        check(s.market!);
      }
    });
  });
});

function check(m: Market) {
  for (const stall of m.stalls) {
    const who = stall.signups.map((x) => x.participantId);
    expect(new Set(who).size).toBe(who.length);
    if (stall.capacity !== null) expect(stall.signups.length).toBeLessThanOrEqual(stall.capacity);
    if (stallFull(stall)) expect(stall.capacity).toBe(stall.signups.length);
  }
  // Stalls map 1:1 to rooms: one room per stall, and once open each stall has its own room.
  expect(logic.stallRooms(m)).toHaveLength(m.stalls.length);
  const roomIds = m.stalls.map((x) => x.roomId);
  if (m.phase === 'open') {
    expect(roomIds.every((id) => id !== null)).toBe(true);
    expect(new Set(roomIds).size).toBe(roomIds.length);
  } else expect(roomIds.every((id) => id === null)).toBe(true);
}
