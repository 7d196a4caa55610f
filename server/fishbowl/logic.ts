/**
 * Fishbowl seats: pure state transitions. Time, ids and the people of the workshop come in `ctx`;
 * nothing here reads the clock or touches the store. Rules: shared/fishbowl/RULES.md.
 */
import { CommandError } from '../../shared/command.js';
import type { Fishbowl, FishbowlParams, FishbowlView, Seat } from '../../shared/fishbowl/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Participant } from '../../shared/workshops/schema.js';
import { checkStageTarget } from '../media/logic.js';

/** What the rules need of a participant. */
export type FishbowlPerson = Pick<Participant, 'id' | 'name' | 'town' | 'media' | 'role' | 'roomId' | 'presence'> & {
  removed: boolean;
};

export interface FishbowlCtx {
  now: number;
  newId: () => string;
  /** Everyone of the workshop. */
  people: readonly FishbowlPerson[];
}

/** The stored state is what everyone sees: nothing is hidden in a fishbowl. */
export type FishbowlRecord = FishbowlView;

export const emptyFishbowl = (): FishbowlRecord => ({ version: 0, fishbowl: null });

/** [FISH6] Who can hold a seat or wait for one: in the fishbowl's room, present, not removed. */
function isHere(p: FishbowlPerson | undefined, roomId: string): p is FishbowlPerson {
  return !!p && !p.removed && p.presence !== 'offline' && p.roomId === roomId;
}

/** [FISH1] A new fishbowl of `seats` free seats in the plenary (replacing one that ran). */
export function start(
  state: FishbowlRecord,
  params: FishbowlParams,
  stageWasOn: boolean,
  ctx: FishbowlCtx,
): FishbowlRecord {
  const fishbowl: Fishbowl = {
    id: ctx.newId(),
    roomId: PLENARY,
    phase: 'open',
    seats: Array.from({ length: params.seats }, () => null),
    queue: [],
    startedAt: ctx.now,
    endedAt: null,
    // Replacing a running fishbowl: stage mode is on because of it, not from before.
    stageWasOn: state.fishbowl?.phase === 'open' ? state.fishbowl.stageWasOn : stageWasOn,
  };
  return { ...state, fishbowl };
}

/** [FISH7] Everyone back in the audience; the fishbowl stays visible as ended. */
export function stop(state: FishbowlRecord, ctx: Pick<FishbowlCtx, 'now'>): FishbowlRecord {
  const f = state.fishbowl;
  if (f?.phase !== 'open') return state;
  return { ...state, fishbowl: { ...f, phase: 'ended', seats: f.seats.map(() => null), queue: [], endedAt: ctx.now } };
}

/** [FISH2] The actor takes a free seat; a moderator's seat is permanent. */
export function take(state: FishbowlRecord, actorId: string, ctx: FishbowlCtx): FishbowlRecord {
  return change(state, ctx, (f) => {
    const me = mayJoin(f, actorId, ctx);
    if (f.seats.some((s) => s?.id === actorId)) return f;
    const free = f.seats.indexOf(null);
    if (free < 0) throw new CommandError('conflict', 'Every seat is taken: raise your hand for the next free one');
    const seats = f.seats.map((s, i) => (i === free ? seatFor(me, ctx.now) : s));
    return { ...f, seats, queue: f.queue.filter((w) => w.id !== actorId) };
  });
}

/** [FISH4] The actor taps out, back to the audience; not seated: nothing changes. */
export function leave(state: FishbowlRecord, actorId: string, ctx: FishbowlCtx): FishbowlRecord {
  return change(state, ctx, (f) => ({ ...f, seats: f.seats.map((s) => (s?.id === actorId ? null : s)) }));
}

/** [FISH3] The actor raises a hand: the end of the queue (a free seat takes them at once). */
export function raise(state: FishbowlRecord, actorId: string, ctx: FishbowlCtx): FishbowlRecord {
  return change(state, ctx, (f) => {
    const me = mayJoin(f, actorId, ctx);
    if (f.seats.some((s) => s?.id === actorId) || f.queue.some((w) => w.id === actorId)) return f;
    return { ...f, queue: [...f.queue, { id: me.id, name: me.name, town: me.town, since: ctx.now }] };
  });
}

/** [FISH3] The actor lowers their hand; not waiting: nothing changes. */
export function lower(state: FishbowlRecord, actorId: string, ctx: FishbowlCtx): FishbowlRecord {
  return change(state, ctx, (f) => ({ ...f, queue: f.queue.filter((w) => w.id !== actorId) }));
}

/** [FISH6] Gone people leave; the queue fills free seats (what every page's sync asks for). */
export function sync(state: FishbowlRecord, ctx: FishbowlCtx): FishbowlRecord {
  return state.fishbowl?.phase === 'open' ? change(state, ctx, (f) => f) : state;
}

/**
 * Applies `action` to the running fishbowl between two settlings ([FISH6] gone people out, [FISH3] the
 * queue into free seats). Returns the same state when nothing changed, so nothing is saved or sent.
 */
function change(state: FishbowlRecord, ctx: FishbowlCtx, action: (f: Fishbowl) => Fishbowl): FishbowlRecord {
  const f = state.fishbowl;
  if (f?.phase !== 'open') throw new CommandError('not_open', 'No fishbowl is running');
  const next = settle(action(settle(f, ctx)), ctx);
  return JSON.stringify(next) === JSON.stringify(f) ? state : { ...state, fishbowl: next };
}

function settle(f: Fishbowl, ctx: FishbowlCtx): Fishbowl {
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const here = (id: string) => isHere(byId.get(id), f.roomId);
  const seats = f.seats.map((s) => (s && here(s.id) ? s : null));
  const queue = f.queue.filter((w) => here(w.id) && !seats.some((s) => s?.id === w.id));
  while (queue.length > 0 && seats.includes(null)) {
    const first = queue.shift()!;
    seats[seats.indexOf(null)] = seatFor(byId.get(first.id)!, ctx.now);
  }
  return { ...f, seats, queue };
}

/** [FISH2] Who may sit or wait: here, and allowed on stage (the media check of a stage invitation). */
function mayJoin(f: Fishbowl, actorId: string, ctx: FishbowlCtx): FishbowlPerson {
  const me = ctx.people.find((p) => p.id === actorId);
  checkStageTarget(me ?? null);
  if (!isHere(me, f.roomId)) throw new CommandError('conflict', 'The fishbowl is in the plenary: come back to join it');
  return me;
}

function seatFor(p: FishbowlPerson, now: number): Seat {
  return { id: p.id, name: p.name, town: p.town, since: now, permanent: p.role === 'moderator' };
}

/** The people who sit now. */
export function seated(state: FishbowlRecord): Set<string> {
  const f = state.fishbowl;
  return new Set(f?.phase === 'open' ? f.seats.flatMap((s) => (s ? [s.id] : [])) : []);
}

/** Who sat down and who left between two states: they go on and off stage. */
export function seatChanges(before: FishbowlRecord, after: FishbowlRecord) {
  const was = seated(before);
  const is = seated(after);
  return { sat: [...is].filter((id) => !was.has(id)), left: [...was].filter((id) => !is.has(id)) };
}
