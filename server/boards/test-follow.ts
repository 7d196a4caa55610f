/** Test helper (named test-*.ts so the server build leaves it out). */
import { applyOp, fromSnapshot, type BoardState } from '../../shared/boards/apply.js';
import type { BoardOp, BoardSync } from '../../shared/boards/schema.js';
import type { ClientSocket } from '../../test/server-harness.js';

/** A client-side board: applies what the socket receives, in seq order (as the browser does). */
export function follow(socket: ClientSocket) {
  let state: BoardState = fromSnapshot({ seq: 0, settings: undefined as never, items: [] });
  const pending = new Map<number, BoardOp>();
  const take = (op: BoardOp) => {
    pending.set(op.seq, op);
    while (pending.has(state.seq + 1)) {
      applyOp(state, pending.get(state.seq + 1)!);
      pending.delete(state.seq);
    }
  };
  socket.on('board:ops', (e) => e.ops.forEach(take));
  return {
    get state() {
      return state;
    },
    take,
    load(sync: BoardSync) {
      if (sync.kind === 'snapshot') state = fromSnapshot(sync.snapshot);
      else sync.ops.forEach(take);
    },
  };
}
