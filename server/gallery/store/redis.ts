import { z } from 'zod';
import { GALLERY_REACTIONS } from '../../../shared/gallery/constants.js';
import { byTime } from '../../../shared/gallery/rules.js';
import type { GalleryComment, GalleryReactionEntry, GalleryView } from '../../../shared/gallery/schema.js';
import type { RedisClient } from '../../store/redis/client.js';
import { StoredDataError } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { AddCommentResult, GalleryStore } from './types.js';

const commentRecord = z.object({
  id: z.string(),
  key: z.string(),
  roomId: z.string(),
  snapshotId: z.string().nullable(),
  by: z.string(),
  name: z.string(),
  town: z.string(),
  text: z.string(),
  at: z.number(),
}) satisfies z.ZodType<GalleryComment>;
const reactionRecord = z.tuple([z.string(), z.enum(GALLERY_REACTIONS), z.string()]);

function decode<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  try {
    return schema.parse(JSON.parse(raw));
  } catch (err) {
    throw new StoredDataError(what, err);
  }
}
const decodeComment = (raw: string) => decode(commentRecord, raw, 'gallery comment');
const reactionMember = (e: GalleryReactionEntry) => JSON.stringify([e.key, e.reaction, e.by]);

/**
 * The gallery in Redis: a hash of comments (id -> json) with a hash of how many each author holds, both
 * written by one Lua script; reactions are members of one set.
 */
export class RedisGalleryStore implements GalleryStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async view(workshopId: string): Promise<GalleryView> {
    const k = this.keys.gallery(workshopId);
    const [comments, reactions] = await Promise.all([this.client.hVals(k.comments), this.client.sMembers(k.reactions)]);
    return {
      comments: comments.map(decodeComment).sort(byTime),
      reactions: reactions.map((raw) => {
        const [key, reaction, by] = decode(reactionRecord, raw, 'gallery reaction');
        return { key, reaction, by };
      }),
    };
  }

  async getComment(workshopId: string, id: string) {
    const json = await this.client.hGet(this.keys.gallery(workshopId).comments, id);
    return json ? decodeComment(json) : null;
  }

  async addComment(
    workshopId: string,
    comment: GalleryComment,
    limits: { perPerson: number; perWorkshop: number },
  ): Promise<AddCommentResult> {
    const k = this.keys.gallery(workshopId);
    return (await this.client.galleryAdd(
      [k.comments, k.counts],
      [comment.id, comment.by, JSON.stringify(comment), String(limits.perPerson), String(limits.perWorkshop)],
    )) as AddCommentResult;
  }

  async removeComment(workshopId: string, id: string) {
    const comment = await this.getComment(workshopId, id);
    if (!comment) return null;
    const k = this.keys.gallery(workshopId);
    const json = (await this.client.galleryRemove([k.comments, k.counts], [id, comment.by])) as string | null;
    return json ? decodeComment(json) : null;
  }

  async react(workshopId: string, entry: GalleryReactionEntry, on: boolean) {
    const k = this.keys.gallery(workshopId).reactions;
    const member = reactionMember(entry);
    const n = on ? await this.client.sAdd(k, member) : await this.client.sRem(k, member);
    return n > 0;
  }
}
