/**
 * [MKT8] Two nodes on one real Redis: people on different nodes say "I'm in" at the same stall at the same
 * moment; its places are given once each, and both nodes' people see the same list.
 */
import { expect, test } from 'vitest';
import type { MarketView } from '../../shared/market/schema.js';
import { describeWithRedis, ok, request, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person } from '../../test/workshop-helpers.js';

describeWithRedis('idea market on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'market-two-nodes', { rateLimitPerSecond: 1000 });

  test('[MKT8] eight people on two nodes sign up at once for a stall of two places: two are in, six hear room_full', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const people: Person[] = [];
    for (let i = 0; i < 8; i++)
      people.push(await joinAs((i % 2 ? b : a).url, code, { name: `P${i}`, town: i % 2 ? 'Łódź' : 'Kamen' }));
    await ok(moderator.socket, 'market:start', {});
    const view = await ok(moderator.socket, 'market:add', { title: 'Radtour', capacity: 2 });
    const stallId = view.market!.stalls[0]!.id;

    const full = (v: MarketView) => v.market?.stalls[0]?.signups.length === 2;
    const seen = [people[0]!, people[1]!].map((p) => waitFor(p.socket, 'market:updated', full));
    const results = await Promise.all(people.map((p) => request(p.socket, 'market:signup', { stallId, offer: p.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(6).fill('room_full'));
    const [onA, onB] = await Promise.all(seen);
    expect(onA!.market!.stalls[0]!.signups).toEqual(onB!.market!.stalls[0]!.signups);
    const winners = people.filter((_, i) => results[i]!.ok).map((p) => p.id);
    expect(onA!.market!.stalls[0]!.signups.map((s) => s.participantId).sort()).toEqual(winners.sort());
  }, 40_000);
});
