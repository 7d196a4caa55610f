/**
 * Breakout state transitions (rules in shared/breakouts/RULES.md): (state, input, ctx) -> next state
 * and the room moves it implies. No sockets, no store, no clock: `now`, ids and people come in.
 */
import {
  NESTED_STAGES,
  PLENARY,
  type BreakoutBroadcast,
  type BreakoutRotation,
  type NestedStage,
  type NestedView,
  type BreakoutMove,
  type BreakoutRoom,
  type RoundEnded,
} from '../../shared/breakouts/schema.js';
import { NOTE_MAX } from '../../shared/breakouts/constants.js';
import { CommandError } from '../../shared/command.js';
import type { z } from 'zod';
import type { assignSchema, roomInputSchema, rotateSchema } from '../../shared/breakouts/schema.js';
import type { BreakoutRecord } from './store/types.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import {
  headcountOf,
  languageGroups,
  mixTowns,
  smallestRoom,
  tandemPairs,
  type Groups,
  type Person,
} from './assign.js';
import { seededRng, type Rng } from './random.js';
import { nestedGroups } from './nested.js';
import { reception, speedDating, tandemRotation, worldCafe } from './rotation.js';

export interface BreakoutCtx {
  now: number;
  newId: () => string;
  /** Everyone in the workshop (removed ones are ignored). */
  people: readonly ParticipantRecord[];
}

export interface Change {
  state: BreakoutRecord;
  moves: BreakoutMove[];
}

/** A room as the moderator describes it (validated by roomInputSchema on the wire). */
export type RoomSpec = Omit<z.output<typeof roomInputSchema>, 'languages'> & { languages: readonly string[] };

export function emptyBreakouts(): BreakoutRecord {
  return {
    version: 0,
    status: 'draft',
    rooms: [],
    plan: {},
    mode: 'random',
    rotation: null,
    round: null,
    roundsEnded: 0,
    help: [],
    archive: [],
    broadcast: null,
    schedule: [],
  };
}

