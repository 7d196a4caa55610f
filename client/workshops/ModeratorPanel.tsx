import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { CHAT_LOCKS, type ChatLock } from '../../shared/workshops/constants.js';
import type { RemovedParticipant } from '../../shared/workshops/schema.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from './state.js';

/** Moderators only (loaded lazily by WorkshopPage): lock the workshop, end it. */
export function ModeratorPanel({ state }: { state: WorkshopState }) {
  const locked = state.workshop.value?.locked ?? false;
  return (
    <section class="card moderation" aria-labelledby="mod-title" data-testid="moderation">
      <h2 id="mod-title">{t('mod.title')}</h2>
      <div class="inline-row">
        <button
          type="button"
          class="btn"
          aria-pressed={locked}
          data-testid="lock-toggle"
          onClick={() => void state.actions.setLocked(!locked)}
        >
          <Icon name={locked ? 'unlock' : 'lock'} /> {locked ? t('mod.unlock') : t('mod.lock')}
        </button>
        <button
          type="button"
          class="btn btn--danger"
          data-testid="end-workshop"
          onClick={() => {
            if (confirm(t('mod.endConfirm'))) void state.actions.end();
          }}
        >
          {t('mod.end')}
        </button>
      </div>
      <div class="field field--inline">
        <label for="chat-lock">{t('mod.chat')}</label>
        <select
          id="chat-lock"
          data-testid="chat-lock"
          value={state.workshop.value?.chatLock ?? 'open'}
          onChange={(e) => void state.actions.setChatLock((e.target as HTMLSelectElement).value as ChatLock)}
        >
          {CHAT_LOCKS.map((lock) => (
            <option key={lock} value={lock}>
              {t(`mod.chat.${lock}`)}
            </option>
          ))}
        </select>
      </div>
      <RemovedPeople state={state} />
    </section>
  );
}

/** [WS19] Removed people cannot come back by themselves: here a moderator lets one back in. */
function RemovedPeople({ state }: { state: WorkshopState }) {
  const removed = useSignal<readonly RemovedParticipant[]>([]);
  const resumed = state.resumed.value;
  useEffect(() => {
    const load = () =>
      void state.actions.removedList().then((list) => {
        if (list) removed.value = list;
      });
    load();
    return state.conn.on('participant:barred', load);
  }, [state, resumed, removed]);
  if (removed.value.length === 0) return null;
  return (
    <div class="removed-people" data-testid="removed-people">
      <h3 id="removed-title">{t('mod.removedTitle', { count: removed.value.length })}</h3>
      <p class="muted">{t('mod.removedHelp')}</p>
      <ul aria-labelledby="removed-title">
        {removed.value.map((p) => (
          <li key={p.id} class="inline-row" data-testid="removed-person" data-name={p.name}>
            <span>
              <bdi>{p.name}</bdi> · <bdi>{p.town}</bdi>
            </span>
            <button
              type="button"
              class="btn btn--small"
              aria-label={t('mod.letBackInLabel', { name: p.name })}
              onClick={() => void state.actions.letBackIn(p.id)}
            >
              {t('mod.letBackIn')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
