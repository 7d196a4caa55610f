/**
 * How records are written to Redis and read back: the one place that turns stored strings into typed
 * records. Everything read is decoded with a zod schema (never cast), so a hash or JSON value that is
 * not what the code expects fails loudly, naming what it was, instead of travelling on as a wrong type.
 */
import { z } from 'zod';
import type { SnapshotInfo } from '../../../shared/boards/schema.js';
import { ASSIGN_MODES, BREAKOUT_STATUS, ROTATION_KINDS } from '../../../shared/breakouts/schema.js';
import type { ChatMessage } from '../../../shared/chat/schema.js';
import { PLENARY } from '../../../shared/rooms.js';
import { POLL_KINDS, POLL_STATUS, quizSchema, RESULT_VISIBILITY } from '../../../shared/polls/schema.js';
import { CHAT_LOCKS, PRESENCE, ROLES, STAGE_VIEWS } from '../../../shared/workshops/schema.js';
import type { BreakoutRecord } from '../../breakouts/store/types.js';
import type { PollRecord, StoredVote } from '../../polls/store/types.js';
import type { SfuFeed, SfuPlacement } from '../../sfu/store/types.js';
import type { FishbowlRecord } from '../../fishbowl/logic.js';
import { FISHBOWL_PHASES } from '../../../shared/fishbowl/constants.js';
import type { BarcampRecord } from '../../barcamp/logic.js';
import { BARCAMP_PHASES } from '../../../shared/barcamp/constants.js';
import type { MarketRecord } from '../../market/logic.js';
import { MARKET_PHASES } from '../../../shared/market/constants.js';
import type { SpeakingRecord } from '../../speaking/logic.js';
import type { TruthsRecord } from '../../truths/logic.js';
import { GAME_PHASES, type Hashtags, TRUTHS_VARIANTS, type TruthsEntry } from '../../../shared/truths/schema.js';
import { ORDER_MODES, ROUND_PHASES, SPEAKER_STATUSES } from '../../../shared/speaking/constants.js';
import type { KnockRecord, ParticipantRecord, WorkshopRecord } from '../../workshops/store/types.js';

type Hash = Record<string, string>;

/** A stored value that does not decode: names the record, keeps zod's reason. */
export class StoredDataError extends Error {
  constructor(what: string, cause: unknown) {
    super(`stored ${what} does not decode: ${cause instanceof z.ZodError ? z.prettifyError(cause) : String(cause)}`);
    this.name = 'StoredDataError';
  }
}

function decode<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new StoredDataError(what, r.error);
  return r.data;
}

/** Parses stored JSON and checks it against the schema. */
function decodeJson<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new StoredDataError(what, err);
  }
  return decode(schema, value, what);
}

/** A script's HGETALL reply (flat field, value list) as a hash; null when the script returned nil. */
export function hashReply(reply: unknown, what: string): Hash | null {
  if (reply === null) return null;
  if (!Array.isArray(reply) || reply.length % 2 !== 0 || !reply.every((v) => typeof v === 'string')) {
    throw new StoredDataError(what, `expected a field, value list, got ${JSON.stringify(reply)?.slice(0, 80)}`);
  }
  const flat = reply as string[];
  const h: Hash = {};
  for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i]!] = flat[i + 1]!;
  return h;
}

/** A script's reply: exactly one of the given strings. */
export function statusReply<const S extends readonly [string, ...string[]]>(reply: unknown, statuses: S, what: string) {
  // A plain check: this runs for every guarded write, and building a schema each time would cost more.
  if (typeof reply === 'string' && (statuses as readonly string[]).includes(reply)) return reply as S[number];
  throw new StoredDataError(what, `expected one of ${statuses.join(', ')}, got ${JSON.stringify(reply)?.slice(0, 80)}`);
}

