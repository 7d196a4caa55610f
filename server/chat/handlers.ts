import type { chatCommands } from '../../shared/chat/events.js';
import { CHAT_HISTORY } from '../../shared/chat/schema.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import { checkChatOpen } from '../workshops/logic.js';

type ChatHandlers = Pick<HandlerTable, keyof typeof chatCommands>;

export function chatHandlers(deps: Deps): ChatHandlers {
  return {
    'chat:send': async ({ text }, { member }) => {
      const { session, actor, workshop } = member;
      checkChatOpen(workshop, actor);
      const message = {
        id: deps.ids.id(14),
        // Each room has its own chat: the sender's current room (the plenary or a breakout room).
        roomId: actor.roomId,
        authorId: actor.id,
        authorName: actor.name,
        authorTown: actor.town,
        text,
        at: deps.clock(),
      };
      await deps.store.appendChat(session.workshopId, message);
      deps.io.to(rooms.room(session.workshopId, message.roomId)).emit('chat:message', message);
      return message;
    },
    'chat:history': async (_input, { member }) => {
      return deps.store.chatHistory(member.session.workshopId, member.actor.roomId, CHAT_HISTORY);
    },
  };
}
