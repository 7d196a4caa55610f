import { useSignal } from '@preact/signals';
import { ALL_BREAKOUTS, SPEAKING_LIMITS as L, ORDER_MODES, type OrderMode } from '../../shared/speaking/constants.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Speaker, SpeakingRound } from '../../shared/speaking/schema.js';
import { formatCountdown } from '../breakouts/state.js';
import { errorText, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { useSession } from '../session/context.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import type { SpeakingState } from './state.js';
import './speaking.css';

/**
 * The flash round of this person's room: the question, the think countdown, who has the word (with a
 * countdown) and who comes next, the order; "Pass" for the speaker on their own screen. Moderators get
 * the form that starts a round and Next / Back / End. A screen reader hears the changes politely.
 */
export function SpeakingPanel() {
  const session = useSession();
  return <SpeakingPanelView state={session.workshop} speaking={session.speaking} />;
}

export function SpeakingPanelView({ state, speaking }: { state: WorkshopState; speaking: SpeakingState }) {
  const moderator = state.isModerator.value;
  const round = speaking.round.value;
  const running = round !== null && round.phase !== 'ended';
  return (
    <section
      class={`card speaking${running ? ' speaking--active' : ''}`}
      aria-labelledby="speaking-title"
      data-testid="speaking"
    >
      <h2 id="speaking-title">
        <Icon name="timer" /> {t('speak.title')}
      </h2>
      <Announcer speaking={speaking} />
      {speaking.error.value && (
        <Alert testId="speaking-error">
          {errorText(speaking.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={speaking.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {round ? (
        <RoundView round={round} speaking={speaking} />
      ) : (
        <p class="muted" data-testid="speaking-none">
          {t('speak.none')}
        </p>
      )}
      {moderator && running && <Controls speaking={speaking} />}
      {moderator && speaking.elsewhere.value > 0 && (
        <p class="speaking__elsewhere">
          {t('speak.roundsElsewhere', { count: speaking.elsewhere.value })}{' '}
          <button
            type="button"
            class="btn btn--small"
            data-testid="speaking-stop-all"
            onClick={speaking.actions.stopAll}
          >
            {t('speak.stopAll')}
          </button>
        </p>
      )}
      {moderator && !running && <StartForm speaking={speaking} />}
    </section>
  );
}

/** The polite live region: the phase, who has the word, and the time left at 30 s and 10 s only. */
function Announcer({ speaking }: { speaking: SpeakingState }) {
  const a = speaking.announcement.value;
  const round = speaking.round.value;
  let text = '';
  if (a && round) {
    if (a.phase === 'think') text = t('speak.announce.think', { question: round.question });
    else if (a.phase === 'ended') text = t('speak.ended');
    else {
      const name = speaking.speaker.value?.name ?? '';
      text = speaking.myTurn.value ? t('speak.announce.yourTurn') : t('speak.announce.turn', { name });
      if (a.mark !== null) text = `${text} ${t('speak.announce.secondsLeft', { count: a.mark })}`;
    }
  }
  return (
    <p class="visually-hidden" aria-live="polite" data-testid="speaking-announce">
      {text}
    </p>
  );
}

function RoundView({ round, speaking }: { round: SpeakingRound; speaking: SpeakingState }) {
  const remaining = speaking.remainingMs.value;
  const speaker = speaking.speaker.value;
  const next = speaking.nextSpeaker.value;
  return (
    <div class="speaking__round">
      <p class="speaking__question" data-testid="speaking-question">
        {round.question}
      </p>
      {round.phase === 'think' && remaining !== null && (
        <div class="countdown countdown--large">
          <Icon name="timer" />
          <span>{t('speak.thinking')}</span>
          <span class="countdown__time" role="timer" data-testid="speaking-think">
            {formatCountdown(remaining)}
          </span>
        </div>
      )}
      {round.phase === 'speaking' && speaker && (
        <div class={`speaking__now${speaking.myTurn.value ? ' speaking__now--me' : ''}`} data-testid="speaking-now">
          <p class="speaking__speaker" data-testid="speaking-current">
            {speaking.myTurn.value ? t('speak.yourTurn') : t('speak.nowSpeaking', { name: speaker.name })}
          </p>
          {remaining !== null && (
            <div class={`countdown countdown--large${remaining <= 10_000 ? ' countdown--soon' : ''}`}>
              <Icon name="timer" />
              <span class="visually-hidden">{t('speak.timeLeft')}</span>
              <span class="countdown__time" role="timer" data-testid="speaking-countdown">
                {formatCountdown(remaining)}
              </span>
            </div>
          )}
          {speaking.mayPass.value && (
            <button
              type="button"
              class="btn btn--large"
              data-testid="speaking-pass"
              onClick={() => void speaking.actions.pass()}
            >
              {t('speak.pass')}
            </button>
          )}
        </div>
      )}
      {round.phase !== 'ended' && next && (
        <p class="muted" data-testid="speaking-next">
          {next.id === speaking.selfId.value ? t('speak.youAreNext') : t('speak.upNext', { name: next.name })}
        </p>
      )}
      {round.phase === 'ended' && (
        <p class="speaking__ended" data-testid="speaking-ended">
          {t('speak.ended')}
        </p>
      )}
      <ol class="speaking__order" aria-label={t('speak.order')} data-testid="speaking-order">
        {round.speakers.map((s) => (
          <SpeakerRow key={s.id} speaker={s} next={s.id === speaking.nextId.value} />
        ))}
      </ol>
    </div>
  );
}

function SpeakerRow({ speaker: s, next }: { speaker: Speaker; next: boolean }) {
  const status =
    s.status === 'speaking'
      ? t('speak.status.speaking')
      : s.status === 'spoke'
        ? t('speak.status.spoke')
        : s.status === 'skipped'
          ? t('speak.status.skipped')
          : next
            ? t('speak.status.next')
            : null;
  return (
    <li
      class={`speaking__entry speaking__entry--${s.status}`}
      aria-current={s.status === 'speaking' ? 'true' : undefined}
      data-testid="speaking-entry"
      data-status={s.status}
    >
      <span class="speaking__name">{s.name}</span> <span class="muted">· {s.town}</span>
      {s.kind === 'group' && <span class="badge">{t('speak.group', { count: s.headcount })}</span>}
      {!s.media && <span class="badge">{t('speak.chatOnly')}</span>}
      {status && <span class="speaking__status"> — {status}</span>}
      {s.passed && <span class="speaking__status"> ({t('speak.status.passed')})</span>}
    </li>
  );
}

function Controls({ speaking }: { speaking: SpeakingState }) {
  const round = speaking.round.value!;
  return (
    <div class="speaking__controls" role="group" aria-label={t('speak.title')}>
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
    </div>
  );
}

function StartForm({ speaking }: { speaking: SpeakingState }) {
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
          thinkSec: clamp(thinkSec.value, L.thinkMinSec, L.thinkMaxSec),
          perSpeakerSec: clamp(perSpeakerSec.value, L.perSpeakerMinSec, L.perSpeakerMaxSec),
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
      {inMyRoom === PLENARY && rooms.length > 0 && (
        <div class="field">
          <label for="speaking-scope">{t('speak.scope')}</label>
          <select
            id="speaking-scope"
            value={scope.value}
            onChange={(e) => (scope.value = (e.target as HTMLSelectElement).value)}
          >
            <option value={PLENARY}>{t('speak.scope.plenary')}</option>
            <option value={ALL_BREAKOUTS}>{t('speak.scope.breakouts')}</option>
          </select>
        </div>
      )}
      <button type="submit" class="btn btn--primary" data-testid="speaking-start">
        {t('speak.start')}
      </button>
    </form>
  );
}

function clamp(raw: string, min: number, max: number): number {
  const n = Math.round(Number(raw));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
