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
} as const;

/** [WS21] Who may write in the chat: everyone, nobody but moderators in the plenary, or anywhere. */
export const CHAT_LOCKS = ['open', 'plenary', 'all'] as const;
export type ChatLock = (typeof CHAT_LOCKS)[number];
