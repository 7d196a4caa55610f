import { useSignal } from '@preact/signals';
import { POLL_KINDS, POLL_LIMITS, QUIZ_SCORING, RESULT_VISIBILITY, pollOptions } from '../../shared/polls/constants.js';
import type { PollDraftInput, PollKind, PollView, QuizScoring, ResultVisibility } from '../../shared/polls/schema.js';
import { defaultVisibility } from '../../shared/polls/rules.js';
import { t } from '../i18n/i18n.js';
import { optionLabel } from './labels.js';
import type { PollState } from './state.js';

interface Form {
  question: string;
  kind: PollKind;
  options: string;
  maxSelections: number;
  scaleMax: 5 | 10;
  anonymous: boolean;
  visibility: ResultVisibility;
  allowChange: boolean;
  weighted: boolean;
  quiz: boolean;
  correct: string[];
  timeLimit: string;
  series: string;
  scoring: QuizScoring;
}

function fromPoll(p: PollView | null): Form {
  return {
    question: p?.question ?? '',
    kind: p?.kind ?? 'single',
    options: p && ['single', 'multiple', 'ranking'].includes(p.kind) ? p.options.map((o) => o.label).join('\n') : '',
    maxSelections: p?.maxSelections ?? 2,
    scaleMax: p?.scaleMax === 10 ? 10 : 5,
    anonymous: p?.anonymous ?? true,
    visibility: p?.visibility ?? defaultVisibility(!!p?.quiz),
    allowChange: p?.allowChange ?? true,
    weighted: p?.weighted ?? false,
    quiz: !!p?.quiz,
    correct: p?.quiz?.correct ?? [],
    timeLimit: p?.quiz?.timeLimitSec ? String(p.quiz.timeLimitSec) : '',
    series: p?.quiz?.series ?? 'Quiz',
    scoring: p?.quiz?.scoring ?? 'person',
  };
}

function toDraft(f: Form): PollDraftInput {
  const labels = f.options
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const quiz = f.quiz && POLL_LIMITS.quizKinds.includes(f.kind);
  return {
    question: f.question,
    kind: f.kind,
    options: ['single', 'multiple', 'ranking'].includes(f.kind) ? labels : [],
    maxSelections: f.kind === 'multiple' ? Math.max(1, Math.min(f.maxSelections, labels.length || 1)) : 1,
    scaleMax: f.scaleMax,
    anonymous: quiz ? false : f.anonymous,
    visibility: f.visibility,
    allowChange: f.allowChange,
    weighted: f.weighted,
    quiz: quiz
      ? {
          correct: f.correct,
          timeLimitSec: f.timeLimit ? Number(f.timeLimit) : null,
          series: f.series.trim() || 'Quiz',
          scoring: f.scoring,
        }
      : null,
  };
}

