import { command } from '../command.js';
import {
  galleryCommentSchema,
  galleryEmptySchema,
  galleryReactSchema,
  galleryUncommentSchema,
  type GalleryChange,
  type GalleryComment,
  type GalleryView,
} from './schema.js';

export const galleryCommands = {
  /** [GAL2] A comment on an item of the gallery walk, with the sender's name and town. */
  'gallery:comment': command<GalleryComment>()(galleryCommentSchema, 'member'),
  /** [GAL3] Deletes a comment: its author, or a moderator. */
  'gallery:uncomment': command<{ id: string }>()(galleryUncommentSchema, 'member'),
  /** [GAL4] Sets or takes back one of the sender's reactions on an item. */
  'gallery:react': command<{ changed: boolean }>()(galleryReactSchema, 'member'),
  /** Every comment and reaction of the workshop. */
  'gallery:sync': command<GalleryView>()(galleryEmptySchema, 'member'),
} as const;

export interface GalleryServerEvents {
  /** A comment added or deleted, a reaction set or taken back. */
  'gallery:updated': (change: GalleryChange) => void;
}
