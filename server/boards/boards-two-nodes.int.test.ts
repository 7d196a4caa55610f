/**
 * Boards on two nodes sharing one Redis: drawers on different nodes write at the same time and
 * everyone ends with the same board; the board survives a restart of every node.
 */
import { expect, onTestFinished, test, vi } from 'vitest';
import { fromSnapshot, serializeBoard } from '../../shared/boards/apply.js';
import type { Intent } from '../../shared/boards/schema.js';
import {
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  startServer,
  twoNodes,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput } from '../../test/workshop-helpers.js';
import { follow } from './test-follow.js';

const stroke = (id: string, x: number): Intent => ({
  type: 'add',
  item: { kind: 'stroke', id, x, y: x % 97, tool: 'pen', color: '#1f4e79', width: 3, points: [0, 0, 4, 9, 12, 3] },
});

describeWithRedis('boards on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'boards-two-nodes', { rateLimitPerSecond: 2000 });

  test('[BOARD12] drawers on different nodes, writing at once, end with identical boards everywhere; a restart keeps the board', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const mia = await joinAs(a.url, code, { name: 'Mia', moderatorKey: created.moderatorKey });
    const ana = await joinAs(a.url, code, { name: 'Ana' });
    const ben = await joinAs(b.url, code, { name: 'Ben' });
    const watchers = [mia, ana, ben].map((p) => ({ p, f: follow(p.socket) }));
    for (const w of watchers) w.f.load(await ok(w.p.socket, 'board:sync', { sinceSeq: 0 }));

    // Both write the same shared item too, so their ops interleave and conflict at the store.
    await ok(mia.socket, 'board:op', { op: stroke('shared', 1) }).then((r) =>
      watchers.forEach((w) => w.p === mia && w.f.take(r.op)),
    );
    const N = 60;
    const write = async (who: typeof ana, tag: string) => {
      const mine = watchers.find((w) => w.p === who)!.f;
      for (let i = 0; i < N; i++) {
        const r = await ok(who.socket, 'board:op', {
          op:
            i % 3 === 2
              ? { type: 'update', id: 'shared', patch: { x: i, y: tag.length * i } }
              : stroke(`${tag}-${i}`, i),
        });
        mine.take(r.op);
      }
    };
    await Promise.all([write(ana, 'ana'), write(ben, 'ben')]);
    const head = 1 + 2 * N;
    await vi.waitFor(() => expect(watchers.map((w) => w.f.state.seq)).toEqual(watchers.map(() => head)), {
      timeout: 5_000,
    });

    const reference = serializeBoard(watchers[0]!.f.state);
    expect(watchers[0]!.f.state.seq).toBe(head);
    for (const w of watchers) expect(serializeBoard(w.f.state)).toBe(reference);
    for (const [node, person] of [
      [a, mia],
      [b, ben],
    ] as const) {
      const sync = await ok(person.socket, 'board:sync', { sinceSeq: 0, full: true });
      expect(sync.kind === 'snapshot' && serializeBoard(fromSnapshot(sync.snapshot))).toBe(reference);
      expect(node.app.store.kind).toBe('redis');
    }

    // Every node restarts: the board is still there, served by a brand-new node.
    closeAllClients();
    await Promise.all(two.nodes.map((n) => n.close()));
    const fresh = await startServer({ redisUrl, prefix: two.prefix, store: two.stores[0] });
    onTestFinished(() => fresh.close());
    const back = await connectClient(fresh.url);
    await ok(back, 'workshop:resume', resumeInput(ben));
    const after = await ok(back, 'board:sync', { sinceSeq: 0 });
    const restored = follow(back);
    restored.load(after);
    expect(serializeBoard(restored.state)).toBe(reference);
  });
});
