/**
 * Gallery comments, the rules as pure functions: what may be commented on, what a comment is, who may
 * delete it, and what a refused write means. Time and ids come in `ctx`; the store does the atomic part.
 */
import { CommandError } from '../../shared/command.js';
import { itemKey } from '../../shared/gallery/rules.js';
import type { GalleryComment, GalleryItem } from '../../shared/gallery/schema.js';
import type { AddCommentResult } from './store/types.js';

export interface GalleryActor {
  id: string;
  name: string;
  town: string;
  moderator: boolean;
}

export interface GalleryCtx {
  now: number;
  newId: () => string;
}

/** What the server knows about an item when someone comments on or reacts to it. */
export interface ItemFacts {
  /** The board was ever written to (or is the plenary's); the snapshot is still kept. */
  exists: boolean;
  /** Its room is a breakout room running right now ([BOARD13]: not part of the gallery yet). */
  running: boolean;
}

/** [GAL1][GAL2] Only items of the gallery walk: an existing board or snapshot whose room is not running. */
export function checkItem(facts: ItemFacts): void {
  if (!facts.exists) throw new CommandError('not_found', 'No such board or snapshot');
  if (facts.running) throw new CommandError('forbidden', 'This room is still running');
}

/** [GAL2] A comment carries its author's name and town as they are now, and the server's time. */
export function newComment(item: GalleryItem, text: string, actor: GalleryActor, ctx: GalleryCtx): GalleryComment {
  return {
    id: ctx.newId(),
    key: itemKey(item),
    roomId: item.roomId,
    snapshotId: item.snapshotId ?? null,
    by: actor.id,
    name: actor.name,
    town: actor.town,
    text,
    at: ctx.now,
  };
}

/** [GAL3] The author deletes their own comment; a moderator any. */
export function checkDelete(comment: GalleryComment | null, actor: GalleryActor): GalleryComment {
  if (!comment) throw new CommandError('not_found', 'No such comment');
  if (comment.by !== actor.id && !actor.moderator)
    throw new CommandError('forbidden', 'Only its author or a moderator deletes a comment');
  return comment;
}

/** [GAL5] A full store answers with the limit that was reached. */
export function checkAdded(result: AddCommentResult): void {
  if (result === 'person_full') throw new CommandError('limit_reached', 'You have written as many comments as allowed');
  if (result === 'workshop_full')
    throw new CommandError('limit_reached', 'The gallery holds as many comments as it may');
}
