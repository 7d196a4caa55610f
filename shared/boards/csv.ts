import { csvFile } from '../csv.js';
import type { CardItem, Item } from './schema.js';

export interface CsvHeaders {
  text: string;
  author: string;
  cluster: string;
  dots: string;
}

/**
 * The cards of a board view as CSV (shared/csv.ts). Hidden cards are left out, anonymous cards have no author ([CARD5]). Sorted by cluster, then by dots.
 */
export function cardsCsv(items: readonly Item[], dots: ReadonlyMap<string, number>, headers: CsvHeaders): string {
  const clusters = new Map(
    items.filter((i) => i.kind === 'cluster').map((c) => [c.id, c.kind === 'cluster' ? c.heading : '']),
  );
  const cards = items.filter((i): i is CardItem => i.kind === 'card' && !i.hidden);
  const rows = cards
    .map((c) => ({
      text: c.text,
      author: c.anonymous ? '' : c.authorName,
      cluster: (c.clusterId && clusters.get(c.clusterId)) || '',
      dots: dots.get(c.id) ?? 0,
    }))
    .sort((a, b) => a.cluster.localeCompare(b.cluster) || b.dots - a.dots || a.text.localeCompare(b.text));
  return csvFile([
    [headers.text, headers.author, headers.cluster, headers.dots],
    ...rows.map((r) => [r.text, r.author, r.cluster, r.dots]),
  ]);
}
