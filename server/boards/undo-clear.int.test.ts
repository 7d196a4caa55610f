/** [BOARD7] "Clear board" and a multi-item delete are undone whole, on both stores, over real sockets. */
import { afterEach, describe, expect, inject, test } from 'vitest';
import type { Intent } from '../../shared/boards/schema.js';
import {
  closeAllClients,
  deleteKeys,
  ok,
  startServer,
  uniquePrefix,
  type TestServer,
} from '../../test/server-harness.js';
import { workshopWith } from '../../test/workshop-helpers.js';

const redisUrl = inject('redisUrl');
const stores = [['memory', null], ...(redisUrl ? [['redis', redisUrl] as const] : [])] as const;

describe.each(stores)('[BOARD7] undo of a clear on the %s store', (_name, url) => {
  let server: TestServer;
  let prefix = '';
  afterEach(async () => {
    closeAllClients();
    await server.close();
    if (url) await deleteKeys(url, prefix);
    expect(server.errors).toEqual([]);
  });

  async function boardWithClusterCardsAndDots() {
    prefix = uniquePrefix('undo-clear');
    server = await startServer({ redisUrl: url ?? undefined, prefix, config: { rateLimitPerSecond: 2000 } });
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const add = (item: Extract<Intent, { type: 'add' }>['item']): { op: Intent } => ({ op: { type: 'add', item } });
    await ok(moderator.socket, 'board:settings', { patch: { startDots: true, dotsLive: true } });
    await ok(
      moderator.socket,
      'board:op',
      add({ kind: 'cluster', id: 'k1', x: 0, y: 0, w: 400, h: 300, heading: 'Verkehr' }),
    );
    for (const [who, id, text] of [
      [ana, 'c1', 'Mehr Radwege'],
      [ben, 'c2', 'Busse nach Łódź'],
    ] as const)
      await ok(
        who.socket,
        'board:op',
        add({ kind: 'card', id, x: 20, y: 20, text, color: '#fff176', clusterId: 'k1' }),
      );
    await ok(ben.socket, 'board:op', add({ kind: 'dot', id: 'd1', cardId: 'c1' }));
    await ok(ana.socket, 'board:op', add({ kind: 'dot', id: 'd2', cardId: 'c2' }));
    const sync = await ok(ben.socket, 'board:sync', { sinceSeq: 0, full: true });
    const before = sync.kind === 'snapshot' ? sync.snapshot.items : [];
    expect(before.map((i) => i.id)).toEqual(['k1', 'c1', 'c2', 'd1', 'd2']);
    return { moderator, ben, before };
  }

  test('clear, then one undo brings back the cluster, its cards and their dots, as they were', async () => {
    const { moderator, ben, before } = await boardWithClusterCardsAndDots();
    const cleared = await ok(moderator.socket, 'board:clear', {});
    await ok(moderator.socket, 'board:revert', { seq: cleared.op.seq });
    const after = await ok(ben.socket, 'board:sync', { sinceSeq: 0, full: true });
    expect(after.kind === 'snapshot' && after.snapshot.items).toEqual(before);
  });

  test('deleting a cluster with its cards at once, then undo, brings all of them back', async () => {
    const { moderator, ben, before } = await boardWithClusterCardsAndDots();
    const removed = await ok(moderator.socket, 'board:op', {
      op: { type: 'remove', ids: ['d1', 'k1', 'c1', 'c2', 'd2'] },
    });
    await ok(moderator.socket, 'board:revert', { seq: removed.op.seq });
    const after = await ok(ben.socket, 'board:sync', { sinceSeq: 0, full: true });
    const items = after.kind === 'snapshot' ? after.snapshot.items : [];
    expect(new Map(items.map((i) => [i.id, i]))).toEqual(new Map(before.map((i) => [i.id, i])));
  });
});
