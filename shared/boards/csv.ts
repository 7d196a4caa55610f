import type { CardItem, Item } from './schema.js';

export interface CsvHeaders {
  text: string;
  author: string;
  cluster: string;
  dots: string;
}

/** One field, always quoted; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The cards of a board view as CSV: UTF-8 with a byte-order mark, comma-separated, every field
 * quoted, CRLF line ends (opens as-is in Excel, LibreOffice and Numbers). Hidden cards are left
 * out, anonymous cards have no author ([CARD5]). Sorted by cluster, then by dots.
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
  const lines = [
    [headers.text, headers.author, headers.cluster, headers.dots],
    ...rows.map((r) => [r.text, r.author, r.cluster, r.dots]),
  ];
  return `\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}
