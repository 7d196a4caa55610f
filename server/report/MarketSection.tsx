/**
 * The idea market in the results report: each stall with its owner and contact, who signed up (their names
 * only when the organisers allow names: otherwise towns) with what they offer, and the next steps.
 */
import type { Market } from '../../shared/market/schema.js';
import type { Ctx } from './Report.js';

/** Each stall's sign-ups as rows: name (blank when names are not shown), town, offer. */
export function marketRows(market: Market, names: boolean) {
  return market.stalls.map((stall) => ({
    stall,
    owner: names ? stall.ownerName : '',
    contact: names ? stall.contactName : '',
    signups: stall.signups.map((s) => ({ name: names ? s.name : '', town: s.town, offer: s.offer })),
  }));
}

export function MarketSection({ c }: { c: Ctx }) {
  const { t, data } = c;
  if (!data.market) return null;
  return (
    <section aria-labelledby="r-market" data-section="market">
      <h2 id="r-market">{t('market.title')}</h2>
      {marketRows(data.market, c.namesShown).map(({ stall, owner, contact, signups }) => (
        <article key={stall.id} data-stall={stall.id}>
          <h3>{stall.title}</h3>
          {owner && <p class="muted">{t('market.owner', { name: owner })}</p>}
          {contact && <p>{t('market.contact', { name: contact })}</p>}
          <table>
            <caption>{t('market.count', { n: signups.length })}</caption>
            <thead>
              <tr>
                {c.namesShown && <th scope="col">{t('market.col.name')}</th>}
                <th scope="col">{t('market.col.town')}</th>
                <th scope="col">{t('market.col.offer')}</th>
              </tr>
            </thead>
            <tbody>
              {signups.map((s, i) => (
                <tr key={i}>
                  {c.namesShown && <td>{s.name}</td>}
                  <td>{s.town}</td>
                  <td>{s.offer}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('market.notes')}</h4>
          {stall.notes.trim() ? <p class="notes">{stall.notes}</p> : <p class="muted">{t('market.noNotes')}</p>}
        </article>
      ))}
    </section>
  );
}
