/**
 * Two nodes on one real Redis: 200 voters split across them, some voting twice, some dropping and
 * resuming on the other node in between. One correct tally, everywhere.
 */
import { expect, test } from 'vitest';
import type { PollTally } from '../../shared/polls/schema.js';
import { connectClient, describeWithRedis, ok, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput, type Person } from '../../test/workshop-helpers.js';

describeWithRedis('polls on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'polls-two-nodes', { rateLimitPerSecond: 1000 });

  test('[POLL13] 200 voters on two nodes, with repeats and reconnects: the tally equals the distinct voters', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const observer = await joinAs(b.url, code, { name: 'Olek', town: 'Łódź' });
    const voters: Person[] = [];
    for (let i = 0; i < 200; i += 20) {
      voters.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) =>
            joinAs(((i + j) % 2 ? b : a).url, code, { name: `V${i + j}`, town: j % 3 ? 'Lyon' : 'Kamen' }),
          ),
        )),
      );
    }
    const poll = await ok(moderator.socket, 'poll:create', { question: 'Oui ou non ?', kind: 'yesno' });
    await ok(moderator.socket, 'poll:launch', { pollId: poll.id });

    const latest = new Map<string, PollTally>();
    const observed: PollTally[] = [];
    observer.socket.on('poll:tallied', (t) => observed.push(t));
    for (const [who, socket] of [
      ['moderator', moderator.socket],
      ['observer', observer.socket],
    ] as const) {
      socket.on('poll:tallied', (t) => {
        if ((latest.get(who)?.rev ?? -1) < t.rev) latest.set(who, t);
      });
    }

    const expected = new Map<string, string>();
    await Promise.all(
      voters.map(async (v, i) => {
        const first = i % 3 === 0 ? 'yes' : 'no';
        await ok(v.socket, 'poll:vote', { pollId: poll.id, choices: [first] });
        expected.set(v.id, first);
        let socket = v.socket;
        if (i % 10 === 0) {
          // Drops, then resumes on the other node, and sends the same vote again (a retry after a reconnect).
          socket.io.engine.close();
          socket = await connectClient(two.nodes[(i + 1) % 2]!.url);
          await ok(socket, 'workshop:resume', resumeInput(v));
          const sync = await ok(socket, 'poll:sync', {});
          expect(sync.myVotes.map((m) => m.choices)).toEqual([[first]]);
          expect((await ok(socket, 'poll:vote', { pollId: poll.id, choices: [first] })).outcome).toBe('unchanged');
        }
        if (i % 7 === 0) {
          expect((await ok(socket, 'poll:vote', { pollId: poll.id, choices: ['abstain'] })).outcome).toBe('replaced');
          expect(expected.get(v.id)).toBe(first);
          expected.set(v.id, 'abstain');
        } else if (i % 4 === 0) {
          expect((await ok(socket, 'poll:vote', { pollId: poll.id, choices: [first] })).outcome).toBe('unchanged');
        }
      }),
    );

    const counts = { yes: 0, no: 0, abstain: 0 } as Record<string, number>;
    for (const choice of expected.values()) counts[choice]! += 1;
    const want = { voters: 200, weight: 200, counts };
    for (const who of ['moderator', 'observer']) {
      await expect.poll(() => latest.get(who)?.total, { timeout: 20_000 }).toMatchObject(want);
    }
    // The trailing broadcast came after the last vote; nothing later changes it.
    const final = latest.get('observer')!.rev;
    const stored = await two.stores[1]!.polls.pollVotes(moderator.workshopId, poll.id);
    expect(stored.votes.size).toBe(200);
    expect(stored.rev).toBe(final);
    expect((await ok(observer.socket, 'poll:sync', {})).tallies[0]).toMatchObject({ rev: final, total: want });
    // No ordering across nodes: a later vote (the moderator's, on the other node) is the marker. Every tally
    // the observer got between the final one and the marker's still says `final` and all 200 votes.
    const seenAtFinal = observed.findIndex((t) => t.rev === final);
    const marker = waitFor(observer.socket, 'poll:tallied', (t) => t.total.voters === 201, 10_000);
    await ok(moderator.socket, 'poll:vote', { pollId: poll.id, choices: ['yes'] });
    const markerTally = await marker;
    const between = observed.slice(seenAtFinal, observed.indexOf(markerTally));
    expect(between.map((t) => [t.rev, t.total])).toEqual(between.map(() => [final, expect.objectContaining(want)]));
  }, 60_000);
});
