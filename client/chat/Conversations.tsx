import { modsThread } from '../../shared/chat/threads.js';
import { t } from '../i18n/i18n.js';
import type { WorkshopState } from '../workshops/state.js';
import type { Conversation } from './private-state.js';

/** The name of someone who may have left meanwhile: from the people list, else from what they wrote. */
export function nameOf(state: WorkshopState, id: string): string {
  return state.pm.nameOf(id) ?? state.pm.messages.value.find((m) => m.authorId === id)?.authorName ?? t('chat.someone');
}

/** How a conversation is called for this person: the other's name, "Moderators", or "Anna → moderators". */
export function conversationTitle(state: WorkshopState, c: Conversation): string {
  if (c.thread.kind === 'mods')
    return c.thread.owner === state.self.value?.id
      ? t('chat.moderators')
      : t('chat.modsThreadOf', { name: nameOf(state, c.thread.owner) });
  return nameOf(state, c.partnerId ?? '');
}

/** A count badge whose number is seen and whose full sentence is heard. */
export function UnreadBadge({
  count,
  testId,
  sentence = 'chat.unread',
}: {
  count: number;
  testId: string;
  sentence?: 'chat.unread' | 'chat.unreadPrivate';
}) {
  if (count === 0) return null;
  const said = t(sentence, { count });
  return (
    <span class="badge badge--unread" data-testid={testId} title={said}>
      <span aria-hidden="true">{count}</span>
      <span class="visually-hidden">{said}</span>
    </span>
  );
}

/**
 * [CHAT4] Which conversation the panel shows: the room's chat ("Everyone"), the moderators, each
 * private conversation (with its unread count), or a new one with someone present.
 */
export function Conversations({ state, roomUnread }: { state: WorkshopState; roomUnread: number }) {
  const { pm } = state;
  const me = state.self.value;
  const active = pm.active.value;
  const started = new Set(pm.conversations.value.map((c) => c.partnerId));
  const others = state.present.value.filter((p) => p.id !== me?.id && !started.has(p.id));
  return (
    <div class="chat__conversations">
      <fieldset class="chat__tabs">
        <legend class="visually-hidden">{t('chat.conversations')}</legend>
        <button
          type="button"
          class="btn btn--small chat__tab"
          aria-pressed={active === null}
          data-testid="chat-everyone"
          onClick={() => pm.actions.open(null)}
        >
          {t('chat.everyone')}
          <UnreadBadge count={roomUnread} testId="chat-unread-room" />
        </button>
        {pm.conversations.value.map((c) => (
          <button
            key={c.id}
            type="button"
            class="btn btn--small chat__tab"
            aria-pressed={active === c.id}
            data-testid="chat-conversation"
            data-thread={c.id === modsThread(me?.id ?? '') ? 'moderators' : c.id}
            onClick={() => pm.actions.open(c.id)}
          >
            <bdi>{conversationTitle(state, c)}</bdi>
            <UnreadBadge count={c.unread} testId="chat-unread" />
          </button>
        ))}
      </fieldset>
      {others.length > 0 && (
        <div class="chat__new">
          <label for="chat-new" class="visually-hidden">
            {t('chat.newPrivate')}
          </label>
          <select
            id="chat-new"
            data-testid="chat-new"
            value=""
            onChange={(e) => {
              const id = (e.target as HTMLSelectElement).value;
              if (id) pm.actions.openWith(id);
            }}
          >
            <option value="">{t('chat.newPrivate')} …</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.town}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
