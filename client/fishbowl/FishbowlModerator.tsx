import { useSignal } from '@preact/signals';
import { FISHBOWL_LIMITS as L } from '../../shared/fishbowl/constants.js';
import { t } from '../i18n/i18n.js';
import type { FishbowlState } from './state.js';

/** The moderator's part of the fishbowl (its own chunk): the form that starts one, and End. */
export function FishbowlControls({ fishbowl }: { fishbowl: FishbowlState }) {
  return (
    <div class="fishbowl__controls">
      <button type="button" class="btn btn--danger" data-testid="fishbowl-stop" onClick={fishbowl.actions.stop}>
        {t('fishbowl.stop')}
      </button>
    </div>
  );
}

export function FishbowlStartForm({ fishbowl }: { fishbowl: FishbowlState }) {
  const seats = useSignal(String(L.seatsDefault));
  return (
    <form
      class="fishbowl__form"
      data-testid="fishbowl-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const n = Math.round(Number(seats.value));
        await fishbowl.actions.start({
          seats: Number.isFinite(n) ? Math.min(L.seatsMax, Math.max(L.seatsMin, n)) : L.seatsDefault,
        });
      }}
    >
      <div class="field field--inline">
        <label for="fishbowl-seats-input">{t('fishbowl.seats')}</label>
        <input
          id="fishbowl-seats-input"
          type="number"
          min={L.seatsMin}
          max={L.seatsMax}
          value={seats.value}
          onInput={(e) => (seats.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="btn btn--primary" data-testid="fishbowl-start">
        {t('fishbowl.start')}
      </button>
    </form>
  );
}
