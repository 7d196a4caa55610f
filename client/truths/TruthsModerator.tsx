import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ALL_BREAKOUTS } from '../../shared/speaking/constants.js';
import { TRUTHS_LIMITS as L } from '../../shared/truths/constants.js';
import { t } from '../i18n/i18n.js';
import type { TruthsState } from './state.js';

/** The moderator's part (its own chunk): the form that starts a game, and Next / End while it runs. */
export function TruthsSetup({ truths }: { truths: TruthsState }) {
  const voteSec = useSignal(String(L.voteDefaultSec));
  const scope = useSignal<string>(PLENARY);
  const rooms = truths.breakoutRooms.value;
  const inPlenary = truths.myRoom.value === PLENARY;
  return (
    <form
      class="truths__form"
      data-testid="truths-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const n = Math.round(Number(voteSec.value));
        await truths.actions.start({
          voteSec: Number.isFinite(n) ? Math.min(L.voteMaxSec, Math.max(L.voteMinSec, n)) : L.voteDefaultSec,
          scope: scope.value === ALL_BREAKOUTS && rooms.length > 0 ? ALL_BREAKOUTS : truths.myRoom.peek(),
        });
      }}
    >
      <div class="field field--inline">
        <label for="truths-vote-sec">{t('truths.voteSec')}</label>
        <input
          id="truths-vote-sec"
          type="number"
          min={L.voteMinSec}
          max={L.voteMaxSec}
          value={voteSec.value}
          onInput={(e) => (voteSec.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      {inPlenary && rooms.length > 0 && (
        <div class="field">
          <label for="truths-scope">{t('speak.scope')}</label>
          <select
            id="truths-scope"
            value={scope.value}
            onChange={(e) => (scope.value = (e.target as HTMLSelectElement).value)}
          >
            <option value={PLENARY}>{t('speak.scope.plenary')}</option>
            <option value={ALL_BREAKOUTS}>{t('speak.scope.breakouts')}</option>
          </select>
        </div>
      )}
      <button type="submit" class="btn btn--primary" data-testid="truths-start">
        {t('truths.start')}
      </button>
    </form>
  );
}

export function TruthsControls({ truths }: { truths: TruthsState }) {
  const phase = truths.game.value?.phase;
  const label =
    phase === 'collect' ? 'truths.openVoting' : phase === 'voting' ? 'truths.revealNow' : 'truths.nextPerson';
  return (
    <div class="truths__controls">
      <button
        type="button"
        class="btn btn--primary"
        data-testid="truths-next"
        onClick={() => void truths.actions.next()}
      >
        {t(label)}
      </button>
      <button
        type="button"
        class="btn btn--danger"
        data-testid="truths-stop"
        onClick={() => void truths.actions.stop()}
      >
        {t('truths.stop')}
      </button>
    </div>
  );
}
