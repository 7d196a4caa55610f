import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { formatCountdown, type BreakoutsState } from './state.js';

/** The time left in the running round (and which round of how many). */
export function Countdown({ br, large = false }: { br: BreakoutsState; large?: boolean }) {
  const remaining = br.remainingMs.value;
  const round = br.view.value?.round;
  if (remaining === null || !round) return null;
  return (
    <div class={`countdown${large ? ' countdown--large' : ''}${br.oneMinuteLeft.value ? ' countdown--soon' : ''}`}>
      <Icon name="timer" />
      <span class="visually-hidden">{t('br.timeLeft')}</span>
      <span class="countdown__time" role="timer" data-testid="countdown">
        {formatCountdown(remaining)}
      </span>
      {round.total > 1 && (
        <span class="muted" data-testid="round">
          {t('br.round', { n: round.index + 1, total: round.total })}
        </span>
      )}
    </div>
  );
}
