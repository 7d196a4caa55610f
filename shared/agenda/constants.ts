/** Agenda kinds and limits, free of zod: the client imports these, schema.ts builds on them. */
export { BOARD_LIMITS } from '../boards/constants.js';
export { BROADCAST_MAX as BROADCAST_MAX_CHARS } from '../breakouts/constants.js';

export const STEP_LIMITS = {
  steps: 40,
  title: 120,
  /** Minutes of one step. */
  durationMin: 240,
  /** [AG16] The shortest step, and the steps its minutes go in: a quarter minute. */
  durationMinMin: 0.25,
  rooms: 50,
  rounds: 12,
} as const;

/**
 * Every mechanic a step can switch on. `built` ones run through the existing services; the others are
 * listed so that formats can name them, and their steps show what to do by hand until they exist.
 */
export const MECHANIC_KINDS = [
  'timer',
  'poll',
  'cards',
  'dots',
  'rooms',
  'rotation',
  'broadcast',
  'gallery',
  'speaking',
  'fishbowl',
  'nestedRooms',
  'twoTruths',
  'ideaMarket',
  'barcamp',
] as const;

export const ROTATIONS = ['speedDating', 'tandem', 'worldCafe', 'reception'] as const;

export const SHEET_ENUMS = {
  category: ['getToKnow', 'puzzle', 'knowledge', 'celebration', 'working', 'project'],
  status: ['idea', 'planned', 'done'],
  digitalExperience: ['little', 'some', 'confident'],
  setting: ['online', 'hybrid', 'inPerson'],
  interpretation: ['none', 'consecutive', 'simultaneous'],
  groups: ['whole', 'small', 'pairs'],
} as const;
