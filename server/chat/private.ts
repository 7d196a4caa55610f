/**
 * [CHAT4]–[CHAT6] Private messages: between two people, or between one person and the moderators.
 * Each goes only to the sockets of the people of its conversation (their own Socket.IO rooms, and the
 * moderators' room), never to the workshop's room: nobody else's page ever has it to filter out.
 */
import { CHAT_HISTORY, type ChatMessage } from '../../shared/chat/schema.js';
import { privateRefusal } from '../../shared/chat/rules.js';
import {
  isInThread,
  parseThread,
  partnerOf,
  threadFor,
  type PrivateTarget,
  type Thread,
} from '../../shared/chat/threads.js';
import { CommandError } from '../../shared/command.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, Member } from '../realtime/types.js';
import { effectivePresence } from '../workshops/logic.js';
import { deleteMessage, editMessage } from './logic.js';

/** Where a thread's messages are filed in the store, so each side finds them again after a reload. */
function inboxesOf(thread: Thread): string[] {
  return thread.kind === 'dm' ? [`p:${thread.a}`, `p:${thread.b}`] : [`p:${thread.owner}`, 'mods'];
}

/** The Socket.IO rooms that receive a thread's messages: the two people, or the owner and every moderator. */
function audience(workshopId: string, thread: Thread): string[] {
  return thread.kind === 'dm'
    ? [rooms.participant(workshopId, thread.a), rooms.participant(workshopId, thread.b)]
    : [rooms.participant(workshopId, thread.owner), rooms.moderators(workshopId)];
}

export function privateChat(deps: Deps) {
  const { store } = deps;

  /** Refuses unless the member may write in the thread now (the one rule in shared/chat/rules.ts). */
  async function checkMayWrite(member: Member, thread: Thread) {
    const { workshop, actor } = member;
    const partnerId = partnerOf(thread, actor.id);
    let partner: { role: string; present: boolean } | null = null;
    if (partnerId !== null) {
      const p = await store.getParticipant(workshop.id, partnerId);
      if (!p) throw new CommandError('not_found', 'Nobody of that name is in this workshop');
      const present = !p.removed && effectivePresence(p, deps.clock(), deps.config.presenceGraceMs) !== 'offline';
      partner = { role: p.role, present };
    }
    const refusal = privateRefusal(workshop.chatLock, thread, actor, partner);
    if (refusal === 'forbidden') throw new CommandError('forbidden', 'This is not your conversation');
    if (refusal === 'partner_left') throw new CommandError('partner_left', 'They have left the workshop');
    if (refusal === 'chat_locked') throw new CommandError('chat_locked', 'The moderators have closed the chat here');
  }

  function threadOf(id: string, member: Member): Thread {
    const thread = parseThread(id);
    // Reading another pair's conversation is refused like writing in it.
    if (!thread || !isInThread(thread, member.actor))
      throw new CommandError('forbidden', 'This is not your conversation');
    return thread;
  }

  async function send(member: Member, target: PrivateTarget, text: string): Promise<ChatMessage> {
    const { session, actor } = member;
    const threadId = threadFor(actor.id, target);
    if (!threadId) throw new CommandError('invalid_payload', 'A private message goes to someone else');
    const thread = parseThread(threadId);
    if (!thread) throw new CommandError('not_found', 'Nobody of that name is in this workshop');
    await checkMayWrite(member, thread);
    const message: ChatMessage = {
      id: deps.ids.id(14),
      roomId: threadId,
      authorId: actor.id,
      authorName: actor.name,
      authorTown: actor.town,
      text,
      at: deps.clock(),
    };
    await store.appendPrivateChat(session.workshopId, message, inboxesOf(thread));
    deps.io.to(audience(session.workshopId, thread)).emit('chat:privateMessage', message);
    return message;
  }

  /** [CHAT2][CHAT3] Edit or delete in a private thread: the same rules as in a room, written atomically. */
  async function change(member: Member, threadId: string, id: string, edit: string | null): Promise<ChatMessage> {
    const { session, actor } = member;
    const thread = threadOf(threadId, member);
    if (edit !== null) await checkMayWrite(member, thread);
    const found = (await store.privateThread(session.workshopId, threadId, CHAT_HISTORY)).find((m) => m.id === id);
    const now = deps.clock();
    const next = edit !== null ? editMessage(found, actor, edit, now) : deleteMessage(found, actor, now);
    const written = await store.replacePrivateChat(session.workshopId, next);
    if (written !== 'ok') throw new CommandError('not_found', 'This message was deleted meanwhile');
    deps.io.to(audience(session.workshopId, thread)).emit('chat:privateUpdated', next);
    return next;
  }

  /** Everything private this member may read: their own threads, and moderators every thread with the moderators. */
  function history(member: Member): Promise<ChatMessage[]> {
    const { session, actor } = member;
    const inboxes = [`p:${actor.id}`, ...(actor.role === 'moderator' ? ['mods'] : [])];
    return store.privateChat(session.workshopId, inboxes, CHAT_HISTORY);
  }

  return { send, change, history };
}
