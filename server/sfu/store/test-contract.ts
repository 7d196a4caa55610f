/**
 * The SFU placement store contract, run against memory and real Redis (server/sfu/store/store.test.ts;
 * named test-*.ts so the build leaves it out).
 *
 * STORE-S1 the first placement of a room holds; a second one gets the first back
 * STORE-S2 rooms are counted per Janus instance; releasing a room lowers its count
 * STORE-S3 releasing with another Janus room id leaves the placement alone
 * STORE-S4 a feed is cleared only by the publication that set it
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Store } from '../../store/store.js';

export function describeSfuStore(name: string, factory: () => Promise<Store>) {
  describe(`sfu store contract: ${name}`, () => {
    let store: Store;
    const w = () => `w-${randomUUID()}`;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    test('[STORE-S1] the first placement holds', async () => {
      const id = w();
      const a = { server: `ws://a-${id}`, janusRoom: 11, secret: 's1' };
      const b = { server: `ws://b-${id}`, janusRoom: 12, secret: 's2' };
      const [first, second] = await Promise.all([
        store.sfu.placeRoom(id, 'plenary', a),
        store.sfu.placeRoom(id, 'plenary', b),
      ]);
      expect(first).toEqual(a);
      expect(second).toEqual(a);
      expect(await store.sfu.roomPlacement(id, 'plenary')).toEqual(a);
      expect(await store.sfu.roomPlacement(id, 'other')).toBeNull();
    });

    test('[STORE-S2] rooms are counted per instance and listed by instance', async () => {
      const id = w();
      const server = `ws://s-${id}`;
      await store.sfu.placeRoom(id, 'r1', { server, janusRoom: 1, secret: 'x' });
      await store.sfu.placeRoom(id, 'r2', { server, janusRoom: 2, secret: 'x' });
      expect((await store.sfu.roomsPerServer())[server]).toBe(2);
      expect((await store.sfu.placementsOn(server)).map((p) => p.roomId).sort()).toEqual(['r1', 'r2']);
      expect(await store.sfu.releaseRoom(id, 'r1', 1)).toBe(true);
      expect((await store.sfu.roomsPerServer())[server]).toBe(1);
    });

    test('[STORE-S3] a release naming another Janus room changes nothing', async () => {
      const id = w();
      const p = { server: `ws://s-${id}`, janusRoom: 5, secret: 'x' };
      await store.sfu.placeRoom(id, 'plenary', p);
      expect(await store.sfu.releaseRoom(id, 'plenary', 6)).toBe(false);
      expect(await store.sfu.roomPlacement(id, 'plenary')).toEqual(p);
    });

    test('[STORE-S4] a feed is cleared only by its own publication', async () => {
      const id = w();
      await store.sfu.setFeed(id, 'p1', { roomId: 'plenary', janusRoom: 5, feed: 100, mids: {} });
      await store.sfu.setFeed(id, 'p1', { roomId: 'plenary', janusRoom: 5, feed: 101, mids: { audio: '0' } });
      await store.sfu.clearFeed(id, 'p1', 100);
      expect(await store.sfu.feeds(id)).toEqual({
        p1: { roomId: 'plenary', janusRoom: 5, feed: 101, mids: { audio: '0' } },
      });
      await store.sfu.clearFeed(id, 'p1', 101);
      expect(await store.sfu.feeds(id)).toEqual({});
    });
  });
}
