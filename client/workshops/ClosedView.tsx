import { t } from '../i18n/i18n.js';
import { ReportButton } from '../report/ReportButton.js';
import { sessions } from './session-store.js';
import type { WorkshopState } from './state.js';

export function ClosedView({ state, code }: { state: WorkshopState; code: string }) {
  const reason = state.closedReason.value ?? 'left';
  const saved = sessions.get(code);
  return (
    <div class="page page--narrow">
      <section class="card closed" data-testid="closed" data-reason={reason}>
        {state.workshop.value && <h1>{state.workshop.value.title}</h1>}
        <p class="lead">{t(`closed.${reason}`)}</p>
        <div class="actions">
          {reason === 'ended' && (
            <ReportButton access={state.reportAccess.value} title={state.workshop.value?.title ?? ''} primary />
          )}
          {(reason === 'left' || reason === 'replaced') && saved && (
            <button class="btn btn--primary btn--large" type="button" onClick={() => void state.actions.resume(saved)}>
              {reason === 'left' ? t('closed.rejoin') : t('closed.useHere')}
            </button>
          )}
          {reason === 'gone' ? (
            <a class="btn btn--primary btn--large" href="/" data-testid="to-start">
              {t('closed.start')}
            </a>
          ) : (
            <a class="btn btn--ghost" href="/">
              {t('closed.home')}
            </a>
          )}
        </div>
      </section>
    </div>
  );
}
