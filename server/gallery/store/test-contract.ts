/**
 * The GalleryStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * GSTORE1 comments read back as added (accents, every field), oldest first; a repeated id is not added twice
 * GSTORE2 the per-person and per-workshop limits hold, also when many add at once; deleting frees a place
 * GSTORE3 a reaction is set once and taken back once; each answers whether anything changed
 * GSTORE4 a workshop whose lifetime is over takes its gallery with it
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GalleryComment } from '../../../shared/gallery/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';

function comment(over: Partial<GalleryComment> = {}): GalleryComment {
  return {
    id: 'c1',
    key: 'room-1',
    roomId: 'room-1',
    snapshotId: null,
    by: 'p1',
    name: 'Zoë',
    town: 'Łódź',
    text: 'Schöne Idee – très bien 👍',
    at: 1_000,
    ...over,
  };
}

const roomy = { perPerson: 50, perWorkshop: 2_000 };

export function describeGalleryStore(name: string, factory: () => Promise<Store>) {
  describe(`gallery store contract: ${name}`, () => {
    let store: Store;
    let workshopId: string;
    beforeEach(async () => {
      store = await factory();
      const w = workshopRecord();
      await store.createWorkshop(w);
      workshopId = w.id;
    });
    afterEach(async () => {
      await store.close();
    });

    test('[GSTORE1] comments read back as added, oldest first; a repeated id is not added twice', async () => {
      expect(await store.gallery.view(workshopId)).toEqual({ comments: [], reactions: [] });
      const later = comment({ id: 'c2', at: 2_000, key: 'plenary/s1', roomId: 'plenary', snapshotId: 's1' });
      expect(await store.gallery.addComment(workshopId, later, roomy)).toBe('ok');
      expect(await store.gallery.addComment(workshopId, comment(), roomy)).toBe('ok');
      expect(await store.gallery.addComment(workshopId, comment({ text: 'again' }), roomy)).toBe('ok');
      expect((await store.gallery.view(workshopId)).comments).toEqual([comment(), later]);
      expect(await store.gallery.getComment(workshopId, 'c2')).toEqual(later);
      expect(await store.gallery.getComment(workshopId, 'nope')).toBeNull();
    });

    test('[GSTORE2] the limits hold when many add at once; deleting frees a place', async () => {
      const limits = { perPerson: 3, perWorkshop: 5 };
      const mine = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => store.gallery.addComment(workshopId, comment({ id: `a${i}`, at: i }), limits)),
      );
      expect(mine.filter((r) => r === 'ok')).toHaveLength(3);
      expect(mine.filter((r) => r === 'person_full')).toHaveLength(2);
      const others = await Promise.all(
        ['b', 'c', 'd'].map((by) => store.gallery.addComment(workshopId, comment({ id: `x${by}`, by }), limits)),
      );
      expect(others.filter((r) => r === 'ok')).toHaveLength(2);
      expect(others.filter((r) => r === 'workshop_full')).toHaveLength(1);
      expect((await store.gallery.view(workshopId)).comments).toHaveLength(5);

      const removed = await store.gallery.removeComment(workshopId, 'a1');
      expect(removed).toEqual(comment({ id: 'a1', at: 1 }));
      expect(await store.gallery.removeComment(workshopId, 'a1')).toBeNull();
      expect(await store.gallery.addComment(workshopId, comment({ id: 'a9' }), limits)).toBe('ok');
      expect(await store.gallery.addComment(workshopId, comment({ id: 'a10' }), limits)).toBe('workshop_full');
    });

    test('[GSTORE3] a reaction is set once and taken back once', async () => {
      const like = { key: 'room-1', reaction: 'like' as const, by: 'p1' };
      expect(await store.gallery.react(workshopId, like, true)).toBe(true);
      expect(await store.gallery.react(workshopId, like, true)).toBe(false);
      expect(await store.gallery.react(workshopId, { ...like, reaction: 'idea' }, true)).toBe(true);
      expect(await store.gallery.react(workshopId, { ...like, by: 'p2' }, true)).toBe(true);
      const { reactions } = await store.gallery.view(workshopId);
      expect(reactions).toHaveLength(3);
      expect(reactions).toContainEqual({ ...like, reaction: 'idea' });
      expect(await store.gallery.react(workshopId, like, false)).toBe(true);
      expect(await store.gallery.react(workshopId, like, false)).toBe(false);
      expect((await store.gallery.view(workshopId)).reactions).not.toContainEqual(like);
    });

    test('[GSTORE4] an expired workshop takes its gallery with it', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      await store.gallery.addComment(w.id, comment(), roomy);
      await store.gallery.react(w.id, { key: 'room-1', reaction: 'love', by: 'p1' }, true);
      await store.setWorkshopExpiry(w, 1);
      expect(await store.expireWorkshops(2, 100)).toContain(w.id);
      expect(await store.gallery.view(w.id)).toEqual({ comments: [], reactions: [] });
    });
  });
}
