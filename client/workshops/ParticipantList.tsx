import type { Participant } from '../../shared/workshops/schema.js';
import { Icon } from '../ui/Icon.js';
import { languageName, t } from '../i18n/i18n.js';
import type { WorkshopState } from './state.js';

export function ParticipantList({ state }: { state: WorkshopState }) {
  return (
    <section class="card participants" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t('ws.participants')} <span class="muted">· {t('ws.peopleCount', { count: state.headcount.value })}</span>
      </h2>
      {state.byTown.value.map((town) => (
        <div class="town" key={town.town} data-testid="town" data-town={town.town}>
          <h3 class="town__name">
            {town.town} <span class="muted">· {t('ws.peopleCount', { count: town.headcount })}</span>
          </h3>
          <ul class="plain-list">
            {town.people.map((p) => (
              <ParticipantRow key={p.id} p={p} state={state} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ParticipantRow({ p, state }: { p: Participant; state: WorkshopState }) {
  const isMe = p.id === state.self.value?.id;
  const canModerate = state.isModerator.value && !isMe;
  return (
    <li class={`person person--${p.presence}`} data-testid="participant" data-name={p.name} data-presence={p.presence}>
      <div class="person__main">
        <span class="person__name">
          {p.kind === 'group' && <Icon name="group" />}
          <bdi>{p.name}</bdi>
          {isMe && <span class="muted"> ({t('ws.you')})</span>}
        </span>
        {p.handRaisedAt !== null && (
          <span class="hand" role="img" aria-label={t('ws.handRaised')} data-testid="hand-icon">
            <Icon name="hand" />
          </span>
        )}
      </div>
      <div class="person__meta">
        {p.role === 'moderator' && <span class="badge badge--role">{t('ws.role.moderator')}</span>}
        {p.kind === 'group' && <span class="badge">{t('ws.group', { count: p.headcount })}</span>}
        {p.languages.length > 0 && (
          <span class="muted small">{t('ws.speaks', { languages: p.languages.map(languageName).join(', ') })}</span>
        )}
        {p.presence === 'reconnecting' && <span class="badge badge--warning">{t('ws.presence.reconnecting')}</span>}
        {!isMe && p.presence !== 'offline' && (
          <button
            type="button"
            class="btn btn--small btn--ghost person__message"
            aria-label={t('chat.messageLabel', { name: p.name })}
            data-testid="message-person"
            onClick={() => state.pm.actions.openWith(p.id)}
          >
            <Icon name="chat" /> {t('chat.message')}
          </button>
        )}
      </div>
      {canModerate && (
        <details class="person__actions">
          <summary>{t('mod.actionsFor', { name: p.name })}</summary>
          <div class="inline-row">
            {p.role !== 'moderator' ? (
              <button type="button" class="btn btn--small" onClick={() => void state.actions.promote(p.id)}>
                {t('mod.promote')}
              </button>
            ) : (
              <button type="button" class="btn btn--small" onClick={() => void state.actions.demote(p.id)}>
                {t('mod.demote')}
              </button>
            )}
            <button
              type="button"
              class="btn btn--small btn--danger"
              onClick={() => {
                if (confirm(t('mod.removeConfirm', { name: p.name }))) void state.actions.remove(p.id);
              }}
            >
              {t('mod.remove')}
            </button>
          </div>
        </details>
      )}
    </li>
  );
}