/** [BR11] Assignments take participants who are here: not moderators, not removed, not gone offline. */
export function eligible(people: readonly ParticipantRecord[]): ParticipantRecord[] {
  return people
    .filter((p) => !p.removed && p.role === 'participant' && p.presence !== 'offline')
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

const isOpen = (s: BreakoutRecord) => s.status === 'open';
const roomIds = (s: BreakoutRecord) => new Set(s.rooms.map((r) => r.id));
/** A breakout room that is open right now: its chat and board belong to its members (and moderators). */
export const isRunningRoom = (s: BreakoutRecord, roomId: string) => isOpen(s) && roomIds(s).has(roomId);
const alive = (ctx: BreakoutCtx) => new Map(ctx.people.filter((p) => !p.removed).map((p) => [p.id, p]));

function requireOpen(s: BreakoutRecord) {
  if (!isOpen(s)) throw new CommandError('not_open', 'The breakout rooms are not open');
}
function requireNotOpen(s: BreakoutRecord) {
  if (isOpen(s)) throw new CommandError('already_open', 'The breakout rooms are already open');
}

/** The moves that bring everyone listed in `plan` (and only them) to their planned room. */
function movesFor(plan: Readonly<Record<string, string>>, ctx: BreakoutCtx): BreakoutMove[] {
  const byId = alive(ctx);
  return Object.entries(plan)
    .filter(([id, roomId]) => byId.has(id) && byId.get(id)!.roomId !== roomId)
    .map(([participantId, roomId]) => ({ participantId, roomId }));
}

/** [BR12] Up to MAX_ROOMS named rooms; ids are kept, hosts must be participants; a room with people cannot go while open. */
export function setRooms(s: BreakoutRecord, input: readonly RoomSpec[], ctx: BreakoutCtx): Change {
  const known = roomIds(s);
  const byId = alive(ctx);
  // [BR24] Once numbers are fixed (a room was closed alone), kept rooms keep theirs and new ones follow.
  const numberOf = new Map(s.rooms.flatMap((r) => (r.number === undefined ? [] : [[r.id, r.number] as const])));
  let next = Math.max(0, ...numberOf.values()) + 1;
  const rooms: BreakoutRoom[] = input.map((r) => {
    const id = r.id && known.has(r.id) ? r.id : ctx.newId();
    const number = numberOf.size > 0 ? (numberOf.get(id) ?? next++) : undefined;
    return {
      id,
      name: r.name,
      hostId: r.hostId && byId.has(r.hostId) ? r.hostId : null,
      capacity: r.capacity,
      languages: [...r.languages],
      ...(number !== undefined && { number }),
    };
  });
  const kept = new Set(rooms.map((r) => r.id));
  if (isOpen(s) && Object.values(s.plan).some((roomId) => roomId !== PLENARY && !kept.has(roomId))) {
    throw new CommandError('room_occupied', 'A room with people in it cannot be removed while rooms are open');
  }
  const plan = Object.fromEntries(
    Object.entries(s.plan).filter(([, roomId]) => roomId === PLENARY || kept.has(roomId)),
  );
  for (const r of rooms) if (r.hostId) plan[r.hostId] = r.id; // [BR3] a host sits at their table
  const state = { ...s, rooms, plan };
  return { state, moves: isOpen(s) ? movesFor(plan, ctx) : [] };
}

const toPerson = (p: ParticipantRecord): Person => ({
  id: p.id,
  town: p.town,
  languages: p.languages,
  headcount: p.headcount,
});

function generatedRooms(count: number, ctx: BreakoutCtx, languages: string[][] = []): BreakoutRoom[] {
  return Array.from({ length: count }, (_, i) => ({
    id: ctx.newId(),
    name: '',
    hostId: null,
    capacity: null,
    languages: languages[i] ?? [],
  }));
}

function planOf(groups: Groups, rooms: readonly BreakoutRoom[]): Record<string, string> {
  const plan: Record<string, string> = {};
  groups.forEach((ids, i) => ids.forEach((id) => (plan[id] = rooms[i]!.id)));
  return plan;
}

/** [BR1]-[BR5] A new plan by mode; while rooms are open it applies at once. */
export function assign(
  s: BreakoutRecord,
  input: z.output<typeof assignSchema>,
  seed: number,
  ctx: BreakoutCtx,
): Change {
  const rng = seededRng(seed);
  const people = eligible(ctx.people);
  const byId = alive(ctx);
  const hosts = s.rooms.map((r) => (r.hostId && byId.has(r.hostId) ? toPerson(byId.get(r.hostId)!) : null));
  let rooms = s.rooms;
  let plan: Record<string, string>;
  switch (input.mode) {
    case 'random':
      if (rooms.length === 0) rooms = generatedRooms(Math.max(1, Math.ceil(people.length / 4)), ctx);
      plan = planOf(
        mixTowns(people.map(toPerson), rooms.length, rng, { fixed: hosts.map((h) => (h ? [h] : [])) }),
        rooms,
      );
      break;
    case 'tandem': {
      if (input.languages.length !== 2) throw new CommandError('invalid_payload', 'A tandem needs two languages');
      const pairs = tandemPairs(people.map(toPerson), [input.languages[0]!, input.languages[1]!], rng);
      rooms = generatedRooms(
        pairs.length,
        ctx,
        pairs.map(() => [...input.languages]),
      );
      plan = planOf(pairs, rooms);
      break;
    }
    case 'language': {
      const { groups, languages } = languageGroups(people.map(toPerson), input.capacity ?? 4, rng);
      rooms = generatedRooms(
        groups.length,
        ctx,
        languages.map((l) => (l ? [l] : [])),
      );
      plan = planOf(groups, rooms);
      break;
    }
    case 'choose':
      rooms = rooms.map((r) => ({ ...r, capacity: input.capacity ?? r.capacity }));
      plan = Object.fromEntries(rooms.filter((r) => r.hostId).map((r) => [r.hostId!, r.id]));
      break;
    case 'manual':
      plan = { ...s.plan };
      break;
    default:
      throw new Error(`unknown mode ${String(input.mode satisfies never)}`);
  }
  if (isOpen(s) && rooms !== s.rooms) throw new CommandError('already_open', 'Close the rooms before making new ones');
  const state: BreakoutRecord = { ...s, rooms, plan, mode: input.mode };
  return { state, moves: isOpen(s) ? movesFor(plan, ctx) : [] };
}

/** [BR13] The moderator moves one person: into the plan, and while open into the room at once. */
export function move(s: BreakoutRecord, participantId: string, roomId: string, ctx: BreakoutCtx): Change {
  const person = alive(ctx).get(participantId);
  if (!person) throw new CommandError('not_found', 'No such participant');
  if (roomId !== PLENARY && !roomIds(s).has(roomId)) throw new CommandError('not_found', 'No such room');
  const plan = { ...s.plan, [participantId]: roomId };
  const rooms = s.rooms.map((r) => (r.hostId === participantId && r.id !== roomId ? { ...r, hostId: null } : r));
  return { state: { ...s, plan, rooms }, moves: isOpen(s) ? movesFor({ [participantId]: roomId }, ctx) : [] };
}

/** [BR6] Whoever is here but not in the plan goes to the smallest room. */
function withLateJoiners(
  plan: Record<string, string>,
  rooms: readonly BreakoutRoom[],
  ctx: BreakoutCtx,
): Record<string, string> {
  const out = { ...plan };
  const byId = new Map(eligible(ctx.people).map((p) => [p.id, toPerson(p)]));
  for (const p of eligible(ctx.people)) {
    if (out[p.id] !== undefined) continue;
    const room = smallestRoom(membersByRoom(out, rooms), byId);
    if (room) out[p.id] = room;
  }
  return out;
}

function membersByRoom(
  plan: Readonly<Record<string, string>>,
  rooms: readonly BreakoutRoom[],
): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(rooms.map((r) => [r.id, [] as string[]]));
  for (const [id, roomId] of Object.entries(plan)) out[roomId]?.push(id);
  return out;
}

