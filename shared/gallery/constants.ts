/** Gallery comments: limits and the reactions, one place for both sides. */

export const GALLERY_LIMITS = {
  /** A comment is short, like a sticky note next to a poster. */
  text: 280,
  /** Comments a person holds at once in a workshop (deleting one frees a place; moderators too). */
  perPerson: 50,
  /** Comments a workshop holds at once. */
  perWorkshop: 2_000,
} as const;

/** The fixed set of reactions, in the order they are shown; one of each per person per item. */
export const GALLERY_REACTIONS = ['like', 'love', 'idea', 'question'] as const;
export type GalleryReaction = (typeof GALLERY_REACTIONS)[number];

export const REACTION_EMOJI: Record<GalleryReaction, string> = {
  like: '👍',
  love: '❤️',
  idea: '💡',
  question: '❓',
};
