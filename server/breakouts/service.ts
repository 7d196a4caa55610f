import { CommandError } from '../../shared/command.js';
import type { BreakoutMove, BreakoutView } from '../../shared/breakouts/schema.js';
import { memberChanged } from '../realtime/member-cache.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import type { BreakoutRecord } from './store/types.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import { emptyBreakouts, type BreakoutCtx, type Change } from './logic.js';

export function toView(s: BreakoutRecord): BreakoutView {
  const { schedule: _schedule, ...view } = s;
  return view;
}

/**
 * [BR21] What participants are sent: the plan is the moderators' working copy (participants learn
 * rooms from `breakout:moved`), so a broadcast to 200 people does not carry 200 assignments; a
 * participant's own answer keeps their own entry.
 */
export function participantView(view: BreakoutView, participantId?: string): BreakoutView {
  const own = participantId ? view.plan[participantId] : undefined;
  return { ...view, plan: own ? { [participantId!]: own } : {} };
}

const ATTEMPTS = 6;

/**
 * The one way breakouts change: load a snapshot, compute with pure logic, apply atomically with the
 * snapshot's version. When someone else changed the breakouts in between, the change is computed
 * again on top of theirs (or refused with `conflict` when the caller planned against a version).
 */
export function createBreakoutService(deps: Deps) {
  const { store, io } = deps;

  async function load(workshopId: string): Promise<BreakoutRecord> {
    // Defaults first: records stored before a field existed read back with it.
    return { ...emptyBreakouts(), ...(await store.breakouts.get(workshopId)) };
  }

  async function change(
    workshopId: string,
    compute: (state: BreakoutRecord, ctx: BreakoutCtx) => Change | null,
    opts: { expectedVersion?: number } = {},
  ): Promise<BreakoutRecord> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people] = await Promise.all([load(workshopId), store.listParticipants(workshopId)]);
      if (opts.expectedVersion !== undefined && state.version !== opts.expectedVersion) throw conflict();
      const ctx: BreakoutCtx = { now: deps.clock(), newId: () => `r${deps.ids.id(8)}`, people };
      const next = compute(state, ctx);
      if (!next) return state;
      const result = await store.breakouts.apply(workshopId, state.version, next.state, next.moves);
      if (result.ok) {
        await labelBoards(workshopId, result.state);
        publish(workshopId, result.state, result.moved, people);
        return result.state;
      }
      if (opts.expectedVersion !== undefined) throw conflict();
    }
    throw conflict();
  }

  /**
   * Every open room has a board under the room's name; a closed room's board is marked closed, so the
   * plenary's gallery walk shows what each room produced. Both calls are idempotent.
   */
  async function labelBoards(workshopId: string, state: BreakoutRecord) {
    const at = deps.clock();
    try {
      if (state.status === 'open') {
        await Promise.all(
          state.rooms.map((r) => store.boards.createBoard({ workshopId, roomId: r.id }, { label: r.name, at })),
        );
      }
      await Promise.all(state.archive.map((a) => store.boards.closeBoard({ workshopId, roomId: a.id }, a.closedAt)));
    } catch (err) {
      deps.log.warn('breakout boards not labelled', { workshop: workshopId, err });
    }
  }

  /** Sockets follow their participant to the new room on every node; then everyone hears of it. */
  function publish(
    workshopId: string,
    state: BreakoutRecord,
    moved: readonly BreakoutMove[],
    before: readonly ParticipantRecord[],
  ) {
    const previous = new Map(before.map((p) => [p.id, p.roomId]));
    for (const m of moved) {
      const own = io.in(rooms.participant(workshopId, m.participantId));
      const old = previous.get(m.participantId);
      if (old && old !== m.roomId) own.socketsLeave(rooms.room(workshopId, old));
      own.socketsJoin(rooms.room(workshopId, m.roomId));
      memberChanged(io, workshopId, m.participantId);
    }
    if (moved.length > 0)
      io.to(rooms.workshop(workshopId)).emit('breakout:moved', { version: state.version, moves: [...moved] });
    const view = toView(state);
    io.to(rooms.moderators(workshopId)).emit('breakout:updated', view);
    io.to(rooms.workshop(workshopId))
      .except(rooms.moderators(workshopId))
      .emit('breakout:updated', participantView(view));
  }

  return { load, change };
}

export type BreakoutService = ReturnType<typeof createBreakoutService>;

function conflict() {
  return new CommandError('conflict', 'The breakouts were changed by someone else at the same moment');
}
