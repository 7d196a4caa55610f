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
    </section>
  );
}
