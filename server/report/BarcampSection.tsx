/**
 * [BCAMP8] The barcamp in the results report: the grid as a table (a row per slot, a column per room; each
 * session with its host, when names are shown, and its interest), what stayed out of the grid, then each
 * session's notes.
 */
import type { Barcamp, Proposal } from '../../shared/barcamp/schema.js';
import type { Translate } from '../../shared/i18n/catalogue.js';
import type { Ctx } from './Report.js';

interface Cell {
  id: string;
  title: string;
  host: string;
  votes: number;
  room: number;
}

const cellOf = (p: Proposal, room: number, names: boolean): Cell => ({
  id: p.id,
  title: p.title,
  host: names ? p.hostName : '',
  votes: p.votes.length,
  room,
});

/** The grid's slots (each with its sessions by room) and the sessions that are in no slot. */
export function barcampRows(b: Barcamp, names: boolean) {
  const byId = new Map(b.proposals.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const grid = b.grid;
  const slots = (grid?.slots ?? []).map((slot, i) => {
    const row = grid!.cells[i] ?? [];
    const cells = row.map((id, room) => {
      const p = id === null ? undefined : byId.get(id);
      if (!p) return null;
      placed.add(p.id);
      return cellOf(p, room, names);
    });
    return {
      label: (t: Translate) => slot.label || t('barcamp.slot', { n: i + 1 }),
      cells,
      sessions: cells.filter((c): c is Cell => c !== null),
    };
  });
  const unscheduled = b.proposals.filter((p) => !placed.has(p.id)).map((p) => cellOf(p, -1, names));
  return { rooms: grid?.rooms ?? 0, slots, unscheduled };
}

export function BarcampSection({ c }: { c: Ctx }) {
  const { t, data } = c;
  if (!data.barcamp) return null;
  const { rooms, slots, unscheduled } = barcampRows(data.barcamp, c.namesShown);
  const session = (s: Cell) => (
    <>
      <strong>{s.title}</strong>
      {s.host && <span class="muted"> · {s.host}</span>}
      <span class="muted"> · {t('barcamp.votes', { n: s.votes })}</span>
    </>
  );
  return (
    <section aria-labelledby="r-barcamp" data-section="barcamp">
      <h2 id="r-barcamp">{t('barcamp.title')}</h2>
      {slots.length > 0 && (
        <table data-testid="barcamp-grid">
          <caption>{t('barcamp.grid')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('barcamp.col.slot')}</th>
              {Array.from({ length: rooms }, (_, i) => (
                <th key={i} scope="col">
                  {t('barcamp.room', { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot, i) => (
              <tr key={i}>
                <th scope="row">{slot.label(t)}</th>
                {slot.cells.map((cell, j) => (
                  <td key={j}>{cell ? session(cell) : ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unscheduled.length > 0 && (
        <>
          <h3>{t('barcamp.unscheduled')}</h3>
          <ul>
            {unscheduled.map((s) => (
              <li key={s.id}>{session(s)}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('barcamp.notes')}</h3>
      {data.barcamp.proposals.map((p) => (
        <article key={p.id} data-session={p.id}>
          <h4>{p.title}</h4>
          {p.notes.trim() ? <p class="notes">{p.notes}</p> : <p class="muted">{t('barcamp.noNotes')}</p>}
        </article>
      ))}
    </section>
  );
}
