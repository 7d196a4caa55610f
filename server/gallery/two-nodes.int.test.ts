/**
 * [GAL6] Two nodes on one real Redis: people on both nodes see each other's comments and reactions live,
 * and comments written at once on both nodes are all kept, once, in the same order for everyone.
 */
import { expect, test } from 'vitest';
import { reactionsOf } from '../../shared/gallery/rules.js';
import { describeWithRedis, ok, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs } from '../../test/workshop-helpers.js';

describeWithRedis('gallery comments on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'gallery-two-nodes', { rateLimitPerSecond: 1000 });
  const plenary = { roomId: 'plenary' };

  test('[GAL6] comments and reactions cross nodes; comments written at once on both nodes are all kept', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const ana = await joinAs(a.url, code, { name: 'Ana', town: 'Kamen' });
    const ola = await joinAs(b.url, code, { name: 'Ola', town: 'Łódź' });

    const seenOnB = waitFor(ola.socket, 'gallery:updated', (c) => c.kind === 'comment' && c.comment.name === 'Ana');
    await ok(ana.socket, 'gallery:comment', { item: plenary, text: 'Von Knoten A' });
    await seenOnB;
    const seenOnA = waitFor(ana.socket, 'gallery:updated', (c) => c.kind === 'react' && c.by === ola.id);
    await ok(ola.socket, 'gallery:react', { item: plenary, reaction: 'idea', on: true });
    await seenOnA;
    expect(reactionsOf(await ok(ana.socket, 'gallery:sync', {}), 'plenary')[2]).toMatchObject({ count: 1 });

    // Both write at once from their nodes: every comment is stored once and both see the same list.
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ok((i % 2 ? ola : ana).socket, 'gallery:comment', { item: plenary, text: `Nr. ${i}` }),
      ),
    );
    const [onA, onB] = await Promise.all([ok(ana.socket, 'gallery:sync', {}), ok(ola.socket, 'gallery:sync', {})]);
    expect(onA).toEqual(onB);
    expect(onA.comments).toHaveLength(21);
    expect(new Set(onA.comments.map((c) => c.id))).toEqual(new Set([...writes.map((w) => w.id), onA.comments[0]!.id]));
  }, 40_000);
});
