import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { CHAT_LOCKS, type ChatLock, LIMITS } from '../../shared/workshops/constants.js';
import type { RemovedParticipant } from '../../shared/workshops/schema.js';
import { languageName, t } from '../i18n/i18n.js';
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
      <AccessSettings state={state} />
      <RemovedPeople state={state} />
    </section>
  );
}

/** [WS25][WS26][WS27] Who gets in: the waiting room, the passcode, the most people at once. */
function AccessSettings({ state }: { state: WorkshopState }) {
  const w = state.workshop.value;
  const passcode = useSignal(w?.passcode ?? '');
  const limit = useSignal(w?.limit ?? 0);
  const saved = useSignal(false);
  // Another moderator may change them: the fields follow unless someone is typing here.
  useEffect(() => {
    passcode.value = w?.passcode ?? '';
    limit.value = w?.limit ?? 0;
  }, [w?.passcode, w?.limit]);
  if (!w) return null;
  const save = async (e: Event) => {
    e.preventDefault();
    saved.value = false;
    const done = await state.actions.setAccess({ passcode: passcode.value.trim(), limit: limit.value });
    saved.value = done !== null;
  };
  return (
    <form class="access" aria-labelledby="access-title" data-testid="access" onSubmit={save}>
      <h3 id="access-title">{t('access.title')}</h3>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="lobby-toggle"
          checked={w.lobby}
          onChange={(e) => void state.actions.setAccess({ lobby: (e.target as HTMLInputElement).checked })}
        />
        <span>{t('access.lobby')}</span>
      </label>
      <div class="field">
        <label for="access-passcode">{t('access.passcode')}</label>
        <input
          id="access-passcode"
          data-testid="access-passcode"
          maxLength={LIMITS.passcode}
          autoComplete="off"
          aria-describedby="access-passcode-help"
          value={passcode.value}
          onInput={(e) => (passcode.value = (e.target as HTMLInputElement).value)}
        />
        <p class="help" id="access-passcode-help">
          {t('access.passcodeHelp')}
        </p>
      </div>
      <div class="field">
        <label for="access-limit">{t('access.limit')}</label>
        <input
          id="access-limit"
          data-testid="access-limit"
          type="number"
          min={0}
          max={LIMITS.occupancy}
          aria-describedby="access-limit-help"
          value={limit.value}
          onInput={(e) => (limit.value = Math.max(0, Math.floor(Number((e.target as HTMLInputElement).value) || 0)))}
        />
        <p class="help" id="access-limit-help">
          {t('access.limitHelp')}
        </p>
      </div>
      <div class="inline-row">
        <button type="submit" class="btn" data-testid="access-save">
          {t('access.save')}
        </button>
        <span role="status">{saved.value ? t('access.saved') : ''}</span>
      </div>
    </form>
  );
}

/**
 * [WS25] Moderators only, at the top of the page while someone waits: let in one by one or all at once,
 * or send someone away with a message. Each new knock is announced to screen readers.
 */
export function LobbyPanel({ state }: { state: WorkshopState }) {
  const denying = useSignal<string | null>(null);
  const reason = useSignal('');
  const resumed = state.resumed.value;
  useEffect(() => void state.actions.loadKnocks(), [state, resumed]);
  const knocks = state.knocks.value;
  if (knocks.length === 0) return null;
  const newest = knocks[knocks.length - 1]!;
  return (
    <section class="card lobby" aria-labelledby="lobby-title" data-testid="lobby">
      <h2 id="lobby-title">{t('lobby.listTitle', { count: knocks.length })}</h2>
      <p class="visually-hidden" role="status">
        {t('lobby.announce', { name: newest.name, town: newest.town })}
      </p>
      <ul class="lobby__list">
        {knocks.map((k) => (
          <li key={k.id} class="lobby__knock" data-testid="knock" data-name={k.name}>
            <span class="lobby__who">
              <strong>
                <bdi>{k.name}</bdi>
              </strong>{' '}
              · <bdi>{k.town}</bdi>
              {k.kind === 'group' && <> · {t('lobby.group', { count: k.headcount })}</>}
              {k.languages.length > 0 && (
                <span class="muted"> · {k.languages.map((l) => languageName(l)).join(', ')}</span>
              )}
            </span>
            <span class="inline-row">
              <button
                type="button"
                class="btn btn--primary btn--small"
                aria-label={t('lobby.admitLabel', { name: k.name })}
                onClick={() => void state.actions.admit([k.id])}
              >
                {t('lobby.admit')}
              </button>
              <button
                type="button"
                class="btn btn--small"
                aria-label={t('lobby.denyLabel', { name: k.name })}
                aria-expanded={denying.value === k.id}
                onClick={() => {
                  denying.value = denying.value === k.id ? null : k.id;
                  reason.value = '';
                }}
              >
                {t('lobby.deny')}
              </button>
            </span>
            {denying.value === k.id && (
              <form
                class="lobby__deny"
                onSubmit={(e) => {
                  e.preventDefault();
                  denying.value = null;
                  void state.actions.deny(k.id, reason.value.trim());
                }}
              >
                <label for={`deny-${k.id}`}>{t('lobby.denyReason', { name: k.name })}</label>
                <input
                  id={`deny-${k.id}`}
                  // Opened from the button: the keyboard goes straight to the message.
                  ref={(el) => el?.focus()}
                  maxLength={LIMITS.denyReason}
                  value={reason.value}
                  onInput={(e) => (reason.value = (e.target as HTMLInputElement).value)}
                />
                <button type="submit" class="btn btn--danger btn--small">
                  {t('lobby.denySend')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {knocks.length > 1 && (
        <button
          type="button"
          class="btn btn--primary"
          data-testid="admit-all"
          onClick={() => void state.actions.admit('all')}
        >
          {t('lobby.admitAll')}
        </button>
      )}
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
