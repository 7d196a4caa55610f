/**
 * Bumped on any incompatible change; join and resume refuse a mismatch with `version_mismatch`.
 * A module of its own so the client can send it without loading the command schemas (zod).
 */
export const PROTOCOL_VERSION = 1;
