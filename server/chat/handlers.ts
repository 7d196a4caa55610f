import type { chatCommands } from '../../shared/chat/events.js';
import { CHAT_HISTORY } from '../../shared/chat/schema.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import { checkChatOpen } from '../workshops/logic.js';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { CommandError } from '../../shared/command.js';
import type { Member } from '../realtime/types.js';
import { deleteMessage, editMessage } from './logic.js';
import { privateChat } from './private.js';

type ChatHandlers = Pick<HandlerTable, keyof typeof chatCommands>;

export function chatHandlers(deps: Deps): ChatHandlers {
  const pm = privateChat(deps);
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
    'chat:edit': async ({ id, text, thread }, { member }) => {
      if (thread !== undefined) return pm.change(member, thread, id, text);
      checkChatOpen(member.workshop, member.actor);
      return change(member, id, (m) => editMessage(m, member.actor, text, deps.clock()));
    },
    'chat:delete': async ({ id, thread }, { member }) =>
      thread !== undefined
        ? pm.change(member, thread, id, null)
        : change(member, id, (m) => deleteMessage(m, member.actor, deps.clock())),
    'chat:private': async ({ to, moderators, text }, { member }) => pm.send(member, { to, moderators }, text),
    'chat:privateHistory': async (_input, { member }) => pm.history(member),
  };

  /** Reads the message in the member's room, decides, writes it back atomically (a deletion wins), tells the room. */
  async function change(member: Member, id: string, decide: (m: ChatMessage | undefined) => ChatMessage) {
    const { session, actor } = member;
    const history = await deps.store.chatHistory(session.workshopId, actor.roomId, CHAT_HISTORY);
    const next = decide(history.find((m) => m.id === id));
    const written = await deps.store.replaceChat(session.workshopId, next);
    if (written !== 'ok') throw new CommandError('not_found', 'This message was deleted meanwhile');
    deps.io.to(rooms.room(session.workshopId, next.roomId)).emit('chat:updated', next);
    return next;
  }
}
