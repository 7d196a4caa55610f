/** Breakout limits and kinds, free of zod so the client can import them (schema.ts builds on them). */
export const MAX_ROOMS = 50;
export const ROOM_NAME_MAX = 60;
export const BROADCAST_MAX = 300;
/** Shortest and longest round: tests use seconds, workshops minutes. */
export const MIN_DURATION_MS = 1_000;
export const MAX_DURATION_MS = 4 * 3600_000;
export const MAX_ROUNDS = 12;
/** The "one minute left" notice. */
export const WARNING_MS = 60_000;

export const ASSIGN_MODES = ['random', 'language', 'tandem', 'choose', 'manual'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

export const ROTATION_KINDS = ['speedDating', 'tandem', 'worldCafe', 'reception', 'nested'] as const;
export type RotationKind = (typeof ROTATION_KINDS)[number];

/** [BR27] 1-2-4-All: alone (in the plenary), in pairs, in fours. */
export const NESTED_STAGES = ['alone', 'pairs', 'fours'] as const;
export type NestedStage = (typeof NESTED_STAGES)[number];
/** A private note of the silent minute, and a four's card (the board's card length). */
export const NOTE_MAX = 280;

export const BREAKOUT_STATUS = ['draft', 'open', 'closed'] as const;
export type BreakoutStatus = (typeof BREAKOUT_STATUS)[number];
