/**
 * [BR29] [BR30] The fours' cards on the plenary board: the one a four posts, and, when the fours' round ends,
 * the card of a four that posted none, made of its members' notes (the note flows along to the plenary).
 * Filed once per room (the store's `fileCard`), so a four's own post racing the end of its round, or two
 * nodes ending it, still give one card.
 */
import { PLENARY } from '../../shared/rooms.js';
import { createBoardPoster } from '../boards/post.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import type { ParticipantRecord } from '../workshops/store/types.js';
import { cardFromNotes, type Four } from './logic.js';
import type { BreakoutRecord } from './store/types.js';

export function createFourCards(deps: Deps) {
  const postCard = createBoardPoster(deps);

  /** Files a four's card and, if it is the room's first, puts it on the plenary board. True when it was the first. */
  async function post(
    workshopId: string,
    state: BreakoutRecord,
    roomId: string,
    text: string,
    by: Pick<ParticipantRecord, 'id' | 'name'>,
    members: readonly Pick<ParticipantRecord, 'name'>[],
  ) {
    const filed = await deps.store.breakouts.fileCard(workshopId, roomId, text);
    if (!filed.first) return false;
    const place = Math.max(
      0,
      state.rooms.findIndex((r) => r.id === roomId),
    );
    await postCard({ workshopId, roomId: PLENARY }, by.id, {
      text: filed.text,
      x: 40 + (place % 5) * 230,
      y: 60 + Math.floor(place / 5) * 170,
      authorName: members.map((p) => p.name).join(', ') || by.name,
    });
    deps.io.to(rooms.room(workshopId, roomId)).emit('breakout:card-posted', { roomId, text: filed.text });
    return true;
  }

  /** After the fours' round ended: each four (as it was just before the end) without a card gets one from its notes. */
  async function fromNotes(workshopId: string, state: BreakoutRecord, fours: readonly Four[]) {
    if (fours.length === 0) return;
    const { notes, cards } = await deps.store.breakouts.nested(workshopId);
    for (const four of fours) {
      if (cards[four.roomId] !== undefined) continue;
      const text = cardFromNotes(four.members, notes);
      if (text) await post(workshopId, state, four.roomId, text, four.members[0]!, four.members);
    }
  }

  return { post, fromNotes };
}

export type FourCards = ReturnType<typeof createFourCards>;
