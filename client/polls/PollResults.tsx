import type { PollTally, PollView, Tally } from '../../shared/polls/schema.js';
import { locale, t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import type { RoomsSeen } from '../../shared/breakouts/room-label.js';
import { roomTitle } from '../breakouts/room-label.js';
import { isCorrectAnswer, optionLabel } from './labels.js';

const pct = (count: number, weight: number) => (weight === 0 ? 0 : Math.round((count / weight) * 1000) / 10);

function emptyTally(): Tally {
  return { voters: 0, weight: 0, counts: {}, points: {}, mean: null, words: [] };
}

/** Options in result order: a ranking by points, others as offered. */
function ordered(poll: PollView, tally: Tally): string[] {
  const ids = poll.options.map((o) => o.id);
  if (poll.kind !== 'ranking') return ids;
  return [...ids].sort((a, b) => (tally.points[b] ?? 0) - (tally.points[a] ?? 0) || ids.indexOf(a) - ids.indexOf(b));
}

/** Bars with counts and percentages, and the same numbers as a real table for screen readers. */
export function PollResults({
  poll,
  tally,
  rooms: seen,
}: {
  poll: PollView;
  tally: PollTally | undefined;
  /** The breakouts, to name the rooms of results per room. */
  rooms?: RoomsSeen | null;
}) {
  const total = tally?.total ?? emptyTally();
  const rooms = Object.keys(tally?.byRoom ?? {});
  return (
    <div class="poll-results" data-testid="poll-results" data-voters={total.voters}>
      <p class="poll-results__summary">
        <strong data-testid="poll-voters">{t('polls.votes', { count: total.voters })}</strong>
        {poll.kind === 'scale' && total.mean !== null && (
          <span>
            {' '}
            · {t('polls.mean', { mean: new Intl.NumberFormat(locale.value).format(total.mean), max: poll.scaleMax })}
          </span>
        )}
      </p>
      <TallyView poll={poll} tally={total} caption={t('polls.table.caption', { question: poll.question })} />
      {rooms.length > 1 && (
        <details class="poll-results__rooms">
          <summary>{t('polls.byRoom')}</summary>
          {rooms.map((room) => (
            <div key={room}>
              <h4>
                {roomTitle(room, seen)} · {t('polls.votes', { count: tally!.byRoom[room]!.voters })}
              </h4>
              <TallyView
                poll={poll}
                tally={tally!.byRoom[room]!}
                caption={`${poll.question} · ${roomTitle(room, seen)}`}
              />
            </div>
          ))}
        </details>
      )}
    </div>
  );
}

function TallyView({ poll, tally, caption }: { poll: PollView; tally: Tally; caption: string }) {
  const number = new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1 });
  if (poll.kind === 'text') return <WordCloud tally={tally} caption={caption} />;
  const ids = ordered(poll, tally);
  const ranking = poll.kind === 'ranking';
  const max = Math.max(1, ...ids.map((id) => (ranking ? (tally.points[id] ?? 0) : (tally.counts[id] ?? 0))));
  return (
    <>
      <ul class="bars" aria-hidden="true">
        {ids.map((id) => {
          const value = ranking ? (tally.points[id] ?? 0) : (tally.counts[id] ?? 0);
          const correct = isCorrectAnswer(poll, id);
          return (
            <li
              key={id}
              class={`bar${correct ? ' bar--correct' : ''}`}
              data-testid="poll-bar"
              data-option={id}
              data-count={tally.counts[id] ?? 0}
            >
              <div class="bar__label">
                <span>
                  {correct && <Icon name="check" />} {optionLabel(poll, id)}
                </span>
                <span class="bar__value">
                  {ranking
                    ? `${number.format(value)} ${t('polls.table.points')}`
                    : `${number.format(value)} · ${number.format(pct(value, tally.weight))} %`}
                </span>
              </div>
              <div class="bar__track">
                <div class="bar__fill" style={{ width: `${(value / max) * 100}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <div class="visually-hidden">
        <table data-testid="poll-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('polls.table.option')}</th>
              <th scope="col">{t('polls.table.votes')}</th>
              <th scope="col">{t('polls.table.percent')}</th>
              {ranking && <th scope="col">{t('polls.table.points')}</th>}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row">
                  {optionLabel(poll, id)}
                  {isCorrectAnswer(poll, id) && ` (${t('polls.correct')})`}
                </th>
                <td>{number.format(tally.counts[id] ?? 0)}</td>
                <td>{number.format(pct(tally.counts[id] ?? 0, tally.weight))} %</td>
                {ranking && <td>{number.format(tally.points[id] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function WordCloud({ tally, caption }: { tally: Tally; caption: string }) {
  if (tally.words.length === 0) return <p class="muted">{t('polls.noAnswers')}</p>;
  const top = tally.words[0]!.count;
  const shuffled = [...tally.words].sort((a, b) => a.word.localeCompare(b.word));
  return (
    <>
      <ul class="wordcloud" aria-hidden="true" data-testid="wordcloud">
        {shuffled.map((w) => (
          <li key={w.word} style={{ fontSize: `${0.9 + (w.count / top) * 1.6}rem` }} data-count={w.count}>
            {w.word}
          </li>
        ))}
      </ul>
      <div class="visually-hidden">
        <table>
          <caption>{`${caption}: ${t('polls.words')}`}</caption>
          <tbody>
            {tally.words.map((w) => (
              <tr key={w.word}>
                <th scope="row">{w.word}</th>
                <td>{w.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
