import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { CHAT_MAX_LENGTH } from '../../shared/chat/constants.js';
import { mayWriteChat } from '../../shared/chat/rules.js';
import { t } from '../i18n/i18n.js';
import type { WorkshopState } from '../workshops/state.js';
import { ChatMessages } from './ChatMessages.js';
import { Conversations, conversationTitle, nameOf, UnreadBadge } from './Conversations.js';

export function ChatPanel({ state }: { state: WorkshopState }) {
  const draft = useSignal('');
  const notSent = useSignal(false);
  const { pm } = state;
  const room = state.chat.value;
  const me = state.self.value;
  const current = pm.current.value;
  /** Room messages seen while "Everyone" was open: the rest are unread. */
  const roomSeen = useSignal(room.length);
  const roomUnread = current ? room.slice(roomSeen.value).filter((m) => m.authorId !== me?.id).length : 0;
  useEffect(() => {
    if (!current) roomSeen.value = room.length;
  }, [current, room.length]);

  // The Message button of the participant list: the field is ready to type in (once the panel shows).
  const focusRequest = pm.focusRequest.value;
  useEffect(() => {
    if (focusRequest === 0) return;
    const frame = requestAnimationFrame(() => {
      const field = document.getElementById('chat-input');
      field?.scrollIntoView({ block: 'nearest' });
      field?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const roomClosed = me !== null && !mayWriteChat(state.workshop.value?.chatLock ?? 'open', me);
  const refusal = pm.refusal.value;
  const closed = current ? refusal !== null : roomClosed;
  const partner = current?.partnerId ? nameOf(state, current.partnerId) : '';

  const send = async (e: Event) => {
    e.preventDefault();
    const text = draft.value.trim();
    if (!text) return;
    // The field is free at once; while the connection is away the message waits in the list.
    draft.value = '';
    notSent.value = false;
    if (await (current ? pm.actions.send(text) : state.actions.sendChat(text))) return;
    notSent.value = true;
    draft.value = draft.value ? `${text} ${draft.value}` : text;
  };

  return (
    <section class="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">
        {t('chat.title')}
        <UnreadBadge count={pm.totalUnread.value} testId="chat-unread-total" sentence="chat.unreadPrivate" />
      </h2>
      <Conversations state={state} roomUnread={roomUnread} />
      {current && (
        <p class="muted small chat__private" data-testid="chat-private-hint">
          {current.thread.kind === 'dm'
            ? t('chat.privateWith', { name: partner })
            : current.partnerId
              ? t('chat.privateModsOf', { name: partner })
              : t('chat.privateMods')}
        </p>
      )}
      <ChatMessages
        state={state}
        messages={current ? current.messages : room}
        waiting={current ? [] : state.outbox.value}
        mayEdit={!closed}
        onEdit={(id, text) => (current ? pm.actions.edit(id, text, current.id) : state.actions.editChat(id, text))}
        onDelete={(id) => void (current ? pm.actions.remove(id, current.id) : state.actions.deleteChat(id))}
      />
      {notSent.value && (
        <p class="chat__note" role="alert" data-testid="chat-not-sent">
          {t('chat.notSent')}
        </p>
      )}
      {closed && (
        <p class="chat__note" role="status" data-testid="chat-closed">
          {refusal === 'partner_left' ? t('chat.partnerLeft', { name: partner }) : t('chat.closed')}
        </p>
      )}
      <form class="chat__form" onSubmit={send}>
        <label for="chat-input" class="visually-hidden">
          {current ? t('chat.messageLabel', { name: conversationTitle(state, current) }) : t('chat.label')}
        </label>
        <input
          id="chat-input"
          autoComplete="off"
          maxLength={CHAT_MAX_LENGTH}
          placeholder={
            current ? t('chat.privatePlaceholder', { name: conversationTitle(state, current) }) : t('chat.placeholder')
          }
          disabled={closed}
          value={draft.value}
          onInput={(e) => (draft.value = (e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn--primary" disabled={closed}>
          {t('chat.send')}
        </button>
      </form>
    </section>
  );
}
