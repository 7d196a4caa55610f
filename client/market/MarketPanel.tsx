import { useSignal } from '@preact/signals';
import { mayEditStall, signedUp, stallFull } from '../../shared/market/rules.js';
import type { Market, Stall } from '../../shared/market/schema.js';
import { formatCountdown } from '../breakouts/state.js';
import { errorText, t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import type { MarketState } from './state.js';
import './market.css';

/** Moderators only: participants never download the set-up form and the controls. */
const MarketStartForm = lazy(() => import('./MarketModerator.js').then((m) => m.MarketStartForm));
const MarketControls = lazy(() => import('./MarketModerator.js').then((m) => m.MarketControls));

/**
 * The idea market on everyone's stage: who pitches now with the time left, the stalls with their places,
 * going to a stall while they are open, "I'm in" with what one offers, who is in, and each stall's next
 * steps and contact (editable by its owner, its contact and moderators). Nothing shows while none ran.
 */
export function MarketPanel() {
  const { workshop, market: mk } = useSession();
  const m = mk.market.value;
  if (!m) return null;
  const moderator = workshop.isModerator.value;
  return (
    <section
      class={`card market${mk.running.value ? ' market--active' : ''}`}
      aria-labelledby="market-title"
      data-testid="market"
    >
      <h2 id="market-title">
        <Icon name="rooms" /> {t('market.title')}
      </h2>
      {mk.error.value && (
        <Alert testId="market-error">
          {mk.error.value === 'room_full' ? t('market.full') : errorText(mk.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={mk.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      <Phase m={m} mk={mk} />
      {moderator && mk.running.value && <MarketControls market={mk} />}
      {m.stalls.length > 0 && (
        <ul class="market__stalls" data-testid="market-stalls">
          {m.stalls.map((s) => (
            <StallView key={s.id} stall={s} m={m} mk={mk} moderator={moderator} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Phase({ m, mk }: { m: Market; mk: MarketState }) {
  const pitch = mk.pitch.value;
  const left = mk.pitchLeftMs.value;
  if (pitch)
    return (
      <div class="market__pitch" data-testid="market-pitch">
        <p class="market__pitching" aria-live="polite">
          {t('market.pitching', { title: pitch.title })}
          {pitch.ownerName && <span class="muted"> · {pitch.ownerName}</span>}
        </p>
        {left !== null && (
          <p class={`countdown countdown--large${left <= 10_000 ? ' countdown--soon' : ''}`}>
            {left > 0 ? t('market.timeLeft', { time: formatCountdown(left) }) : t('market.overTime')}
          </p>
        )}
      </div>
    );
  const key =
    m.phase === 'open' ? 'market.phase.open' : m.phase === 'ended' ? 'market.phase.ended' : 'market.phase.setup';
  return (
    <p class="muted" data-testid="market-phase" data-phase={m.phase}>
      {t(key)}
    </p>
  );
}

function StallView({ stall, m, mk, moderator }: { stall: Stall; m: Market; mk: MarketState; moderator: boolean }) {
  const { workshop, breakouts } = useSession();
  const me = mk.selfId.value;
  const here = stall.roomId !== null && workshop.self.value?.roomId === stall.roomId;
  const headingId = `market-stall-${stall.id}`;
  return (
    <li
      class={`market__stall${here ? ' market__stall--here' : ''}`}
      data-testid="market-stall"
      data-stall={stall.title}
    >
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{stall.title}</h3>
        {stall.ownerName && <p class="muted">{t('market.owner', { name: stall.ownerName })}</p>}
        <p data-testid="market-places">
          {stall.capacity === null
            ? t('market.count', { n: stall.signups.length })
            : t('market.places', { n: stall.signups.length, max: stall.capacity })}
        </p>
        {m.phase === 'open' &&
          stall.roomId &&
          (here ? (
            <p class="market__here">{t('market.here')}</p>
          ) : (
            <button
              type="button"
              class="btn"
              data-testid="market-go"
              onClick={() => void breakouts.actions.choose(stall.roomId!)}
            >
              {t('market.go')}
              <span class="visually-hidden">: {stall.title}</span>
            </button>
          ))}
        {m.phase !== 'ended' && <SignupForm stall={stall} mk={mk} />}
        {stall.signups.length > 0 && (
          <>
            <h4>{t('market.signups')}</h4>
            <ul class="market__signups" data-testid="market-signups">
              {stall.signups.map((s) => (
                <li key={s.participantId}>
                  <span class="market__name">{s.name}</span>
                  <span class="muted"> · {s.town}</span>
                  {s.offer && <span> · {s.offer}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        <Notes stall={stall} mk={mk} editable={m.phase !== 'ended' && mayEditStall(stall, me, moderator)} />
      </article>
    </li>
  );
}

function SignupForm({ stall, mk }: { stall: Stall; mk: MarketState }) {
  const mine = stall.signups.find((s) => s.participantId === mk.selfId.value);
  const offer = useSignal(mine?.offer ?? '');
  const id = `market-offer-${stall.id}`;
  const full = !mine && stallFull(stall);
  if (full) return <p class="muted">{t('market.full')}</p>;
  return (
    <form
      class="market__signup"
      data-testid="market-signup"
      onSubmit={(e) => {
        e.preventDefault();
        void mk.actions.signup(stall.id, offer.value);
      }}
    >
      {signedUp(stall, mk.selfId.value) && (
        <p class="market__in" data-testid="market-in">
          {t('market.signedUp')}
        </p>
      )}
      <div class="field">
        <label for={id}>{t('market.offer')}</label>
        <input
          id={id}
          maxLength={200}
          value={offer.value}
          onInput={(e) => (offer.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="btn btn--primary" data-testid="market-imin">
        {mine ? t('market.update') : t('market.imIn')}
        <span class="visually-hidden">: {stall.title}</span>
      </button>
      {mine && (
        <button type="button" class="btn" onClick={() => void mk.actions.withdraw(stall.id)}>
          {t('market.withdraw')}
        </button>
      )}
    </form>
  );
}

function Notes({ stall, mk, editable }: { stall: Stall; mk: MarketState; editable: boolean }) {
  const { workshop } = useSession();
  const text = useSignal(stall.notes);
  const contact = useSignal(stall.contactId ?? '');
  const id = `market-notes-${stall.id}`;
  if (!editable)
    return (
      <div class="market__notes" data-testid="market-notes">
        <h4>{t('market.notes')}</h4>
        {stall.notes.trim() ? <p class="market__text">{stall.notes}</p> : <p class="muted">{t('market.noNotes')}</p>}
        {stall.contactName && <p>{t('market.contact', { name: stall.contactName })}</p>}
      </div>
    );
  return (
    <form
      class="market__notes"
      data-testid="market-notes"
      onSubmit={(e) => {
        e.preventDefault();
        void mk.actions.notes(stall.id, text.value, contact.value || undefined);
      }}
    >
      <div class="field">
        <label for={id}>{t('market.notes')}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={2000}
          value={text.value}
          onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-contact`}>{t('market.contactLabel')}</label>
        <select
          id={`${id}-contact`}
          value={contact.value}
          onChange={(e) => (contact.value = (e.target as HTMLSelectElement).value)}
        >
          {!stall.contactId && <option value="">{t('market.nobody')}</option>}
          {workshop.present.value.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn">
        {t('market.saveNotes')}
        <span class="visually-hidden">: {stall.title}</span>
      </button>
    </form>
  );
}

/** [LAYOUT] Moderators prepare an idea market beside the run sheet while none runs. */
export function MarketSetupCard() {
  const { workshop, market } = useSession();
  if (!workshop.isModerator.value || market.running.value) return null;
  return (
    <section class="card market" aria-labelledby="market-setup-title">
      <h2 id="market-setup-title">
        <Icon name="rooms" /> {t('market.title')}
      </h2>
      <details class="market__setup" data-testid="market-setup">
        <summary>{t('market.setup')}</summary>
        <MarketStartForm market={market} />
      </details>
    </section>
  );
}
