import { describe, expect, test } from 'vitest';
import { CommandError } from '../../shared/command.js';
import { applyChange, commentsOf, emptyGallery, itemKey, reactionsOf } from '../../shared/gallery/rules.js';
import {
  galleryCommentSchema,
  galleryReactSchema,
  type GalleryChange,
  type GalleryComment,
} from '../../shared/gallery/schema.js';
import { checkAdded, checkDelete, checkItem, newComment, type GalleryActor } from './logic.js';

const ana: GalleryActor = { id: 'ana', name: 'Ana', town: 'Wołów', moderator: false };
const ben: GalleryActor = { id: 'ben', name: 'Ben', town: 'Kamen', moderator: false };
const mia: GalleryActor = { id: 'mia', name: 'Mia', town: 'Kamen', moderator: true };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof CommandError) return err.code;
    throw err;
  }
  return null;
};

let n = 0;
const ctx = () => ({ now: 1_000 + n, newId: () => `c${++n}` });
const comment = (by: GalleryActor, text = 'Schön!', roomId = 'room-1', snapshotId?: string): GalleryComment =>
  newComment({ roomId, snapshotId }, text, by, ctx());

describe('gallery rules', () => {
  test('[GAL1] an item is a board or a snapshot of one; each has its own key', () => {
    expect(itemKey({ roomId: 'room-1' })).toBe('room-1');
    expect(itemKey({ roomId: 'room-1', snapshotId: 's1' })).toBe('room-1/s1');
    const c = comment(ana, 'x', 'plenary', 's9');
    expect(c).toMatchObject({ key: 'plenary/s9', roomId: 'plenary', snapshotId: 's9' });
  });

  test('[GAL2] a comment carries name, town and time; it is 1–280 characters after trimming', () => {
    expect(newComment({ roomId: 'plenary' }, 'Bravo', ana, { now: 42, newId: () => 'id1' })).toEqual({
      id: 'id1',
      key: 'plenary',
      roomId: 'plenary',
      snapshotId: null,
      by: 'ana',
      name: 'Ana',
      town: 'Wołów',
      text: 'Bravo',
      at: 42,
    });
    const parse = (text: string) => galleryCommentSchema.safeParse({ item: { roomId: 'plenary' }, text });
    expect(parse('  Toll  ').data?.text).toBe('Toll');
    expect(parse('   ').success).toBe(false);
    expect(parse('x'.repeat(280)).success).toBe(true);
    expect(parse('x'.repeat(281)).success).toBe(false);
    expect(galleryCommentSchema.safeParse({ item: { roomId: 'plenary', extra: 1 }, text: 'x' }).success).toBe(false);
  });

  test('[GAL2] only boards that exist and rooms that are not running', () => {
    expect(codeOf(() => checkItem({ exists: true, running: false }))).toBeNull();
    expect(codeOf(() => checkItem({ exists: false, running: false }))).toBe('not_found');
    expect(codeOf(() => checkItem({ exists: true, running: true }))).toBe('forbidden');
  });

  test('[GAL3] the author or a moderator deletes a comment, nobody else', () => {
    const c = comment(ana);
    expect(checkDelete(c, ana)).toBe(c);
    expect(checkDelete(c, mia)).toBe(c);
    expect(codeOf(() => checkDelete(c, ben))).toBe('forbidden');
    expect(codeOf(() => checkDelete(null, mia))).toBe('not_found');
  });

  test('[GAL4] reactions from the fixed set, counted per item, mine marked', () => {
    expect(galleryReactSchema.safeParse({ item: { roomId: 'p' }, reaction: 'like', on: true }).success).toBe(true);
    expect(galleryReactSchema.safeParse({ item: { roomId: 'p' }, reaction: 'angry', on: true }).success).toBe(false);
    let v = emptyGallery();
    const react = (by: string, reaction: 'like' | 'idea', on: boolean, key = 'room-1'): GalleryChange => ({
      kind: 'react',
      key,
      reaction,
      by,
      on,
    });
    for (const c of [react('ana', 'like', true), react('ben', 'like', true), react('ana', 'like', true)])
      v = applyChange(v, c);
    v = applyChange(v, react('ben', 'idea', true, 'plenary'));
    expect(reactionsOf(v, 'room-1', 'ana')).toEqual([
      { reaction: 'like', count: 2, mine: true },
      { reaction: 'love', count: 0, mine: false },
      { reaction: 'idea', count: 0, mine: false },
      { reaction: 'question', count: 0, mine: false },
    ]);
    v = applyChange(v, react('ana', 'like', false));
    expect(reactionsOf(v, 'room-1', 'ana')[0]).toEqual({ reaction: 'like', count: 1, mine: false });
  });

  test('[GAL5] a full store is refused with limit_reached', () => {
    expect(codeOf(() => checkAdded('ok'))).toBeNull();
    expect(codeOf(() => checkAdded('person_full'))).toBe('limit_reached');
    expect(codeOf(() => checkAdded('workshop_full'))).toBe('limit_reached');
  });

  test('[GAL6] changes commute: any order of delivery gives the same view', () => {
    const a = comment(ana, 'eins');
    const b = comment(ben, 'zwei', 'plenary');
    const changes: GalleryChange[] = [
      { kind: 'comment', comment: a },
      { kind: 'comment', comment: b },
      { kind: 'react', key: 'room-1', reaction: 'love', by: 'ben', on: true },
      { kind: 'react', key: 'plenary', reaction: 'idea', by: 'ana', on: true },
    ];
    const canonical = (v: ReturnType<typeof emptyGallery>) => ({
      comments: v.comments,
      reactions: [...v.reactions].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    });
    const forward = changes.reduce(applyChange, emptyGallery());
    const backward = [...changes].reverse().reduce(applyChange, emptyGallery());
    expect(canonical(backward)).toEqual(canonical(forward));
    expect(commentsOf(forward, 'room-1')).toEqual([a]);
    // Delivered twice: still once. Deleted: gone.
    expect(applyChange(forward, { kind: 'comment', comment: a }).comments).toHaveLength(2);
    const gone = applyChange(forward, { kind: 'uncomment', id: a.id });
    expect(commentsOf(gone, 'room-1')).toEqual([]);
  });
});
