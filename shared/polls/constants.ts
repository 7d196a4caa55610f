/**
 * Poll kinds, limits and the options a poll offers, free of zod: the client imports these, the
 * schemas in schema.ts build on them.
 */
export const POLL_KINDS = ['single', 'multiple', 'yesno', 'scale', 'text', 'ranking'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/** When people who are not moderators see the results: always, once they voted, or once the poll is closed. */
export const RESULT_VISIBILITY = ['live', 'voted', 'closed'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITY)[number];

export const POLL_STATUS = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUS)[number];

export const QUIZ_SCORING = ['person', 'town'] as const;
export type QuizScoring = (typeof QUIZ_SCORING)[number];

export const POLL_LIMITS = {
  question: 300,
  option: 120,
  options: 20,
  text: 280,
  series: 80,
  rooms: 50,
  /** Kinds a quiz question can have: one right answer (or a set of them) to compare with. */
  quizKinds: ['single', 'multiple', 'yesno'] as readonly PollKind[],
  /** At most this many tally broadcasts per second per poll and node. */
  talliesPerSecond: 10,
  words: 60,
} as const;

const YES_NO_IDS = ['yes', 'no', 'abstain'] as const;

export interface PollOption {
  id: string;
  /** Empty for yes/no/abstain (the client translates the id) and for scale points (the number is the label). */
  label: string;
}

/**
 * The options a poll offers, derived from its kind: o1..oN for labelled options, yes/no/abstain,
 * or the scale points 1..max. Both sides use this, so a quiz's correct ids are known before saving.
 */
export function pollOptions(kind: PollKind, labels: readonly string[], scaleMax: number): PollOption[] {
  switch (kind) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return labels.map((label, i) => ({ id: `o${i + 1}`, label }));
    case 'yesno':
      return YES_NO_IDS.map((id) => ({ id, label: '' }));
    case 'scale':
      return Array.from({ length: scaleMax }, (_, i) => ({ id: String(i + 1), label: '' }));
    case 'text':
      return [];
    default: {
      const never: never = kind;
      throw new Error(`unknown poll kind ${String(never)}`);
    }
  }
}
