import type { GalleryComment, GalleryReactionEntry, GalleryView } from '../../../shared/gallery/schema.js';

export type AddCommentResult = 'ok' | 'person_full' | 'workshop_full';

/**
 * The gallery of a workshop in the domain's words. Comments are written once and only deleted, so each
 * write is one atomic step: the limits are checked where the comment lands, and a reaction is a set
 * member (set twice is set once).
 */
export interface GalleryStore {
  /** Every comment (oldest first) and every reaction of the workshop. */
  view(workshopId: string): Promise<GalleryView>;
  getComment(workshopId: string, id: string): Promise<GalleryComment | null>;
  /**
   * [GAL5] Adds the comment unless its author holds `perPerson` comments or the workshop `perWorkshop`
   * already; a comment whose id is stored already is not added twice (and answers `ok`).
   */
  addComment(
    workshopId: string,
    comment: GalleryComment,
    limits: { perPerson: number; perWorkshop: number },
  ): Promise<AddCommentResult>;
  /** Deletes the comment and frees its author's place; the deleted comment, or null when there was none. */
  removeComment(workshopId: string, id: string): Promise<GalleryComment | null>;
  /** Sets (`on`) or takes back a reaction; whether anything changed. */
  react(workshopId: string, entry: GalleryReactionEntry, on: boolean): Promise<boolean>;
}
