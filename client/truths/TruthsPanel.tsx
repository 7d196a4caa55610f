import { useSignal } from '@preact/signals';
import { HASHTAG_LIMITS } from '../../shared/truths/constants.js';
import { normaliseHashtags } from '../../shared/truths/rules.js';
import type { HashtagProblem, Hashtags, TruthsGame, TruthsReveal, TruthsView } from '../../shared/truths/schema.js';
import { formatCountdown } from '../breakouts/state.js';
import { errorText, t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import type { WorkshopState } from '../workshops/state.js';
import type { TruthsState } from './state.js';
import './truths.css';

/** Moderators only: participants never download the form and the controls. */
const TruthsSetup = lazy(() => import('./TruthsModerator.js').then((m) => m.TruthsSetup));
const TruthsControls = lazy(() => import('./TruthsModerator.js').then((m) => m.TruthsControls));

/** The panel for the workshop page: reads the session. */
export function TruthsPanel() {
  const session = useSession();
  return <TruthsPanelView state={session.workshop} truths={session.truths} />;
}

/**
 * Two truths and a lie in this person's room: write three statements and mark the lie; then one vote per
 * author (the author watches), the reveal with who found it, and the points per person and town.
 */
export function TruthsPanelView({ state, truths }: { state: WorkshopState; truths: TruthsState }) {
  const moderator = state.isModerator.value;
  const game = truths.game.value;
  const view = truths.view.value;
  // Nothing on the stage while no game runs here (moderators prepare one in the Run sheet tab: TruthsSetupCard).
  if (!game) return null;
  const running = game !== null && game.phase !== 'ended';
  if (game.variant === 'hashtags') return <HashtagsView game={game} truths={truths} moderator={moderator} />;
  return (
    <section class="card truths" aria-labelledby="truths-title" data-testid="truths">
      <h2 id="truths-title">
        <Icon name="poll" /> {t('truths.title')}
      </h2>
      <p class="visually-hidden" aria-live="polite">
        {announce(game, truths)}
      </p>
      {truths.error.value && (
        <Alert testId="truths-error">
          {errorText(truths.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={truths.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {game && truths.canEdit.value && game.phase === 'collect' && <EntryForm truths={truths} />}
      {game && truths.canEdit.value && game.phase !== 'collect' && (
        <details class="truths__later">
          <summary>{t('truths.save')}</summary>
          <EntryForm truths={truths} />
        </details>
      )}
      {game && game.phase === 'collect' && view && view.ready.length > 0 && (
        <p class="muted" data-testid="truths-ready">
          {t('truths.ready', { names: view.ready.map(truths.nameOf).filter(Boolean).join(', ') })}
        </p>
      )}
      {game?.phase === 'voting' && <Vote game={game} truths={truths} />}
      {truths.lastReveal.value && <Reveal reveal={truths.lastReveal.value} truths={truths} />}
      {game?.phase === 'ended' && (
        <p class="truths__ended" data-testid="truths-ended">
          {t('truths.ended')}
        </p>
      )}
      {view && view.people.length > 0 && <Scores view={view} />}
      {moderator && running && <TruthsControls truths={truths} />}
    </section>
  );
}

/** [LAYOUT] Moderators prepare the game beside the run sheet (not on everyone's stage) while none runs here. */
export function TruthsSetupCard() {
  const { workshop: state, truths } = useSession();
  const game = truths.game.value;
  if (!state.isModerator.value || (game !== null && game.phase !== 'ended')) return null;
  return (
    <section class="card truths" aria-labelledby="truths-setup-title">
      <h2 id="truths-setup-title">
        <Icon name="poll" /> {t('truths.title')}
      </h2>
      <details class="truths__setup" data-testid="truths-setup">
        <summary>{t('truths.setup')}</summary>
        <TruthsSetup truths={truths} />
      </details>
    </section>
  );
}

/**
 * [TRUTH7]–[TRUTH9] Three hashtags: everyone enters theirs (any time while the game runs); everyone in the room sees
 * them at once, on the video tiles and here as a list (for whoever has no video, or is on a phone).
 */
function HashtagsView({ game, truths, moderator }: { game: TruthsGame; truths: TruthsState; moderator: boolean }) {
  const running = game.phase !== 'ended';
  const shown = truths.shownHashtags.value;
  const people = [...shown.keys()]
    .map((id) => ({ id, person: truths.person(id), tags: shown.get(id)! }))
    .filter((x) => x.person)
    .sort((a, b) => a.person!.name.localeCompare(b.person!.name));
  return (
    <section class="card truths" aria-labelledby="truths-title" data-testid="truths">
      <h2 id="truths-title">
        <Icon name="poll" /> {t('truths.tags.title')}
      </h2>
      {truths.error.value && (
        <Alert testId="truths-error">
          {errorText(truths.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={truths.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {running && <HashtagForm truths={truths} />}
      {running && (
        <div class="truths__tags">
          <h3>{t('truths.tags.list')}</h3>
          {people.length === 0 ? (
            <p class="muted">{t('truths.tags.none')}</p>
          ) : (
            <ul data-testid="truths-hashtags">
              {people.map(({ id, person, tags }) => (
                <li key={id} data-participant={id}>
                  <bdi>{person!.name}</bdi> <span class="muted">· {person!.town}</span> ·{' '}
                  <span class="truths__tag-list">{tags.join(' ')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!running && (
        <p class="truths__ended" data-testid="truths-ended">
          {t('truths.tags.ended')}
        </p>
      )}
      {moderator && running && <TruthsControls truths={truths} />}
    </section>
  );
}

/** [TRUTH8] Three hashtags, checked here with the server's rule so a refusal names the field and the reason. */
function HashtagForm({ truths }: { truths: TruthsState }) {
  const saved = truths.hashtags.value;
  const tags = useSignal<Hashtags>(saved ?? ['', '', '']);
  const problem = useSignal<{ index: number; problem: HashtagProblem } | null>(null);
  return (
    <form
      class="truths__entry"
      data-testid="truths-hashtag-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = normaliseHashtags(tags.value);
        if (!r.ok) {
          problem.value = { index: r.index, problem: r.problem };
          (document.getElementById(`truths-tag${r.index}`) as HTMLInputElement | null)?.focus();
          return;
        }
        problem.value = null;
        if (await truths.actions.saveHashtags(r.tags)) tags.value = r.tags;
      }}
    >
      <p>{t('truths.tags.write', { n: HASHTAG_LIMITS.chars })}</p>
      {([0, 1, 2] as const).map((i) => {
        const bad = problem.value?.index === i;
        return (
          <div key={i} class="truths__statement">
            <label for={`truths-tag${i}`}>{t('truths.tags.tag', { n: i + 1 })}</label>
            <input
              id={`truths-tag${i}`}
              maxLength={HASHTAG_LIMITS.raw}
              autoComplete="off"
              placeholder="#"
              aria-invalid={bad}
              aria-describedby={bad ? 'truths-tag-problem' : undefined}
              value={tags.value[i]}
              onInput={(e) => {
                const next = [...tags.value] as Hashtags;
                next[i] = (e.target as HTMLInputElement).value;
                tags.value = next;
              }}
            />
          </div>
        );
      })}
      {problem.value && (
        <p class="alert alert--error" id="truths-tag-problem" role="alert" data-testid="truths-tag-problem">
          {t(`truths.tags.problem.${problem.value.problem}`, { n: problem.value.index + 1, max: HASHTAG_LIMITS.chars })}
        </p>
      )}
      <button type="submit" class="btn btn--primary" data-testid="truths-tags-save">
        {t('truths.tags.save')}
      </button>
      {saved && !problem.value && (
        <p class="muted" role="status" data-testid="truths-tags-saved">
          {t('truths.tags.saved', { tags: saved.join(' ') })}
        </p>
      )}
    </form>
  );
}

function announce(game: TruthsGame | null, truths: TruthsState): string {
  if (game?.phase === 'voting' && truths.authorId.value)
    return t('truths.announce.vote', { name: truths.nameOf(truths.authorId.value) });
  const r = truths.lastReveal.value;
  if (r) return t('truths.announce.reveal', { statement: r.statements[r.lie] ?? '' });
  return game?.phase === 'ended' ? t('truths.ended') : '';
}

function EntryForm({ truths }: { truths: TruthsState }) {
  const saved = truths.entry.value;
  const statements = useSignal<[string, string, string]>(saved?.statements ?? ['', '', '']);
  const lie = useSignal<0 | 1 | 2>(saved?.lie ?? 2);
  return (
    <form
      class="truths__entry"
      data-testid="truths-entry"
      onSubmit={async (e) => {
        e.preventDefault();
        await truths.actions.submit(statements.value, lie.value);
      }}
    >
      <p>{t('truths.write')}</p>
      {([0, 1, 2] as const).map((i) => (
        <div key={i} class="truths__statement">
          <label for={`truths-s${i}`}>{t('truths.statement', { n: i + 1 })}</label>
          <input
            id={`truths-s${i}`}
            required
            maxLength={140}
            value={statements.value[i]}
            onInput={(e) => {
              const next = [...statements.value] as [string, string, string];
              next[i] = (e.target as HTMLInputElement).value;
              statements.value = next;
            }}
          />
          <label class="check">
            <input
              type="radio"
              name="truths-lie"
              checked={lie.value === i}
              onChange={() => (lie.value = i)}
              data-testid={`truths-lie-${i}`}
            />{' '}
            {t('truths.isLie')}
          </label>
        </div>
      ))}
      <button type="submit" class="btn btn--primary" data-testid="truths-save">
        {t('truths.save')}
      </button>
      {saved && (
        <p class="muted" role="status" data-testid="truths-saved">
          {t('truths.saved')}
        </p>
      )}
    </form>
  );
}

function Vote({ game, truths }: { game: TruthsGame; truths: TruthsState }) {
  const author = truths.authorId.value!;
  const mine = truths.guesses.value[author];
  const remaining = truths.remainingMs.value;
  return (
    <div class="truths__vote" data-testid="truths-vote">
      <h3>{t('truths.whichLie', { name: truths.nameOf(author) })}</h3>
      {remaining !== null && (
        <div class="countdown">
          <Icon name="timer" />
          <span class="visually-hidden">{t('truths.timeLeft')}</span>
          <span class="countdown__time" role="timer" data-testid="truths-countdown">
            {formatCountdown(remaining)}
          </span>
        </div>
      )}
      {truths.isAuthor.value && <p data-testid="truths-yours">{t('truths.yourStatements')}</p>}
      <div class="truths__choices">
        {(game.statements ?? []).map((s, i) => (
          <button
            key={i}
            type="button"
            class={`btn truths__choice${mine === i ? ' btn--on' : ''}`}
            aria-pressed={mine === i}
            disabled={truths.isAuthor.value}
            data-testid="truths-choice"
            onClick={() => void truths.actions.guess(i)}
          >
            {s}
          </button>
        ))}
      </div>
    </div>
  );
}

function Reveal({ reveal, truths }: { reveal: TruthsReveal; truths: TruthsState }) {
  const names = reveal.right.map(truths.nameOf).filter(Boolean);
  return (
    <div class="truths__reveal" data-testid="truths-reveal">
      <h3>{reveal.name}</h3>
      <ol>
        {reveal.statements.map((s, i) => (
          <li key={i} class={i === reveal.lie ? 'truths__lie' : undefined} data-lie={i === reveal.lie}>
            {s}
            {i === reveal.lie && <strong> — {t('truths.lie')}</strong>}
          </li>
        ))}
      </ol>
      <p data-testid="truths-found">
        {names.length > 0 ? t('truths.foundBy', { names: names.join(', ') }) : t('truths.foundByNobody')}
      </p>
    </div>
  );
}

function Scores({ view }: { view: TruthsView }) {
  return (
    <div class="truths__scores" data-testid="truths-scores">
      <h3>{t('truths.scores')}</h3>
      <div class="truths__tables">
        <div>
          <h4>{t('truths.byPerson')}</h4>
          <ol>
            {view.people.map((p) => (
              <li key={p.id}>
                {p.name} <span class="muted">· {p.town}</span> — {t('truths.points', { count: p.points })}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h4>{t('truths.byTown')}</h4>
          <ol data-testid="truths-towns">
            {view.towns.map((town) => (
              <li key={town.town}>
                {town.town} — {t('truths.points', { count: town.points })}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}
