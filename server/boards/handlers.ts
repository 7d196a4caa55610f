import type { boardCommands } from '../../shared/boards/events.js';
import { fromSnapshot } from '../../shared/boards/apply.js';
import type { BoardOp, BoardSettings, BoardSummary } from '../../shared/boards/schema.js';
import { viewBoard, viewOp } from '../../shared/boards/view.js';
import { CommandError } from '../../shared/protocol.js';
import { PLENARY } from '../../shared/rooms.js';
import { isRunningRoom } from '../breakouts/logic.js';
import type { BreakoutRecord } from '../breakouts/store/types.js';
import { rooms } from '../realtime/rooms.js';
import type { CachedMember, Deps, HandlerTable, Member, MemberContext, TypedSocket } from '../realtime/types.js';
import * as logic from './logic.js';
import { BoardService } from './service.js';
import type { BoardRef } from './store/types.js';

type BoardHandlers = Pick<HandlerTable, keyof typeof boardCommands>;

/** Saved copies kept per workshop. */
const KEEP_SNAPSHOTS = 30;

/** The board of a room: people write on the board of the room they are in (moderators on any). */
function boardFor(member: CachedMember, roomId: string | undefined, write: boolean): BoardRef {
  const room = roomId ?? member.actor.roomId;
  if (write && room !== member.actor.roomId && member.actor.role !== 'moderator') {
    throw new CommandError('forbidden', 'You can only change the board of your room');
  }
  return { workshopId: member.workshop.id, roomId: room };
}

/**
 * [BOARD13] Reading follows the room chat ([BR20]): one's own room, the plenary, any room for
 * moderators, and other rooms only once they have closed (the gallery walk).
 */
function mayRead(breakouts: BreakoutRecord | null, member: CachedMember, roomId: string): boolean {
  if (roomId === PLENARY || roomId === member.actor.roomId || member.actor.role === 'moderator') return true;
  // Private only while it runs; before and after, the board (e.g. for the gallery walk) is open to all.
  return breakouts === null || !isRunningRoom(breakouts, roomId);
}

async function readableBoard(deps: Deps, member: Member, roomId: string | undefined): Promise<BoardRef> {
  const ref = boardFor(member, roomId, false);
  const needsBreakouts =
    ref.roomId !== PLENARY && ref.roomId !== member.actor.roomId && member.actor.role !== 'moderator';
  const breakouts = needsBreakouts ? await deps.store.breakouts.get(member.workshop.id) : null;
  if (!mayRead(breakouts, member, ref.roomId)) throw new CommandError('forbidden', 'This room is still running');
  return ref;
}

const actorOf = (m: CachedMember): logic.Actor => ({
  id: m.actor.id,
  name: m.actor.name,
  moderator: m.actor.role === 'moderator',
});

/** Participants whose view of the op differs from everyone else's (authors of hidden or anonymous cards, voters). */
function owners(op: BoardOp): Set<string> {
  const ids = new Set<string>();
  if (op.kind === 'put' || op.kind === 'remove')
    for (const i of op.items) if (i.kind === 'card' || i.kind === 'dot') ids.add(i.by);
  if (op.kind === 'patch' && op.ref.kind === 'card') ids.add(op.ref.by);
  return ids;
}

