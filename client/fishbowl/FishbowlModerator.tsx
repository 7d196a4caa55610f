import { useSignal } from '@preact/signals';
import { FISHBOWL_LIMITS as L } from '../../shared/fishbowl/constants.js';
import { t } from '../i18n/i18n.js';
import { clampInt, NumberField } from '../ui/FormFields.js';
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
        await fishbowl.actions.start({ seats: clampInt(seats.value, L.seatsMin, L.seatsMax, L.seatsDefault) });
      }}
    >
      <NumberField id="fishbowl-seats-input" label="fishbowl.seats" min={L.seatsMin} max={L.seatsMax} value={seats} />
      <button type="submit" class="btn btn--primary" data-testid="fishbowl-start">
        {t('fishbowl.start')}
      </button>
    </form>
  );
}
