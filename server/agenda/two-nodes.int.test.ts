/**
 * The run sheet on two nodes with one Redis: a node that started a step goes away mid-step; the other
 * node serves everyone, a latecomer lands in the running step, and Next there stops what the first node
 * started (its poll) and moves on.
 */
import { expect, test } from 'vitest';
import type { RoundEnded } from '../../shared/breakouts/schema.js';
import {
  closeAllClients,
  connectClient,
  crash,
  deleteKeys,
  describeWithRedis,
  ok,
  startServer,
  twoNodes,
  uniquePrefix,
  waitFor,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput } from '../../test/workshop-helpers.js';
import { RedisStore } from '../store/redis-store.js';

describeWithRedis('the run sheet on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'agenda-two-nodes');

  test('[AG13] a node goes away mid-step: the run sheet continues on the other node', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const mia = await joinAs(a.url, code, { name: 'Mia', town: 'Kamen', moderatorKey: created.moderatorKey });
    const ana = await joinAs(b.url, code, { name: 'Ana', town: 'Lyon' });
    let agenda = await ok(mia.socket, 'agenda:plan', {
      version: 0,
      steps: [
        { format: 'mood', durationMin: 2, params: { kind: 'poll', question: 'Ça va ?', pollKind: 'scale' } },
        { format: 'cards', durationMin: 10, params: { kind: 'cards', question: 'Idées ?' } },
      ],
    });
    // Ana, on node B, hears of the step and of the poll node A launched.
    const anaHears = waitFor(ana.socket, 'agenda:updated', (v) => v.current?.stepId === agenda.steps[0]!.id);
    const pollOpen = waitFor(ana.socket, 'poll:updated', (p) => p.status === 'open');
    agenda = (await ok(mia.socket, 'agenda:start', { version: agenda.version })).agenda;
    await anaHears;
    const poll = await pollOpen;

    await crash(a);
    // Mia's page reconnects to node B and resumes; a latecomer joins there too.
    const again = await connectClient(b.url);
    await ok(again, 'workshop:resume', resumeInput(mia));
    const late = await joinAs(b.url, code, { name: 'Zoé', town: 'Łódź' });
    const sync = await ok(late.socket, 'agenda:sync', {});
    expect(sync.agenda.current).toMatchObject({ stepId: agenda.steps[0]!.id, ref: { pollId: poll.id } });

    const closed = waitFor(ana.socket, 'poll:updated', (p) => p.id === poll.id && p.status === 'closed');
    const r = await ok(again, 'agenda:next', { version: sync.agenda.version });
    await closed;
    expect(r.agenda.current?.stepId).toBe(agenda.steps[1]!.id);
    const board = await ok(ana.socket, 'board:sync', { full: true });
    expect(board.kind === 'snapshot' && board.snapshot.settings).toMatchObject({ header: 'Idées ?', cardsOpen: true });
  });

  test('[AG15] a World Café started from the run sheet: its node is killed mid-round; the other node ends the round on time, once, and Next goes on', async () => {
    // One clock for both nodes that the test can move: a 20-minute round passes in a moment.
    let ahead = 0;
    const clock = () => Date.now() + ahead;
    const prefix = uniquePrefix('agenda-cafe');
    const stores = [await RedisStore.connect(redisUrl, { prefix }), await RedisStore.connect(redisUrl, { prefix })];
    const [a, b] = [
      await startServer({ redisUrl, prefix, store: stores[0], clock }),
      await startServer({ redisUrl, prefix, store: stores[1], clock }),
    ];
    try {
      const created = await createWorkshop(a.url);
      const code = created.workshop.code;
      const mia = await joinAs(a.url, code, { name: 'Mia', town: 'Kamen', moderatorKey: created.moderatorKey });
      const people = [
        await joinAs(b.url, code, { name: 'Ana', town: 'Lyon' }),
        await joinAs(b.url, code, { name: 'Ben', town: 'Kamen' }),
        await joinAs(b.url, code, { name: 'Cleo', town: 'Lyon' }),
        await joinAs(b.url, code, { name: 'Dirk', town: 'Kamen' }),
      ];
      const ended: RoundEnded[][] = people.map(() => []);
      people.forEach((p, i) => p.socket.on('breakout:round-ended', (e) => ended[i]!.push(e)));
      let agenda = await ok(mia.socket, 'agenda:plan', {
        version: 0,
        steps: [
          {
            format: 'worldCafe',
            durationMin: 60,
            params: { kind: 'rotation', rotation: 'worldCafe', rounds: 3, tables: ['Jugend', 'Kultur'] },
          },
          { format: 'plenary', durationMin: 10, params: { kind: 'timer' } },
        ],
      });
      agenda = (await ok(mia.socket, 'agenda:start', { version: agenda.version })).agenda;
      const cafe = await ok(people[0]!.socket, 'breakout:sync', {});
      expect(cafe).toMatchObject({ status: 'open', round: { index: 0, total: 3 } });
      const deadline = cafe.round!.deadline;

      // Node A (where the moderator started it) is killed in round 1. Round 1's time passes.
      await crash(a);
      const firstEnd = people.map((p) => waitFor(p.socket, 'breakout:round-ended', () => true, 10_000));
      ahead = deadline - Date.now() + 200;
      const at = clock();
      for (const e of await Promise.all(firstEnd)) expect(e).toMatchObject({ index: 0, next: 'round', by: 'deadline' });
      // On time: within the ticker's beat of the deadline, not a round late.
      expect(clock() - at).toBeLessThan(3_000);
      const round2 = await ok(people[0]!.socket, 'breakout:sync', {});
      expect(round2).toMatchObject({ status: 'open', round: { index: 1 }, roundsEnded: 1 });

      // The moderator's page resumes on node B; the run sheet is where it was, and Next ends the café there.
      const again = await connectClient(b.url);
      await ok(again, 'workshop:resume', resumeInput(mia));
      const sync = await ok(again, 'agenda:sync', {});
      expect(sync.agenda.current?.stepId).toBe(agenda.steps[0]!.id);
      const back = people.map((p) => waitFor(p.socket, 'breakout:round-ended', (e) => e.next === 'plenary', 10_000));
      const r = await ok(again, 'agenda:next', { version: sync.agenda.version });
      await Promise.all(back);
      expect(r.agenda.current?.stepId).toBe(agenda.steps[1]!.id);
      // Round 1 ended exactly once for everyone (no second end from the killed node's leftovers).
      for (const seen of ended)
        expect(seen.map((e) => [e.index, e.next, e.by])).toEqual([
          [0, 'round', 'deadline'],
          [1, 'plenary', 'moderator'],
        ]);
      expect((await stores[1]!.listParticipants(created.workshop.id)).every((p) => p.roomId === 'plenary')).toBe(true);
    } finally {
      closeAllClients();
      await Promise.all([a.close(), b.close()]);
      await Promise.all(stores.map((st) => st.close()));
      await deleteKeys(redisUrl, prefix);
      expect([...a.errors, ...b.errors]).toEqual([]);
    }
  });
});
