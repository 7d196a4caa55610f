/**
 * Barcamp / Open Space: pure state transitions. Time, ids and the people of the workshop come in `ctx`;
 * nothing here reads the clock or touches the store. Rules: shared/barcamp/RULES.md.
 */
import { ROOM_NAME_MAX } from '../../shared/breakouts/constants.js';
import { cellOf, mayWriteNotes, proposalById, sessionsOf } from '../../shared/barcamp/rules.js';
import {
  BARCAMP_LIMITS as L,
  type Barcamp,
  type BarcampView,
  type Grid,
  type Proposal,
} from '../../shared/barcamp/schema.js';
import { CommandError } from '../../shared/command.js';
import type { Participant } from '../../shared/workshops/schema.js';

/** What the rules need of a participant. */
export type BarcampPerson = Pick<Participant, 'id' | 'name' | 'role' | 'roomId'> & { removed: boolean };

export interface BarcampCtx {
  now: number;
  newId: () => string;
  /** Everyone of the workshop. */
  people: readonly BarcampPerson[];
}

/** The stored state is what everyone sees. */
export type BarcampRecord = BarcampView;

export const emptyBarcamp = (): BarcampRecord => ({ version: 0, barcamp: null });

export interface Actor {
  id: string;
  moderator: boolean;
}

function running(state: BarcampRecord): Barcamp {
  const b = state.barcamp;
  if (!b || b.phase === 'ended') throw new CommandError('not_open', 'No barcamp is running');
  return b;
}

const changed = (state: BarcampRecord, barcamp: Barcamp): BarcampRecord =>
  JSON.stringify(barcamp) === JSON.stringify(state.barcamp) ? state : { ...state, barcamp };

function person(ctx: BarcampCtx, id: string): BarcampPerson | null {
  return ctx.people.find((x) => x.id === id && !x.removed) ?? null;
}

function proposal(b: Barcamp, proposalId: string): Proposal {
  const p = proposalById(b, proposalId);
  if (!p) throw new CommandError('not_found', 'No such session');
  return p;
}

const withProposal = (b: Barcamp, id: string, change: (p: Proposal) => Proposal): Barcamp => ({
  ...b,
  proposals: b.proposals.map((p) => (p.id === id ? change(p) : p)),
});

/** [BCAMP1] A new barcamp collecting proposals, replacing whatever ran. */
export function start(
  state: BarcampRecord,
  params: { rooms: number; slotMin: number },
  ctx: BarcampCtx,
): BarcampRecord {
  const barcamp: Barcamp = {
    id: ctx.newId(),
    phase: 'proposing',
    rooms: params.rooms,
    slotMin: params.slotMin,
    proposals: [],
    grid: null,
    current: null,
    startedAt: ctx.now,
    endedAt: null,
  };
  return { ...state, barcamp };
}

/** [BCAMP2] A session proposal; its host is the sender (a moderator may name another participant). */
export function propose(
  state: BarcampRecord,
  actor: Actor,
  input: { title: string; language: string | null; hostId?: string },
  ctx: BarcampCtx,
): BarcampRecord {
  const b = running(state);
  const hostId = input.hostId ?? actor.id;
  if (hostId !== actor.id && !actor.moderator)
    throw new CommandError('forbidden', 'Only moderators propose a session for someone else');
  const host = person(ctx, hostId);
  if (!host) throw new CommandError('not_found', 'No such participant');
  if (b.proposals.length >= L.proposals) throw new CommandError('conflict', 'Too many sessions');
  if (b.proposals.filter((p) => p.hostId === hostId).length >= L.perPerson)
    throw new CommandError('conflict', `At most ${L.perPerson} sessions per host`);
  const p: Proposal = {
    id: ctx.newId(),
    title: input.title.trim().slice(0, L.title),
    hostId: host.id,
    hostName: host.name,
    language: input.language,
    votes: [],
    notes: '',
    notesRev: 0,
    roomId: null,
  };
  return { ...state, barcamp: { ...b, proposals: [...b.proposals, p] } };
}