const bool = z.enum(['0', '1']).transform((v) => v === '1');
const int = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number);
const intOrNull = z.string().transform((v, ctx) => {
  if (v === '') return null;
  if (!/^-?\d+$/.test(v)) ctx.addIssue({ code: 'custom', message: 'a whole number or empty' });
  return Number(v);
});
const strings = z.array(z.string());
const jsonOf = <T>(schema: z.ZodType<T>) =>
  z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
const pairs = (o: Record<string, string>): string[] => Object.entries(o).flat();

// Workshops and participants: one hash each, every field a string.

const workshopHash = z.object({
  id: z.string().min(1),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  languages: jsonOf(strings),
  // Absent in hashes written before workshops named their countries.
  countries: jsonOf(strings).default([]),
  startsAt: z.string().transform((v) => v || null),
  createdAt: int,
  locked: bool,
  // Absent in hashes written before the chat could be closed.
  chatLock: z.enum(CHAT_LOCKS).default('open'),
  // Absent in hashes written before the stage could show the board.
  stage: z.enum(STAGE_VIEWS).default('video'),
  // Absent in hashes written before the lobby, passcode and limit.
  lobby: bool.default(false),
  passcode: z.string().default(''),
  limit: int.default(0),
  endedAt: intOrNull,
  moderatorKeyHash: z.string(),
}) satisfies z.ZodType<WorkshopRecord, Hash>;

export function encodeWorkshop(w: WorkshopRecord): string[] {
  return pairs({
    id: w.id,
    code: w.code,
    title: w.title,
    description: w.description,
    languages: JSON.stringify(w.languages),
    countries: JSON.stringify(w.countries),
    startsAt: w.startsAt ?? '',
    createdAt: String(w.createdAt),
    locked: w.locked ? '1' : '0',
    chatLock: w.chatLock,
    stage: w.stage,
    lobby: w.lobby ? '1' : '0',
    passcode: w.passcode,
    limit: String(w.limit),
    endedAt: w.endedAt === null ? '' : String(w.endedAt),
    moderatorKeyHash: w.moderatorKeyHash,
  });
}

/** A workshop hash; null when it does not exist (an empty hash). */
export function decodeWorkshop(h: Hash | null): WorkshopRecord | null {
  return h?.id ? decode(workshopHash, h, `workshop ${h.id}`) : null;
}

const participantHash = z.object({
  id: z.string().min(1),
  name: z.string(),
  town: z.string(),
  languages: jsonOf(strings),
  kind: z.enum(['person', 'group']),
  headcount: int,
  media: bool,
  micOn: bool,
  cameraOn: bool,
  screenSharing: bool,
  lowBandwidth: bool,
  onStage: bool,
  role: z.enum(ROLES),
  presence: z.enum(PRESENCE),
  roomId: z.string().transform((v) => v || PLENARY),
  handRaisedAt: intOrNull,
  joinedAt: int,
  seq: int,
  resumeTokenHash: z.string(),
  connectionId: z.string(),
  disconnectedAt: int,
  removed: bool,
  // Absent in hashes written before removals barred a browser.
  deviceHash: z.string().default(''),
  barred: bool.default(false),
  // Absent in hashes written before resumes with a delta: the whole record is sent for them.
  fullSeq: z
    .string()
    .default('')
    .transform((v) => (v === '' ? Number.MAX_SAFE_INTEGER : Number(v))),
}) satisfies z.ZodType<ParticipantRecord, Hash>;

export function encodeParticipant(p: ParticipantRecord): string[] {
  return pairs({
    id: p.id,
    name: p.name,
    town: p.town,
    languages: JSON.stringify(p.languages),
    kind: p.kind,
    headcount: String(p.headcount),
    media: p.media ? '1' : '0',
    micOn: p.micOn ? '1' : '0',
    cameraOn: p.cameraOn ? '1' : '0',
    screenSharing: p.screenSharing ? '1' : '0',
    lowBandwidth: p.lowBandwidth ? '1' : '0',
    onStage: p.onStage ? '1' : '0',
    role: p.role,
    presence: p.presence,
    roomId: p.roomId,
    handRaisedAt: p.handRaisedAt === null ? '' : String(p.handRaisedAt),
    joinedAt: String(p.joinedAt),
    seq: String(p.seq),
    resumeTokenHash: p.resumeTokenHash,
    connectionId: p.connectionId,
    disconnectedAt: String(p.disconnectedAt),
    removed: p.removed ? '1' : '0',
    deviceHash: p.deviceHash,
    barred: p.barred ? '1' : '0',
    fullSeq: String(p.fullSeq),
  });
}

