/**
 * The results report as one HTML page in one language: the programme as run, participants by town, every
 * board (as a picture, drawn by the same code as the live board, and its cards ranked by dots), every poll
 * and quiz with its chart, the quiz points per town. Rendered on the server from ReportData; text goes
 * through Preact, which escapes it; no script anywhere.
 */
import { renderToString } from 'preact-render-to-string';
import { BoardDefs, BoardItems } from '../../client/boards/render.js';
import { itemBounds, union } from '../../client/boards/geometry.js';
import { stepNameWith } from '../../shared/agenda/names.js';
import { statusOf } from '../../shared/agenda/rules.js';
import { REACTION_EMOJI } from '../../shared/gallery/constants.js';
import type { CardItem, ClusterItem } from '../../shared/boards/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { translator, type MessageKey, type Translate } from '../../shared/i18n/catalogue.js';
import type { UiLocale } from '../../shared/languages.js';
import { exportRoomName } from '../polls/export.js';
import { orderedOptions, percent } from '../polls/tally.js';
import type { ReportBoard, ReportData, ReportPoll } from './collect.js';
import { REPORT_CSS } from './style.js';
import { BarcampSection } from './BarcampSection.js';
import { HashtagsSection } from './HashtagsSection.js';
import { MarketSection } from './MarketSection.js';

const MINUTE = 60_000;

export interface Ctx {
  t: Translate;
  locale: UiLocale;
  data: ReportData;
  time: (at: number) => string;
  namesShown: boolean;
}

/** Towns as people wrote them, grouped without regard to case and spaces; the first spelling names the group. */
export function byTown(people: ReportData['people']) {
  const towns = new Map<string, { town: string; count: number; names: string[] }>();
  for (const p of people) {
    const key = p.town.trim().toLocaleLowerCase();
    const entry = towns.get(key) ?? { town: p.town.trim(), count: 0, names: [] };
    entry.count += p.kind === 'group' ? p.headcount : 1;
    entry.names.push(p.kind === 'group' ? `${p.name} (${p.headcount})` : p.name);
    towns.set(key, entry);
  }
  return [...towns.values()].sort((a, b) => b.count - a.count || a.town.localeCompare(b.town));
}

/** The programme: each step with its plan and what happened; minutes planned against minutes taken. */
export function programmeRows(data: ReportData) {
  const agenda = data.agenda;
  if (!agenda || agenda.steps.length === 0) return null;
  const rows = agenda.steps.map((step) => {
    const status = statusOf(agenda, step.id);
    const run = agenda.history[step.id];
    const startedAt = status === 'running' ? agenda.current!.startedAt : (run?.startedAt ?? null);
    const endedAt = status === 'running' ? data.at : run && !run.skipped ? run.endedAt : null;
    const took = startedAt !== null && endedAt !== null ? Math.round((endedAt - startedAt) / MINUTE) : null;
    return { step, status, startedAt, took };
  });
  const ends = Object.values(agenda.history).map((h) => h.endedAt);
  const endAt = agenda.current ? data.at : ends.length > 0 ? Math.max(...ends) : null;
  const tookMin = agenda.startedAt !== null && endAt !== null ? Math.round((endAt - agenda.startedAt) / MINUTE) : null;
  return { rows, plannedMin: agenda.plannedMin, tookMin };
}

/** Cards with text, most dots first (then clusters, then text), with the cluster they sit in. */
export function rankedCards(board: ReportBoard) {
  const clusters = new Map(
    board.items.filter((i): i is ClusterItem => i.kind === 'cluster').map((c) => [c.id, c.heading]),
  );
  const cards = board.items.filter((i): i is CardItem => i.kind === 'card');
  const shown = cards
    .filter((c) => !c.hidden)
    .map((c) => ({
      text: c.text,
      author: c.anonymous ? '' : c.authorName,
      cluster: (c.clusterId && clusters.get(c.clusterId)) || '',
      dots: board.dots.get(c.id) ?? 0,
    }))
    .sort((a, b) => b.dots - a.dots || a.cluster.localeCompare(b.cluster) || a.text.localeCompare(b.text));
  return { shown, hidden: cards.length - shown.length };
}

