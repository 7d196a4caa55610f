/**
 * [FISH8] Two nodes on one real Redis: people on different nodes click the last free seat at the same
 * moment; the seat is given once, everyone sees the same circle, and only the winner is on stage.
 */
import { expect, test } from 'vitest';
import type { FishbowlView } from '../../shared/fishbowl/schema.js';
import { describeWithRedis, ok, request, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person } from '../../test/workshop-helpers.js';

describeWithRedis('fishbowl on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'fishbowl-two-nodes', { rateLimitPerSecond: 1000 });

  test('[FISH8] a seat is never given twice when two people click at once on different nodes', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const people: Person[] = [];
    for (let i = 0; i < 8; i++)
      people.push(await joinAs((i % 2 ? b : a).url, code, { name: `P${i}`, town: i % 2 ? 'Łódź' : 'Kamen' }));
    await ok(moderator.socket, 'fishbowl:start', { seats: 3 });
    await ok(people[0]!.socket, 'fishbowl:take', {});
    await ok(people[1]!.socket, 'fishbowl:take', {});

    for (let round = 0; round < 3; round++) {
      // Six people, half on each node, click the one free seat at once.
      const clickers = people.slice(2);
      const results = await Promise.all(clickers.map((p) => request(p.socket, 'fishbowl:take', {})));
      const winners = clickers.filter((_, i) => results[i]!.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill('conflict'));
      const view = await ok(moderator.socket, 'fishbowl:sync', {});
      const seated = view.fishbowl!.seats.map((s) => s?.id);
      expect(seated.filter((id) => id === winners[0]!.id)).toHaveLength(1);
      expect(seated.every((id) => id !== undefined)).toBe(true);
      // On stage: only those in a seat.
      const records = await two.stores[0]!.listParticipants(moderator.workshopId);
      expect(
        records
          .filter((p) => p.onStage)
          .map((p) => p.id)
          .sort(),
      ).toEqual([...seated].sort());
      // The winner taps out again for the next round (seen on both nodes).
      const freed = (v: FishbowlView) => v.fishbowl!.seats.some((s) => s === null);
      const seenA = waitFor(people[2]!.socket, 'fishbowl:updated', freed);
      const seenB = waitFor(people[3]!.socket, 'fishbowl:updated', freed);
      await ok(winners[0]!.socket, 'fishbowl:leave', {});
      await Promise.all([seenA, seenB]);
    }
  }, 40_000);
});
