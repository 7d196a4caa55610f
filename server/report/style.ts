/**
 * The report's one stylesheet, inline so that the downloaded file is complete by itself. The app's
 * Content-Security-Policy allows exactly this text by its hash (the report shows inside the app too).
 * No `<` in here: the text goes into the page as it is.
 */
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #4a5261; --line: #d5d9e0; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: var(--ink); background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
p { margin: .35rem 0; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: start; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { font-weight: 600; background: #f3f5f8; overflow-wrap: normal; }
td.num, th.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.bar { width: 30%; }
td.bar svg { display: block; width: 100%; height: .9rem; }
figure { margin: .5rem 0 1rem; border: 1px solid var(--line); border-radius: 8px; padding: .5rem; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
ol.cards { padding-inline-start: 1.5rem; }
ol.cards li { margin: .25rem 0; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: .85rem; color: var(--muted); margin-inline-start: .5rem; }
.right { font-weight: 600; }
ul.cloud { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .9rem; align-items: baseline; }
ul.cloud .w1 { font-size: .95rem; } ul.cloud .w2 { font-size: 1.15rem; } ul.cloud .w3 { font-size: 1.4rem; }
ul.cloud .w4 { font-size: 1.7rem; font-weight: 600; } ul.cloud .w5 { font-size: 2.1rem; font-weight: 700; }
dl.sheet { margin: 0; }
dl.sheet > div { display: grid; grid-template-columns: minmax(9rem, 32%) 1fr; gap: .75rem; padding: .4rem 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
dl.sheet dt { font-weight: 600; }
dl.sheet dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
p.notes { white-space: pre-line; overflow-wrap: anywhere; }
footer { margin-top: 3rem; font-size: .9rem; color: var(--muted); }
@media (max-width: 30rem) {
  body { font-size: 15px; }
  main { padding: 1rem .6rem 2rem; }
  th, td { padding: .3rem .25rem; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  tr, li, figure { break-inside: avoid; }
  @page { size: A4; margin: 16mm; }
}
`;

const source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The CSP sources that allow the stylesheet above and nothing else inline: its hash, and the one style
 * attribute the board's drawing code writes (a card author's name isolated from the text's direction).
 */
export const REPORT_STYLE_SOURCES = [source(REPORT_CSS), "'unsafe-hashes'", source('unicode-bidi: isolate')];
