import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { answerRefusal, sameAnswer, type Answer } from '../../shared/polls/rules.js';
import { POLL_LIMITS } from '../../shared/polls/constants.js';
import type { MyVote, PollView } from '../../shared/polls/schema.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { optionLabel } from './labels.js';
import type { PollState } from './state.js';

interface Props {
  poll: PollView;
  mine: MyVote | undefined;
  polls: PollState;
  disabled: boolean;
}

/** [POLL4] Submitting is offered only for an answer the server takes: it fits the poll and is not the one given already. */
function canSubmit(poll: PollView, mine: MyVote | undefined, answer: Answer): boolean {
  return answerRefusal(poll, answer) === null && !(mine && sameAnswer(poll.kind, mine, answer));
}

/** Big buttons: a tap on one option votes at once (single, yes/no, scale); the others submit a form. */
export function VoteForm(props: Props) {
  const { poll } = props;
  if (poll.kind === 'multiple') return <MultipleVote {...props} />;
  if (poll.kind === 'ranking') return <RankingVote {...props} />;
  if (poll.kind === 'text') return <TextVote {...props} />;
  return <TapVote {...props} />;
}

function TapVote({ poll, mine, polls, disabled }: Props) {
  const busy = useSignal(false);
  const chosen = mine?.choices[0];
  const locked = !!mine && !poll.allowChange;
  return (
    // biome-ignore lint/a11y/useSemanticElements: big vote buttons named by the question; a fieldset would need a legend and its own layout
    <div class={`vote-buttons vote-buttons--${poll.kind}`} role="group" aria-label={poll.question}>
      {poll.options.map((o) => (
        <button
          key={o.id}
          type="button"
          class={`btn btn--large vote-option${chosen === o.id ? ' vote-option--chosen' : ''}`}
          aria-pressed={chosen === o.id}
          data-testid="poll-option"
          data-option={o.id}
          // While the vote is on its way the buttons say so but stay enabled: disabling the pressed one would
          // throw the keyboard focus back to the top of the page.
          disabled={disabled || (locked && chosen !== o.id)}
          aria-disabled={busy.value || undefined}
          onClick={async () => {
            if (busy.value) return;
            if (mine && sameAnswer(poll.kind, mine, { choices: [o.id], text: '' })) return;
            busy.value = true;
            await polls.actions.vote(poll.id, [o.id]);
            busy.value = false;
          }}
        >
          {chosen === o.id && <Icon name="check" />} {optionLabel(poll, o.id)}
        </button>
      ))}
    </div>
  );
}

function MultipleVote({ poll, mine, polls, disabled }: Props) {
  const picked = useSignal<string[]>(mine?.choices ?? []);
  useEffect(() => {
    picked.value = mine?.choices ?? [];
  }, [mine?.at]);
  const locked = !!mine && !poll.allowChange;
  const toggle = (id: string, on: boolean) => {
    picked.value = on ? [...picked.value, id].slice(-poll.maxSelections) : picked.value.filter((x) => x !== id);
  };
  return (
    <form
      class="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        void polls.actions.vote(poll.id, picked.value);
      }}
    >
      <fieldset class="field" disabled={disabled || locked}>
        <legend>{t('polls.chooseUpTo', { count: poll.maxSelections })}</legend>
        <div class="vote-checks">
          {poll.options.map((o) => (
            <label key={o.id} class="choice vote-check" data-testid="poll-option" data-option={o.id}>
              <input
                type="checkbox"
                checked={picked.value.includes(o.id)}
                onChange={(e) => toggle(o.id, (e.target as HTMLInputElement).checked)}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="submit"
        class="btn btn--primary btn--large"
        disabled={disabled || locked || !canSubmit(poll, mine, { choices: picked.value, text: '' })}
        data-testid="poll-submit"
      >
        {mine ? t('polls.changeVote') : t('polls.vote')}
      </button>
    </form>
  );
}

function RankingVote({ poll, mine, polls, disabled }: Props) {
  const order = useSignal<string[]>(mine?.choices ?? poll.options.map((o) => o.id));
  useEffect(() => {
    if (mine) order.value = mine.choices;
  }, [mine?.at]);
  const locked = !!mine && !poll.allowChange;
  const move = (i: number, by: number) => {
    const next = [...order.value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    order.value = next;
  };
  return (
    <form
      class="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        void polls.actions.vote(poll.id, order.value);
      }}
    >
      <p class="help">{t('polls.rank.help')}</p>
      <ol class="ranking">
        {order.value.map((id, i) => (
          <li key={id} class="ranking__item" data-testid="poll-option" data-option={id}>
            <span class="ranking__label">{optionLabel(poll, id)}</span>
            <button
              type="button"
              class="btn btn--small"
              disabled={disabled || locked || i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('polls.rank.up', { option: optionLabel(poll, id) })}
            >
              <Icon name="arrowUp" />
            </button>
            <button
              type="button"
              class="btn btn--small"
              disabled={disabled || locked || i === order.value.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('polls.rank.down', { option: optionLabel(poll, id) })}
            >
              <Icon name="arrowDown" />
            </button>
          </li>
        ))}
      </ol>
      <button type="submit" class="btn btn--primary btn--large" disabled={disabled || locked} data-testid="poll-submit">
        {mine ? t('polls.changeVote') : t('polls.vote')}
      </button>
    </form>
  );
}

function TextVote({ poll, mine, polls, disabled }: Props) {
  const draft = useSignal(mine?.text ?? '');
  useEffect(() => {
    if (mine) draft.value = mine.text;
  }, [mine?.at]);
  const locked = !!mine && !poll.allowChange;
  const id = `poll-text-${poll.id}`;
  return (
    <form
      class="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.value.trim()) void polls.actions.vote(poll.id, [], draft.value.trim());
      }}
    >
      <div class="field">
        <label for={id}>{t('polls.text.label')}</label>
        <input
          id={id}
          maxLength={POLL_LIMITS.text}
          value={draft.value}
          disabled={disabled || locked}
          onInput={(e) => (draft.value = (e.target as HTMLInputElement).value)}
          data-testid="poll-text"
        />
      </div>
      <button
        type="submit"
        class="btn btn--primary btn--large"
        disabled={disabled || locked || !canSubmit(poll, mine, { choices: [], text: draft.value.trim() })}
        data-testid="poll-submit"
      >
        {mine ? t('polls.changeVote') : t('polls.vote')}
      </button>
    </form>
  );
}
