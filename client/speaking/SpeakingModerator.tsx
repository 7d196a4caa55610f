import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ALL_BREAKOUTS, SPEAKING_LIMITS as L, ORDER_MODES, type OrderMode } from '../../shared/speaking/constants.js';
import { t } from '../i18n/i18n.js';
import { clampInt, ScopeField } from '../ui/FormFields.js';
import type { SpeakingState } from './state.js';

/** The moderator's part of the flash round (its own chunk): Back / Next / End, and the form that starts one. */
export function SpeakingControls({ speaking }: { speaking: SpeakingState }) {
  const round = speaking.round.value!;
  return (
    <fieldset class="speaking__controls">
      <legend class="visually-hidden">{t('speak.title')}</legend>
      <button
        type="button"
        class="btn"
        data-testid="speaking-back"
        disabled={round.phase !== 'speaking'}
        onClick={() => void speaking.actions.back()}
      >
        {t('speak.back')}
      </button>
      <button
        type="button"
        class="btn btn--primary"
        data-testid="speaking-next-button"
        onClick={() => void speaking.actions.next()}
      >
        {t('speak.next')}
      </button>
      <button type="button" class="btn btn--danger" data-testid="speaking-stop" onClick={speaking.actions.stop}>
        {t('speak.stop')}
      </button>
    </fieldset>
  );
}

export function SpeakingStartForm({ speaking }: { speaking: SpeakingState }) {
  const question = useSignal('');
  const thinkSec = useSignal(String(L.thinkDefaultSec));
  const perSpeakerSec = useSignal(String(L.perSpeakerDefaultSec));
  const order = useSignal<OrderMode>('towns');
  const autoAdvance = useSignal(true);
  const scope = useSignal<string>(PLENARY);
  const rooms = speaking.breakoutRooms.value;
  const inMyRoom = speaking.myRoom.value;
  return (
    <form
      class="speaking__form"
      data-testid="speaking-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const where = scope.value === ALL_BREAKOUTS && rooms.length > 0 ? ALL_BREAKOUTS : inMyRoom;
        const started = await speaking.actions.start({
          question: question.value,
          thinkSec: clampInt(thinkSec.value, L.thinkMinSec, L.thinkMaxSec),
          perSpeakerSec: clampInt(perSpeakerSec.value, L.perSpeakerMinSec, L.perSpeakerMaxSec),
          order: order.value,
          autoAdvance: autoAdvance.value,
          scope: where,
        });
        if (started) question.value = '';
      }}
    >
      <div class="field">
        <label for="speaking-question-input">{t('speak.question')}</label>
        <input
          id="speaking-question-input"
          required
          maxLength={L.question}
          value={question.value}
          onInput={(e) => (question.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field field--inline">
        <label for="speaking-think">{t('speak.thinkSec')}</label>
        <input
          id="speaking-think"
          type="number"
          min={L.thinkMinSec}
          max={L.thinkMaxSec}
          value={thinkSec.value}
          onInput={(e) => (thinkSec.value = (e.target as HTMLInputElement).value)}
        />
        <label for="speaking-per">{t('speak.perSpeakerSec')}</label>
        <input
          id="speaking-per"
          type="number"
          min={L.perSpeakerMinSec}
          max={L.perSpeakerMaxSec}
          step={5}
          value={perSpeakerSec.value}
          onInput={(e) => (perSpeakerSec.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="field">
        <legend>{t('speak.order')}</legend>
        {ORDER_MODES.map((m) => (
          <label key={m} class="check">
            <input
              type="radio"
              name="speaking-order"
              value={m}
              checked={order.value === m}
              onChange={() => (order.value = m)}
            />{' '}
            {t(`speak.order.${m}`)}
          </label>
        ))}
      </fieldset>
      <label class="check" for="speaking-auto">
        <input
          id="speaking-auto"
          type="checkbox"
          checked={autoAdvance.value}
          onChange={(e) => (autoAdvance.value = (e.target as HTMLInputElement).checked)}
        />{' '}
        {t('speak.autoAdvance')}
      </label>
      {inMyRoom === PLENARY && rooms.length > 0 && <ScopeField id="speaking-scope" scope={scope} />}
      <button type="submit" class="btn btn--primary" data-testid="speaking-start">
        {t('speak.start')}
      </button>
    </form>
  );
}