export function boardName(board: ReportBoard, data: ReportData, locale: UiLocale): string {
  if (board.roomId === PLENARY) return translator(locale)('br.plenary');
  return board.label || exportRoomName(board.roomId, data.rooms, locale);
}

/** One poll's answers in result order: label, count (or points), share of the answering weight. */
export function pollRows({ poll, tally }: ReportPoll, t: Translate) {
  const total = tally.total;
  if (poll.kind === 'text') return [];
  const ids =
    poll.kind === 'scale'
      ? Array.from({ length: poll.scaleMax }, (_, i) => String(i + 1))
      : poll.kind === 'yesno'
        ? ['yes', 'no', 'abstain']
        : orderedOptions(poll, total);
  const right = new Set(poll.quiz && poll.revealed ? poll.quiz.correct : []);
  return ids.map((id) => {
    const label =
      poll.kind === 'yesno'
        ? t(`polls.yesno.${id as 'yes' | 'no' | 'abstain'}`)
        : poll.kind === 'scale'
          ? id
          : (poll.options.find((o) => o.id === id)?.label ?? id);
    const count = poll.kind === 'ranking' ? (total.points[id] ?? 0) : (total.counts[id] ?? 0);
    return { id, label, count, share: percent(total.counts[id] ?? 0, total.weight), right: right.has(id) };
  });
}

function Bar({ share }: { share: number }) {
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="100" height="10" fill="#e6eaf0" />
      <rect width={Math.max(0, Math.min(100, share))} height="10" fill="#1f5fa8" />
    </svg>
  );
}

