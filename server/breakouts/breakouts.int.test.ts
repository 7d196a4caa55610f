/** Breakouts over real sockets on one node (memory store): open, rooms, chat per room, deadline, moves. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { roomLabel } from '../../shared/breakouts/room-label.js';
import { PLENARY, type BreakoutView } from '../../shared/breakouts/schema.js';
import {
  closeAllClients,
  connectClient,
  ok,
  recordEvents,
  request,
  settled,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { joinAs, resumeInput, workshopWith, type Person } from '../../test/workshop-helpers.js';
import { roundEndAfter, roundEnds } from './test-rounds.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

/** A moderator, four people from two towns, and two named rooms. */
async function fourInTwoRooms() {
  const { code, moderator, people } = await workshopWith(server.url);
  const towns = ['Kamen', 'Kamen', 'Wołów', 'Wołów'];
  for (const [i, town] of towns.entries())
    people.push(await joinAs(server.url, code, { name: `P${i}`, town, languages: i % 2 ? ['de'] : ['fr'] }));
  let view = await ok(moderator.socket, 'breakout:sync', {});
  view = await ok(moderator.socket, 'breakout:rooms', {
    version: view.version,
    rooms: [{ name: 'Salon' }, { name: 'Küche' }],
  });
  return { code, moderator, people, view };
}

const roomOf = (view: BreakoutView, p: Person) => view.plan[p.id];

