import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PollView } from '../../shared/polls/schema.js';
import { errorText, locale, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import { Leaderboard } from './Leaderboard.js';
import { PollCard } from './PollCard.js';
import type { PollState } from './state.js';
import { lazy } from '../ui/lazy.js';
import './polls.css';

/** Moderators only: participants never download the poll editor. */
const PollEditor = lazy(() => import('./PollEditor.js').then((m) => m.PollEditor));

/**
 * The current poll first (full width on a phone, see styles.css "polls"), then the last results, the quiz
 * leaderboard, earlier polls; for moderators the prepared drafts, the editor and the export.
 */
export function PollPanel({ state, polls }: { state: WorkshopState; polls: PollState }) {
  const moderator = state.isModerator.value;
  const open = polls.open.value;
  const closed = polls.closed.value;
  const lastResults = open.length === 0 ? closed.slice(0, 1) : [];
  const earlier = closed.slice(lastResults.length);
  const board = polls.latestLeaderboard.value;
  return (
    <section class="card polls" aria-labelledby="polls-title" data-testid="polls">
      <h2 id="polls-title">
        <Icon name="poll" /> {t('polls.title')}
      </h2>
      {polls.error.value && (
        <Alert testId="poll-error">
          {errorText(polls.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={polls.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {open.length === 0 && (
        <p class="muted" data-testid="no-poll">
          {t('polls.none')}
        </p>
      )}
      {open.map((p) => (
        <PollCard key={p.id} poll={p} polls={polls} moderator={moderator} />
      ))}
      {lastResults.map((p) => (
        <PollCard key={p.id} poll={p} polls={polls} moderator={moderator} />
      ))}
      {board && <Leaderboard board={board} />}
      {earlier.length > 0 && (
        <details class="polls__earlier">
          <summary>{t('polls.earlier')}</summary>
          {earlier.map((p) => (
            <PollCard key={p.id} poll={p} polls={polls} moderator={moderator} />
          ))}
        </details>
      )}
      {moderator && <ModeratorPolls polls={polls} />}
    </section>
  );
}

function ModeratorPolls({ polls }: { polls: PollState }) {
  useEffect(() => void PollEditor.preload(), []);
  const editorOpen = useSignal(false);
  const editing = useSignal<PollView | null>(null);
  const drafts = polls.drafts.value;
  const edit = (p: PollView) => {
    editing.value = p;
    editorOpen.value = true;
  };
  return (
    <div class="polls__moderation">
      {drafts.length > 0 && (
        <>
          <h3>{t('polls.drafts')}</h3>
          {drafts.map((p) => (
            <PollCard key={p.id} poll={p} polls={polls} moderator onEdit={edit} />
          ))}
        </>
      )}
      {editorOpen.value ? (
        <>
          <h3>{editing.value ? t('polls.editTitle') : t('polls.new')}</h3>
          <PollEditor
            key={editing.value?.id ?? 'new'}
            polls={polls}
            editing={editing.value}
            onDone={() => {
              editorOpen.value = false;
              editing.value = null;
            }}
          />
        </>
      ) : (
        <div class="inline-row">
          <button
            type="button"
            class="btn btn--primary"
            data-testid="poll-new"
            onClick={() => (editorOpen.value = true)}
          >
            {t('polls.new')}
          </button>
          {polls.all.value.some((p) => p.status !== 'draft') && (
            <button
              type="button"
              class="btn"
              data-testid="poll-export"
              onClick={() => void polls.actions.exportCsv(locale.value)}
            >
              <Icon name="download" /> {t('polls.export')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
