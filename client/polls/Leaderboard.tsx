import type { Leaderboard as Board } from '../../shared/polls/schema.js';
import { t } from '../i18n/i18n.js';

/** A quiz series' standings: per person, or per town (team), as the series says. */
export function Leaderboard({ board }: { board: Board }) {
  const byTown = board.scoring === 'town';
  return (
    <section
      class="leaderboard"
      aria-labelledby="leaderboard-title"
      data-testid="leaderboard"
      data-scoring={board.scoring}
    >
      <h3 id="leaderboard-title">
        {t('polls.leaderboard', { series: board.series })}{' '}
        <span class="muted small">· {t('polls.leaderboard.questions', { count: board.questions })}</span>
      </h3>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('polls.leaderboard.rank')}</th>
            <th scope="col">{byTown ? t('polls.leaderboard.town') : t('polls.leaderboard.name')}</th>
            <th scope="col">{byTown ? t('polls.leaderboard.players') : t('polls.leaderboard.town')}</th>
            <th scope="col">{t('polls.leaderboard.points')}</th>
          </tr>
        </thead>
        <tbody>
          {byTown
            ? board.towns.map((row, i) => (
                <tr key={row.town} data-testid="leaderboard-row">
                  <td>{rank(board.towns, i)}</td>
                  <th scope="row">{row.town}</th>
                  <td>{row.players}</td>
                  <td>{row.points}</td>
                </tr>
              ))
            : board.people.map((row, i) => (
                <tr key={`$<bdi>{row.name}</bdi>-${i}`} data-testid="leaderboard-row">
                  <td>{rank(board.people, i)}</td>
                  <th scope="row">
                    <bdi>{row.name}</bdi>
                  </th>
                  <td>{row.town}</td>
                  <td>{row.points}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </section>
  );
}

/** Equal points share a place (1, 2, 2, 4). */
function rank(rows: readonly { points: number }[], i: number): number {
  return rows.findIndex((r) => r.points === rows[i]!.points) + 1;
}
