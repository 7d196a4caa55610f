/**
 * Speaking order (Blitzlicht): pure state transitions, one room's round at a time. Time, ids, randomness
 * and the people of the workshop come in `ctx`; nothing here reads the clock or touches the store.
 * Rules: shared/speaking/RULES.md.
 */
import { CommandError } from '../../shared/command.js';
import { PLENARY } from '../../shared/rooms.js';
import { byList, townsAlternating } from '../../shared/speaking/rules.js';
import {
  ALL_BREAKOUTS,
  type Speaker,
  type SpeakingParams,
  type SpeakingRound,
  type SpeakingView,
} from '../../shared/speaking/schema.js';
import type { Participant } from '../../shared/workshops/schema.js';

/** What the rules need of a participant. */
export type SpeakingPerson = Pick<
  Participant,
  'id' | 'name' | 'town' | 'kind' | 'headcount' | 'media' | 'role' | 'roomId' | 'presence'
> & { removed: boolean };

export interface SpeakingCtx {
  now: number;
  newId: () => string;
  /** In [0, 1): the random order's source (seeded by the caller). */
  random: () => number;
  /** Everyone of the workshop, in join order. */
  people: readonly SpeakingPerson[];
}

/** The stored state is what everyone sees: nothing is hidden in a flash round. */
export type SpeakingRecord = SpeakingView;

export const emptySpeaking = (): SpeakingRecord => ({ version: 0, rounds: [] });

/** [SPEAK3] Who takes part in a room's round: participants (not moderators) in that room, not gone. */
export function takesPart(p: SpeakingPerson, roomId: string): boolean {
  return p.role === 'participant' && !p.removed && p.presence !== 'offline' && p.roomId === roomId;
}

const speakerOf = (p: SpeakingPerson): Speaker => ({
  id: p.id,
  name: p.name,
  town: p.town,
  kind: p.kind,
  headcount: p.headcount,
  media: p.media,
  status: 'waiting',
  passed: false,
});

/** [SPEAK1] The rooms a scope means now: the plenary, one open breakout room, or every open one. */
export function resolveScope(scope: string, breakouts: { status: string; rooms: readonly { id: string }[] } | null) {
  if (scope === PLENARY) return [PLENARY];
  const open = breakouts?.status === 'open' ? breakouts.rooms.map((r) => r.id) : [];
  if (scope === ALL_BREAKOUTS) {
    if (open.length === 0) throw new CommandError('not_open', 'No breakout rooms are open');
    return open;
  }
  if (!open.includes(scope)) throw new CommandError('not_found', 'Not an open breakout room');
  return [scope];
}

/** [SPEAK1][SPEAK2] A new round in each room (replacing one there); the other rooms' rounds stay. */
export function start(state: SpeakingRecord, params: SpeakingParams, roomIds: readonly string[], ctx: SpeakingCtx) {
  const fresh = roomIds.map((roomId) => newRound(params, roomId, ctx));
  const rooms = new Set(roomIds);
  return withRounds(state, [...state.rounds.filter((r) => !rooms.has(r.roomId)), ...fresh]);
}

function newRound(params: SpeakingParams, roomId: string, ctx: SpeakingCtx): SpeakingRound {
  const here = ctx.people.filter((p) => takesPart(p, roomId));
  const ordered = params.order === 'list' ? byList(here, params.list) : townsAlternating(here, ctx.random);
  const round: SpeakingRound = {
    id: ctx.newId(),
    roomId,
    question: params.question,
    thinkSec: params.thinkSec,
    perSpeakerSec: params.perSpeakerSec,
    order: params.order,
    autoAdvance: params.autoAdvance,
    phase: 'think',
    startedAt: ctx.now,
    thinkEndsAt: ctx.now + params.thinkSec * 1000,
    turnStartedAt: null,
    deadline: ctx.now + params.thinkSec * 1000,
    endedAt: null,
    speakers: ordered.map(speakerOf),
    current: -1,
  };
  return params.thinkSec === 0 ? advanceFrom(round, 0, ctx) : round;
}

/**
 * [SPEAK4] The word goes to the first one still waiting from index `from` on who is here; people gone
 * when their turn comes are skipped. Nobody left: the round ends.
 */