/** [BCAMP2] A proposal goes (its host or a moderator), out of the grid too; not while its slot runs. */
export function withdraw(state: BarcampRecord, actor: Actor, proposalId: string): BarcampRecord {
  const b = running(state);
  const p = proposal(b, proposalId);
  if (!actor.moderator && p.hostId !== actor.id)
    throw new CommandError('forbidden', 'Only its host or a moderator takes a session back');
  if (inRunningSlot(b, proposalId)) throw new CommandError('conflict', 'This session runs now');
  const grid = b.grid && { ...b.grid, cells: b.grid.cells.map((row) => row.map((c) => (c === proposalId ? null : c))) };
  return { ...state, barcamp: { ...b, grid, proposals: b.proposals.filter((x) => x.id !== proposalId) } };
}

/** [BCAMP3] Interest on or off; once per person and session. */
export function vote(state: BarcampRecord, actorId: string, proposalId: string, on: boolean): BarcampRecord {
  const b = running(state);
  const p = proposal(b, proposalId);
  const votes = p.votes.filter((v) => v !== actorId);
  if (on) votes.push(actorId);
  return changed(
    state,
    withProposal(b, proposalId, (x) => ({ ...x, votes })),
  );
}

/**
 * [BCAMP4] The grid from the votes: most-voted first (a tie: the earlier proposal), each into the earliest
 * slot with a free room and no session of the same host, up to `slotsMax` slots; the rest stays out.
 */
export function buildGrid(proposals: readonly Proposal[], rooms: number, newId: () => string): Grid {
  const cells: (string | null)[][] = [];
  const hostsOf: Set<string>[] = [];
  const order = proposals.map((p, i) => ({ p, i })).sort((a, b) => b.p.votes.length - a.p.votes.length || a.i - b.i);
  for (const { p } of order) {
    let slot = cells.findIndex((row, s) => row.includes(null) && !hostsOf[s]!.has(p.hostId));
    if (slot < 0) {
      if (cells.length >= L.slotsMax) continue;
      slot = cells.push(Array.from({ length: rooms }, () => null)) - 1;
      hostsOf.push(new Set());
    }
    cells[slot]![cells[slot]!.indexOf(null)] = p.id;
    hostsOf[slot]!.add(p.hostId);
  }
  return { rooms, slots: cells.map(() => ({ id: newId(), label: '' })), cells };
}

/** [BCAMP4] The moderator builds the grid (again), not while a slot runs. */
export function build(state: BarcampRecord, rooms: number | undefined, ctx: BarcampCtx): BarcampRecord {
  const b = running(state);
  if (b.phase === 'running') throw new CommandError('conflict', 'A slot runs: close it before building again');
  if (b.proposals.length === 0) throw new CommandError('conflict', 'No sessions proposed yet');
  const perSlot = rooms ?? b.rooms;
  const grid = buildGrid(b.proposals, perSlot, ctx.newId);
  return { ...state, barcamp: { ...b, rooms: perSlot, grid, phase: 'grid' } };
}

const inRunningSlot = (b: Barcamp, proposalId: string) =>
  b.phase === 'running' && b.current !== null && (b.grid?.cells[b.current] ?? []).includes(proposalId);

/** [BCAMP4] One host in two rooms of one slot. */
const hostTwice = (b: Barcamp, row: readonly (string | null)[]) => {
  const hosts = row.flatMap((id) => (id === null ? [] : [proposalById(b, id)?.hostId ?? id]));
  return new Set(hosts).size !== hosts.length;
};

/** [BCAMP5] A session into a cell (its occupant swaps with it) or out of the grid (`to` null). */
export function move(
  state: BarcampRecord,
  proposalId: string,
  to: { slot: number; room: number } | null,
): BarcampRecord {
  const b = running(state);
  proposal(b, proposalId);
  if (!b.grid) throw new CommandError('conflict', 'Build the grid first');
  const from = cellOf(b.grid, proposalId);
  if (to && (to.slot >= b.grid.cells.length || to.room >= b.grid.rooms))
    throw new CommandError('not_found', 'No such cell');
  const current = b.phase === 'running' ? b.current : null;
  if (current !== null && (from?.slot === current || to?.slot === current))
    throw new CommandError('conflict', 'The running slot cannot change');
  const cells = b.grid.cells.map((row) => [...row]);
  const occupant = to ? (cells[to.slot]![to.room] ?? null) : null;
  if (from) cells[from.slot]![from.room] = occupant;
  if (to) cells[to.slot]![to.room] = proposalId;
  if (cells.some((row) => hostTwice(b, row)))
    throw new CommandError('conflict', 'The same host would be in two rooms at the same time');
  return changed(state, { ...b, grid: { ...b.grid, cells } });
}

