/**
 * Chat rules that decide on one message (shared/chat/RULES.md): pure, time comes in.
 */
import type { ChatMessage } from '../../shared/chat/schema.js';
import { CommandError } from '../../shared/command.js';
import type { ParticipantRecord } from '../workshops/store/types.js';

function kept(message: ChatMessage | undefined): ChatMessage {
  if (!message) throw new CommandError('not_found', 'This message is no longer in this room’s chat');
  if (message.deleted) throw new CommandError('not_found', 'This message was deleted');
  return message;
}

/** [CHAT2] Only its author edits a message; the edit is marked with its time. */
export function editMessage(
  message: ChatMessage | undefined,
  actor: ParticipantRecord,
  text: string,
  now: number,
): ChatMessage {
  const m = kept(message);
  if (m.authorId !== actor.id) throw new CommandError('forbidden', 'Only its author can edit a message');
  return { ...m, text, editedAt: now };
}

/** [CHAT3] Its author or a moderator deletes a message: the text goes, the line stays and says so. */
export function deleteMessage(message: ChatMessage | undefined, actor: ParticipantRecord, now: number): ChatMessage {
  const m = kept(message);
  if (m.authorId !== actor.id && actor.role !== 'moderator')
    throw new CommandError('forbidden', 'Only its author or a moderator can delete a message');
  return { ...m, text: '', deleted: true, editedAt: now };
}
