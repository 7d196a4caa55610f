import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ALL_BREAKOUTS } from '../../shared/speaking/constants.js';
import { TRUTHS_LIMITS as L, TRUTHS_VARIANTS, type TruthsVariant } from '../../shared/truths/constants.js';
import { t } from '../i18n/i18n.js';
import { clampInt, NumberField, ScopeField } from '../ui/FormFields.js';
import type { TruthsState } from './state.js';

/** The moderator's part (its own chunk): the form that starts a game, and Next / End while it runs. */
export function TruthsSetup({ truths }: { truths: TruthsState }) {
  const voteSec = useSignal(String(L.voteDefaultSec));
  const scope = useSignal<string>(PLENARY);
  const variant = useSignal<TruthsVariant>('statements');
  const rooms = truths.breakoutRooms.value;
  const inPlenary = truths.myRoom.value === PLENARY;
  return (
    <form
      class="truths__form"
      data-testid="truths-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await truths.actions.start({
          voteSec: clampInt(voteSec.value, L.voteMinSec, L.voteMaxSec, L.voteDefaultSec),
          scope: scope.value === ALL_BREAKOUTS && rooms.length > 0 ? ALL_BREAKOUTS : truths.myRoom.peek(),
          variant: variant.value,
        });
      }}
    >
      <VariantField id="truths-variant" variant={variant} />
      {variant.value === 'statements' && (
        <NumberField
          id="truths-vote-sec"
          label="truths.voteSec"
          min={L.voteMinSec}
          max={L.voteMaxSec}
          value={voteSec}
        />
      )}
      {inPlenary && rooms.length > 0 && <ScopeField id="truths-scope" scope={scope} />}
      <button type="submit" class="btn btn--primary" data-testid="truths-start">
        {t('truths.start')}
      </button>
    </form>
  );
}

/** [TRUTH7] Statements with a lie and votes, or three hashtags each (no votes). */
function VariantField({ id, variant }: { id: string; variant: { value: TruthsVariant } }) {
  return (
    <div class="field">
      <label for={id}>{t('truths.variant')}</label>
      <select
        id={id}
        value={variant.value}
        onChange={(e) => (variant.value = (e.target as HTMLSelectElement).value as TruthsVariant)}
      >
        {TRUTHS_VARIANTS.map((v) => (
          <option key={v} value={v}>
            {t(`truths.variant.${v}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TruthsControls({ truths }: { truths: TruthsState }) {
  const phase = truths.game.value?.phase;
  const label =
    phase === 'collect' ? 'truths.openVoting' : phase === 'voting' ? 'truths.revealNow' : 'truths.nextPerson';
  return (
    <div class="truths__controls">
      {/* [TRUTH7] The hashtags variant has no votes: only its end. */}
      {!truths.hashtagGame.value && (
        <button
          type="button"
          class="btn btn--primary"
          data-testid="truths-next"
          onClick={() => void truths.actions.next()}
        >
          {t(label)}
        </button>
      )}
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