/** [BR14] Opening moves everyone to their planned room for one round ending at now + duration; in "choose" mode the others pick theirs now. */
export function open(s: BreakoutRecord, durationMs: number, ctx: BreakoutCtx): Change {
  requireNotOpen(s);
  if (s.rooms.length === 0) throw new CommandError('no_rooms', 'Create rooms first');
  const plan = s.mode === 'choose' ? { ...s.plan } : withLateJoiners(s.plan, s.rooms, ctx);
  if (s.mode !== 'choose' && !Object.values(plan).some((roomId) => roomId !== PLENARY))
    throw new CommandError('rooms_empty', 'Nobody would be in a breakout room');
  const round = { index: 0, total: 1, startedAt: ctx.now, deadline: ctx.now + durationMs, durationMs };
  const state: BreakoutRecord = {
    ...s,
    status: 'open',
    plan,
    round,
    rotation: null,
    schedule: [],
    help: [],
    broadcast: null,
  };
  return { state, moves: movesFor(plan, ctx) };
}

/** [BR7]-[BR10] A rotation: its whole schedule now, round 0 at once, the rest by the tickers. */
export function rotate(
  s: BreakoutRecord,
  input: z.output<typeof rotateSchema>,
  seed: number,
  ctx: BreakoutCtx,
): Change {
  requireNotOpen(s);
  const rng = seededRng(seed);
  const people = eligible(ctx.people).map(toPerson);
  const byId = alive(ctx);
  let rooms = s.rooms;
  let rounds: Groups[];
  let schedule: Record<string, string>[] | null = null;
  if (input.kind === 'nested') {
    ({ rooms, schedule } = nestedSchedule(people, rng, ctx));
    rounds = [];
  } else if (input.kind === 'worldCafe') {
    if (rooms.length === 0) throw new CommandError('no_rooms', 'Create the tables (rooms) first');
    const hosts = rooms.map((r) => (r.hostId && byId.has(r.hostId) ? toPerson(byId.get(r.hostId)!) : null));
    const hostIds = new Set(hosts.map((h) => h?.id));
    rounds = worldCafe(
      hosts,
      people.filter((p) => !hostIds.has(p.id)),
      input.rounds,
      rng,
    );
  } else {
    if (input.kind === 'tandem' && input.languages.length !== 2)
      throw new CommandError('invalid_payload', 'A tandem needs two languages');
    rounds =
      input.kind === 'speedDating'
        ? speedDating(people, input.rounds, rng)
        : input.kind === 'tandem'
          ? tandemRotation(people, [input.languages[0]!, input.languages[1]!], input.rounds, rng)
          : reception(people, input.rounds, rng);
    const langs = input.kind === 'tandem' ? [...input.languages] : [];
    rooms = generatedRooms(Math.max(1, ...rounds.map((g) => g.length)), ctx, []).map((r) => ({
      ...r,
      languages: langs,
    }));
  }
  schedule ??= rounds.map((groups) => planOf(groups, rooms));
  // [BR27] The silent minute of a 1-2-4-All is spent where one is: in the plenary.
  const plan = input.kind === 'nested' ? {} : withLateJoiners(schedule[0] ?? {}, rooms, ctx);
  const total = input.kind === 'nested' ? NESTED_STAGES.length : input.rounds;
  const rotation = {
    kind: input.kind,
    rounds: total,
    durationMs: input.durationMs,
    languages: [...input.languages],
    ...(input.durations && { durations: [...input.durations] }),
  };
  const first = roundLength(rotation, 0);
  const round = { index: 0, total, startedAt: ctx.now, deadline: ctx.now + first, durationMs: first };
  const state: BreakoutRecord = {
    ...s,
    status: 'open',
    rooms,
    plan,
    mode: 'manual',
    rotation,
    round,
    schedule,
    help: [],
  };
  return { state, moves: movesFor(plan, ctx) };
}

