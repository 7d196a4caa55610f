/** Chat limits, free of zod so the client can import them (schema.ts builds on them). */
export const CHAT_MAX_LENGTH = 1000;
export const CHAT_HISTORY = 200;