/** Prepare a poll (before or during the workshop); it is saved as a draft that only moderators see. */
export function PollEditor({
  polls,
  editing,
  onDone,
}: {
  polls: PollState;
  editing: PollView | null;
  onDone: () => void;
}) {
  const form = useSignal<Form>(fromPoll(editing));
  const f = form.value;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => (form.value = { ...form.value, [key]: value });
  const labelled = ['single', 'multiple', 'ranking'].includes(f.kind);
  const quizAllowed = POLL_LIMITS.quizKinds.includes(f.kind);
  const choices = pollOptions(
    f.kind,
    f.options
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    f.scaleMax,
  );
  const toggleCorrect = (id: string, on: boolean) =>
    set('correct', f.kind === 'multiple' ? (on ? [...f.correct, id] : f.correct.filter((x) => x !== id)) : [id]);

  return (
    <form
      class="poll-editor"
      data-testid="poll-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        const draft = toDraft(form.value);
        const saved = editing ? await polls.actions.update(editing.id, draft) : await polls.actions.create(draft);
        if (saved) {
          form.value = fromPoll(null);
          onDone();
        }
      }}
    >
      <div class="field">
        <label for="poll-question">{t('polls.editor.question')}</label>
        <input
          id="poll-question"
          required
          maxLength={POLL_LIMITS.question}
          value={f.question}
          onInput={(e) => set('question', (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="poll-kind">{t('polls.editor.kind')}</label>
        <select
          id="poll-kind"
          value={f.kind}
          onChange={(e) => set('kind', (e.target as HTMLSelectElement).value as PollKind)}
        >
          {POLL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`polls.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {labelled && (
        <div class="field">
          <label for="poll-options">{t('polls.editor.options')}</label>
          <textarea
            id="poll-options"
            rows={4}
            value={f.options}
            onInput={(e) => set('options', (e.target as HTMLTextAreaElement).value)}
          />
        </div>
      )}
      {f.kind === 'multiple' && (
        <div class="field field--inline">
          <label for="poll-max">{t('polls.editor.maxSelections')}</label>
          <input
            id="poll-max"
            type="number"
            min={1}
            max={POLL_LIMITS.options}
            value={f.maxSelections}
            onInput={(e) => set('maxSelections', Number((e.target as HTMLInputElement).value))}
          />
        </div>
      )}
      {f.kind === 'scale' && (
        <fieldset class="field">
          <legend>{t('polls.editor.scaleMax')}</legend>
          <div class="chips">
            {([5, 10] as const).map((max) => (
              <label key={max} class="chip">
                <input
                  type="radio"
                  name="poll-scale"
                  checked={f.scaleMax === max}
                  onChange={() => set('scaleMax', max)}
                />{' '}
                {t('polls.editor.scaleTo', { max })}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div class="field">
        <label for="poll-visibility">{t('polls.editor.visibility')}</label>
        <select
          id="poll-visibility"
          value={f.visibility}
          onChange={(e) => set('visibility', (e.target as HTMLSelectElement).value as ResultVisibility)}
        >
          {RESULT_VISIBILITY.map((v) => (
            <option key={v} value={v}>
              {t(`polls.visibility.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="poll-editor__checks">
        <Check
          id="poll-anonymous"
          label={t('polls.editor.anonymous')}
          checked={f.anonymous && !(f.quiz && quizAllowed)}
          disabled={f.quiz && quizAllowed}
          onChange={(v) => set('anonymous', v)}
        />
        <Check
          id="poll-change"
          label={t('polls.editor.allowChange')}
          checked={f.allowChange}
          onChange={(v) => set('allowChange', v)}
        />
        <Check
          id="poll-weighted"
          label={t('polls.editor.weighted')}
          checked={f.weighted}
          onChange={(v) => set('weighted', v)}
        />
        {quizAllowed && (
          <Check
            id="poll-quiz"
            label={t('polls.editor.quiz')}
            checked={f.quiz}
            onChange={(v) =>
              // [POLL6] A quiz shows results after closing unless the moderator chose otherwise.
              (form.value = {
                ...form.value,
                quiz: v,
                visibility:
                  form.value.visibility === defaultVisibility(!v) ? defaultVisibility(v) : form.value.visibility,
              })
            }
          />
        )}
      </div>
      {f.quiz && quizAllowed && (
        <fieldset class="field poll-editor__quiz">
          <legend>{t('polls.editor.correct')}</legend>
          <div class="chips">
            {choices.map((o) => (
              <label key={o.id} class="chip">
                <input
                  type={f.kind === 'multiple' ? 'checkbox' : 'radio'}
                  name="poll-correct"
                  value={o.id}
                  checked={f.correct.includes(o.id)}
                  onChange={(e) => toggleCorrect(o.id, (e.target as HTMLInputElement).checked)}
                />
                {optionLabel({ kind: f.kind, options: choices }, o.id)}
              </label>
            ))}
          </div>
          <div class="field">
            <label for="poll-time">{t('polls.editor.timeLimit')}</label>
            <input
              id="poll-time"
              type="number"
              min={5}
              max={3600}
              value={f.timeLimit}
              onInput={(e) => set('timeLimit', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="poll-series">{t('polls.editor.series')}</label>
            <input
              id="poll-series"
              maxLength={POLL_LIMITS.series}
              value={f.series}
              onInput={(e) => set('series', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="poll-scoring">{t('polls.editor.scoring')}</label>
            <select
              id="poll-scoring"
              value={f.scoring}
              onChange={(e) => set('scoring', (e.target as HTMLSelectElement).value as QuizScoring)}
            >
              {QUIZ_SCORING.map((s) => (
                <option key={s} value={s}>
                  {t(`polls.scoring.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" class="btn btn--primary" data-testid="poll-save">
          {t('polls.editor.save')}
        </button>
        <button type="button" class="btn btn--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Check({
  id,
  label,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label class="check" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
      />{' '}
      {label}
    </label>
  );
}