/** A participant hash; null when it does not exist (an empty hash). */
export function decodeParticipant(h: Hash | null): ParticipantRecord | null {
  return h?.id ? decode(participantHash, h, `participant ${h.id}`) : null;
}

const chatMessage = z.object({
  id: z.string(),
  roomId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorTown: z.string(),
  text: z.string(),
  at: z.number(),
  editedAt: z.number().optional(),
  deleted: z.boolean().optional(),
}) satisfies z.ZodType<ChatMessage>;

export const decodeChatMessage = (raw: string) => decodeJson(chatMessage, raw, 'chat message');

// Polls: a hash with the definition as JSON, the fields the scripts check, and the state fields.

const pollDefinition = z.object({
  id: z.string(),
  workshopId: z.string(),
  createdAt: z.number(),
  question: z.string(),
  kind: z.enum(POLL_KINDS),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  maxSelections: z.number(),
  scaleMax: z.number(),
  anonymous: z.boolean(),
  visibility: z.enum(RESULT_VISIBILITY),
  allowChange: z.boolean(),
  weighted: z.boolean(),
  quiz: quizSchema.nullable(),
});

const pollHash = z
  .object({
    def: jsonOf(pollDefinition),
    status: z.enum(POLL_STATUS),
    openedAt: intOrNull,
    closedAt: intOrNull,
    deadline: intOrNull,
    rooms: jsonOf(strings),
    revealed: bool,
  })
  .transform(({ def, ...state }): PollRecord => ({ ...def, ...state }));

/** The definition fields of a poll hash: the definition plus `allowChange`, the one field the vote script reads (everything but its state). */
export function encodePollDefinition(p: PollRecord): string[] {
  const { status: _s, openedAt: _o, closedAt: _c, deadline: _d, rooms: _r, revealed: _v, ...definition } = p;
  return pairs({
    def: JSON.stringify(definition),
    allowChange: p.allowChange ? '1' : '0',
  });
}

export function encodePollState(p: PollRecord): string[] {
  return pairs({
    status: p.status,
    openedAt: String(p.openedAt ?? ''),
    closedAt: String(p.closedAt ?? ''),
    deadline: String(p.deadline ?? ''),
    rooms: JSON.stringify(p.rooms),
    revealed: p.revealed ? '1' : '0',
  });
}

/** A poll hash; null when it does not exist (an empty hash). */
export function decodePoll(h: Hash | null): PollRecord | null {
  return h?.def ? decode(pollHash, h, `poll in ${h.def.slice(0, 60)}`) : null;
}

const storedVote = z.object({
  c: strings,
  t: z.string(),
  w: z.number(),
  r: z.string(),
  at: z.number(),
}) satisfies z.ZodType<StoredVote>;

/** A stored vote carries its answer key (`k`), which the vote script compares; decoding drops it. */
export const decodeVote = (raw: string) => decodeJson(storedVote, raw, 'vote');

// Breakouts: the whole state of a workshop's breakouts as one JSON value (optimistic version check).

