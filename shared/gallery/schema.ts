import { z } from 'zod';
import { GALLERY_LIMITS as L, GALLERY_REACTIONS, type GalleryReaction } from './constants.js';

export * from './constants.js';

const id = z.string().min(1).max(64);

/**
 * [GAL1] An item of the gallery walk: a room's board (the plenary or a breakout room), or a saved snapshot
 * of one. Comments and reactions belong to the whole board (or snapshot), not to one card on it.
 */
export const galleryItemSchema = z.object({ roomId: id, snapshotId: id.optional() }).strict();
export type GalleryItem = z.output<typeof galleryItemSchema>;

export const galleryCommentSchema = z
  .object({
    item: galleryItemSchema,
    text: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1).max(L.text)),
  })
  .strict();

export const galleryUncommentSchema = z.object({ id }).strict();

/** [GAL4] `on`: the reaction is set (true) or taken back (false); sent twice it changes nothing. */
export const galleryReactSchema = z
  .object({ item: galleryItemSchema, reaction: z.enum(GALLERY_REACTIONS), on: z.boolean() })
  .strict();

export const galleryEmptySchema = z.object({}).strict();

export interface GalleryComment {
  id: string;
  /** The item's key (itemKey): the room id, or `<roomId>/<snapshotId>`. */
  key: string;
  roomId: string;
  snapshotId: string | null;
  /** The author's participant id: they (and moderators) may delete it. */
  by: string;
  name: string;
  town: string;
  text: string;
  /** Server time. */
  at: number;
}

/** Who set a reaction on an item. */
export interface GalleryReactionEntry {
  key: string;
  reaction: GalleryReaction;
  by: string;
}

/** Everything of a workshop's gallery: comments oldest first, and every reaction. */
export interface GalleryView {
  comments: GalleryComment[];
  reactions: GalleryReactionEntry[];
}

/** What changed, sent to everyone in the workshop (`gallery:updated`); the client applies it (applyChange). */
export type GalleryChange =
  | { kind: 'comment'; comment: GalleryComment }
  | { kind: 'uncomment'; id: string }
  | { kind: 'react'; key: string; reaction: GalleryReaction; by: string; on: boolean };
