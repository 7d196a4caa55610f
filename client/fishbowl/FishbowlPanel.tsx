import type { Seat } from '../../shared/fishbowl/schema.js';
import { errorText, t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import type { WorkshopState } from '../workshops/state.js';
import type { FishbowlState } from './state.js';
import './fishbowl.css';

/** Moderators only: participants never download the form and the stop button. */
const FishbowlStartForm = lazy(() => import('./FishbowlModerator.js').then((m) => m.FishbowlStartForm));
const FishbowlControls = lazy(() => import('./FishbowlModerator.js').then((m) => m.FishbowlControls));

/**
 * The fishbowl on everyone's stage: the circle of seats with names, the seat counter, and this person's
 * way in or out: take the empty seat, raise a hand (with the place in the queue), tap out; the polite
 * "please make room" notice to the longest sitter. Nothing shows while none ran.
 */
export function FishbowlPanel() {
  const session = useSession();
  return <FishbowlPanelView state={session.workshop} fishbowl={session.fishbowl} />;
}

export function FishbowlPanelView({ state, fishbowl: fb }: { state: WorkshopState; fishbowl: FishbowlState }) {
  const f = fb.fishbowl.value;
  if (!f) return null;
  const moderator = state.isModerator.value;
  const running = fb.running.value;
  return (
    <section
      class={`card fishbowl${running ? ' fishbowl--active' : ''}`}
      aria-labelledby="fishbowl-title"
      data-testid="fishbowl"
    >
      <h2 id="fishbowl-title">
        <Icon name="stage" /> {t('fishbowl.title')}
      </h2>
      {fb.error.value && (
        <Alert testId="fishbowl-error">
          {fb.error.value === 'conflict' && fb.free.value === 0 ? t('fishbowl.full') : errorText(fb.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={fb.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {running ? (
        <>
          <p class="muted">{t('fishbowl.explain')}</p>
          <p class="fishbowl__counter" role="status" data-testid="fishbowl-counter" data-taken={fb.taken.value}>
            {t('fishbowl.counter', { taken: fb.taken.value, seats: f.seats.length })}
          </p>
          <ul class="fishbowl__circle" aria-label={t('fishbowl.circle')} data-testid="fishbowl-seats">
            {f.seats.map((seat, i) => (
              <SeatView key={seat?.id ?? `free-${i}`} seat={seat} me={seat?.id === fb.selfId.value} />
            ))}
          </ul>
          <MyPart state={state} fb={fb} />
          {f.queue.length > 0 && (
            <p class="muted" data-testid="fishbowl-queue">
              {t('fishbowl.queue', { names: f.queue.map((w) => w.name).join(', ') })}
            </p>
          )}
          {moderator && <FishbowlControls fishbowl={fb} />}
        </>
      ) : (
        <p class="fishbowl__ended" data-testid="fishbowl-ended">
          {t('fishbowl.ended')}
        </p>
      )}
    </section>
  );
}

function SeatView({ seat, me }: { seat: Seat | null; me: boolean }) {
  if (!seat)
    return (
      <li class="fishbowl__seat fishbowl__seat--free" data-testid="fishbowl-seat" data-free="true">
        {t('fishbowl.emptySeat')}
      </li>
    );
  return (
    <li class={`fishbowl__seat${me ? ' fishbowl__seat--me' : ''}`} data-testid="fishbowl-seat" data-free="false">
      <span class="fishbowl__name">{seat.name}</span> {me && <span>{t('fishbowl.you')}</span>}
      <span class="muted"> · {seat.town}</span>
      {seat.permanent && <span class="badge">{t('fishbowl.permanent')}</span>}
    </li>
  );
}

/** What this person can do: in the circle, waiting, or in the audience. */
function MyPart({ state, fb }: { state: WorkshopState; fb: FishbowlState }) {
  if (!fb.inItsRoom.value) return <p class="muted">{t('fishbowl.inRoom')}</p>;
  if (fb.mySeat.value)
    return (
      <div class="fishbowl__mine">
        {fb.askedMe.value ? (
          <p class="fishbowl__notice" role="alert" data-testid="fishbowl-make-room">
            {t('fishbowl.makeRoom')}
          </p>
        ) : (
          <p>{t('fishbowl.inCircle')}</p>
        )}
        <button type="button" class="btn" data-testid="fishbowl-leave" onClick={() => void fb.actions.leave()}>
          {t('fishbowl.leave')}
        </button>
      </div>
    );
  if (!state.self.value?.media) return <p class="muted">{t('fishbowl.noMedia')}</p>;
  const place = fb.myPlace.value;
  return (
    <div class="fishbowl__mine">
      {fb.free.value > 0 ? (
        <button
          type="button"
          class="btn btn--primary"
          data-testid="fishbowl-take"
          onClick={() => void fb.actions.take()}
        >
          {t('fishbowl.take')}
        </button>
      ) : (
        <p data-testid="fishbowl-full">{t('fishbowl.full')}</p>
      )}
      {place === null ? (
        fb.free.value === 0 && (
          <button type="button" class="btn" data-testid="fishbowl-raise" onClick={() => void fb.actions.raise()}>
            <Icon name="hand" /> {t('fishbowl.raise')}
          </button>
        )
      ) : (
        <>
          <p data-testid="fishbowl-place">{t('fishbowl.queuePosition', { n: place })}</p>
          <button type="button" class="btn" data-testid="fishbowl-lower" onClick={() => void fb.actions.lower()}>
            {t('fishbowl.lower')}
          </button>
        </>
      )}
    </div>
  );
}

/** [LAYOUT] Moderators prepare a fishbowl beside the run sheet while none runs. */
export function FishbowlSetupCard() {
  const { workshop: state, fishbowl } = useSession();
  if (!state.isModerator.value || fishbowl.running.value) return null;
  return (
    <section class="card fishbowl" aria-labelledby="fishbowl-setup-title">
      <h2 id="fishbowl-setup-title">
        <Icon name="stage" /> {t('fishbowl.title')}
      </h2>
      <details class="fishbowl__setup" data-testid="fishbowl-setup">
        <summary>{t('fishbowl.setup')}</summary>
        <FishbowlStartForm fishbowl={fishbowl} />
      </details>
    </section>
  );
}