const breakoutRecord = z.object({
  version: z.number(),
  status: z.enum(BREAKOUT_STATUS),
  rooms: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      hostId: z.string().nullable(),
      capacity: z.number().nullable(),
      languages: strings,
      number: z.number().optional(),
    }),
  ),
  plan: z.record(z.string(), z.string()),
  mode: z.enum(ASSIGN_MODES),
  rotation: z
    .object({
      kind: z.enum(ROTATION_KINDS),
      rounds: z.number(),
      durationMs: z.number(),
      languages: strings,
      durations: z.array(z.number()).optional(),
    })
    .nullable(),
  round: z
    .object({
      index: z.number(),
      total: z.number(),
      startedAt: z.number(),
      deadline: z.number(),
      durationMs: z.number(),
    })
    .nullable(),
  roundsEnded: z.number(),
  help: z.array(z.object({ participantId: z.string(), roomId: z.string(), at: z.number() })),
  archive: z.array(z.object({ id: z.string(), name: z.string(), closedAt: z.number(), number: z.number().optional() })),
  broadcast: z
    .object({ id: z.string(), text: z.string(), fromId: z.string(), fromName: z.string(), at: z.number() })
    .nullable(),
  schedule: z.array(z.record(z.string(), z.string())),
}) satisfies z.ZodType<BreakoutRecord>;

export const decodeBreakouts = (raw: string) => decodeJson(breakoutRecord, raw, 'breakouts');

const speakingRecord = z.object({
  version: z.number(),
  rounds: z.array(
    z.object({
      id: z.string(),
      roomId: z.string(),
      question: z.string(),
      thinkSec: z.number(),
      perSpeakerSec: z.number(),
      order: z.enum(ORDER_MODES),
      autoAdvance: z.boolean(),
      phase: z.enum(ROUND_PHASES),
      startedAt: z.number(),
      thinkEndsAt: z.number(),
      turnStartedAt: z.number().nullable(),
      deadline: z.number().nullable(),
      endedAt: z.number().nullable(),
      speakers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          town: z.string(),
          kind: z.enum(['person', 'group']),
          headcount: z.number(),
          media: z.boolean(),
          status: z.enum(SPEAKER_STATUSES),
          passed: z.boolean(),
        }),
      ),
      current: z.number(),
    }),
  ),
}) satisfies z.ZodType<SpeakingRecord>;

export const decodeSpeaking = (raw: string) => decodeJson(speakingRecord, raw, 'speaking rounds');

// Boards: saved copies are listed by their info JSON. (Ops and snapshots are still parsed without a
// schema: their item schemas are private to shared/boards/schema.ts, the strict input schemas would refuse
// some stored `before` values, and a full pass over a large snapshot sits on the board-sync hot path; worth
// a change of its own, with a benchmark.)

const snapshotInfo = z.object({
  id: z.string(),
  roomId: z.string(),
  label: z.string(),
  seq: z.number(),
  at: z.number(),
}) satisfies z.ZodType<SnapshotInfo>;

export const decodeSnapshotInfo = (raw: string) => decodeJson(snapshotInfo, raw, 'board snapshot info');

// SFU: placements and feeds as JSON values of two hashes per workshop.

const sfuPlacement = z.object({
  server: z.string(),
  janusRoom: z.number(),
  secret: z.string(),
}) satisfies z.ZodType<SfuPlacement>;

const sfuFeed = z.object({
  roomId: z.string(),
  janusRoom: z.number(),
  feed: z.number(),
  mids: z.object({ audio: z.string().optional(), video: z.string().optional() }),
}) satisfies z.ZodType<SfuFeed>;

export const decodeSfuPlacement = (raw: string) => decodeJson(sfuPlacement, raw, 'sfu placement');
export const decodeSfuFeed = (raw: string) => decodeJson(sfuFeed, raw, 'sfu feed');

// [WS25] Knocks at the lobby: one JSON per knock in the lobby hash; whether admitted is a set beside it.

const knockJson = z.object({
  id: z.string().min(1),
  name: z.string(),
  town: z.string(),
  languages: strings,
  kind: z.enum(['person', 'group']),
  headcount: z.number().int(),
  at: z.number(),
  tokenHash: z.string(),
  deviceHash: z.string(),
});

export function decodeKnock(raw: string, admitted: (id: string) => boolean): KnockRecord {
  const k = decodeJson(knockJson, raw, 'knock');
  return { ...k, admitted: admitted(k.id) };
}

