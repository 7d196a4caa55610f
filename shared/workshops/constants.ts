/**
 * Workshop constants and the join-code rules, free of zod: the client imports these, the schemas
 * in schema.ts build on them (the client never parses, so it never loads zod).
 */
export const ROLES = ['moderator', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export const PRESENCE = ['online', 'reconnecting', 'offline'] as const;
export type Presence = (typeof PRESENCE)[number];

/** Readable join code: no 0/O, 1/I/L. Shown as ABC-DEF, typed in any case, with or without the dash. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

export const LIMITS = {
  title: 120,
  description: 600,
  name: 60,
  town: 80,
  headcount: 500,
  /** [WS26] A workshop's passcode. */
  passcode: 40,
  /** [WS27] The most people a workshop may be limited to. */
  occupancy: 2000,
  /** [WS25] Why a moderator did not let someone in. */
  denyReason: 200,
} as const;

/** [WS29] The reactions people can send (raising a hand stays separate). */
export const REACTIONS = ['👍', '👏', '❤️', '😂', '🎉'] as const;
/** A reaction: one of REACTIONS, or the flag of one of the workshop's countries (countries.ts). */
export type Reaction = string;
/** [WS29] A person may send REACTION_BURST reactions at once, then one every REACTION_EVERY_MS. */
export const REACTION_BURST = 3;
export const REACTION_EVERY_MS = 1_000;
/** [WS29] How long a reaction floats on a tile. */
export const REACTION_SHOW_MS = 4_000;

/** [WS24] Who may write in the chat: everyone, nobody but moderators in the plenary, or anywhere. */
export const CHAT_LOCKS = ['open', 'plenary', 'all'] as const;
export type ChatLock = (typeof CHAT_LOCKS)[number];

/** [WS33] What the stage shows everyone: the video grid, or the board (video as a strip). */
export const STAGE_VIEWS = ['video', 'board'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];
