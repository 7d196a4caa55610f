import { isRightAnswer, isVotingOpen } from '../../shared/polls/rules.js';
import type { PollView } from '../../shared/polls/schema.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { PollResults } from './PollResults.js';
import type { PollState } from './state.js';
import { VoteForm } from './VoteForm.js';

/** One poll: question, settings as badges, the vote, the results (when this person may see them), controls. */
export function PollCard({
  poll,
  polls,
  moderator,
  onEdit,
}: {
  poll: PollView;
  polls: PollState;
  moderator: boolean;
  onEdit?: (p: PollView) => void;
}) {
  const mine = polls.myVotes.value.get(poll.id);
  const secondsLeft = poll.deadline === null ? null : Math.max(0, Math.ceil((poll.deadline - polls.now.value) / 1000));
  const votable = isVotingOpen(poll, polls.now.value);
  const timeUp = secondsLeft === 0 || (poll.status === 'open' && !votable);
  const visible = polls.resultsVisible(poll);
  const revealedQuiz = poll.quiz?.correct && poll.revealed && mine;
  const right = revealedQuiz && isRightAnswer(poll.quiz, mine.choices);
  const headingId = `poll-q-${poll.id}`;
  return (
    <article
      class={`poll poll--${poll.status}`}
      aria-labelledby={headingId}
      data-testid="poll"
      data-poll={poll.id}
      data-status={poll.status}
    >
      <div class="poll__meta">
        <span class={`badge poll__status poll__status--${poll.status}`}>{t(`polls.status.${poll.status}`)}</span>
        {poll.quiz && <span class="badge">{t('polls.badge.quiz')}</span>}
        <span class="badge">{poll.anonymous ? t('polls.badge.anonymous') : t('polls.badge.named')}</span>
        {poll.weighted && <span class="badge">{t('polls.badge.weighted')}</span>}
        {poll.status === 'open' && secondsLeft !== null && (
          <span class={`badge poll__timer${timeUp ? ' badge--warning' : ''}`} role="timer" data-testid="poll-timer">
            <Icon name="timer" /> {timeUp ? t('polls.timeUp') : t('polls.timeLeft', { count: secondsLeft })}
          </span>
        )}
      </div>
      <h3 id={headingId} class="poll__question">
        {poll.question}
      </h3>
      {poll.status === 'open' && <VoteForm poll={poll} mine={mine} polls={polls} disabled={!votable} />}
      {mine && (
        <p class="poll__voted" role="status" data-testid="poll-voted">
          <Icon name="check" /> {poll.allowChange && votable ? t('polls.voted') : t('polls.votedFinal')}
        </p>
      )}
      {revealedQuiz && (
        <p class={`poll__verdict poll__verdict--${right ? 'right' : 'wrong'}`} data-testid="quiz-verdict">
          {right ? t('polls.right') : t('polls.wrong')}
        </p>
      )}
      {poll.status !== 'draft' &&
        (visible ? (
          <PollResults poll={poll} tally={polls.tallies.value.get(poll.id)} rooms={polls.breakouts.value} />
        ) : (
          <p class="muted" data-testid="poll-results-hidden">
            {poll.visibility === 'voted' ? t('polls.hidden.voted') : t('polls.hidden.closed')}
          </p>
        ))}
      {moderator && <ModeratorControls poll={poll} polls={polls} onEdit={onEdit} />}
    </article>
  );
}

function ModeratorControls({
  poll,
  polls,
  onEdit,
}: {
  poll: PollView;
  polls: PollState;
  onEdit?: (p: PollView) => void;
}) {
  const a = polls.actions;
  return (
    <div class="inline-row poll__controls">
      {poll.status === 'draft' && (
        <>
          <button
            type="button"
            class="btn btn--primary"
            data-testid="poll-launch"
            onClick={() => void a.launch(poll.id)}
          >
            {t('polls.launch')}
          </button>
          {polls.breakoutRooms.value.length > 0 && (
            <button
              type="button"
              class="btn"
              data-testid="poll-launch-rooms"
              onClick={() => void a.launch(poll.id, polls.breakoutRooms.value)}
            >
              {t('polls.launchRooms', { count: polls.breakoutRooms.value.length })}
            </button>
          )}
          {onEdit && (
            <button type="button" class="btn" onClick={() => onEdit(poll)}>
              {t('polls.edit')}
            </button>
          )}
          <button
            type="button"
            class="btn btn--danger"
            onClick={() => {
              if (confirm(t('polls.deleteConfirm', { question: poll.question }))) void a.remove(poll.id);
            }}
          >
            {t('polls.delete')}
          </button>
        </>
      )}
      {poll.status === 'open' && (
        <button type="button" class="btn" data-testid="poll-close" onClick={() => void a.close(poll.id)}>
          {t('polls.close')}
        </button>
      )}
      {poll.quiz && poll.status !== 'draft' && !poll.revealed && (
        <button type="button" class="btn" data-testid="poll-reveal" onClick={() => void a.reveal(poll.id)}>
          {t('polls.revealAnswer')}
        </button>
      )}
      {poll.status !== 'draft' && (
        <button
          type="button"
          class="btn btn--danger"
          data-testid="poll-cancel"
          onClick={() => {
            if (confirm(t('polls.cancelConfirm', { question: poll.question }))) void a.remove(poll.id);
          }}
        >
          {t('polls.cancel')}
        </button>
      )}
    </div>
  );
}
