import { z } from 'zod';
import { isLanguageCode, MAX_LANGUAGES } from '../languages.js';
import { runSheetSchema } from '../agenda/schema.js';
import { isCountryCode, MAX_COUNTRIES } from './countries.js';
import { cleanUserText, hasVisibleText } from './names.js';
import type { MediaConfig, MediaFlags } from '../media/schema.js';
import {
  CHAT_LOCKS,
  type ChatLock,
  STAGE_VIEWS,
  type StageView,
  JOIN_CODE_LENGTH,
  LIMITS,
  normalizeJoinCode,
  type Presence,
  REACTIONS,
  type Reaction,
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
const language = z.string().refine(isLanguageCode, 'Not a language code');
const joinCode = z.string().max(20).transform(normalizeJoinCode).pipe(z.string().length(JOIN_CODE_LENGTH));

export const workshopCreateSchema = z.object({
  title: text(LIMITS.title),
  description: z.string().trim().max(LIMITS.description).default(''),
  languages: z.array(language).min(1).max(MAX_LANGUAGES),
  startsAt: z.iso.datetime({ offset: true, local: true }).nullable().default(null),
  /** [WS29] The partner towns' countries (ISO 3166-1 alpha-2): their flags join the reactions. */
  countries: z.array(z.string().refine(isCountryCode, 'Not a country code')).max(MAX_COUNTRIES).default([]),
  /** [AG17] Last year's (or a partnership's) run sheet file: the new workshop starts with its sheet and steps. */
  runSheet: runSheetSchema.optional(),
});
export type WorkshopCreateInput = z.input<typeof workshopCreateSchema>;

export const workshopPreviewSchema = z.object({ code: joinCode });

const profile = {
  name: personText(LIMITS.name),
  town: personText(LIMITS.town),
  languages: z.array(language).max(MAX_LANGUAGES).default([]),
  kind: z.enum(['person', 'group']).default('person'),
  headcount: z.number().int().min(1).max(LIMITS.headcount).default(1),
  media: z.boolean().default(true),
  /** Ignored (both off) when joining without media. */
  micOn: z.boolean().default(true),
  cameraOn: z.boolean().default(true),
};

const id = z.string().min(1).max(64);

/** Who is coming in: the same for a join and for a knock at the lobby. */
const newcomer = {
  v: z.number().int(),
  code: joinCode,
  /** A random key this browser keeps (localStorage): a removal bars the browser, not only the name. */
  device: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
  /** [WS26] The workshop's passcode, typed or carried in the invite link (#pass=). */
  passcode: z
    .string()
    .max(LIMITS.passcode * 4)
    .optional(),
  ...profile,
};
const settleProfile = <
  P extends { kind: 'person' | 'group'; headcount: number; media: boolean; micOn: boolean; cameraOn: boolean },
>(
  p: P,
): P => ({
  ...p,
  headcount: p.kind === 'person' ? 1 : Math.max(2, p.headcount),
  micOn: p.media && p.micOn,
  cameraOn: p.media && p.cameraOn,
});

/** [WS25] A knock the moderators answered with "let in": its holder joins past lobby, passcode and lock. */
export const knockTicketSchema = z.object({ id, token: z.string().min(10).max(200) });

export const workshopJoinSchema = z
  .object({
    ...newcomer,
    moderatorKey: z.string().min(10).max(200).optional(),
    knock: knockTicketSchema.optional(),
  })
  .transform(settleProfile);
export type WorkshopJoinInput = z.input<typeof workshopJoinSchema>;

/** [WS25] Knocking at the lobby: who is there, as they would join. */
export const lobbyKnockSchema = z.object(newcomer).transform(settleProfile);
export const lobbyAdmitSchema = z.union([
  z.object({ knockIds: z.array(id).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export const lobbyDenySchema = z.object({
  knockId: id,
  reason: z.string().trim().max(LIMITS.denyReason).default(''),
});

/** [WS25][WS26][WS27] What moderators set about getting in; '' clears the passcode, 0 lifts the limit. */
export const workshopAccessSchema = z
  .object({
    lobby: z.boolean().optional(),
    passcode: z.string().trim().max(LIMITS.passcode).optional(),
    limit: z.number().int().min(0).max(LIMITS.occupancy).optional(),
  })
  .strict()
  .refine((x) => x.lobby !== undefined || x.passcode !== undefined || x.limit !== undefined, 'Nothing to change');

export const workshopResumeSchema = z.object({
  v: z.number().int(),
  workshopId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64),
  resumeToken: z.string().min(10).max(200),
  /**
   * [WS30] What this page already knows of the people: every participant change up to `participantsSeq`
   * and every breakout move up to `roomsVersion`. The snapshot then carries only who changed since.
   */
  since: z
    .object({
      participantsSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      roomsVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    })
    .optional(),
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
export { CHAT_LOCKS, type ChatLock, STAGE_VIEWS, type StageView } from './constants.js';

export const workshopLockSchema = z.object({ locked: z.boolean() });
/** [WS29] Which reactions a workshop takes is the handler's check (reactionsOf): the flags depend on it. */
export const reactionSchema = z.object({ emoji: z.string().min(1).max(16) });

/** [WS29] A reaction, to everyone in the sender's room. */
export interface ReactionEvent {
  participantId: string;
  emoji: Reaction;
  roomId: string;
  at: number;
}
export const chatLockSchema = z.object({ lock: z.enum(CHAT_LOCKS) });
export const stageSchema = z.object({ view: z.enum(STAGE_VIEWS) });

/** What everyone in a workshop may know about it (never the moderator secret). */
export interface WorkshopInfo {
  id: string;
  code: string;
  title: string;
  description: string;
  languages: string[];
  /** [WS29] The partner countries (ISO 3166-1 alpha-2): their flags join the reactions. */
  countries: string[];
  startsAt: string | null;
  createdAt: number;
  locked: boolean;
  /** [WS24] Who may write in the chat: everyone, nobody but moderators in the plenary, or anywhere. */
  chatLock: ChatLock;
  /** [WS33] What the moderators put on everyone's stage; each person may look at the other for themselves. */
  stage: StageView;
  /** [WS25] Newcomers wait in the lobby until a moderator lets them in (moderators come straight in). */
  lobby: boolean;
  /**
   * [WS26] What newcomers must give to get in; '' for none. Only people inside see it: they passed it,
   * and it goes into the invite link they pass on (#pass=).
   */
  passcode: string;
  /** [WS27] At most this many people present at once (moderators always get in); 0 for no limit. */
  limit: number;
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

/** [WS2] What the code alone shows: the invitation, not the people (nor the passcode, only that one is needed). */
export type WorkshopTeaser = Pick<
  WorkshopInfo,
  'code' | 'title' | 'description' | 'languages' | 'startsAt' | 'locked' | 'endedAt' | 'lobby'
> & { passcodeNeeded: boolean };

/** [WS25] Someone waiting in the lobby, as moderators see them. */
export interface Knock {
  id: string;
  name: string;
  town: string;
  languages: string[];
  kind: 'person' | 'group';
  headcount: number;
  /** Server time of the knock. */
  at: number;
}

/** [WS25] The answer to a knock: keep the token; `admitted` when nobody has to let you in (the lobby is off). */
export interface KnockTicket {
  knockId: string;
  token: string;
  admitted: boolean;
}

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
  /** [AG17] What the new workshop took from a run sheet file: its steps and their minutes. */
  imported?: { steps: number; minutes: number; sheet: boolean };
}

/** Everything a client needs to render the workshop after join or resume. */
export interface SessionSnapshot {
  workshop: WorkshopInfo;
  self: Participant;
  participants: Participant[];
  resumeToken: string;
  /** The participant sequence number the list is at least as new as; events above it follow. */
  participantsSeq: number;
  /** [WS30] The breakouts' version the rooms in the list are at least as new as (0: none yet). */
  roomsVersion: number;
  /**
   * [WS30] Set when the resume said what it knew and the server could answer with a delta: then
   * `participants` holds only those changed since `since` in more than their presence (and newcomers),
   * `presence` those whose presence alone changed (a reconnect storm: everyone, in a few bytes each), and
   * `removed` those removed since; everyone else is as the page knows them.
   */
  delta?: { since: number; removed: string[]; presence: PresenceChange[] };
  serverTime: number;
  /** The invite link (PUBLIC_URL when set), for the in-workshop "Invite" box and its QR code. */
  inviteUrl: string;
  /** For someone with media: what `media:config` answers, so the page builds its mesh without asking. */
  media?: MediaConfig;
}

export type LeaveReason = 'left' | 'removed';

/** [WS30] Someone whose presence alone changed: the page keeps the rest of what it knows of them. */
export interface PresenceChange {
  id: string;
  presence: Presence;
  seq: number;
}

/** Everyone in the workshop (removed people left out), at least as new as `seq`. */
export interface ParticipantsSync {
  seq: number;
  participants: Participant[];
}