function Programme({ c }: { c: Ctx }) {
  const { t } = c;
  const programme = programmeRows(c.data);
  return (
    <section aria-labelledby="r-programme">
      <h2 id="r-programme">{t('report.programme')}</h2>
      {!programme ? (
        <p class="muted">{t('report.noProgramme')}</p>
      ) : (
        <>
          <table data-section="programme">
            <thead>
              <tr>
                <th scope="col">{t('report.col.step')}</th>
                <th scope="col" class="num">
                  {t('report.col.planned')}
                </th>
                <th scope="col" class="num">
                  {t('report.col.started')}
                </th>
                <th scope="col" class="num">
                  {t('report.col.took')}
                </th>
                <th scope="col">{t('report.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {programme.rows.map((r) => (
                <tr key={r.step.id} data-status={r.status}>
                  <td>
                    {stepNameWith(t, r.step)}
                    {/* [REPORT5] A step's room rounds, and a World Café's tables (its questions). */}
                    {r.step.params.kind === 'rotation' && (
                      <span class="muted" data-rounds={r.step.params.rounds}>
                        {' · '}
                        {t('report.rounds', { count: r.step.params.rounds })}
                        {r.step.params.tables.length > 0 && `: ${r.step.params.tables.join(' · ')}`}
                      </span>
                    )}
                  </td>
                  <td class="num">{t('report.minutes', { n: r.step.durationMin })}</td>
                  <td class="num">{r.startedAt === null ? '–' : c.time(r.startedAt)}</td>
                  <td class="num">{r.took === null ? '–' : t('report.minutes', { n: r.took })}</td>
                  <td>{t(`report.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {programme.tookMin !== null && (
            <p>{t('report.planVsActual', { planned: programme.plannedMin, actual: programme.tookMin })}</p>
          )}
        </>
      )}
    </section>
  );
}

function People({ c }: { c: Ctx }) {
  const { t } = c;
  const towns = byTown(c.data.people);
  const total = towns.reduce((sum, x) => sum + x.count, 0);
  return (
    <section aria-labelledby="r-people">
      <h2 id="r-people">{t('report.people')}</h2>
      {!c.namesShown && <p class="muted">{t('report.namesHidden')}</p>}
      <table data-section="people">
        <thead>
          <tr>
            <th scope="col">{t('report.col.town')}</th>
            <th scope="col" class="num">
              {t('report.col.count')}
            </th>
            {c.namesShown && <th scope="col">{t('report.col.names')}</th>}
          </tr>
        </thead>
        <tbody>
          {towns.map((x) => (
            <tr key={x.town}>
              <td>{x.town || t('report.noTown')}</td>
              <td class="num">{x.count}</td>
              {c.namesShown && <td>{x.names.join(', ')}</td>}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('report.total')}</th>
            <td class="num">{total}</td>
            {c.namesShown && <td />}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function BoardPicture({ board, name, c }: { board: ReportBoard; name: string; c: Ctx }) {
  const box = union(board.items.map(itemBounds));
  if (!box) return null;
  const pad = 24;
  // Towns only: the cards on the picture lose their authors too.
  const items = c.namesShown ? board.items : board.items.map((i) => (i.kind === 'card' ? { ...i, authorName: '' } : i));
  const [x, y, w, h] = [box.x - pad, box.y - pad, Math.ceil(box.w + 2 * pad), Math.ceil(box.h + 2 * pad)];
  return (
    <figure>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`${x} ${y} ${w} ${h}`}
        width={w}
        height={h}
        role="img"
        aria-label={c.t('report.boardPicture', { name })}
      >
        <BoardDefs />
        <rect x={x} y={y} width={w} height={h} fill="#ffffff" />
        <BoardItems items={items} dots={board.dots} myDots={new Map()} hiddenLabel={c.t('board.hiddenCard')} />
      </svg>
    </figure>
  );
}

/** [GAL7] What visitors of the gallery walk said about the board: reactions, then comments with name and town (or town only). */
function BoardComments({ board, c }: { board: ReportBoard; c: Ctx }) {
  const { t } = c;
  if (board.comments.length === 0 && board.reactions.length === 0) return null;
  return (
    <>
      <h4>{t('report.comments')}</h4>
      {board.reactions.length > 0 && (
        <p data-section="reactions">
          {board.reactions.map((r) => (
            <span key={r.reaction} class="tag">
              {REACTION_EMOJI[r.reaction]} {t(`gallery.reaction.${r.reaction}`)}: {r.count}
            </span>
          ))}
        </p>
      )}
      {board.comments.length > 0 && (
        <ul class="cards" data-section="comments">
          {board.comments.map((x) => (
            <li key={x.id}>
              {x.text}
              <span class="tag">{c.namesShown ? `${x.name}${x.town ? ` (${x.town})` : ''}` : x.town}</span>
              {x.snapshotId && <span class="tag">{t('report.onSnapshot')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Boards({ c }: { c: Ctx }) {
  const { t } = c;
  return (
    <section aria-labelledby="r-boards">
      <h2 id="r-boards">{t('report.boards')}</h2>
      {c.data.boards.length === 0 && <p class="muted">{t('report.noBoards')}</p>}
      {c.data.boards.map((board) => {
        const name = boardName(board, c.data, c.locale);
        const { shown, hidden } = rankedCards(board);
        return (
          <article key={board.roomId} data-board={board.roomId}>
            <h3>{name}</h3>
            <BoardPicture board={board} name={name} c={c} />
            <BoardComments board={board} c={c} />
            {shown.length > 0 && (
              <>
                <h4>{t('report.cards')}</h4>
                <ol class="cards" data-section="cards">
                  {shown.map((card, i) => (
                    <li key={i}>
                      {card.text}
                      <span class="tag">{t('report.dots', { count: card.dots })}</span>
                      {card.cluster && <span class="tag">{card.cluster}</span>}
                      {c.namesShown && card.author && <span class="tag">{card.author}</span>}
                    </li>
                  ))}
                </ol>
              </>
            )}
            {hidden > 0 && <p class="muted">{t('report.hiddenCards', { count: hidden })}</p>}
          </article>
        );
      })}
    </section>
  );
}

function Poll({ p, c }: { p: ReportPoll; c: Ctx }) {
  const { t } = c;
  const { poll, tally } = p;
  const rows = pollRows(p, t);
  const top = Math.max(1, ...tally.total.words.map((w) => w.count));
  return (
    <article data-poll={poll.id}>
      <h3>{poll.question}</h3>
      <p class="muted">
        {t(`polls.kind.${poll.kind}` as MessageKey)} · {t('report.answers', { count: tally.total.voters })}
      </p>
      {poll.kind === 'scale' && tally.total.mean !== null && (
        <p>{t('report.mean', { mean: tally.total.mean, max: poll.scaleMax })}</p>
      )}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report.col.option')}</th>
              <th scope="col" class="num">
                {poll.kind === 'ranking' ? t('report.col.points') : t('report.col.votes')}
              </th>
              <th scope="col" class="num">
                %
              </th>
              <td aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td class={r.right ? 'right' : undefined}>
                  {r.label}
                  {r.right && <span class="tag">✓ {t('report.rightAnswer')}</span>}
                </td>
                <td class="num">{r.count}</td>
                <td class="num">{r.share}</td>
                <td class="bar">
                  <Bar share={r.share} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {poll.kind === 'text' && tally.total.words.length > 0 && (
        <>
          <h4>{t('report.words')}</h4>
          <ul class="cloud">
            {tally.total.words.map((w) => (
              <li key={w.word} class={`w${Math.max(1, Math.ceil((w.count / top) * 5))}`}>
                {w.word} <span class="muted">({w.count})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function Polls({ c }: { c: Ctx }) {
  const { t } = c;
  return (
    <section aria-labelledby="r-polls">
      <h2 id="r-polls">{t('report.polls')}</h2>
      {c.data.polls.length === 0 && <p class="muted">{t('report.noPolls')}</p>}
      {c.data.polls.map((p) => (
        <Poll key={p.poll.id} p={p} c={c} />
      ))}
      {c.data.leaderboards.map((board) => (
        <article key={board.series} data-quiz={board.series}>
          <h3>{t('report.quiz', { series: board.series })}</h3>
          <table>
            <caption>{t('report.byTown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.town')}</th>
                <th scope="col" class="num">
                  {t('report.col.points')}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.towns.map((x) => (
                <tr key={x.town}>
                  <td>{x.town || t('report.noTown')}</td>
                  <td class="num">{x.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.namesShown && (
            <table>
              <caption>{t('report.byPerson')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.col.names')}</th>
                  <th scope="col">{t('report.col.town')}</th>
                  <th scope="col" class="num">
                    {t('report.col.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.people.map((x, i) => (
                  <tr key={i}>
                    <td>{x.name}</td>
                    <td>{x.town}</td>
                    <td class="num">{x.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}
    </section>
  );
}

/** Whether names may appear: not when the organisers ticked "towns only" on the template sheet. */
export const namesShown = (data: ReportData) => !data.sheet?.privacy?.townsOnlyInReport;

export function clockOf(locale: UiLocale, timeZone: string) {
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  return { time: (at: number) => time.format(at), date: (at: number) => date.format(at) };
}

/** The whole page, ready to save as a file. */
export function renderReport(data: ReportData, locale: UiLocale, timeZone: string): string {
  const t = translator(locale);
  const clock = clockOf(locale, timeZone);
  const c: Ctx = { t, locale, data, time: clock.time, namesShown: namesShown(data) };
  const towns = data.sheet?.towns?.map((x) => x.town).filter(Boolean) ?? [];
  const page = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${data.workshop.title} – ${t('report.title')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <main>
          <header>
            <p class="muted">{t('report.title')}</p>
            <h1>{data.workshop.title}</h1>
            {data.workshop.description && <p>{data.workshop.description}</p>}
            {towns.length > 0 && <p>{t('report.towns', { towns: towns.join(' · ') })}</p>}
            <p class="muted">{t('report.generated', { date: clock.date(data.at), time: clock.time(data.at) })}</p>
          </header>
          <Programme c={c} />
          <People c={c} />
          <Boards c={c} />
          <Polls c={c} />
          <HashtagsSection c={c} />
          <MarketSection c={c} />
          <BarcampSection c={c} />
          <footer>{t('report.footer')}</footer>
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${renderToString(page)}`;
}
