/**
 * Cards the server puts on a board for a feature (a 1-2-4-All four's card on the plenary board). The
 * same compare-and-append as a person's card, through its own BoardService: to the boards' handlers
 * it is like another node writing, whose caches catch up at their next read or write.
 */
import { CARD_COLORS } from '../../shared/boards/constants.js';
import type { BoardOp } from '../../shared/boards/schema.js';
import { viewOp } from '../../shared/boards/view.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import { resolveIntent, type Actor } from './logic.js';
import { BoardService } from './service.js';
import type { BoardRef } from './store/types.js';

export interface PostedCard {
  text: string;
  x: number;
  y: number;
  /** Shown as the card's author (e.g. the names of a four). */
  authorName: string;
}

export type BoardPoster = (ref: BoardRef, byId: string, card: PostedCard) => Promise<BoardOp>;

export function createBoardPoster(deps: Deps): BoardPoster {
  const service = new BoardService(deps.store.boards, deps.clock);
  return async (ref, byId, card) => {
    // Trusted like a moderator's card: it lands whether or not a card round is open on that board.
    const actor: Actor = { id: byId, name: card.authorName, moderator: true };
    const item = { kind: 'card' as const, id: deps.ids.id(12), x: card.x, y: card.y, text: card.text };
    const { ops, board } = await service.commit(ref, byId, (b) => [
      resolveIntent(b.state, { type: 'add', item: { ...item, color: CARD_COLORS[0], clusterId: null } }, actor),
    ]);
    const op = ops[ops.length - 1]!;
    const settings = board.state.settings;
    // Everyone in the board's room sees the card as the board shows it to them; its author as their own.
    deps.io
      .to(rooms.room(ref.workshopId, ref.roomId))
      .except(rooms.participant(ref.workshopId, byId))
      .emit('board:ops', { roomId: ref.roomId, ops: [viewOp(op, { id: '' }, settings)] });
    deps.io
      .to(rooms.participant(ref.workshopId, byId))
      .emit('board:ops', { roomId: ref.roomId, ops: [viewOp(op, { id: byId }, settings)] });
    return op;
  };
}
