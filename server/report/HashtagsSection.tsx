/**
 * [TRUTH10] The three hashtags game in the results report: each person's hashtags with their town, and their name
 * only when the organisers allow names (else the town alone).
 */
import type { ReportData } from './collect.js';
import type { Ctx } from './Report.js';

/** One row per person who entered hashtags: name (blank when names are not shown), town, the three. */
export function hashtagRows(data: ReportData, names: boolean) {
  return data.hashtags.map((h) => ({ name: names ? h.name : '', town: h.town, tags: h.tags.join(' ') }));
}

export function HashtagsSection({ c }: { c: Ctx }) {
  const { t, data } = c;
  if (data.hashtags.length === 0) return null;
  return (
    <section aria-labelledby="r-hashtags" data-section="hashtags">
      <h2 id="r-hashtags">{t('truths.tags.title')}</h2>
      <table>
        <thead>
          <tr>
            {c.namesShown && <th scope="col">{t('report.col.names')}</th>}
            <th scope="col">{t('report.col.town')}</th>
            <th scope="col">{t('truths.tags.col.hashtags')}</th>
          </tr>
        </thead>
        <tbody>
          {hashtagRows(data, c.namesShown).map((r, i) => (
            <tr key={i}>
              {c.namesShown && <td>{r.name}</td>}
              <td>{r.town || t('report.noTown')}</td>
              <td>{r.tags}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