describe('breakouts', () => {
  test('[BR1][BR14] random rooms of two mix towns; opening moves everyone and tells each person their room', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 7 });
    const roomIds = assigned.rooms.map((r) => r.id);
    for (const room of roomIds) {
      const members = people.filter((p) => roomOf(assigned, p) === room);
      expect(members).toHaveLength(2);
      expect(new Set(members.map((p) => p.snapshot.self.town)).size).toBe(2);
    }
    const moved = people.map((p) =>
      waitFor(p.socket, 'breakout:moved', (e) => e.moves.some((m) => m.participantId === p.id)),
    );
    const opened = await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    expect(opened.status).toBe('open');
    expect(opened.round).toMatchObject({ index: 0, total: 1, durationMs: 60_000 });
    for (const [i, p] of people.entries()) {
      const event = await moved[i]!;
      expect(event.moves.find((m) => m.participantId === p.id)?.roomId).toBe(roomOf(assigned, p));
      expect(await ok(p.socket, 'breakout:ack', { roomId: roomOf(assigned, p)! })).toEqual({
        roomId: roomOf(assigned, p),
      });
    }
    // [BR21] A participant's own answer carries their own room only; the moderator's the whole plan.
    const again = await ok(people[0]!.socket, 'breakout:sync', {});
    expect(again.plan).toEqual({ [people[0]!.id]: roomOf(assigned, people[0]!) });
    expect(again.rooms).toEqual(opened.rooms);
    expect((await ok(moderator.socket, 'breakout:sync', {})).plan).toEqual(opened.plan);
  });

  test('[BR20] chat is per room: room-mates hear each other, the other room does not; history per room', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 3 });
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const [a, ...rest] = people;
    const mate = rest.find((p) => roomOf(assigned, p) === roomOf(assigned, a!))!;
    const others = rest.filter((p) => p !== mate);
    const elsewhere = others.map((p) => recordEvents(p.socket));
    const atMate = waitFor(mate.socket, 'chat:message');
    const sent = await ok(a!.socket, 'chat:send', { text: 'Nur für unseren Raum' });
    expect(sent.roomId).toBe(roomOf(assigned, a!));
    expect(await atMate).toEqual(sent);
    for (const p of others) await settled(p.socket);
    for (const seen of elsewhere) expect(seen.filter((e) => e.event === 'chat:message')).toEqual([]);
    expect(await ok(mate.socket, 'chat:history', {})).toEqual([sent]);
    expect(await ok(others[0]!.socket, 'chat:history', {})).toEqual([]);
    // Still running: someone of the other room cannot read it; the moderator can.
    expect(await request(others[0]!.socket, 'breakout:room-chat', { roomId: sent.roomId })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await ok(moderator.socket, 'breakout:room-chat', { roomId: sent.roomId })).toEqual([sent]);

    await ok(moderator.socket, 'breakout:close', {});
    // [BR20] Once closed, the room's chat is readable from the plenary; the plenary chat is its own again.
    expect(await ok(others[0]!.socket, 'breakout:room-chat', { roomId: sent.roomId })).toEqual([sent]);
    expect(await ok(a!.socket, 'chat:history', {})).toEqual([]);

    // [BR25] Opening the same rooms again: a fresh chat and board for each, the old ones stay archived.
    const again = await ok(moderator.socket, 'breakout:open', {
      version: (await ok(moderator.socket, 'breakout:sync', {})).version,
      durationMs: 60_000,
    });
    expect(again.rooms.map((r) => r.name)).toEqual(assigned.rooms.map((r) => r.name));
    expect(again.plan[a!.id]).not.toBe(sent.roomId);
    expect(await ok(a!.socket, 'chat:history', {})).toEqual([]);
    expect(await ok(mate.socket, 'chat:history', {})).toEqual([]);
    const boards = (await ok(moderator.socket, 'board:list', {})).boards;
    const closedAt = (roomId: string) => boards.find((b) => b.roomId === roomId)?.closedAt ?? null;
    expect(again.rooms.map((r) => closedAt(r.id))).toEqual([null, null]);
    expect(closedAt(sent.roomId!)).toEqual(expect.any(Number));
  });

  test('[BR15] at the deadline everyone is back in the plenary, once, with round-ended', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 1 });
    const seen = recordEvents(people[0]!.socket);
    const ended = waitFor(people[0]!.socket, 'breakout:round-ended');
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 1_000 });
    expect(await ended).toEqual({ index: 0, total: 1, next: 'plenary', by: 'deadline' });
    const after = await ok(people[0]!.socket, 'breakout:sync', {});
    expect(after).toMatchObject({ status: 'closed', round: null, roundsEnded: 1 });
    expect(after.archive.map((a) => a.id).sort()).toEqual(assigned.rooms.map((r) => r.id).sort());
    const back = await ok(people[1]!.socket, 'workshop:resume', resumeInput(people[1]!));
    expect(back.participants.filter((p) => p.roomId !== PLENARY)).toEqual([]);
    // Rounds end on the ticker's later passes: a second round, ended by a later pass, is the marker.
    // A repeated end of the first round would have come before it.
    const reopened = await ok(moderator.socket, 'breakout:open', { version: after.version, durationMs: 1_000 });
    await roundEndAfter(seen, reopened.version);
    expect(roundEnds(seen)).toEqual([
      { index: 0, total: 1, next: 'plenary', by: 'deadline' },
      { index: 0, total: 1, next: 'plenary', by: 'deadline' },
    ]);
  });

  test('[BR22] each open room has a board under its name; when rooms close, the plenary sees those boards as closed', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 2 });
    const ended = waitFor(people[0]!.socket, 'breakout:round-ended');
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 1_000 });
    const open = await ok(people[0]!.socket, 'board:list', {});
    const labels = (list: typeof open) => Object.fromEntries(list.boards.map((b) => [b.roomId, b.label]));
    expect(labels(open)).toMatchObject(Object.fromEntries(assigned.rooms.map((r) => [r.id, r.name])));
    expect(open.boards.filter((b) => b.closedAt !== null && b.closedAt !== undefined)).toEqual([]);
    await ended;
    const closed = await ok(moderator.socket, 'board:list', {});
    const roomIds = new Set(assigned.rooms.map((r) => r.id));
    const breakoutBoards = closed.boards.filter((b) => roomIds.has(b.roomId));
    expect(breakoutBoards).toHaveLength(2);
    for (const b of breakoutBoards) expect(b.closedAt).toEqual(expect.any(Number));
  });

  test('[BR6] a late joiner goes to the smallest room; a reconnecting participant returns to their room', async () => {
    const { code, moderator, people, view } = await fourInTwoRooms();
    const rooms = view.rooms.map((r) => r.id);
    // By hand: three in the first room, one in the second.
    let v = view;
    for (const [i, p] of people.entries())
      v = await ok(moderator.socket, 'breakout:move', { participantId: p.id, roomId: rooms[i === 3 ? 1 : 0]! });
    v = await ok(moderator.socket, 'breakout:open', { version: v.version, durationMs: 60_000 });
    const late = await joinAs(server.url, code, { name: 'Late', town: 'Lyon' });
    const synced = await ok(late.socket, 'breakout:sync', {});
    expect(synced.plan[late.id]).toBe(rooms[1]);

    // Dropped mid-move: the move lands in the store; the resumed socket is in the new room.
    people[0]!.socket.disconnect();
    await ok(moderator.socket, 'breakout:move', { participantId: people[0]!.id, roomId: rooms[1]! });
    const resumed = await connectClient(server.url);
    const snapshot = await ok(resumed, 'workshop:resume', resumeInput(people[0]!));
    expect(snapshot.self.roomId).toBe(rooms[1]);
    const atLate = waitFor(late.socket, 'chat:message');
    await ok(resumed, 'chat:send', { text: 'wieder da' });
    expect((await atLate).text).toBe('wieder da');
  });

  test('[BR17][BR18] help requests show the room; a moderator visit answers them and moves only the moderator', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 5 });
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const helpSeen = waitFor(moderator.socket, 'breakout:updated', (v) => v.help.length === 1);
    await ok(people[2]!.socket, 'breakout:help', {});
    const withHelp = await helpSeen;
    expect(withHelp.help[0]).toMatchObject({ participantId: people[2]!.id, roomId: roomOf(assigned, people[2]!) });
    const visited = await ok(moderator.socket, 'breakout:visit', { roomId: roomOf(assigned, people[2]!)! });
    expect(visited.help).toEqual([]);
    const atPerson = waitFor(people[2]!.socket, 'chat:message');
    await ok(moderator.socket, 'chat:send', { text: 'Ich bin da' });
    expect((await atPerson).text).toBe('Ich bin da');
    const back = await ok(moderator.socket, 'breakout:visit', { roomId: PLENARY });
    expect(back.plan).toEqual(visited.plan);
  });

  test('[BR16] extend moves the deadline; broadcast reaches every room', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 9 });
    const opened = await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const extended = await ok(moderator.socket, 'breakout:extend', { ms: 120_000 });
    expect(extended.round!.deadline).toBe(opened.round!.deadline + 120_000);
    const heard = people.map((p) => waitFor(p.socket, 'breakout:broadcasted'));
    const sent = await ok(moderator.socket, 'breakout:broadcast', { text: 'Noch 5 Minuten' });
    for (const h of heard) expect(await h).toEqual(sent);
    expect(await request(people[0]!.socket, 'breakout:broadcast', { text: 'me too' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  test('[BR23] the latest broadcast is kept while open: a resumed client and a late joiner get it from sync; closing clears it', async () => {
    const { code, moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 9 });
    await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    await ok(moderator.socket, 'breakout:broadcast', { text: 'Noch 10 Minuten' });
    const latest = await ok(moderator.socket, 'breakout:broadcast', { text: 'Noch 5 Minuten' });

    // Gone while it was sent: the event is missed, the resumed client's sync carries it.
    people[0]!.socket.disconnect();
    const resumed = await connectClient(server.url);
    await ok(resumed, 'workshop:resume', resumeInput(people[0]!));
    const synced = await ok(resumed, 'breakout:sync', {});
    expect(synced.broadcast).toEqual(latest);
    expect(synced.plan).toEqual({ [people[0]!.id]: roomOf(assigned, people[0]!) });
    const late = await joinAs(server.url, code, { name: 'Late', town: 'Lyon' });
    expect((await ok(late.socket, 'breakout:sync', {})).broadcast).toEqual(latest);
    expect((await ok(moderator.socket, 'breakout:sync', {})).broadcast).toEqual(latest);

    expect((await ok(moderator.socket, 'breakout:close', {})).broadcast).toBeNull();
    expect((await ok(resumed, 'breakout:sync', {})).broadcast).toBeNull();
    // With no rooms open a broadcast is only sent, not kept.
    await ok(moderator.socket, 'breakout:broadcast', { text: 'Pause' });
    expect((await ok(resumed, 'breakout:sync', {})).broadcast).toBeNull();
  });

  test('[BR12] a plan made against an old version is refused with conflict', async () => {
    const { moderator, view } = await fourInTwoRooms();
    const first = await request(moderator.socket, 'breakout:assign', {
      version: view.version,
      mode: 'random',
      seed: 1,
    });
    const second = await request(moderator.socket, 'breakout:assign', {
      version: view.version,
      mode: 'random',
      seed: 2,
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('[BR19] people choose rooms up to the capacity; the others choose once the rooms are open', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const chosen = await ok(moderator.socket, 'breakout:assign', {
      version: view.version,
      mode: 'choose',
      capacity: 2,
    });
    expect(chosen.rooms.map((r) => r.capacity)).toEqual([2, 2]);
    expect(chosen.plan).toEqual({});
    const [salon] = chosen.rooms.map((r) => r.id);
    const moved = waitFor(people[0]!.socket, 'breakout:moved', (e) =>
      e.moves.some((m) => m.participantId === people[1]!.id),
    );
    await ok(people[0]!.socket, 'breakout:choose', { roomId: salon! });
    await ok(people[1]!.socket, 'breakout:choose', { roomId: salon! });
    expect(await request(people[2]!.socket, 'breakout:choose', { roomId: salon! })).toMatchObject({
      ok: false,
      code: 'room_full',
    });
    // Chosen before opening: opening moves them; the others stay in the plenary to choose now.
    const opened = await ok(moderator.socket, 'breakout:open', {
      version: (await ok(moderator.socket, 'breakout:sync', {})).version,
      durationMs: 60_000,
    });
    expect((await moved).moves.find((m) => m.participantId === people[1]!.id)?.roomId).toBe(salon);
    expect(people.map((p) => opened.plan[p.id])).toEqual([salon, salon, undefined, undefined]);
    expect((await ok(people[2]!.socket, 'breakout:sync', {})).plan).toEqual({}); // not placed automatically
    const inRoom = waitFor(people[2]!.socket, 'breakout:moved', (e) =>
      e.moves.some((m) => m.participantId === people[2]!.id),
    );
    await ok(people[2]!.socket, 'breakout:choose', { roomId: chosen.rooms[1]!.id });
    expect((await inRoom).moves).toEqual([{ participantId: people[2]!.id, roomId: chosen.rooms[1]!.id }]);
    expect(await request(people[3]!.socket, 'breakout:choose', { roomId: salon! })).toMatchObject({
      ok: false,
      code: 'room_full',
    });
    // New rooms (by language) cannot be made while these are open.
    expect(
      await request(moderator.socket, 'breakout:assign', {
        version: (await ok(moderator.socket, 'breakout:sync', {})).version,
        mode: 'tandem',
        languages: ['de', 'fr'],
      }),
    ).toMatchObject({ ok: false, code: 'already_open' });
  });

  test('[BR4] tandem pairs by language make a room per pair, each with both languages', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const pairs = await ok(moderator.socket, 'breakout:assign', {
      version: view.version,
      mode: 'tandem',
      languages: ['de', 'fr'],
      seed: 3,
    });
    expect(pairs.rooms).toHaveLength(2);
    for (const room of pairs.rooms) {
      expect(room.languages).toEqual(['de', 'fr']);
      const members = people.filter((p) => pairs.plan[p.id] === room.id);
      expect(members.flatMap((p) => p.snapshot.self.languages).sort()).toEqual(['de', 'fr']);
    }
    expect(
      await request(moderator.socket, 'breakout:assign', { version: pairs.version, mode: 'tandem', languages: ['de'] }),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

describe('[BR26] renaming and closing one room while the rooms run', () => {
  test('a room is renamed live; a closed room sends its people back with a notice, the others keep running', async () => {
    const { moderator, people, view } = await fourInTwoRooms();
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 7 });
    const opened = await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const [salon, kueche] = opened.rooms;
    // Renamed while open: same ids, nobody moves.
    const renamed = await ok(moderator.socket, 'breakout:rooms', {
      version: opened.version,
      rooms: [
        { id: salon!.id, name: 'Salon bleu' },
        { id: kueche!.id, name: kueche!.name },
      ],
    });
    expect(renamed.rooms.map((r) => [r.id, r.name])).toEqual([
      [salon!.id, 'Salon bleu'],
      [kueche!.id, 'Küche'],
    ]);
    expect(renamed.status).toBe('open');

    const inSalon = people.filter((p) => renamed.plan[p.id] === salon!.id);
    const inKueche = people.filter((p) => renamed.plan[p.id] === kueche!.id);
    expect(inSalon).toHaveLength(2);
    const notices = inSalon.map((p) => waitFor(p.socket, 'breakout:room-closed'));
    const others = inKueche.map((p) => recordEvents(p.socket));
    const closed = await ok(moderator.socket, 'breakout:closeRoom', { roomId: salon!.id });
    expect(closed.status).toBe('open');
    expect(closed.rooms.map((r) => r.id)).toEqual([kueche!.id]);
    expect(closed.archive).toEqual([expect.objectContaining({ id: salon!.id, name: 'Salon bleu' })]);
    expect(await Promise.all(notices)).toEqual(inSalon.map(() => ({ roomId: salon!.id })));
    const sync = await ok(moderator.socket, 'participant:sync', {});
    const roomNow = (p: Person) => sync.participants.find((q) => q.id === p.id)!.roomId;
    expect(inSalon.map(roomNow)).toEqual([PLENARY, PLENARY]);
    expect(inKueche.map(roomNow)).toEqual([kueche!.id, kueche!.id]);
    for (const p of inKueche) await settled(p.socket);
    expect(others.flat().filter((e) => e.event === 'breakout:room-closed')).toEqual([]);

    // Closed rooms, unknown rooms and rooms that are not running are refused.
    expect(await request(moderator.socket, 'breakout:closeRoom', { roomId: salon!.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await request(people[0]!.socket, 'breakout:closeRoom', { roomId: kueche!.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await ok(moderator.socket, 'breakout:close', {});
    expect(await request(moderator.socket, 'breakout:closeRoom', { roomId: kueche!.id })).toMatchObject({
      ok: false,
      code: 'not_open',
    });
  });

  test('[BR24] an unnamed room closed alone keeps its number, and so do the rooms still running', async () => {
    const { moderator, view } = await fourInTwoRooms();
    const words = { plenary: 'Plenary', roomN: (n: number) => `Room ${n}` };
    const three = await ok(moderator.socket, 'breakout:rooms', {
      version: view.version,
      rooms: [{ name: '' }, { name: '' }, { name: '' }],
    });
    const assigned = await ok(moderator.socket, 'breakout:assign', { version: three.version, mode: 'random', seed: 3 });
    const opened = await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
    const [one, two, three_] = opened.rooms.map((r) => r.id) as [string, string, string];
    const label = (v: BreakoutView, id: string) => roomLabel(id, v, words);
    expect([one, two, three_].map((id) => label(opened, id))).toEqual(['Room 1', 'Room 2', 'Room 3']);

    // Room 2 closes alone: in the archive it is still Room 2, and Room 3 does not become Room 2.
    let now = await ok(moderator.socket, 'breakout:closeRoom', { roomId: two });
    expect([one, two, three_].map((id) => label(now, id))).toEqual(['Room 1', 'Room 2', 'Room 3']);
    // A room added while they run comes after them; renaming one changes nobody's number.
    now = await ok(moderator.socket, 'breakout:rooms', {
      version: now.version,
      rooms: [{ id: one, name: '' }, { id: three_, name: 'Salon' }, { name: '' }],
    });
    const added = now.rooms[2]!.id;
    expect([one, three_, added].map((id) => label(now, id))).toEqual(['Room 1', 'Salon', 'Room 4']);

    // Everyone is called back: the archive names every room as people saw it.
    now = await ok(moderator.socket, 'breakout:close', {});
    expect([one, two, three_, added].map((id) => label(now, id))).toEqual(['Room 1', 'Room 2', 'Salon', 'Room 4']);
    // The rooms prepared for the next opening are numbered afresh by their place.
    expect(now.rooms.map((r) => label(now, r.id))).toEqual(['Room 1', 'Salon', 'Room 3']);
  });

  test('during a rotation a single room cannot be closed', async () => {
    const { moderator, view } = await fourInTwoRooms();
    const rotating = await ok(moderator.socket, 'breakout:rotate', {
      version: view.version,
      kind: 'reception',
      rounds: 2,
      durationMs: 60_000,
    });
    expect(await request(moderator.socket, 'breakout:closeRoom', { roomId: rotating.rooms[0]!.id })).toMatchObject({
      ok: false,
      code: 'in_rotation',
    });
  });
});