export function boardHandlers(deps: Deps): BoardHandlers {
  const service = new BoardService(deps.store.boards, deps.clock);
  // [BOARD3] Another node locked a board (or changed who may draw): live strokes relayed here must stop too.
  deps.io.on('board:settings', (ref) => void service.forgetBoard(ref));

  /** [BOARD5] Everyone gets the op as they may see it; the actor gets it in the ack. */
  function broadcast(ref: BoardRef, ops: BoardOp[], settings: BoardSettings, actorId: string, socket: TypedSocket) {
    const room = rooms.room(ref.workshopId, ref.roomId);
    for (const op of ops) {
      const generic = viewOp(op, { id: '' }, settings);
      const special: [string, BoardOp][] = [];
      const others = [...owners(op)].filter((id) => id !== actorId);
      const genericJson = others.length ? JSON.stringify(generic) : '';
      for (const owner of others) {
        const own = viewOp(op, { id: owner }, settings);
        if (JSON.stringify(own) !== genericJson) special.push([owner, own]);
      }
      // The actor's own socket is left out by socket.to(); its op comes back in the ack.
      const toRoom = socket.to(room);
      const target = special.length
        ? toRoom.except(special.map(([id]) => rooms.participant(ref.workshopId, id)))
        : toRoom;
      target.emit('board:ops', { roomId: ref.roomId, ops: [generic] });
      for (const [id, own] of special)
        deps.io.to(rooms.participant(ref.workshopId, id)).emit('board:ops', { roomId: ref.roomId, ops: [own] });
    }
  }

  async function commit(
    ctx: MemberContext,
    ref: BoardRef,
    decide: Parameters<BoardService['commit']>[2],
    revertOf?: number,
  ) {
    const { member } = ctx;
    const { ops, board } = await service.commit(ref, member.actor.id, decide, revertOf);
    broadcast(ref, ops, board.state.settings, member.actor.id, ctx.socket);
    const op = ops[ops.length - 1]!;
    return { roomId: ref.roomId, op: viewOp(op, { id: member.actor.id }, board.state.settings) };
  }

  return {
    'board:sync': async ({ roomId, sinceSeq, full }, ctx) => {
      const { member } = ctx;
      return service.sync(await readableBoard(deps, member, roomId), sinceSeq, full, { id: member.actor.id });
    },

    'board:op': async ({ roomId, op }, ctx) => {
      const { member } = ctx;
      const actor = actorOf(member);
      return commit(ctx, boardFor(member, roomId, true), (board) => [logic.resolveIntent(board.state, op, actor)]);
    },

    'board:revert': async ({ roomId, seq }, ctx) => {
      const { member } = ctx;
      const actor = actorOf(member);
      return commit(
        ctx,
        boardFor(member, roomId, true),
        (board) => [logic.resolveRevert(board.state, BoardService.opAt(board, seq), actor)],
        seq,
      );
    },

    'board:settings': async ({ roomId, patch }, ctx) => {
      const { member } = ctx;
      const actor = actorOf(member);
      const ref = boardFor(member, roomId, true);
      const result = await commit(ctx, ref, (board) => [logic.resolveSettings(board.state, patch, actor)]);
      // Other nodes that hold this board drop their copy (a lock must stop live strokes there too).
      if (deps.config.redisUrl) deps.io.serverSideEmit('board:settings', ref);
      return result;
    },

    'board:clear': async ({ roomId }, ctx) => {
      const { member } = ctx;
      const actor = actorOf(member);
      return commit(ctx, boardFor(member, roomId, true), (board) => [logic.resolveClear(board.state, actor)]);
    },

    'board:live': async (live, ctx) => {
      const { member } = ctx;
      const ref = boardFor(member, live.roomId, true);
      // A node that has not served this board yet loads it: a locked board never relays strokes.
      if (!logic.mayDraw(await service.settingsOf(ref), actorOf(member))) return null;
      const { roomId: _r, ...rest } = live;
      ctx.socket
        .to(rooms.room(ref.workshopId, ref.roomId))
        .volatile.emit('board:live', { ...rest, roomId: ref.roomId, by: member.actor.id, name: member.actor.name });
      return null;
    },

    'board:cursor': async (cursor, ctx) => {
      const { member } = ctx;
      const ref = boardFor(member, cursor.roomId, false);
      if (ref.roomId !== member.actor.roomId) return null; // pointing only where one is
      const { roomId: _r, ...rest } = cursor;
      ctx.socket
        .to(rooms.room(ref.workshopId, ref.roomId))
        .volatile.emit('board:cursor', { ...rest, roomId: ref.roomId, by: member.actor.id, name: member.actor.name });
      return null;
    },

    'board:list': async (_input, ctx) => {
      const { member } = ctx;
      const [boards, snapshots, breakouts] = await Promise.all([
        deps.store.boards.listBoards(member.workshop.id),
        deps.store.boards.listSnapshots(member.workshop.id),
        deps.store.breakouts.get(member.workshop.id),
      ]);
      const plenary: BoardSummary = {
        roomId: PLENARY,
        label: '',
        head: 0,
        updatedAt: member.workshop.createdAt,
        closedAt: null,
      };
      // [BOARD13] A running room is listed by name only: not even how busy its board is.
      const listed = boards.map((b) =>
        mayRead(breakouts, member, b.roomId) ? b : { ...b, head: 0, updatedAt: member.workshop.createdAt },
      );
      return { boards: listed.some((b) => b.roomId === PLENARY) ? listed : [plenary, ...listed], snapshots };
    },

    'board:snapshot': async ({ roomId, label }, ctx) => {
      const { member } = ctx;
      const ref = boardFor(member, roomId, true);
      const snapshot = await service.snapshotOf(ref);
      const info = { id: deps.ids.id(12), roomId: ref.roomId, label, seq: snapshot.seq, at: deps.clock() };
      await deps.store.boards.saveSnapshot(ref, info, snapshot, KEEP_SNAPSHOTS);
      return info;
    },

    'board:view': async ({ roomId, snapshotId }, ctx) => {
      const { member } = ctx;
      const ref = await readableBoard(deps, member, roomId);
      const snapshot = await deps.store.boards.getSnapshot(ref, snapshotId);
      if (!snapshot) throw new CommandError('not_found', 'No such snapshot');
      return viewBoard(fromSnapshot(snapshot), { id: member.actor.id });
    },
  };
}