function advanceFrom(round: SpeakingRound, from: number, ctx: SpeakingCtx): SpeakingRound {
  const here = new Set(ctx.people.filter((p) => takesPart(p, round.roomId)).map((p) => p.id));
  const speakers = round.speakers.map((s) => ({ ...s }));
  for (let i = from; i < speakers.length; i++) {
    const s = speakers[i]!;
    if (s.status !== 'waiting') continue;
    if (!here.has(s.id)) {
      s.status = 'skipped';
      continue;
    }
    s.status = 'speaking';
    const deadline = ctx.now + round.perSpeakerSec * 1000;
    return { ...round, speakers, phase: 'speaking', current: i, turnStartedAt: ctx.now, deadline };
  }
  return { ...round, speakers, phase: 'ended', current: -1, turnStartedAt: null, deadline: null, endedAt: ctx.now };
}

/** Ends the current turn with `status` and gives the word to the next one. */
function finishTurn(round: SpeakingRound, status: 'spoke' | 'skipped', ctx: SpeakingCtx): SpeakingRound {
  const speakers = round.speakers.map((s, i) => (i === round.current ? { ...s, status } : s));
  return advanceFrom({ ...round, speakers }, round.current + 1, ctx);
}

/** [SPEAK3] People here who are not in the order yet (late joiners, moved in) are appended, in join order. */
export function appendLate(round: SpeakingRound, ctx: SpeakingCtx): SpeakingRound {
  if (round.phase === 'ended') return round;
  const known = new Set(round.speakers.map((s) => s.id));
  const late = ctx.people.filter((p) => takesPart(p, round.roomId) && !known.has(p.id));
  return late.length === 0 ? round : { ...round, speakers: [...round.speakers, ...late.map(speakerOf)] };
}

/** [SPEAK5] Next: ends the think time early, or the current turn; `from` guards against a double press. */
export function next(round: SpeakingRound, from: string | null | undefined, ctx: SpeakingCtx): SpeakingRound {
  const r = appendLate(round, ctx);
  if (from !== undefined && from !== currentId(r)) return round;
  if (r.phase === 'think') return advanceFrom(r, 0, ctx);
  if (r.phase === 'speaking') return finishTurn(r, 'spoke', ctx);
  return round;
}

/**
 * [SPEAK5] Back: the word returns to the previous one who had it (and is still here), with a fresh
 * countdown; the one speaking now waits again. After the end, back reopens the round with the last one.
 */
export function back(round: SpeakingRound, from: string | null | undefined, ctx: SpeakingCtx): SpeakingRound {
  if (from !== undefined && from !== currentId(round)) return round;
  if (round.phase === 'think') return round;
  const here = new Set(ctx.people.filter((p) => takesPart(p, round.roomId)).map((p) => p.id));
  const upTo = round.phase === 'ended' ? round.speakers.length : round.current;
  let previous = -1;
  for (let i = upTo - 1; i >= 0; i--) {
    const s = round.speakers[i]!;
    if (s.status !== 'waiting' && here.has(s.id)) {
      previous = i;
      break;
    }
  }
  if (previous < 0) return round;
  const speakers = round.speakers.map((s, i): Speaker => {
    if (i === previous) return { ...s, status: 'speaking' };
    if (i === round.current) return { ...s, status: 'waiting' };
    return s;
  });
  const deadline = ctx.now + round.perSpeakerSec * 1000;
  return { ...round, speakers, phase: 'speaking', current: previous, turnStartedAt: ctx.now, deadline, endedAt: null };
}

/**
 * [SPEAK6] Pass: only the current speaker (from their own screen) or a moderator for them, once per
 * person. The passer goes to the end of the order and speaks after everyone else; passing as the last
 * one waiting ends their part (skipped).
 */
export function pass(round: SpeakingRound, actor: { id: string; moderator: boolean }, ctx: SpeakingCtx): SpeakingRound {
  const speaker = round.phase === 'speaking' ? round.speakers[round.current] : undefined;
  if (!speaker) throw new CommandError('conflict', 'Nobody has the word right now');
  if (speaker.id !== actor.id && !actor.moderator)
    throw new CommandError('forbidden', 'Only the person speaking may pass their turn');
  if (speaker.passed) throw new CommandError('conflict', 'Each person may pass once');
  const r = appendLate(round, ctx);
  const othersWaiting = r.speakers.some((s, i) => i > r.current && s.status === 'waiting');
  if (!othersWaiting) {
    const marked = r.speakers.map((s, i) => (i === r.current ? { ...s, passed: true } : s));
    return finishTurn({ ...r, speakers: marked }, 'skipped', ctx);
  }
  const rest = r.speakers.filter((_, i) => i !== r.current);
  const speakers = [...rest, { ...speaker, status: 'waiting' as const, passed: true }];
  return advanceFrom({ ...r, speakers }, r.current, ctx);
}

