/**
 * Breakouts on two server nodes sharing one real Redis: rotations driven by the store's deadlines,
 * each round exactly as the pure function computed, each round ended exactly once.
 */
import { expect, test } from 'vitest';
import type { BreakoutView, RoundEnded } from '../../shared/breakouts/schema.js';
import {
  connectClient,
  describeWithRedis,
  ok,
  recordEvents,
  request,
  waitFor,
  twoNodes,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput, type Person } from '../../test/workshop-helpers.js';
import { roundEndAfter, roundEnds } from './test-rounds.js';
import { eligible } from './logic.js';
import { seededRng } from './random.js';
import { speedDating } from './rotation.js';

describeWithRedis('breakouts on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'breakouts-2n');

  /** A moderator on node A; six people from two towns, alternately on node A and node B. */
  async function spreadWorkshop() {
    const created = await createWorkshop(two.nodes[0].url);
    const code = created.workshop.code;
    const moderator = await joinAs(two.nodes[0].url, code, {
      name: 'Mia',
      town: 'Chemnitz',
      moderatorKey: created.moderatorKey,
    });
    const people: Person[] = [];
    for (let i = 0; i < 6; i++) {
      people.push(
        await joinAs(i % 2 ? two.nodes[1].url : two.nodes[0].url, code, {
          name: `P${i}`,
          town: i < 3 ? 'Kamen' : 'Wołów',
        }),
      );
    }
    return { code, moderator, people, workshopId: moderator.workshopId };
  }

  const groupsOf = (plan: Record<string, string>) => {
    const rooms = new Map<string, string[]>();
    for (const [id, room] of Object.entries(plan)) rooms.set(room, [...(rooms.get(room) ?? []), id].sort());
    return [...rooms.values()].sort((a, b) => a[0]!.localeCompare(b[0]!));
  };

  test('[BR7][BR15] a rotation of three rounds: each round as the pure function computed, each ended exactly once', async () => {
    const { moderator, people, workshopId } = await spreadWorkshop();
    const ended: RoundEnded[][] = people.map(() => []);
    people.forEach((p, i) => p.socket.on('breakout:round-ended', (e) => ended[i]!.push(e)));
    const rounds: BreakoutView[] = [];
    moderator.socket.on('breakout:updated', (v) => {
      if (v.round && !rounds.some((r) => r.round!.index === v.round!.index)) rounds.push(v);
    });
    const seed = 4242;
    const before = eligible(await two.stores[0]!.listParticipants(workshopId));
    const expected = speedDating(
      before.map((p) => ({ id: p.id, town: p.town, languages: p.languages, headcount: p.headcount })),
      3,
      seededRng(seed),
    );
    const closed = waitFor(moderator.socket, 'breakout:updated', (v) => v.status === 'closed', 15_000);
    // Every person acknowledges each new room, wherever their node is.
    for (const p of people) {
      p.socket.on('breakout:moved', (e) => {
        const mine = e.moves.find((m) => m.participantId === p.id);
        if (mine) void request(p.socket, 'breakout:ack', { roomId: mine.roomId });
      });
    }
    const started = await ok(moderator.socket, 'breakout:rotate', {
      version: 0,
      kind: 'speedDating',
      rounds: 3,
      durationMs: 1_200,
      languages: [],
      seed,
    });
    expect(started.round).toMatchObject({ index: 0, total: 3 });
    const final = await closed;
    // No ordering across nodes: a later round, ended by a later pass of the tickers and sent the same way,
    // is the marker. A duplicate end of the rotation's last round would have come before it.
    for (const p of people) p.socket.off('breakout:moved'); // the marker round needs no acks left in flight
    const markers = people.map((p) => waitFor(p.socket, 'breakout:round-ended', (e) => e.total === 1, 10_000));
    await ok(moderator.socket, 'breakout:open', { version: final.version, durationMs: 1_000 });
    await Promise.all(markers);

    expect(rounds.map((v) => v.round!.index)).toEqual([0, 1, 2]);
    rounds.forEach((v, r) =>
      expect(groupsOf(v.plan)).toEqual(
        expected[r]!.map((g) => [...g].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!)),
      ),
    );
    for (const seen of ended)
      expect(seen.map((e) => [e.index, e.next])).toEqual([
        [0, 'round'],
        [1, 'round'],
        [2, 'plenary'],
        [0, 'plenary'], // the marker
      ]);
    expect(final.roundsEnded).toBe(3);
    expect((await two.stores[1]!.listParticipants(workshopId)).every((p) => p.roomId === 'plenary')).toBe(true);
  });

  test('[BR15] a node that stops does not lose a running round: the other node ends it', async () => {
    const { moderator, people, workshopId } = await spreadWorkshop();
    const onB = people.filter((_, i) => i % 2 === 1);
    let view = await ok(moderator.socket, 'breakout:rooms', { version: 0, rooms: [{ name: 'A' }, { name: 'B' }] });
    view = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 1 });
    const seen = onB.map((p) => recordEvents(p.socket));
    const back = onB.map((p) => waitFor(p.socket, 'breakout:round-ended', () => true, 10_000));
    await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 1_500 });
    await two.nodes[0].close(); // the node that opened the rooms is gone before the deadline
    for (const event of await Promise.all(back))
      expect(event).toEqual({ index: 0, total: 1, next: 'plenary', by: 'deadline' });
    const state = await two.stores[1]!.breakouts.get(workshopId);
    expect(state).toMatchObject({ status: 'closed', roundsEnded: 1 });
    // The marker: the moderator, back on node B, opens a second round; node B's ticker ends it later.
    // A second end of the first round would have come before it.
    const again = await connectClient(two.nodes[1].url);
    await ok(again, 'workshop:resume', resumeInput(moderator));
    const reopened = await ok(again, 'breakout:open', { version: state!.version, durationMs: 1_000 });
    for (const s of seen) {
      await roundEndAfter(s, reopened.version);
      expect(roundEnds(s)).toEqual([
        { index: 0, total: 1, next: 'plenary', by: 'deadline' },
        { index: 0, total: 1, next: 'plenary', by: 'deadline' },
      ]);
    }
  });

  test('[BRS5] two moderators on two nodes reassigning at once: one plan wins, the other gets conflict', async () => {
    const { code, moderator, workshopId } = await spreadWorkshop();
    const created = await ok(moderator.socket, 'breakout:rooms', { version: 0, rooms: [{ name: 'A' }, { name: 'B' }] });
    const second = await joinAs(two.nodes[1].url, code, { name: 'Jonas', town: 'Kamen' });
    await ok(moderator.socket, 'participant:promote', { participantId: second.id });
    const results = await Promise.all([
      request(moderator.socket, 'breakout:assign', { version: created.version, mode: 'random', seed: 1 }),
      request(second.socket, 'breakout:assign', { version: created.version, mode: 'random', seed: 2 }),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict' });
    const winner = results.find((r) => r.ok)!;
    expect(await two.stores[0]!.breakouts.get(workshopId)).toMatchObject({
      version: created.version + 1,
      plan: winner.ok ? winner.data.plan : {},
    });
  });
});
