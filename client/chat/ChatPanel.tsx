import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CHAT_MAX_LENGTH } from '../../shared/chat/constants.js';
import { mayWriteChat } from '../../shared/chat/rules.js';
import { locale, t } from '../i18n/i18n.js';
import type { WorkshopState } from '../workshops/state.js';

export function ChatPanel({ state }: { state: WorkshopState }) {
  const draft = useSignal('');
  /** [CHAT2] The message being edited here, and its new text. */
  const editing = useSignal<string | null>(null);
  const editText = useSignal('');
  const notSent = useSignal(false);
  const list = useRef<HTMLOListElement>(null);
  const messages = state.chat.value;
  const myId = state.self.value?.id;
  const time = new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit' });

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length]);

  const send = async (e: Event) => {
    e.preventDefault();
    const text = draft.value.trim();
    if (!text) return;
    // The field is free at once; while the connection is away the message waits in the list.
    draft.value = '';
    notSent.value = false;
    if (await state.actions.sendChat(text)) return;
    notSent.value = true;
    draft.value = draft.value ? `${text} ${draft.value}` : text;
  };
  const waiting = state.outbox.value;
  const me = state.self.value;
  const closed = me !== null && !mayWriteChat(state.workshop.value?.chatLock ?? 'open', me);
  const isModerator = me?.role === 'moderator';

  return (
    <section class="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('chat.title')}</h2>
      <ol class="chat__list" ref={list} aria-live="polite" data-testid="chat-list">
        {messages.length === 0 && <li class="muted">{t('chat.empty')}</li>}
        {messages.map((m) => (
          <li key={m.id} class={`chat__msg${m.authorId === myId ? ' chat__msg--mine' : ''}`} data-testid="chat-message">
            <div class="chat__meta">
              <strong>
                <bdi>{m.authorName}</bdi>
              </strong>{' '}
              {state.people.value.get(m.authorId)?.role === 'moderator' && (
                <span class="badge badge--role" data-testid="chat-moderator">
                  {t('ws.role.moderator')}
                </span>
              )}{' '}
              <span class="muted">
                · {m.authorTown} · {time.format(m.at)}
              </span>
            </div>
            {m.deleted ? (
              <div class="chat__text muted" data-testid="chat-deleted">
                {t('chat.deleted')}
              </div>
            ) : editing.value === m.id ? (
              <form
                class="chat__edit"
                onSubmit={async (e) => {
                  e.preventDefault();
                  const text = editText.value.trim();
                  if (text && (await state.actions.editChat(m.id, text))) editing.value = null;
                }}
              >
                <label for={`chat-edit-${m.id}`} class="visually-hidden">
                  {t('chat.editLabel')}
                </label>
                <input
                  id={`chat-edit-${m.id}`}
                  maxLength={CHAT_MAX_LENGTH}
                  value={editText.value}
                  ref={(el) => el?.focus()}
                  onInput={(e) => (editText.value = (e.target as HTMLInputElement).value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') editing.value = null;
                  }}
                />
                <button type="submit" class="btn btn--small btn--primary">
                  {t('chat.save')}
                </button>
                <button type="button" class="btn btn--small" onClick={() => (editing.value = null)}>
                  {t('common.cancel')}
                </button>
              </form>
            ) : (
              <div class="chat__text">
                <bdi>{m.text}</bdi>
                {m.editedAt !== undefined && <span class="muted small"> ({t('chat.edited')})</span>}
              </div>
            )}
            {!m.deleted && editing.value !== m.id && (m.authorId === myId || isModerator) && (
              <div class="chat__actions">
                {m.authorId === myId && !closed && (
                  <button
                    type="button"
                    class="btn btn--small btn--ghost"
                    aria-label={t('chat.editLabel')}
                    onClick={() => {
                      editText.value = m.text;
                      editing.value = m.id;
                    }}
                  >
                    {t('chat.edit')}
                  </button>
                )}
                <button
                  type="button"
                  class="btn btn--small btn--ghost"
                  aria-label={t('chat.deleteLabel', { name: m.authorName })}
                  onClick={() => {
                    if (confirm(t('chat.deleteConfirm'))) void state.actions.deleteChat(m.id);
                  }}
                >
                  {t('chat.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
        {waiting.map((m) => (
          <li key={`out-${m.id}`} class="chat__msg chat__msg--mine chat__msg--waiting" data-testid="chat-waiting">
            <div class="chat__meta muted">{t('chat.waiting')}</div>
            <div class="chat__text">{m.text}</div>
          </li>
        ))}
      </ol>
      {notSent.value && (
        <p class="chat__note" role="alert" data-testid="chat-not-sent">
          {t('chat.notSent')}
        </p>
      )}
      {closed && (
        <p class="chat__note" role="status" data-testid="chat-closed">
          {t('chat.closed')}
        </p>
      )}
      <form class="chat__form" onSubmit={send}>
        <label for="chat-input" class="visually-hidden">
          {t('chat.label')}
        </label>
        <input
          id="chat-input"
          autoComplete="off"
          maxLength={CHAT_MAX_LENGTH}
          placeholder={t('chat.placeholder')}
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
