/** Gallery rules both sides need: an item's key, applying a change, counting reactions. */
import { GALLERY_REACTIONS, type GalleryReaction } from './constants.js';
import type { GalleryChange, GalleryComment, GalleryItem, GalleryView } from './schema.js';

/** [GAL1] The key of an item: the room id for a board, `<roomId>/<snapshotId>` for a saved snapshot. */
export const itemKey = (item: GalleryItem): string =>
  item.snapshotId ? `${item.roomId}/${item.snapshotId}` : item.roomId;

export const emptyGallery = (): GalleryView => ({ comments: [], reactions: [] });

/**
 * [GAL6] Applies one change; changes commute (a comment is added once by id, a reaction is a set member),
 * so deliveries from several nodes in any order end in the same view.
 */
export function applyChange(view: GalleryView, change: GalleryChange): GalleryView {
  switch (change.kind) {
    case 'comment':
      if (view.comments.some((c) => c.id === change.comment.id)) return view;
      return { ...view, comments: [...view.comments, change.comment].sort(byTime) };
    case 'uncomment':
      return { ...view, comments: view.comments.filter((c) => c.id !== change.id) };
    case 'react': {
      const { key, reaction, by, on } = change;
      const others = view.reactions.filter((r) => !(r.key === key && r.reaction === reaction && r.by === by));
      return { ...view, reactions: on ? [...others, { key, reaction, by }] : others };
    }
    default: {
      const never: never = change;
      return never;
    }
  }
}

export const byTime = (a: GalleryComment, b: GalleryComment) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The comments of one item, oldest first. */
export const commentsOf = (view: GalleryView, key: string) => view.comments.filter((c) => c.key === key);

/** [GAL4] Each reaction's count on an item and whether `me` set it, in the fixed order. */
export function reactionsOf(view: GalleryView, key: string, me = '') {
  return GALLERY_REACTIONS.map((reaction: GalleryReaction) => {
    const by = view.reactions.filter((r) => r.key === key && r.reaction === reaction);
    return { reaction, count: by.length, mine: by.some((r) => r.by === me) };
  });
}
