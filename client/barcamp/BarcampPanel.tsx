import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { mayWriteNotes, voted } from '../../shared/barcamp/rules.js';
import { BARCAMP_LIMITS as L } from '../../shared/barcamp/constants.js';
import type { Barcamp, Proposal } from '../../shared/barcamp/schema.js';
import { LANGUAGES } from '../../shared/languages.js';
import { errorText, languageName, t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import { slotName } from './names.js';
import type { BarcampState } from './state.js';
import './barcamp.css';

/** Moderators only: participants never download the set-up form and the controls. */
const BarcampStartForm = lazy(() => import('./BarcampModerator.js').then((m) => m.BarcampStartForm));
const BarcampControls = lazy(() => import('./BarcampModerator.js').then((m) => m.BarcampControls));

/**
 * The barcamp on everyone's stage: propose a session, say which interest you (toggle buttons with counts),
 * the grid of time slots × rooms, joining a running session (and switching: the law of two feet), and each
 * session's notes. Nothing shows while none ran.
 */
export function BarcampPanel() {
  const { workshop, barcamp: bc } = useSession();
  const b = bc.barcamp.value;
  if (!b) return null;
  const moderator = workshop.isModerator.value;
  const phaseText =
    b.phase === 'running' && b.current !== null
      ? t('barcamp.phase.running', { slot: slotName(b, b.current) })
      : t(`barcamp.phase.${b.phase}`);
  return (
    <section
      class={`card barcamp${bc.running.value ? ' barcamp--active' : ''}`}
      aria-labelledby="barcamp-title"
      data-testid="barcamp"
    >
      <h2 id="barcamp-title">
        <Icon name="rooms" /> {t('barcamp.title')}
      </h2>
      {bc.error.value && (
        <Alert testId="barcamp-error">
          {bc.notesConflict.value ? t('barcamp.notesChanged') : errorText(bc.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={bc.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      <p class="muted" data-testid="barcamp-phase" data-phase={b.phase} aria-live="polite">
        {phaseText}
      </p>
      {moderator && bc.running.value && <BarcampControls barcamp={bc} />}
      {b.grid && <GridView b={b} bc={bc} />}
      {bc.running.value && b.phase !== 'running' && <ProposeForm bc={bc} />}
      <Proposals b={b} bc={bc} moderator={moderator} />
    </section>
  );
}

function ProposeForm({ bc }: { bc: BarcampState }) {
  const { workshop } = useSession();
  const title = useSignal('');
  const language = useSignal('');
  const languages = workshop.workshop.value?.languages.length ? workshop.workshop.value.languages : LANGUAGES;
  return (
    <form
      class="barcamp__propose"
      data-testid="barcamp-propose"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await bc.actions.propose(title.value, language.value || null)) title.value = '';
      }}
    >
      <div class="field">
        <label for="barcamp-title-input">{t('barcamp.proposeTitle')}</label>
        <input
          id="barcamp-title-input"
          required
          maxLength={L.title}
          value={title.value}
          onInput={(e) => (title.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="barcamp-language">{t('barcamp.language')}</label>
        <select
          id="barcamp-language"
          value={language.value}
          onChange={(e) => (language.value = (e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('barcamp.anyLanguage')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn--primary" data-testid="barcamp-submit">
        {t('barcamp.propose')}
      </button>
    </form>
  );
}

function Proposals({ b, bc, moderator }: { b: Barcamp; bc: BarcampState; moderator: boolean }) {
  const me = bc.selfId.value;
  const open = b.phase !== 'ended';
  if (b.proposals.length === 0) return <p class="muted">{t('barcamp.none')}</p>;
  const sorted = [...b.proposals].sort((x, y) => y.votes.length - x.votes.length);
  return (
    <>
      <h3>{t('barcamp.proposals')}</h3>
      <ul class="barcamp__proposals" data-testid="barcamp-proposals">
        {sorted.map((p) => {
          const mine = voted(p, me);
          return (
            <li key={p.id} class="barcamp__proposal" data-testid="barcamp-proposal" data-title={p.title}>
              <span class="barcamp__what">
                <strong>{p.title}</strong>
                <span class="muted">
                  {' '}
                  · {t('barcamp.host', { name: p.hostName })}
                  {p.language && ` · ${languageName(p.language)}`}
                </span>
              </span>
              <span class="barcamp__count" data-testid="barcamp-votes">
                {t('barcamp.votes', { n: p.votes.length })}
              </span>
              {open && (
                <button
                  type="button"
                  class={`btn btn--small${mine ? ' btn--primary' : ''}`}
                  aria-pressed={mine}
                  data-testid="barcamp-vote"
                  onClick={() => void bc.actions.vote(p.id, !mine)}
                >
                  {t('barcamp.interested')}
                  <span class="visually-hidden">: {p.title}</span>
                </button>
              )}
              {open && b.phase !== 'running' && (moderator || p.hostId === me) && (
                <button type="button" class="btn btn--small" onClick={() => void bc.actions.withdraw(p.id)}>
                  {t('barcamp.withdraw')}
                  <span class="visually-hidden">: {p.title}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** [BCAMP4] The grid: a real table (slots as rows, rooms as columns); on a phone each slot stacks. */
function GridView({ b, bc }: { b: Barcamp; bc: BarcampState }) {
  const grid = b.grid!;
  const byId = new Map(b.proposals.map((p) => [p.id, p]));
  return (
    <div class="barcamp__grid-wrap">
      <table class="barcamp__grid" data-testid="barcamp-grid">
        <caption>{t('barcamp.grid')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('barcamp.col.slot')}</th>
            {Array.from({ length: grid.rooms }, (_, i) => (
              <th key={i} scope="col">
                {t('barcamp.room', { n: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cells.map((row, i) => {
            const now = b.phase === 'running' && b.current === i;
            return (
              <tr key={grid.slots[i]?.id ?? i} class={now ? 'barcamp__now' : ''} data-testid="barcamp-slot">
                <th scope="row">
                  {slotName(b, i)}
                  {now && <span class="badge">{t('barcamp.now')}</span>}
                </th>
                {row.map((id, j) => {
                  const p = id === null ? undefined : byId.get(id);
                  return (
                    <td key={j} data-label={t('barcamp.room', { n: j + 1 })}>
                      {p && <Session p={p} live={now} bc={bc} />}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Session({ p, live, bc }: { p: Proposal; live: boolean; bc: BarcampState }) {
  const { workshop, breakouts } = useSession();
  const here = live && p.roomId !== null && workshop.self.value?.roomId === p.roomId;
  return (
    <div
      class={`barcamp__session${here ? ' barcamp__session--here' : ''}`}
      data-testid="barcamp-session"
      data-title={p.title}
    >
      <strong>{p.title}</strong>
      <span class="muted">
        {' '}
        · {p.hostName} · {t('barcamp.votes', { n: p.votes.length })}
      </span>
      {live &&
        (here ? (
          <p class="barcamp__here">{t('barcamp.here')}</p>
        ) : (
          <button
            type="button"
            class="btn btn--small"
            data-testid="barcamp-go"
            onClick={() => void breakouts.actions.choose(p.roomId!)}
          >
            {t('barcamp.go')}
            <span class="visually-hidden">: {p.title}</span>
          </button>
        ))}
      <Notes p={p} bc={bc} />
    </div>
  );
}

/** [BCAMP7] A session's notes: editable by its host, a moderator or whoever is in its room now. */
function Notes({ p, bc }: { p: Proposal; bc: BarcampState }) {
  const { workshop } = useSession();
  const self = workshop.self.value;
  const b = bc.barcamp.value;
  const editable =
    !!self &&
    b?.phase !== 'ended' &&
    mayWriteNotes(p, { id: self.id, roomId: self.roomId }, workshop.isModerator.value);
  const text = useSignal(p.notes);
  /** The saved text this page's editing started from, and its revision. */
  const base = useSignal(p.notes);
  const rev = useSignal(p.notesRev);
  // A save came in: this page's own, or someone else's while nothing was typed here: it is the text now.
  // Someone else's while this person typed: both stay and they choose (below the field).
  useEffect(() => {
    if (text.peek() !== base.peek() && text.peek() !== p.notes) return;
    text.value = base.value = p.notes;
    rev.value = p.notesRev;
  }, [p.notesRev]);
  const newer = rev.value !== p.notesRev && text.value !== p.notes;
  const id = `barcamp-notes-${p.id}`;
  if (!editable)
    return p.notes.trim() ? (
      <details class="barcamp__notes">
        <summary>{t('barcamp.notes')}</summary>
        <p class="barcamp__text">{p.notes}</p>
      </details>
    ) : null;
  return (
    <form
      class="barcamp__notes"
      data-testid="barcamp-notes"
      onSubmit={(e) => {
        e.preventDefault();
        const saved = text.value;
        void bc.actions.notes(p.id, saved, rev.value).then((ok) => {
          if (ok) base.value = saved;
        });
      }}
    >
      <div class="field">
        <label for={id}>{t('barcamp.notes')}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={L.notes}
          value={text.value}
          onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)}
        />
      </div>
      {newer && (
        <div class="barcamp__newer" data-testid="barcamp-newer">
          <p>{t('barcamp.newer')}</p>
          <p class="barcamp__text">{p.notes}</p>
          <button
            type="button"
            class="btn btn--small"
            onClick={() => {
              text.value = base.value = p.notes;
              rev.value = p.notesRev;
            }}
          >
            {t('barcamp.takeTheirs')}
          </button>
          <button
            type="button"
            class="btn btn--small"
            onClick={() => {
              base.value = p.notes;
              rev.value = p.notesRev;
            }}
          >
            {t('barcamp.keepMine')}
          </button>
        </div>
      )}
      <button type="submit" class="btn btn--small" data-testid="barcamp-save-notes">
        {t('barcamp.saveNotes')}
        <span class="visually-hidden">: {p.title}</span>
      </button>
    </form>
  );
}

/** [LAYOUT] Moderators prepare a barcamp beside the run sheet while none runs. */
export function BarcampSetupCard() {
  const { workshop, barcamp } = useSession();
  if (!workshop.isModerator.value || barcamp.running.value) return null;
  return (
    <section class="card barcamp" aria-labelledby="barcamp-setup-title">
      <h2 id="barcamp-setup-title">
        <Icon name="rooms" /> {t('barcamp.title')}
      </h2>
      <details class="barcamp__setup" data-testid="barcamp-setup">
        <summary>{t('barcamp.setup')}</summary>
        <BarcampStartForm barcamp={barcamp} />
      </details>
    </section>
  );
}
