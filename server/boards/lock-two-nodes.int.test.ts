/**
 * A lock set on one node stops live strokes relayed by another node that already holds the board
 * (the volatile check reads the node's own copy of the settings, so the other nodes are told).
 */
import { expect, test, vi } from 'vitest';
import { describeWithRedis, ok, recordEvents, twoNodes } from '../../test/server-harness.js';
import { createWorkshop, joinAs } from '../../test/workshop-helpers.js';

describeWithRedis('board lock across nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'board-lock', { rateLimitPerSecond: 2000 });

  test('[BOARD3] [BOARD11] a moderator locks the board on one node: a participant on another node that already drew live is no longer relayed', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const mia = await joinAs(a.url, code, { name: 'Mia', moderatorKey: created.moderatorKey });
    const ana = await joinAs(b.url, code, { name: 'Ana' });
    const ben = await joinAs(b.url, code, { name: 'Ben' });
    const benSaw = recordEvents(ben.socket);
    const relayed = (id: string) =>
      benSaw.some((e) => e.event === 'board:live' && (e.arg as { strokeId: string }).strokeId === id);
    const cursorSeen = (x: number) =>
      benSaw.some((e) => e.event === 'board:cursor' && (e.arg as { x: number }).x === x);
    /** A live stroke from Ana, then a cursor move as a marker: same socket, same node, so Ben gets them in order. */
    let round = 0;
    const drawLive = async () => {
      round++;
      const strokeId = `live-${round}`;
      await ok(ana.socket, 'board:live', { strokeId, tool: 'pen', color: '#1f4e79', width: 4, points: [1, 2, 3, 4] });
      await ok(ana.socket, 'board:cursor', { x: round, y: 1 });
      await vi.waitFor(() => expect(cursorSeen(round)).toBe(true));
      return relayed(strokeId);
    };

    // Node b serves the board now: Ana's live stroke reaches Ben.
    expect(await drawLive()).toBe(true);
    await ok(mia.socket, 'board:settings', { patch: { locked: true } });
    // Within a moment node b knows: Ana's next live strokes are no longer relayed to Ben.
    await vi.waitFor(async () => expect(await drawLive()).toBe(false), { timeout: 5000, interval: 50 });
    expect(await drawLive()).toBe(false);
    // Unlocked again on node a: node b relays her strokes again.
    await ok(mia.socket, 'board:settings', { patch: { locked: false } });
    await vi.waitFor(async () => expect(await drawLive()).toBe(true), { timeout: 5000, interval: 50 });
    for (const node of two.nodes) expect(node.errors).toEqual([]);
  });
});
