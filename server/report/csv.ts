/** The results report's data as one CSV file (shared/csv.ts): one row per step, person, card, answer and score. */
import { stepNameWith } from '../../shared/agenda/names.js';
import { csvFile, type CsvCell } from '../../shared/csv.js';
import { translator, type MessageKey } from '../../shared/i18n/catalogue.js';
import type { UiLocale } from '../../shared/languages.js';
import type { ReportData } from './collect.js';
import { barcampRows } from './BarcampSection.js';
import { hashtagRows } from './HashtagsSection.js';
import { marketRows } from './MarketSection.js';
import { boardName, byTown, clockOf, namesShown, pollRows, programmeRows, rankedCards } from './Report.js';

export function reportCsv(data: ReportData, locale: UiLocale, timeZone: string): string {
  const t = translator(locale);
  const { time } = clockOf(locale, timeZone);
  const names = namesShown(data);
  const rows: CsvCell[][] = [
    ['section', 'title', 'item', 'group', 'value', 'detail'].map((c) => t(`report.csv.${c}` as MessageKey)),
  ];
  const programme = programmeRows(data);
  for (const r of programme?.rows ?? [])
    rows.push([
      t('report.programme'),
      stepNameWith(t, r.step),
      t(`report.status.${r.status}`),
      r.startedAt === null ? '' : time(r.startedAt),
      r.took ?? '',
      t('report.minutes', { n: r.step.durationMin }),
    ]);
  for (const town of byTown(data.people)) {
    const label = town.town || t('report.noTown');
    if (names) for (const name of town.names) rows.push([t('report.people'), label, name, '', 1, '']);
    else rows.push([t('report.people'), label, '', '', town.count, '']);
  }
  for (const board of data.boards) {
    const name = boardName(board, data, locale);
    for (const card of rankedCards(board).shown)
      rows.push([t('report.boards'), name, card.text, card.cluster, card.dots, names ? card.author : '']);
    for (const r of board.reactions)
      rows.push([t('report.reactions'), name, t(`gallery.reaction.${r.reaction}`), '', r.count, '']);
    for (const c of board.comments) rows.push([t('report.comments'), name, c.text, c.town, '', names ? c.name : '']);
  }
  for (const p of data.polls) {
    const kind = t(`polls.kind.${p.poll.kind}` as MessageKey);
    for (const r of pollRows(p, t)) rows.push([t('report.polls'), p.poll.question, r.label, kind, r.count, r.share]);
    if (p.poll.kind === 'text')
      for (const w of p.tally.total.words) rows.push([t('report.polls'), p.poll.question, w.word, kind, w.count, '']);
  }
  for (const board of data.leaderboards) {
    const title = t('report.quiz', { series: board.series });
    for (const x of board.towns) rows.push([t('report.byTown'), title, x.town, '', x.points, '']);
    if (names) for (const x of board.people) rows.push([t('report.byPerson'), title, x.name, x.town, x.points, '']);
  }
  for (const r of hashtagRows(data, names))
    rows.push([t('truths.tags.title'), '', r.tags, r.town || t('report.noTown'), '', r.name]);
  if (data.market) {
    const section = t('market.title');
    for (const r of marketRows(data.market, names)) {
      for (const s of r.signups) rows.push([section, r.stall.title, s.name, s.town, '', s.offer]);
      rows.push([section, r.stall.title, t('market.notes'), '', r.signups.length, r.stall.notes]);
      if (r.contact) rows.push([section, r.stall.title, t('market.col.contact'), '', '', r.contact]);
    }
  }
  if (data.barcamp) {
    const section = t('barcamp.title');
    const { slots, unscheduled } = barcampRows(data.barcamp, names);
    for (const slot of slots)
      for (const s of slot.sessions)
        rows.push([section, slot.label(t), s.title, t('barcamp.room', { n: s.room + 1 }), s.votes, s.host]);
    for (const s of unscheduled) rows.push([section, t('barcamp.unscheduled'), s.title, '', s.votes, s.host]);
    for (const s of data.barcamp.proposals)
      if (s.notes.trim()) rows.push([section, s.title, t('barcamp.notes'), '', '', s.notes]);
  }
  return csvFile(rows);
}
