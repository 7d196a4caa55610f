/** Polls over real sockets on one node: the protocol, refusals, who receives results, the throttle. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PLENARY } from '../../shared/breakouts/schema.js';
import type { PollTally } from '../../shared/polls/schema.js';
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
import { joinAs, resumeInput, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

const tallies = (seen: ReturnType<typeof recordEvents>) =>
  seen.filter((e) => e.event === 'poll:tallied').map((e) => e.arg as PollTally);

describe('polls', () => {
  test('[POLL3] a moderator prepares a draft that only moderators see, then launches it to everyone', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const anaSees = recordEvents(ana.socket);
    const draft = await ok(moderator.socket, 'poll:create', {
      question: 'Wohin fahren wir?',
      kind: 'single',
      options: ['Lyon', 'Łódź'],
    });
    expect(draft).toMatchObject({
      status: 'draft',
      options: [
        { id: 'o1', label: 'Lyon' },
        { id: 'o2', label: 'Łódź' },
      ],
    });
    expect(await request(ana.socket, 'poll:create', { question: 'Ich auch?', kind: 'yesno' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await ok(ana.socket, 'poll:sync', {})).polls).toEqual([]);
    expect(await request(ana.socket, 'poll:vote', { pollId: draft.id, choices: ['o1'] })).toMatchObject({
      ok: false,
      code: 'poll_closed',
    });

    const launched = waitFor(ana.socket, 'poll:updated', (p) => p.status === 'open');
    await ok(moderator.socket, 'poll:launch', { pollId: draft.id });
    expect(await launched).toMatchObject({ id: draft.id, rooms: ['plenary'] });
    expect(anaSees.filter((e) => e.event === 'poll:updated')).toHaveLength(1); // never the draft
    expect(
      await request(moderator.socket, 'poll:update', { pollId: draft.id, question: 'Anders?', kind: 'yesno' }),
    ).toMatchObject({ ok: false, code: 'conflict' });
  });

  test('[POLL4] one vote per participant: re-vote replaces, a duplicate is unchanged, refusals are clear', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!.socket;
    const poll = await ok(moderator.socket, 'poll:create', {
      question: 'Was?',
      kind: 'multiple',
      options: ['a', 'b', 'c'],
      maxSelections: 2,
    });
    await ok(moderator.socket, 'poll:launch', { pollId: poll.id });
    expect((await ok(ana, 'poll:vote', { pollId: poll.id, choices: ['o1'] })).outcome).toBe('recorded');
    expect((await ok(ana, 'poll:vote', { pollId: poll.id, choices: ['o1'] })).outcome).toBe('unchanged');
    expect((await ok(ana, 'poll:vote', { pollId: poll.id, choices: ['o3', 'o2'] })).vote.choices).toEqual(['o2', 'o3']);
    expect(await request(ana, 'poll:vote', { pollId: poll.id, choices: ['o1', 'o2', 'o3'] })).toMatchObject({
      ok: false,
      code: 'invalid_choice',
    });
    expect(await request(ana, 'poll:vote', { pollId: poll.id, choices: ['zz'] })).toMatchObject({
      ok: false,
      code: 'invalid_choice',
    });
    expect(await request(ana, 'poll:vote', { pollId: 'nope', choices: ['o1'] })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect((await ok(moderator.socket, 'poll:vote', { pollId: poll.id, choices: ['o1'] })).outcome).toBe('recorded'); // the moderator votes too
    const closed = await ok(moderator.socket, 'poll:close', { pollId: poll.id });
    expect(closed.status).toBe('closed');
    expect(await request(ana, 'poll:vote', { pollId: poll.id, choices: ['o1'] })).toMatchObject({
      ok: false,
      code: 'poll_closed',
    });
    const sync = await ok(ana, 'poll:sync', {});
    expect(sync.myVotes).toEqual([expect.objectContaining({ pollId: poll.id, choices: ['o2', 'o3'] })]);
    expect(sync.tallies[0]?.total).toMatchObject({ voters: 2, counts: { o1: 1, o2: 1, o3: 1 } });
  });

  test('[POLL6] hidden-until-closed results reach only moderators; after-voting results only voters', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const hidden = await ok(moderator.socket, 'poll:create', {
      question: 'Geheim?',
      kind: 'yesno',
      visibility: 'closed',
    });
    await ok(moderator.socket, 'poll:launch', { pollId: hidden.id });
    const anaSeen = recordEvents(ana.socket);
    const modTally = waitFor(moderator.socket, 'poll:tallied', (t) => t.pollId === hidden.id && t.total.voters === 1);
    await ok(ana.socket, 'poll:vote', { pollId: hidden.id, choices: ['yes'] });
    await modTally;
    // One emit carries a tally to everyone it is for: once the moderator has it, a round trip on Ana's socket
    // brings anything that emit sent her.
    await settled(ana.socket);
    expect(tallies(anaSeen)).toEqual([]);
    expect((await ok(ana.socket, 'poll:sync', {})).tallies).toEqual([]);
    const atClose = waitFor(ana.socket, 'poll:tallied', (t) => t.pollId === hidden.id);
    await ok(moderator.socket, 'poll:close', { pollId: hidden.id });
    expect((await atClose).total.counts).toMatchObject({ yes: 1, no: 0 });

    const afterVote = await ok(moderator.socket, 'poll:create', {
      question: 'Danach?',
      kind: 'yesno',
      visibility: 'voted',
    });
    await ok(moderator.socket, 'poll:launch', { pollId: afterVote.id });
    const benSeen = recordEvents(ben.socket);
    const anaGets = waitFor(ana.socket, 'poll:tallied', (t) => t.pollId === afterVote.id);
    await ok(ana.socket, 'poll:vote', { pollId: afterVote.id, choices: ['no'] });
    expect((await anaGets).total.voters).toBe(1);
    await settled(ben.socket);
    expect(tallies(benSeen).filter((t) => t.pollId === afterVote.id)).toEqual([]);
  });

  test('[POLL6] a quiz whose visibility is not chosen shows its results after closing; another poll live', async () => {
    const { moderator } = await workshopWith(server.url, 'Ana');
    const quiz = await ok(moderator.socket, 'poll:create', {
      question: 'Wie alt ist die Partnerschaft?',
      kind: 'single',
      options: ['10 Jahre', '30 Jahre'],
      anonymous: false,
      quiz: { correct: ['o2'] },
    });
    expect(quiz.visibility).toBe('closed');
    const plain = await ok(moderator.socket, 'poll:create', { question: 'Noch Kaffee?', kind: 'yesno' });
    expect(plain.visibility).toBe('live');
    // A moderator who chooses live results for a quiz gets them.
    const chosen = await ok(moderator.socket, 'poll:create', {
      question: 'Und jetzt?',
      kind: 'yesno',
      anonymous: false,
      quiz: { correct: ['yes'] },
      visibility: 'live',
    });
    expect(chosen.visibility).toBe('live');
  });

  test('[POLL3][POLL4][POLL6] a poll in every breakout room: room members vote, the plenary cannot; once the rooms close everyone gets the results', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben, cleo] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    let view = await ok(moderator.socket, 'breakout:sync', {});
    view = await ok(moderator.socket, 'breakout:rooms', {
      version: view.version,
      rooms: [{ name: 'Salon' }, { name: 'Küche' }],
    });
    const poll = await ok(moderator.socket, 'poll:create', {
      question: 'Wie war es?',
      kind: 'yesno',
      visibility: 'closed',
    });
    const quiz = await ok(moderator.socket, 'poll:create', {
      question: 'Hauptstadt?',
      kind: 'single',
      options: ['Paris', 'Lyon'],
      anonymous: false,
      quiz: { correct: ['o1'], series: 'Raum' },
    });
    // Rooms exist but are not open: a launch into them is refused, the plenary is fine.
    const roomIds = view.rooms.map((r) => r.id);
    expect(await request(moderator.socket, 'poll:launch', { pollId: poll.id, roomIds })).toMatchObject({
      ok: false,
      code: 'not_found',
    });

    view = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 7 });
    view = await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 60_000 });
    await ok(moderator.socket, 'breakout:move', { participantId: cleo.id, roomId: PLENARY });
    const roomA = (await ok(moderator.socket, 'breakout:sync', {})).plan[ana.id]!;
    expect(roomIds).toContain(roomA);
    expect(
      await request(moderator.socket, 'poll:launch', { pollId: poll.id, roomIds: [...roomIds, 'rNoSuchRoom'] }),
    ).toMatchObject({ ok: false, code: 'not_found' });

    expect((await ok(moderator.socket, 'poll:launch', { pollId: poll.id, roomIds })).rooms).toEqual(roomIds);
    await ok(moderator.socket, 'poll:launch', { pollId: quiz.id, roomIds });
    expect((await ok(ana.socket, 'poll:vote', { pollId: poll.id, choices: ['yes'] })).outcome).toBe('recorded');
    expect((await ok(ben.socket, 'poll:vote', { pollId: poll.id, choices: ['no'] })).outcome).toBe('recorded');
    await ok(ana.socket, 'poll:vote', { pollId: quiz.id, choices: ['o1'] });
    expect(await request(cleo.socket, 'poll:vote', { pollId: poll.id, choices: ['yes'] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    await ok(moderator.socket, 'breakout:close', {});
    const everyone = [ana, ben, cleo];
    const results = everyone.map((p) => waitFor(p.socket, 'poll:tallied', (t) => t.pollId === poll.id));
    const boards = everyone.map((p) => waitFor(p.socket, 'poll:scored', (l) => l.series === 'Raum'));
    await ok(moderator.socket, 'poll:close', { pollId: poll.id });
    await ok(moderator.socket, 'poll:close', { pollId: quiz.id });
    await ok(moderator.socket, 'poll:reveal', { pollId: quiz.id });
    for (const result of results) {
      const tally = await result;
      expect(tally.total).toMatchObject({ voters: 2, counts: { yes: 1, no: 1 } });
      expect(Object.keys(tally.byRoom).sort()).toEqual([...new Set([view.plan[ana.id], view.plan[ben.id]])].sort());
      // An anonymous poll's results carry no names or ids.
      expect(JSON.stringify(tally)).not.toMatch(/Ana|Ben|Cleo/);
      expect(JSON.stringify(tally)).not.toContain(ana.id);
    }
    // The quiz is not anonymous: its leaderboard names the players, for everyone.
    for (const board of boards)
      expect((await board).people).toEqual([expect.objectContaining({ name: 'Ana', points: 1 })]);
    const late = await ok(cleo.socket, 'poll:sync', {});
    expect(late.polls.map((p) => p.id).sort()).toEqual([poll.id, quiz.id].sort());
    expect(late.tallies.find((t) => t.pollId === poll.id)?.total.voters).toBe(2);
    // [POLL10] The export names the (now closed) rooms, never their ids.
    const { csv } = await ok(moderator.socket, 'poll:export', { locale: 'en' });
    const named = new Map(view.rooms.map((r) => [r.id, r.name]));
    expect(csv).toContain(`"${named.get(roomA)}"`);
    for (const id of roomIds) expect(csv).not.toContain(id);
    // Rooms are closed now: a new poll can go to the plenary only.
    const after = await ok(moderator.socket, 'poll:create', { question: 'Und jetzt?', kind: 'yesno' });
    expect(await request(moderator.socket, 'poll:launch', { pollId: after.id, roomIds })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect((await ok(moderator.socket, 'poll:launch', { pollId: after.id, roomIds: [PLENARY] })).rooms).toEqual([
      PLENARY,
    ]);
  });

  test('[POLL11] a reconnect keeps the vote: the resumed client syncs it back, selected', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const poll = await ok(moderator.socket, 'poll:create', {
      question: 'Skala?',
      kind: 'scale',
      scaleMax: 10,
      visibility: 'voted',
    });
    await ok(moderator.socket, 'poll:launch', { pollId: poll.id });
    await ok(ana.socket, 'poll:vote', { pollId: poll.id, choices: ['7'] });
    ana.socket.io.engine.close();
    const again = await connectClient(server.url);
    await ok(again, 'workshop:resume', resumeInput(ana));
    const sync = await ok(again, 'poll:sync', {});
    expect(sync.myVotes).toEqual([expect.objectContaining({ pollId: poll.id, choices: ['7'] })]);
    expect(sync.tallies[0]?.total.mean).toBe(7);
    // Back in the voters' room: later tallies reach the resumed socket.
    const next = waitFor(again, 'poll:tallied', (t) => t.total.voters === 2);
    await ok(moderator.socket, 'poll:vote', { pollId: poll.id, choices: ['3'] });
    expect((await next).total.mean).toBe(5);
  });

  test('[POLL12] tallies are throttled to about ten a second and the last one has every vote', async () => {
    const { moderator, people } = await workshopWith(server.url, ...Array.from({ length: 40 }, (_, i) => `P${i}`));
    const poll = await ok(moderator.socket, 'poll:create', { question: 'Schnell?', kind: 'yesno' });
    await ok(moderator.socket, 'poll:launch', { pollId: poll.id });
    const seen = recordEvents(moderator.socket);
    const started = Date.now();
    const final = waitFor(moderator.socket, 'poll:tallied', (t) => t.total.voters === 40, 20_000);
    // One vote after the other, each as soon as the previous one is acknowledged: a stream far faster than
    // ten a second, with no pause the test chose.
    for (const [i, p] of people.entries())
      await ok(p.socket, 'poll:vote', { pollId: poll.id, choices: [i % 2 ? 'yes' : 'no'] });
    // Every vote is acknowledged: the trailing tally with all of them must follow.
    await final;
    // The throttle runs on real timers by design. A later vote of the moderator goes the same way; once its
    // tally is here, any tally the throttle still had pending for the 40 votes has arrived before it.
    const marker = waitFor(moderator.socket, 'poll:tallied', (t) => t.total.voters === 41);
    await ok(moderator.socket, 'poll:vote', { pollId: poll.id, choices: ['yes'] });
    await marker;
    const elapsed = Date.now() - started;
    const got = tallies(seen).slice(0, -1);
    expect(tallies(seen).at(-1)!.total.voters).toBe(41);
    expect(got.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    expect(got.length).toBeGreaterThanOrEqual(2);
    expect(got.at(-1)!.total).toMatchObject({ voters: 40, counts: { yes: 20, no: 20 } });
    expect(got.map((t) => t.rev)).toEqual([...got.map((t) => t.rev)].sort((a, b) => a - b));
  });

  test('[POLL9] a quiz of two timed questions: late votes are refused, the leaderboard counts revealed answers', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const quiz = {
      kind: 'single' as const,
      options: ['1226', '1873'],
      anonymous: false,
      quiz: { correct: ['o1'], timeLimitSec: 5, series: 'Rallye', scoring: 'person' as const },
    };
    const q1 = await ok(moderator.socket, 'poll:create', {
      question: 'Wann wurde Łódź Stadt?',
      ...quiz,
      options: ['1423', '1900'],
    });
    const q2 = await ok(moderator.socket, 'poll:create', { question: 'Seit wann ist Kamen Stadt?', ...quiz });
    const launched = await ok(moderator.socket, 'poll:launch', { pollId: q1.id });
    expect(launched.deadline! - launched.openedAt!).toBe(5000);
    const anaView = (await ok(ana.socket, 'poll:sync', {})).polls[0]!;
    expect(anaView.quiz?.correct).toBeNull();
    await ok(ana.socket, 'poll:vote', { pollId: q1.id, choices: ['o1'] });
    await ok(ben.socket, 'poll:vote', { pollId: q1.id, choices: ['o2'] });
    const scored = waitFor(ana.socket, 'poll:scored');
    const revealed = waitFor(ana.socket, 'poll:updated', (p) => p.id === q1.id && p.revealed);
    await ok(moderator.socket, 'poll:reveal', { pollId: q1.id });
    expect((await revealed).quiz?.correct).toEqual(['o1']);
    expect((await scored).people.map((p) => [p.name, p.points])).toEqual([
      ['Ana', 1],
      ['Ben', 0],
    ]);

    await ok(moderator.socket, 'poll:launch', { pollId: q2.id });
    await ok(ben.socket, 'poll:vote', { pollId: q2.id, choices: ['o1'] });
    await ok(ana.socket, 'poll:vote', { pollId: q2.id, choices: ['o1'] });
    const board = waitFor(ben.socket, 'poll:scored');
    await ok(moderator.socket, 'poll:reveal', { pollId: q2.id });
    expect((await board).people.map((p) => [p.name, p.points])).toEqual([
      ['Ana', 2],
      ['Ben', 1],
    ]);
    expect((await ok(ben.socket, 'poll:leaderboard', { series: 'Rallye' })).towns).toEqual([
      { town: 'Lyon', points: 3, players: 2 },
    ]);
  });

  test('[POLL10] the export has counts per option and names only for named polls', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const secret = await ok(moderator.socket, 'poll:create', { question: 'Anonym?', kind: 'yesno', anonymous: true });
    const named = await ok(moderator.socket, 'poll:create', {
      question: 'Namentlich?',
      kind: 'yesno',
      anonymous: false,
    });
    for (const p of [secret, named]) {
      await ok(moderator.socket, 'poll:launch', { pollId: p.id });
      await ok(people[0]!.socket, 'poll:vote', { pollId: p.id, choices: ['yes'] });
    }
    expect(await request(people[0]!.socket, 'poll:export', {})).toMatchObject({ ok: false, code: 'forbidden' });
    const { csv, filename } = await ok(moderator.socket, 'poll:export', { locale: 'en' });
    expect(filename).toMatch(/^polls-[A-Z0-9]{6}-\d{4}-\d\d-\d\d\.csv$/);
    const rows = csv.split('\r\n');
    expect(rows.filter((r) => r.includes('Ana'))).toEqual([
      '"2","Namentlich?","Yes / no / abstain","Plenary","","","","","","Ana","Lyon","Yes"',
    ]);
    expect(rows.filter((r) => r.startsWith('"1"')).join()).not.toContain('Ana');
    // An Italian or Dutch moderator downloads the export in their interface language.
    const italian = (await ok(moderator.socket, 'poll:export', { locale: 'it' })).csv.split('\r\n');
    expect(italian[0]).toMatch(/^\uFEFF"Sondaggio","Domanda"/);
    expect(italian).toContain('"2","Namentlich?","Sì / no / astensione","Plenaria","","","","","","Ana","Lyon","Sì"');
    const dutch = (await ok(moderator.socket, 'poll:export', { locale: 'nl' })).csv;
    expect(dutch).toContain(
      '"2","Namentlich?","Ja / nee / onthouding","Plenaire sessie","","","","","","Ana","Lyon","Ja"',
    );
  });
});

describe('weighted polls', () => {
  test('[POLL7] a group counts with its headcount when the poll is weighted, as one otherwise', async () => {
    const { moderator, code } = await workshopWith(server.url);
    const mairie = await joinAs(server.url, code, { name: 'Mairie de Ville-sur-Mer', kind: 'group', headcount: 12 });
    const ana = await joinAs(server.url, code, { name: 'Ana' });
    for (const weighted of [true, false]) {
      const poll = await ok(moderator.socket, 'poll:create', {
        question: `Gewichtet ${weighted}?`,
        kind: 'yesno',
        weighted,
      });
      await ok(moderator.socket, 'poll:launch', { pollId: poll.id });
      await ok(mairie.socket, 'poll:vote', { pollId: poll.id, choices: ['yes'] });
      await ok(ana.socket, 'poll:vote', { pollId: poll.id, choices: ['no'] });
      const tally = (await ok(moderator.socket, 'poll:sync', {})).tallies.find((t) => t.pollId === poll.id)!;
      expect(tally.total).toMatchObject(
        weighted
          ? { voters: 2, weight: 13, counts: { yes: 12, no: 1 } }
          : { voters: 2, weight: 2, counts: { yes: 1, no: 1 } },
      );
    }
  });
});