/**
 * [BCAMP6] Refuses a slot that cannot start (before any room changes); answers its sessions, or null when
 * nothing is to be done (the slot runs already; no slot runs and `slot` is null).
 */
export function checkSlot(state: BarcampRecord, slot: number | null): Proposal[] | null {
  const b = running(state);
  if (slot === null || (b.phase === 'running' && b.current === slot)) return null;
  if (!b.grid || slot >= b.grid.cells.length) throw new CommandError('not_found', 'No such slot');
  const sessions = sessionsOf(b, slot);
  if (sessions.length === 0) throw new CommandError('conflict', 'This slot has no sessions');
  return sessions;
}

/** [BCAMP6] The breakout rooms of a slot's sessions, in room order. */
export const slotRooms = (sessions: readonly Proposal[]) =>
  sessions.map((p) => ({
    name: p.title.slice(0, ROOM_NAME_MAX),
    hostId: p.hostId,
    capacity: null,
    languages: p.language ? [p.language] : [],
  }));

/**
 * [BCAMP6] A slot's rooms opened: `roomIds` were made from the sessions `proposalIds` (in order). A grid
 * changed in between (another moderator): `conflict`, the rooms stay as they are.
 */
export function slotOpened(
  state: BarcampRecord,
  slot: number,
  opened: { proposalIds: readonly string[]; roomIds: readonly string[] },
): BarcampRecord {
  const b = running(state);
  const now = b.grid ? sessionsOf(b, slot).map((p) => p.id) : [];
  const same = now.length === opened.proposalIds.length && now.every((id, i) => id === opened.proposalIds[i]);
  if (!same || opened.roomIds.length !== now.length)
    throw new CommandError('conflict', 'The grid changed while the rooms opened');
  const rooms = new Map(opened.proposalIds.map((id, i) => [id, opened.roomIds[i]!]));
  const proposals = b.proposals.map((p) => (rooms.has(p.id) ? { ...p, roomId: rooms.get(p.id)! } : p));
  return { ...state, barcamp: { ...b, proposals, phase: 'running', current: slot } };
}

/** [BCAMP6] The running slot is over (its rooms closed): back to the grid. No slot runs: nothing changes. */
export function slotClosed(state: BarcampRecord): BarcampRecord {
  const b = running(state);
  if (b.phase !== 'running') return state;
  return { ...state, barcamp: { ...b, phase: 'grid', current: null } };
}

/** [BCAMP8] The barcamp ends; proposals, grid and notes stay. Ended already: nothing changes. */
export function stop(state: BarcampRecord, ctx: Pick<BarcampCtx, 'now'>): BarcampRecord {
  const b = state.barcamp;
  if (!b || b.phase === 'ended') return state;
  return { ...state, barcamp: { ...b, phase: 'ended', current: null, endedAt: ctx.now } };
}

/** [BCAMP7] A session's notes, from the revision the writer started from. */
export function notes(
  state: BarcampRecord,
  actor: Actor,
  input: { proposalId: string; notes: string; rev: number },
  ctx: BarcampCtx,
): BarcampRecord {
  const b = running(state);
  const p = proposal(b, input.proposalId);
  const me = person(ctx, actor.id);
  if (!me || !mayWriteNotes(p, me, actor.moderator))
    throw new CommandError('forbidden', 'Only the host, a moderator or someone in the session writes its notes');
  if (p.notes === input.notes) return state;
  if (p.notesRev !== input.rev) throw new CommandError('conflict', 'Someone else saved these notes meanwhile');
  return { ...state, barcamp: withProposal(b, p.id, (x) => ({ ...x, notes: input.notes, notesRev: x.notesRev + 1 })) };
}