/** A round's length: its own (1-2-4-All) or the rotation's. */
export function roundLength(rotation: Pick<BreakoutRotation, 'durationMs' | 'durations'>, index: number): number {
  return rotation.durations?.[index] ?? rotation.durationMs;
}

/**
 * [BR27] 1-2-4-All: a room per pair; round 0 in the plenary (alone), round 1 the pairs, round 2 each
 * four in the room of its first pair (so half of them stay put and nobody passes through the plenary).
 */
function nestedSchedule(people: readonly Person[], rng: Rng, ctx: BreakoutCtx) {
  const { pairs, fours } = nestedGroups(people, rng);
  const rooms = generatedRooms(Math.max(1, pairs.length), ctx);
  const inFours: Record<string, string> = {};
  for (const four of fours) for (const i of four) for (const id of pairs[i]!) inFours[id] = rooms[four[0]!]!.id;
  return { rooms, schedule: [{}, planOf(pairs, rooms), inFours] };
}

/** Whether the breakouts run a 1-2-4-All right now, and at which stage. */
export function nestedStage(s: BreakoutRecord): NestedStage | null {
  if (!isOpen(s) || s.rotation?.kind !== 'nested' || !s.round) return null;
  return NESTED_STAGES[s.round.index] ?? null;
}

/** The next round as scheduled, fitted to who is here now: absent people out, newcomers in, nobody alone. */
export function fitRound(
  scheduled: Readonly<Record<string, string>>,
  rooms: readonly BreakoutRoom[],
  ctx: BreakoutCtx,
): Record<string, string> {
  const here = new Set(eligible(ctx.people).map((p) => p.id));
  const hosts = new Set(rooms.map((r) => r.hostId).filter(Boolean));
  const kept = Object.fromEntries(Object.entries(scheduled).filter(([id]) => here.has(id)));
  const plan = withLateJoiners(kept, rooms, ctx);
  const byId = new Map(eligible(ctx.people).map((p) => [p.id, toPerson(p)]));
  for (const [roomId, ids] of Object.entries(membersByRoom(plan, rooms))) {
    if (ids.length !== 1 || hosts.has(ids[0]!)) continue;
    const others = Object.fromEntries(
      Object.entries(membersByRoom(plan, rooms)).filter(([id, m]) => id !== roomId && m.length > 0),
    );
    const target = smallestRoom(others, byId);
    if (target) plan[ids[0]!] = target;
  }
  return plan;
}

/** [BR15] A round ends once: the next round of a rotation begins, or everyone returns to the plenary. */
export function endRound(s: BreakoutRecord, by: RoundEnded['by'], ctx: BreakoutCtx): Change & { event: RoundEnded } {
  requireOpen(s);
  const round = s.round!;
  const roundsEnded = s.roundsEnded + 1;
  const nextIndex = round.index + 1;
  if (by === 'deadline' && s.rotation && nextIndex < round.total) {
    const plan = fitRound(s.schedule[nextIndex] ?? {}, s.rooms, ctx);
    const length = roundLength(s.rotation, nextIndex);
    const next = { ...round, index: nextIndex, startedAt: ctx.now, deadline: ctx.now + length, durationMs: length };
    const state: BreakoutRecord = { ...s, plan, round: next, roundsEnded, broadcast: null };
    return { state, moves: movesFor(plan, ctx), event: { index: round.index, total: round.total, next: 'round', by } };
  }
  const back = Object.fromEntries(
    ctx.people.filter((p) => !p.removed && p.roomId !== PLENARY).map((p) => [p.id, PLENARY]),
  );
  // [BR24] The rooms closing now are archived together, in their order, under the number people saw.
  const closing = new Set(s.rooms.map((r) => r.id));
  const archive = [
    ...s.archive.filter((a) => !closing.has(a.id)),
    ...s.rooms.map((r, i) => ({ id: r.id, name: r.name, closedAt: ctx.now, number: r.number ?? i + 1 })),
  ];
  // [BR25] The rooms stay prepared for another opening, under new ids: that opening starts with an
  // empty chat and board, and the closed rooms keep theirs in the archive (the gallery walk).
  const renewed = new Map(s.rooms.map((r) => [r.id, ctx.newId()]));
  // The next opening numbers its rooms afresh by their place.
  const rooms = s.rooms.map(({ number: _n, ...r }) => ({ ...r, id: renewed.get(r.id)! }));
  const plan = Object.fromEntries(Object.entries(s.plan).map(([id, roomId]) => [id, renewed.get(roomId) ?? roomId]));
  const state: BreakoutRecord = {
    ...s,
    rooms,
    plan,
    status: 'closed',
    round: null,
    help: [],
    roundsEnded,
    archive,
    broadcast: null,
  };
  return { state, moves: movesFor(back, ctx), event: { index: round.index, total: round.total, next: 'plenary', by } };
}

