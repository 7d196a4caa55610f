import { BUILT_MECHANICS } from '../../shared/agenda/catalogue.js';
import { clockText } from '../../shared/agenda/rules.js';
import { errorText, t, type MessageKey } from '../i18n/i18n.js';
import { ReportButton } from '../report/ReportButton.js';
import { useSession } from '../session/context.js';
import { instructionsOf, roundOf, stepName } from './labels.js';
import type { AgendaState } from './state.js';
import './agenda.css';

/**
 * What runs now and what comes next, for everyone (the stage, a phone's "Now" tab). Nothing while no
 * step is planned.
 */
export function AgendaNow() {
  const { workshop, agenda } = useSession();
  if (agenda.agenda.value.steps.length === 0) return null;
  const moderator = workshop.isModerator.value;
  const running = agenda.agenda.value.current !== null;
  const error = agenda.error.value;
  return (
    <section class="card agenda agenda--now" aria-label={t('agenda.title')} data-testid="agenda-now-card">
      <NowAndNext agenda={agenda} moderator={moderator} />
      {/* Moderators move on from here too: the run sheet itself may be in a closed panel. */}
      {moderator && running && (
        <div class="agenda__buttons">
          <button
            type="button"
            class="btn btn--primary"
            data-testid="agenda-now-next"
            onClick={() => void agenda.actions.next()}
          >
            {t('agenda.next')}
          </button>
          <button type="button" class="btn" onClick={() => void agenda.actions.extend(5)}>
            {t('agenda.extend')}
          </button>
        </div>
      )}
      {moderator && error && (
        <p class="alert alert--error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}

export function NowAndNext({ agenda, moderator }: { agenda: AgendaState; moderator: boolean }) {
  const { step, leftMs, next, finished } = agenda.view.value;
  const { workshop, breakouts } = useSession();
  const round = step ? roundOf(step, breakouts.view.value) : null;
  return (
    <div class="agenda__now" aria-live="polite">
      {step && (
        <p data-testid="agenda-now">
          <strong>{t('agenda.now', { what: stepName(step) })}</strong>
          {', '}
          {round && <span data-testid="agenda-round">{`${t('br.round', round)}, `}</span>}
          <span data-testid="agenda-left">
            {leftMs >= 0
              ? t('agenda.left', { time: clockText(leftMs) })
              : t('agenda.over', { time: clockText(leftMs) })}
          </span>
          {' — '}
          {instructionsOf(step)}
        </p>
      )}
      {step && moderator && !BUILT_MECHANICS.has(step.params.kind) && (
        <p class="agenda__manual" data-testid="agenda-by-hand">
          {t('agenda.byHand', { text: t(`agenda.manual.${step.params.kind}` as MessageKey) })}
        </p>
      )}
      {finished && <p data-testid="agenda-finished">{t('agenda.finished')}</p>}
      {/* Moderators have the report in the run sheet at any time; everyone else once the programme is through. */}
      {finished && !moderator && (
        <ReportButton access={workshop.reportAccess.value} title={workshop.workshop.value?.title ?? ''} />
      )}
      {next && (
        <p class="muted" data-testid="agenda-next">
          {t('agenda.upNext', { what: stepName(next) })}
        </p>
      )}
    </div>
  );
}