/** [SPEAK7] Stop: the round ends now; whoever was speaking has spoken. */
export function stop(round: SpeakingRound, ctx: Pick<SpeakingCtx, 'now'>): SpeakingRound {
  if (round.phase === 'ended') return round;
  const speakers = round.speakers.map((s): Speaker => (s.status === 'speaking' ? { ...s, status: 'spoke' } : s));
  return { ...round, speakers, phase: 'ended', current: -1, turnStartedAt: null, deadline: null, endedAt: ctx.now };
}

/** [SPEAK8] Time: think time ends by itself; a turn too when the round auto-advances. */
export function due(round: SpeakingRound, now: number): boolean {
  if (round.deadline === null || round.deadline > now) return false;
  return round.phase === 'think' || (round.phase === 'speaking' && round.autoAdvance);
}

export function tick(round: SpeakingRound, ctx: SpeakingCtx): SpeakingRound {
  return due(round, ctx.now) ? next(round, undefined, ctx) : round;
}

function currentId(round: SpeakingRound): string | null {
  return round.phase === 'speaking' ? (round.speakers[round.current]?.id ?? null) : null;
}

export function withRounds(state: SpeakingRecord, rounds: SpeakingRound[]): SpeakingRecord {
  return { ...state, rounds: [...rounds].sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0)) };
}

/** Applies `change` to one room's round; `not_found` when that room has none. */
export function inRoom(state: SpeakingRecord, roomId: string, change: (r: SpeakingRound) => SpeakingRound) {
  const round = state.rounds.find((r) => r.roomId === roomId);
  if (!round) throw new CommandError('not_found', 'No speaking round in this room');
  const changed = change(round);
  return changed === round
    ? state
    : withRounds(
        state,
        state.rounds.map((r) => (r === round ? changed : r)),
      );
}

/** Applies `change` to every round; the same state when nothing changed. */
export function everyRound(state: SpeakingRecord, change: (r: SpeakingRound) => SpeakingRound): SpeakingRecord {
  let changed = false;
  const rounds = state.rounds.map((r) => {
    const c = change(r);
    if (c !== r) changed = true;
    return c;
  });
  return changed ? withRounds(state, rounds) : state;
}

/** [SPEAK12] Someone who has the word in a room: the round's claim to put them on stage. */
export interface TurnHolder {
  participantId: string;
  roomId: string;
}

/** [SPEAK12] The current speaker of every round in its speaking phase (none while thinking or once ended). */
export function turnHolders(state: SpeakingRecord): TurnHolder[] {
  return state.rounds.flatMap((r) => {
    const id = currentId(r);
    return id === null ? [] : [{ participantId: id, roomId: r.roomId }];
  });
}

/** What the stage rule needs of a participant (a stored participant record fits). */
export type TurnStagePerson = Pick<SpeakingPerson, 'id' | 'media' | 'role' | 'roomId' | 'removed'> & {
  onStage: boolean;
};

/**
 * [SPEAK12] The rounds' claim on someone's stage: `granted`, a round put them on stage for their turn;
 * `released`, their stage was set by hand during that turn (an invitation, a withdrawal, a fishbowl seat),
 * so the round leaves it as set.
 */
export type TurnClaim = 'granted' | 'released';

/**
 * [SPEAK12] The word's stage. Off stage (and muted, MEDIA7): everyone granted who no longer has the word;
 * forgotten: everyone released who no longer has it. On stage: a speaker without a claim in a room in
 * stage mode who is not on stage already (moderators and people invited before keep what they have, and
 * so are never taken off by a round), with media ([MEDIA5]'s check of an invitation), in the round's
 * room. The stores apply this in the same atomic step as the rounds (memory: one synchronous step;
 * Redis: the `speakingApply` script, which mirrors it).
 */
export function turnStageMoves(
  holders: readonly TurnHolder[],
  claims: Readonly<Record<string, TurnClaim>>,
  person: (id: string) => TurnStagePerson | null,
  inStageMode: (roomId: string) => boolean,
): { grant: string[]; revoke: string[]; forget: string[] } {
  const holding = new Set(holders.map((h) => h.participantId));
  const over = Object.keys(claims)
    .filter((id) => !holding.has(id))
    .sort();
  const grant = holders.flatMap(({ participantId, roomId }) => {
    if (claims[participantId]) return [];
    const p = person(participantId);
    const ok = p && !p.removed && p.media && p.role !== 'moderator' && !p.onStage && p.roomId === roomId;
    return ok && inStageMode(roomId) ? [participantId] : [];
  });
  return {
    grant,
    revoke: over.filter((id) => claims[id] === 'granted'),
    forget: over.filter((id) => claims[id] === 'released'),
  };
}