/** [BR23] While rooms are open, the latest broadcast is kept for those who join or reload later. */
export function keepBroadcast(s: BreakoutRecord, message: BreakoutBroadcast): Change | null {
  return s.status === 'open' ? { state: { ...s, broadcast: message }, moves: [] } : null;
}

/** [BR16] Extending moves the deadline of the running round. */
export function extend(s: BreakoutRecord, ms: number): BreakoutRecord {
  requireOpen(s);
  return { ...s, round: { ...s.round!, deadline: s.round!.deadline + ms } };
}

/** [BR17] A moderator visits a room (or the plenary) and answers its calls for help. */
export function visit(s: BreakoutRecord, moderatorId: string, roomId: string, ctx: BreakoutCtx): Change {
  if (roomId !== PLENARY && !roomIds(s).has(roomId)) throw new CommandError('not_found', 'No such room');
  if (roomId !== PLENARY) requireOpen(s);
  const help = s.help.filter((h) => h.roomId !== roomId);
  return { state: { ...s, help }, moves: movesFor({ [moderatorId]: roomId }, ctx) };
}

/**
 * [BR26] While rooms run, a moderator closes one: whoever is in it goes back to the plenary; the room
 * is archived (its chat and board kept, as [BR25]) and leaves the prepared rooms. Not during a
 * rotation, whose later rounds use it.
 */
export function closeRoom(s: BreakoutRecord, roomId: string, ctx: BreakoutCtx): Change {
  requireOpen(s);
  const room = s.rooms.find((r) => r.id === roomId);
  if (!room) throw new CommandError('not_found', 'No such room');
  if (s.rotation) throw new CommandError('in_rotation', 'A rotation uses every room: call everyone back instead');
  const back = Object.fromEntries(
    ctx.people.filter((p) => !p.removed && p.roomId === roomId).map((p) => [p.id, PLENARY]),
  );
  // [BR24] Every room keeps the number people see: the closed one in the archive, the others while they run.
  const numbered = s.rooms.map((r, i) => ({ ...r, number: r.number ?? i + 1 }));
  const closed = numbered.find((r) => r.id === roomId)!;
  const state: BreakoutRecord = {
    ...s,
    rooms: numbered.filter((r) => r.id !== roomId),
    plan: Object.fromEntries(Object.entries(s.plan).filter(([, r]) => r !== roomId)),
    archive: [
      ...s.archive.filter((a) => a.id !== roomId),
      { id: room.id, name: room.name, closedAt: ctx.now, number: closed.number },
    ],
    help: s.help.filter((h) => h.roomId !== roomId),
  };
  return { state, moves: movesFor(back, ctx) };
}

/** [BR18] Asking for help files one request per person, with their room. */
export function askHelp(s: BreakoutRecord, p: ParticipantRecord, now: number): BreakoutRecord {
  if (s.help.some((h) => h.participantId === p.id)) return s;
  return { ...s, help: [...s.help, { participantId: p.id, roomId: p.roomId, at: now }] };
}

export function resolveHelp(s: BreakoutRecord, participantId: string): BreakoutRecord {
  return { ...s, help: s.help.filter((h) => h.participantId !== participantId) };
}

