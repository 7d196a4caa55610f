import type { Speaker, SpeakingRound } from '../../shared/speaking/schema.js';
import { formatCountdown } from '../breakouts/state.js';
import { errorText, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { useSession } from '../session/context.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import type { WorkshopState } from '../workshops/state.js';
import type { SpeakingState } from './state.js';
import './speaking.css';

/** Moderators only: participants never download the form and the controls. */
const SpeakingStartForm = lazy(() => import('./SpeakingModerator.js').then((m) => m.SpeakingStartForm));
const SpeakingControls = lazy(() => import('./SpeakingModerator.js').then((m) => m.SpeakingControls));

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
  // Nothing on the stage while no round runs here (moderators prepare one in the Run sheet tab: SpeakingSetupCard);
  // the live region stays, so the start is heard.
  if (!round)
    return (
      <div class="speaking speaking--idle" data-testid="speaking-idle">
        <Announcer speaking={speaking} />
      </div>
    );
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
      {round && <RoundView round={round} speaking={speaking} />}
      {moderator && running && <SpeakingControls speaking={speaking} />}
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
    </section>
  );
}

/** [LAYOUT] Moderators prepare a flash round beside the run sheet (not on everyone's stage) while none runs here. */
export function SpeakingSetupCard() {
  const { workshop: state, speaking } = useSession();
  const round = speaking.round.value;
  if (!state.isModerator.value || (round !== null && round.phase !== 'ended')) return null;
  return (
    <section class="card speaking" aria-labelledby="speaking-setup-title">
      <h2 id="speaking-setup-title">
        <Icon name="timer" /> {t('speak.title')}
      </h2>
      <details class="speaking__setup" data-testid="speaking-setup">
        <summary>{t('speak.setup')}</summary>
        <SpeakingStartForm speaking={speaking} />
      </details>
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
          {speaking.chatLine.value && (
            <blockquote class="speaking__chat" data-testid="speaking-chat">
              {speaking.chatLine.value}
            </blockquote>
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
