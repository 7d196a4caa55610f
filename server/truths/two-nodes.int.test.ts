/**
 * [TRUTH3][TRUTH4] Two nodes on one real Redis: voters on both nodes guess at once; both nodes' tickers race
 * for the reveal, which happens once and counts every guess.
 */
import { expect, test } from 'vitest';
import type { TruthsView } from '../../shared/truths/schema.js';
import { describeWithRedis, ok, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person } from '../../test/workshop-helpers.js';

describeWithRedis('two truths and a lie on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'truths-two-nodes', { rateLimitPerSecond: 1000 });

  test('[TRUTH3][TRUTH4] guesses from both nodes all count; the reveal happens once', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const author = await joinAs(b.url, code, { name: 'Ana', town: 'Lyon' });
    const voters: Person[] = [];
    for (let i = 0; i < 12; i++)
      voters.push(await joinAs((i % 2 ? b : a).url, code, { name: `V${i}`, town: i % 3 ? 'Kamen' : 'Łódź' }));
    const seen: TruthsView[] = [];
    voters[0]!.socket.on('truths:updated', (v) => seen.push(v));

    await ok(moderator.socket, 'truths:start', { voteSec: 10 });
    await ok(author.socket, 'truths:submit', {
      statements: ['Ich war in Łódź', 'Ich spiele Tuba', 'Ich habe 5 Katzen'],
      lie: 1,
    });
    const voting = await ok(moderator.socket, 'truths:next', { roomId: 'plenary' });
    expect(voting.games[0]!.order).toEqual([author.id]);
    const deadline = voting.games[0]!.deadline!;
    await Promise.all(
      voters.map((v, i) => ok(v.socket, 'truths:guess', { authorId: author.id, guess: i % 3 === 0 ? 1 : 0 })),
    );

    // The vote runs out (10 s of server time): both tickers find it due.
    const revealed = waitFor(voters[1]!.socket, 'truths:updated', (v) => v.games[0]?.phase === 'reveal', 20_000);
    const r = (await revealed).games[0]!.reveals;
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ authorId: author.id, lie: 1, votes: 12 });
    expect(r[0]!.right.sort()).toEqual(
      voters
        .filter((_, i) => i % 3 === 0)
        .map((v) => v.id)
        .sort(),
    );
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    // Once: every reveal the first voter saw is the same single one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const reveals = seen.filter((v) => v.games[0]?.phase === 'reveal');
    expect(new Set(reveals.map((v) => v.version)).size).toBe(1);
    expect((await ok(moderator.socket, 'truths:sync', {})).view.towns).toEqual([
      { town: 'Łódź', points: 4, players: 4 },
    ]);
  }, 40_000);
});