/** [BR19] In "choose" mode a participant picks a room while it has space (headcount against capacity). */
export function choose(s: BreakoutRecord, p: ParticipantRecord, roomId: string, ctx: BreakoutCtx): Change {
  // Not a matter of role: choosing is open to nobody while the moderator assigns the rooms.
  if (s.mode !== 'choose') throw new CommandError('not_open', 'Rooms are assigned by the moderator');
  const room = s.rooms.find((r) => r.id === roomId);
  if (!room) throw new CommandError('not_found', 'No such room');
  const byId = new Map(ctx.people.map((q) => [q.id, toPerson(q)]));
  const others = (membersByRoom(s.plan, s.rooms)[roomId] ?? []).filter((id) => id !== p.id);
  if (room.capacity !== null && headcountOf(others, byId) + p.headcount > room.capacity)
    throw new CommandError('room_full', 'This room is full');
  const plan = { ...s.plan, [p.id]: roomId };
  return { state: { ...s, plan }, moves: isOpen(s) ? movesFor({ [p.id]: roomId }, ctx) : [] };
}

/** [BR6] A participant arriving while rooms are open goes to the smallest room (in "choose" mode they pick). */
export function lateJoin(s: BreakoutRecord, p: ParticipantRecord, ctx: BreakoutCtx): Change | null {
  if (!isOpen(s) || s.mode === 'choose' || p.role !== 'participant' || s.plan[p.id] !== undefined) return null;
  if (nestedStage(s) === 'alone') return null; // [BR27] the silent minute is spent in the plenary
  const plan = withLateJoiners(s.plan, s.rooms, {
    ...ctx,
    people: ctx.people.filter((q) => q.id === p.id || s.plan[q.id] !== undefined),
  });
  if (plan[p.id] === undefined) return null;
  return { state: { ...s, plan }, moves: movesFor({ [p.id]: plan[p.id]! }, ctx) };
}

/** [BR20] A room's chat is readable by its members, by moderators, and by everyone once the room has closed. */
export function canReadRoom(s: BreakoutRecord, p: ParticipantRecord, roomId: string): boolean {
  return (
    roomId === p.roomId ||
    p.role === 'moderator' ||
    (s.archive.some((a) => a.id === roomId) && !(isOpen(s) && roomIds(s).has(roomId)))
  );
}

/**
 * [BR28] What a person sees of a 1-2-4-All: their own note, and once in a room (pairs, fours) the notes
 * of everyone in that room; the card their room filed ([BR29]).
 */
export function nestedView(
  s: BreakoutRecord,
  record: { notes: Readonly<Record<string, string>>; cards: Readonly<Record<string, string>> },
  viewer: ParticipantRecord,
  people: readonly ParticipantRecord[],
): NestedView {
  const inRoom = isRunningRoom(s, viewer.roomId);
  const mates = new Set(
    inRoom ? people.filter((p) => !p.removed && p.roomId === viewer.roomId).map((p) => p.id) : [viewer.id],
  );
  mates.add(viewer.id);
  const notes = Object.fromEntries(Object.entries(record.notes).filter(([id]) => mates.has(id)));
  return { notes, card: inRoom ? (record.cards[viewer.roomId] ?? null) : null };
}

/** A four of a 1-2-4-All in its fours' round: its room and who is in it. */
export interface Four {
  roomId: string;
  members: ParticipantRecord[];
}

/** [BR30] The fours as they are now (in the fours' round of a 1-2-4-All; else none), for their cards when it ends. */
export function foursOf(s: BreakoutRecord, people: readonly ParticipantRecord[]): Four[] {
  if (nestedStage(s) !== 'fours') return [];
  return s.rooms
    .map((r) => ({
      roomId: r.id,
      members: people.filter((p) => !p.removed && p.roomId === r.id && p.role === 'participant'),
    }))
    .filter((f) => f.members.length > 0);
}

/**
 * [BR30] The card of a four that posted none: its members' notes, one per line, in the order of the members;
 * cut to a card's length (with "…"); null when nobody wrote a note.
 */
export function cardFromNotes(
  members: readonly Pick<ParticipantRecord, 'id'>[],
  notes: Readonly<Record<string, string>>,
): string | null {
  const lines = members.map((m) => notes[m.id]?.trim() ?? '').filter((t) => t.length > 0);
  if (lines.length === 0) return null;
  const text = lines.join('\n');
  return text.length <= NOTE_MAX ? text : `${text.slice(0, NOTE_MAX - 1).trimEnd()}…`;
}

/** [BR29] Only a four posts its card: in the fours' round, from a running room. */
export function requireFour(s: BreakoutRecord, p: ParticipantRecord) {
  if (nestedStage(s) !== 'fours' || !isRunningRoom(s, p.roomId))
    throw new CommandError('not_open', 'A card is posted by a four, in the fours');
}
