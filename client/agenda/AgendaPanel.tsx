import { useSignal } from '@preact/signals';
import {
  FORMAT_IDS,
  FORMATS,
  mechanicsOf,
  PROGRAMME_IDS,
  plannedMinutes,
  programmeSteps,
} from '../../shared/agenda/catalogue.js';
import { statusOf } from '../../shared/agenda/rules.js';
import { STEP_LIMITS } from '../../shared/agenda/constants.js';
import { BARCAMP_LIMITS } from '../../shared/barcamp/constants.js';
import { FISHBOWL_LIMITS } from '../../shared/fishbowl/constants.js';
import { TRUTHS_VARIANTS, type TruthsVariant } from '../../shared/truths/constants.js';
import type { Step } from '../../shared/agenda/schema.js';
import { errorText, t, type MessageKey } from '../i18n/i18n.js';
import { ReportButton } from '../report/ReportButton.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { PathIcon } from '../ui/Icon.js';
import { NowAndNext } from './AgendaNow.js';
import { SheetForm } from './SheetForm.js';
import { formatFacts, formatName, mechanicName, questionOf, stepName } from './labels.js';
import type { AgendaState } from './state.js';
import { DragHandle, DragHelp, dragClass, dragStyle, useStepDrag } from './StepDrag.js';

/**
 * The run sheet: for everyone what runs now (with its time left and what to do) and what comes next;
 * for moderators also the plan (reorder, minutes, questions), Start / Next / +5 min, the clock against
 * the plan, ready-made programmes and the format catalogue. Mountable on its own: it reads the session.
 */
export function AgendaPanel() {
  const { workshop, agenda } = useSession();
  const moderator = workshop.isModerator.value;
  const a = agenda.agenda.value;
  if (!moderator && a.steps.length === 0) return null;
  return (
    <section class="card agenda" aria-labelledby="agenda-title" data-testid="agenda-panel">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      <NowAndNext agenda={agenda} moderator={moderator} />
      {moderator && <Controls agenda={agenda} />}
      {moderator && (
        <p class="agenda__report">
          <ReportButton access={workshop.reportAccess.value} title={workshop.workshop.value?.title ?? ''} />
        </p>
      )}
      {moderator && <Plan agenda={agenda} />}
      {moderator && <Catalogue agenda={agenda} />}
      {moderator && <SheetForm agenda={agenda} />}
    </section>
  );
}

