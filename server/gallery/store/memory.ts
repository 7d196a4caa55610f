import type { GalleryComment, GalleryReactionEntry } from '../../../shared/gallery/schema.js';
import { byTime } from '../../../shared/gallery/rules.js';
import type { AddCommentResult, GalleryStore } from './types.js';

interface Gallery {
  comments: Map<string, GalleryComment>;
  /** reactionKey -> entry */
  reactions: Map<string, GalleryReactionEntry>;
}

const reactionKey = (e: GalleryReactionEntry) => JSON.stringify([e.key, e.reaction, e.by]);

/** The gallery in memory: every write runs without awaiting, so each check and its write are one step. */
export class MemoryGalleryStore implements GalleryStore {
  private readonly galleries = new Map<string, Gallery>();

  /** [WS16] Forgets the gallery of a workshop whose lifetime is over. */
  dropWorkshop(workshopId: string) {
    this.galleries.delete(workshopId);
  }

  private of(workshopId: string): Gallery {
    let g = this.galleries.get(workshopId);
    if (!g) this.galleries.set(workshopId, (g = { comments: new Map(), reactions: new Map() }));
    return g;
  }

  async view(workshopId: string) {
    const g = this.galleries.get(workshopId);
    if (!g) return { comments: [], reactions: [] };
    return {
      comments: [...g.comments.values()].map((c) => ({ ...c })).sort(byTime),
      reactions: [...g.reactions.values()].map((r) => ({ ...r })),
    };
  }

  async getComment(workshopId: string, id: string) {
    const c = this.galleries.get(workshopId)?.comments.get(id);
    return c ? { ...c } : null;
  }

  async addComment(
    workshopId: string,
    comment: GalleryComment,
    limits: { perPerson: number; perWorkshop: number },
  ): Promise<AddCommentResult> {
    const g = this.of(workshopId);
    if (g.comments.has(comment.id)) return 'ok';
    if (g.comments.size >= limits.perWorkshop) return 'workshop_full';
    let mine = 0;
    for (const c of g.comments.values()) if (c.by === comment.by) mine++;
    if (mine >= limits.perPerson) return 'person_full';
    g.comments.set(comment.id, { ...comment });
    return 'ok';
  }

  async removeComment(workshopId: string, id: string) {
    const g = this.galleries.get(workshopId);
    const c = g?.comments.get(id);
    if (!g || !c) return null;
    g.comments.delete(id);
    return c;
  }

  async react(workshopId: string, entry: GalleryReactionEntry, on: boolean) {
    const g = this.of(workshopId);
    const k = reactionKey(entry);
    if (g.reactions.has(k) === on) return false;
    if (on) g.reactions.set(k, { ...entry });
    else g.reactions.delete(k);
    return true;
  }
}