const three = z.tuple([z.string(), z.string(), z.string()]);

const truthsRecord = z.object({
  version: z.number(),
  games: z.array(
    z.object({
      id: z.string(),
      roomId: z.string(),
      // Games stored before the hashtags variant are statements games.
      variant: z.enum(TRUTHS_VARIANTS).default('statements'),
      voteSec: z.number(),
      phase: z.enum(GAME_PHASES),
      order: strings,
      current: z.number(),
      statements: three.nullable(),
      deadline: z.number().nullable(),
      reveals: z.array(
        z.object({
          authorId: z.string(),
          name: z.string(),
          town: z.string(),
          statements: three,
          lie: z.number(),
          right: strings,
          votes: z.number(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<TruthsRecord>;

export const decodeTruths = (raw: string) => decodeJson(truthsRecord, raw, 'truths games');

const truthsEntry = z.object({
  statements: three,
  lie: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  at: z.number(),
}) satisfies z.ZodType<TruthsEntry>;

export const decodeTruthsEntry = (raw: string) => decodeJson(truthsEntry, raw, 'truths statements');

export const decodeHashtags = (raw: string): Hashtags => decodeJson(three, raw, 'truths hashtags');

const fishbowlPerson = { id: z.string(), name: z.string(), town: z.string(), since: z.number() };

const fishbowlRecord = z.object({
  version: z.number(),
  fishbowl: z
    .object({
      id: z.string(),
      roomId: z.string(),
      phase: z.enum(FISHBOWL_PHASES),
      seats: z.array(z.object({ ...fishbowlPerson, permanent: z.boolean() }).nullable()),
      queue: z.array(z.object(fishbowlPerson)),
      startedAt: z.number(),
      endedAt: z.number().nullable(),
      stageWasOn: z.boolean(),
    })
    .nullable(),
}) satisfies z.ZodType<FishbowlRecord>;

export const decodeFishbowl = (raw: string) => decodeJson(fishbowlRecord, raw, 'fishbowl');

const marketSignup = z.object({
  participantId: z.string(),
  name: z.string(),
  town: z.string(),
  offer: z.string(),
  at: z.number(),
});

const marketRecord = z.object({
  version: z.number(),
  market: z
    .object({
      id: z.string(),
      phase: z.enum(MARKET_PHASES),
      stalls: z.array(
        z.object({
          id: z.string(),
          roomId: z.string().nullable(),
          title: z.string(),
          ownerId: z.string().nullable(),
          ownerName: z.string(),
          capacity: z.number().nullable(),
          signups: z.array(marketSignup),
          notes: z.string(),
          contactId: z.string().nullable(),
          contactName: z.string(),
        }),
      ),
      pitchSec: z.number(),
      pitch: z.object({ index: z.number(), startedAt: z.number(), deadline: z.number() }).nullable(),
      startedAt: z.number(),
      endedAt: z.number().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<MarketRecord>;

export const decodeMarket = (raw: string) => decodeJson(marketRecord, raw, 'market');

const barcampRecord = z.object({
  version: z.number(),
  barcamp: z
    .object({
      id: z.string(),
      phase: z.enum(BARCAMP_PHASES),
      rooms: z.number(),
      slotMin: z.number(),
      proposals: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          hostId: z.string(),
          hostName: z.string(),
          language: z.string().nullable(),
          votes: z.array(z.string()),
          notes: z.string(),
          notesRev: z.number(),
          roomId: z.string().nullable(),
        }),
      ),
      grid: z
        .object({
          rooms: z.number(),
          slots: z.array(z.object({ id: z.string(), label: z.string() })),
          cells: z.array(z.array(z.string().nullable())),
        })
        .nullable(),
      current: z.number().nullable(),
      startedAt: z.number(),
      endedAt: z.number().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<BarcampRecord>;

export const decodeBarcamp = (raw: string) => decodeJson(barcampRecord, raw, 'barcamp');
