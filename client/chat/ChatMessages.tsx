import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CHAT_MAX_LENGTH } from '../../shared/chat/constants.js';
import type { ChatMessage } from '../../shared/chat/schema.js';
import { t, timeFormatter } from '../i18n/i18n.js';
import type { OutgoingChat, WorkshopState } from '../workshops/state.js';

interface Props {
  state: WorkshopState;
  messages: readonly ChatMessage[];
  waiting: readonly OutgoingChat[];
  /** [CHAT2] May edit own messages now (the chat here is open to this person). */
  mayEdit: boolean;
  onEdit: (id: string, text: string) => Promise<boolean>;
  onDelete: (id: string) => void;
}

/** The lines of one conversation (a room's chat or a private one), with edit and delete where allowed. */
export function ChatMessages({ state, messages, waiting, mayEdit, onEdit, onDelete }: Props) {
  /** [CHAT2] The message being edited here, and its new text. */
  const editing = useSignal<string | null>(null);
  const editText = useSignal('');
  const list = useRef<HTMLOListElement>(null);
  const myId = state.self.value?.id;
  const isModerator = state.self.value?.role === 'moderator';
  const time = timeFormatter.value;

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length, messages[0]?.roomId]);

  return (
    <ol
      class="chat__list"
      ref={list}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls; a keyboard must reach it to scroll back (WCAG 2.1.1, axe scrollable-region-focusable)
      tabIndex={0}
      aria-label={t('chat.title')}
      aria-live="polite"
      data-testid="chat-list"
    >
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
                if (text && (await onEdit(m.id, text))) editing.value = null;
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
              {m.authorId === myId && mayEdit && (
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
                  if (confirm(t('chat.deleteConfirm'))) onDelete(m.id);
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
  );
}
