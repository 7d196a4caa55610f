import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { cleanUserText, hasVisibleText } from './names.js';
import type { MediaFlags } from '../media/schema.js';
import {
  CHAT_LOCKS,
  type ChatLock,
  JOIN_CODE_LENGTH,
  LIMITS,
  normalizeJoinCode,
  type Presence,
  type Role,
} from './constants.js';

export * from './constants.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** [WS18] Text about a person (name, town): cleaned as names.ts says, and something visible must be left. */
const personText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform(cleanUserText)
    .pipe(z.string().min(1).max(max).refine(hasVisibleText, 'Nothing visible is left of this text'));
const language = z.enum(LANGUAGES);
const joinCode = z.string().max(20).transform(normalizeJoinCode).pipe(z.string().length(JOIN_CODE_LENGTH));

export const workshopCreateSchema = z.object({
  title: text(LIMITS.title),
  description: z.string().trim().max(LIMITS.description).default(''),
  languages: z.array(language).min(1).max(LANGUAGES.length),
  startsAt: z.iso.datetime({ offset: true, local: true }).nullable().default(null),
});
export type WorkshopCreateInput = z.input<typeof workshopCreateSchema>;

export const workshopPreviewSchema = z.object({ code: joinCode });

const profile = {
  name: personText(LIMITS.name),
  town: personText(LIMITS.town),
  languages: z.array(language).max(LANGUAGES.length).default([]),
  kind: z.enum(['person', 'group']).default('person'),
  headcount: z.number().int().min(1).max(LIMITS.headcount).default(1),
  media: z.boolean().default(true),
  /** Ignored (both off) when joining without media. */
  micOn: z.boolean().default(true),
  cameraOn: z.boolean().default(true),
};

export const workshopJoinSchema = z
  .object({
    v: z.number().int(),
    code: joinCode,
    moderatorKey: z.string().min(10).max(200).optional(),
    /** A random key this browser keeps (localStorage): a removal bars the browser, not only the name. */
    device: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional(),
    ...profile,
  })
  .transform((p) => ({
    ...p,
    headcount: p.kind === 'person' ? 1 : Math.max(2, p.headcount),
    micOn: p.media && p.micOn,
    cameraOn: p.media && p.cameraOn,
  }));
export type WorkshopJoinInput = z.input<typeof workshopJoinSchema>;

export const workshopResumeSchema = z.object({
  v: z.number().int(),
  workshopId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64),
  resumeToken: z.string().min(10).max(200),
});

export const emptySchema = z.object({}).strict();
export const participantTargetSchema = z.object({ participantId: z.string().min(1).max(64) });

/** Someone a moderator removed, as moderators see them in the "let back in" list. */
export interface RemovedParticipant {
  id: string;
  name: string;
  town: string;
}
export const handLowerSchema = z.object({ participantId: z.string().min(1).max(64).optional() });
export { CHAT_LOCKS, type ChatLock } from './constants.js';

export const workshopLockSchema = z.object({ locked: z.boolean() });
export const chatLockSchema = z.object({ lock: z.enum(CHAT_LOCKS) });

/** What everyone in a workshop may know about it (never the moderator secret). */
export interface WorkshopInfo {
  id: string;
  code: string;
  title: string;
  description: string;
  languages: string[];
  startsAt: string | null;
  createdAt: number;
  locked: boolean;
  /** [WS21] Who may write in the chat: everyone, nobody but moderators in the plenary, or anywhere. */
  chatLock: ChatLock;
  endedAt: number | null;
}

/** Media flags (MediaFlags) are stored too, so late joiners and reconnects see mic, camera, stage. */
export interface Participant extends MediaFlags {
  id: string;
  name: string;
  town: string;
  languages: string[];
  kind: 'person' | 'group';
  headcount: number;
  media: boolean;
  role: Role;
  presence: Presence;
  /** The room this participant is in: PLENARY or a breakout room's id. Media, chat and boards follow it. */
  roomId: string;
  /** Server time the hand went up; null when down. Order of raised hands = order of this value. */
  handRaisedAt: number | null;
  joinedAt: number;
  /**
   * The workshop's participant sequence number at this participant's last change. Every change of any
   * participant bumps the workshop's counter once: a client that sees a number skipped missed an event.
   */
  seq: number;
}

/** [WS2] What the code alone shows: the invitation, not the people. */
export type WorkshopTeaser = Pick<
  WorkshopInfo,
  'code' | 'title' | 'description' | 'languages' | 'startsAt' | 'locked' | 'endedAt'
>;

export interface WorkshopPreview {
  workshop: WorkshopTeaser;
  /** Towns at least two people came from, for the join form's suggestions. */
  towns: string[];
}

export interface WorkshopCreated {
  workshop: WorkshopInfo;
  moderatorKey: string;
  inviteUrl: string;
  moderatorUrl: string;
}

/** Everything a client needs to render the workshop after join or resume. */
export interface SessionSnapshot {
  workshop: WorkshopInfo;
  self: Participant;
  participants: Participant[];
  resumeToken: string;
  /** The participant sequence number the list is at least as new as; events above it follow. */
  participantsSeq: number;
  serverTime: number;
  /** The invite link (PUBLIC_URL when set), for the in-workshop "Invite" box and its QR code. */
  inviteUrl: string;
}

export type LeaveReason = 'left' | 'removed';

/** Everyone in the workshop (removed people left out), at least as new as `seq`. */
export interface ParticipantsSync {
  seq: number;
  participants: Participant[];
}