function Controls({ agenda }: { agenda: AgendaState }) {
  const a = agenda.agenda.value;
  const clock = agenda.clock.value;
  const { next } = agenda.view.value;
  const error = agenda.error.value;
  const problem = agenda.problem.value ?? a.current?.problem ?? null;
  return (
    <div class="agenda__controls">
      {(error || problem) && (
        <Alert testId="agenda-error" kind={error ? 'error' : 'warning'}>
          {error ? errorText(error) : t('agenda.problem', { reason: errorText(problem!) })}{' '}
          <button type="button" class="btn btn--small" onClick={agenda.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      <div class="agenda__buttons">
        {!a.current && next && (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="agenda-start"
            onClick={() => void agenda.actions.start()}
          >
            {t('agenda.start')}
          </button>
        )}
        {a.current && (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="agenda-next-button"
            onClick={() => void agenda.actions.next()}
          >
            {t('agenda.next')}
          </button>
        )}
        {a.current && (
          <button type="button" class="btn" data-testid="agenda-extend" onClick={() => void agenda.actions.extend(5)}>
            {t('agenda.extend')}
          </button>
        )}
      </div>
      <p class="muted" data-testid="agenda-clock">
        {t('agenda.planned', { count: a.steps.reduce((sum, s) => sum + s.durationMin, 0) })}
        {clock &&
          ` · ${
            clock.driftMin > 0
              ? t('agenda.behind', { count: clock.driftMin })
              : clock.driftMin < 0
                ? t('agenda.ahead', { count: -clock.driftMin })
                : t('agenda.onTime')
          }`}
      </p>
    </div>
  );
}

function Plan({ agenda }: { agenda: AgendaState }) {
  const a = agenda.agenda.value;
  const reorder = useStepDrag(agenda, a.steps);
  if (a.steps.length === 0) return <p class="muted">{t('agenda.empty')}</p>;
  const { order, drag } = reorder;
  return (
    <>
      <DragHelp said={reorder.said} />
      <ol
        ref={reorder.list}
        class={`agenda__steps${drag.value ? ' agenda__steps--dragging' : ''}`}
        data-testid="agenda-steps"
        data-version={a.version}
      >
        {order.map((s, i) => (
          <StepRow key={s.id} step={s} index={i} count={order.length} agenda={agenda} reorder={reorder} />
        ))}
      </ol>
    </>
  );
}

function StepRow(p: {
  step: Step;
  index: number;
  count: number;
  agenda: AgendaState;
  reorder: ReturnType<typeof useStepDrag>;
}) {
  const { step, index, count, agenda, reorder } = p;
  const status = statusOf(agenda.agenda.value, step.id);
  const name = stepName(step);
  const question = questionOf(step);
  const { actions } = agenda;
  const minutesId = `agenda-min-${step.id}`;
  const questionId = `agenda-q-${step.id}`;
  return (
    <li
      class={`agenda__step agenda__step--${status}${dragClass(reorder.drag, step.id, index)}`}
      style={dragStyle(reorder.drag, step.id)}
      data-testid="agenda-step"
      data-step-id={step.id}
      data-status={status}
    >
      <div class="agenda__step-head">
        <DragHandle {...reorder.handle(step, index, name)} />
        <div>
          <strong>{name}</strong> <span class="badge">{t(`agenda.status.${status}` as MessageKey)}</span>{' '}
          <span class="muted">{mechanicName(step.params.kind)}</span>
        </div>
      </div>
      <div class="field--inline">
        <label for={minutesId}>{t('agenda.minutesOf', { name })}</label>
        <input
          id={minutesId}
          type="number"
          min={STEP_LIMITS.durationMinMin}
          max={STEP_LIMITS.durationMin}
          step={STEP_LIMITS.durationMinMin}
          value={step.durationMin}
          onChange={(e) => {
            // [AG16] Quarter minutes: 0.25 is 15 seconds.
            const v = Number(e.currentTarget.value);
            const { durationMinMin: q, durationMin: max } = STEP_LIMITS;
            if (Number.isInteger(v / q) && v >= q && v <= max) void actions.setMinutes(step.id, v);
          }}
        />
      </div>
      {question !== undefined && 'question' in step.params && (
        <div class="field">
          <label for={questionId}>{t('agenda.questionOf', { name })}</label>
          <input
            id={questionId}
            value={question}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              if (v && v !== question) void actions.setQuestion(step.id, v);
            }}
          />
        </div>
      )}
      <StepParams step={step} name={name} agenda={agenda} />
      <div class="agenda__step-actions">
        <IconButton
          d={ICONS.up}
          label={t('agenda.moveUp', { name })}
          disabled={index === 0}
          onClick={() => actions.move(step.id, -1)}
        />
        <IconButton
          d={ICONS.down}
          label={t('agenda.moveDown', { name })}
          disabled={index === count - 1}
          onClick={() => actions.move(step.id, 1)}
        />
        {status !== 'running' && (
          <IconButton d={ICONS.start} label={t('agenda.startStep', { name })} onClick={() => actions.start(step.id)} />
        )}
        {status === 'pending' && (
          <IconButton d={ICONS.skip} label={t('agenda.skip', { name })} onClick={() => actions.skip(step.id)} />
        )}
        {status !== 'running' && (
          <IconButton d={ICONS.remove} label={t('agenda.remove', { name })} onClick={() => actions.remove(step.id)} />
        )}
      </div>
    </li>
  );
}

function Catalogue({ agenda }: { agenda: AgendaState }) {
  const open = useSignal(false);
  return (
    <>
      <details class="agenda__programmes" open={agenda.agenda.value.steps.length === 0}>
        <summary>{t('agenda.programmes')}</summary>
        <ul>
          {PROGRAMME_IDS.map((id) => {
            const name = t(`agenda.programme.${id}` as MessageKey);
            return (
              <li key={id}>
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid={`agenda-programme-${id}`}
                  onClick={() => void agenda.actions.useProgramme(id)}
                >
                  {t('agenda.useProgramme', { name })}
                </button>{' '}
                <span class="muted">
                  {t(`agenda.programme.${id}.about` as MessageKey)} ·{' '}
                  {t('agenda.minutes', { count: plannedMinutes(programmeSteps(id, () => '-')) })}
                </span>
              </li>
            );
          })}
        </ul>
      </details>
      <details class="agenda__catalogue" onToggle={(e) => (open.value = e.currentTarget.open)}>
        <summary>{t('agenda.catalogue')}</summary>
        {open.value && (
          <ul>
            {FORMAT_IDS.map((id) => {
              const f = FORMATS[id];
              return (
                <li key={id} class="agenda__format">
                  <strong>{formatName(id)}</strong> <span class="muted">{formatFacts(f)}</span>
                  <br />
                  {t(`agenda.format.${id}.purpose` as MessageKey)}{' '}
                  <span class="muted">({mechanicsOf(f).map(mechanicName).join(', ')})</span>{' '}
                  <button type="button" class="btn btn--small" onClick={() => void agenda.actions.addFormat(id)}>
                    {t('agenda.add', { name: formatName(id) })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </>
  );
}

/** Material icons: arrow up and down, play, skip next, close. */
const ICONS = {
  up: 'M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z',
  down: 'M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z',
  start: 'M8 5v14l11-7z',
  skip: 'M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z',
  remove: 'M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
};

/** A small button showing an icon; its name (for screen readers and as a tooltip) says what and which step. */
function IconButton(props: { d: string; label: string; disabled?: boolean; onClick: () => Promise<unknown> }) {
  return (
    <button
      type="button"
      class="btn btn--small btn--icon"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={() => void props.onClick()}
    >
      <PathIcon d={props.d} />
    </button>
  );
}

const NUMBER_PARAMS = {
  dots: { key: 'budget', label: 'agenda.budgetOf', min: 1, max: 30 },
  rooms: { key: 'rooms', label: 'agenda.roomsOf', min: 1, max: STEP_LIMITS.rooms },
  rotation: { key: 'rounds', label: 'agenda.roundsOf', min: 1, max: STEP_LIMITS.rounds },
  // What the fishbowl and the flash round themselves accept (their steps are clamped to it).
  fishbowl: { key: 'seats', label: 'agenda.seatsOf', min: FISHBOWL_LIMITS.seatsMin, max: FISHBOWL_LIMITS.seatsMax },
  speaking: { key: 'secondsEach', label: 'agenda.secondsEachOf', min: 30, max: 60 },
  // [BCAMP1] Rooms per slot (sessions at the same time).
  barcamp: { key: 'rooms', label: 'agenda.roomsOf', min: BARCAMP_LIMITS.roomsMin, max: BARCAMP_LIMITS.roomsMax },
} as const;

/** What a step's mechanic needs besides its minutes and question: a number, answers, tables, a message. */
function StepParams({ step, name, agenda }: { step: Step; name: string; agenda: AgendaState }) {
  const p = step.params;
  const set = agenda.actions.setParam;
  // A World Café has its rounds and its tables (one question each): both fields, not the rounds alone.
  if (p.kind === 'rotation' && p.rotation === 'worldCafe')
    return (
      <>
        <NumberParam step={step} name={name} agenda={agenda} />
        <LinesField
          id={`agenda-tables-${step.id}`}
          label={t('agenda.tablesOf', { name })}
          lines={p.tables}
          onChange={(tables) => void set(step.id, 'tables', tables)}
        />
      </>
    );
  if (p.kind in NUMBER_PARAMS) return <NumberParam step={step} name={name} agenda={agenda} />;
  if (p.kind === 'poll' && (p.pollKind === 'single' || p.pollKind === 'multiple' || p.pollKind === 'ranking'))
    return (
      <>
        <LinesField
          id={`agenda-options-${step.id}`}
          label={t('agenda.optionsOf', { name })}
          lines={p.options}
          onChange={(options) => void set(step.id, 'options', options)}
        />
        {p.quiz && (
          <CorrectField step={step} name={name} options={p.options} correct={p.quiz.correct} agenda={agenda} />
        )}
      </>
    );
  if (p.kind === 'poll' && p.pollKind === 'yesno' && p.quiz)
    return <CorrectField step={step} name={name} options={null} correct={p.quiz.correct} agenda={agenda} />;
  // [TRUTH7] Two truths and a lie, or three hashtags on the video tiles.
  if (p.kind === 'twoTruths') {
    const id = `agenda-variant-${step.id}`;
    return (
      <div class="field--inline">
        <label for={id}>{t('agenda.variantOf', { name })}</label>
        <select
          id={id}
          value={p.variant ?? 'statements'}
          onChange={(e) => void set(step.id, 'variant', e.currentTarget.value as TruthsVariant)}
        >
          {TRUTHS_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {t(`truths.variant.${v}`)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (p.kind === 'broadcast') {
    const id = `agenda-text-${step.id}`;
    return (
      <div class="field">
        <label for={id}>{t('agenda.textOf', { name })}</label>
        <textarea
          id={id}
          rows={2}
          value={p.text}
          onChange={(e) => {
            const v = e.currentTarget.value.trim();
            if (v && v !== p.text) void set(step.id, 'text', v);
          }}
        />
      </div>
    );
  }
  return null;
}

/** A step's one number besides its minutes (rounds, rooms, seats, …), within what its mechanic accepts. */
function NumberParam({ step, name, agenda }: { step: Step; name: string; agenda: AgendaState }) {
  const p = step.params;
  const set = agenda.actions.setParam;
  const { key, label, min, max } = NUMBER_PARAMS[p.kind as keyof typeof NUMBER_PARAMS];
  const id = `agenda-${key}-${step.id}`;
  return (
    <div class="field--inline">
      <label for={id}>{t(label, { name })}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={(p as Record<string, unknown>)[key] as number}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isInteger(v) && v >= min && v <= max) void set(step.id, key, v);
        }}
      />
    </div>
  );
}

/** A list edited as lines of text (a poll's answers, the World Café's tables); empty lines are dropped. */
function LinesField(p: { id: string; label: string; lines: readonly string[]; onChange: (lines: string[]) => void }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <textarea
        id={p.id}
        rows={Math.min(6, Math.max(2, p.lines.length + 1))}
        value={p.lines.join('\n')}
        onChange={(e) => {
          const lines = e.currentTarget.value
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          if (lines.join('\n') !== p.lines.join('\n')) p.onChange(lines);
        }}
      />
    </div>
  );
}

/** A quiz question's right answer: one of its answers (ids o1, o2, … in order), or yes / no. */
function CorrectField(p: {
  step: Step;
  name: string;
  options: readonly string[] | null;
  correct: readonly string[];
  agenda: AgendaState;
}) {
  const id = `agenda-correct-${p.step.id}`;
  const choices = p.options
    ? p.options.map((label, i) => ({ value: `o${i + 1}`, label }))
    : [
        { value: 'yes', label: t('polls.yesno.yes') },
        { value: 'no', label: t('polls.yesno.no') },
      ];
  const params = p.step.params;
  return (
    <div class="field--inline">
      <label for={id}>{t('agenda.correctOf', { name: p.name })}</label>
      <select
        id={id}
        value={p.correct[0] ?? ''}
        onChange={(e) => {
          if (params.kind !== 'poll' || !params.quiz) return;
          void p.agenda.actions.setParam(p.step.id, 'quiz', { ...params.quiz, correct: [e.currentTarget.value] });
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
