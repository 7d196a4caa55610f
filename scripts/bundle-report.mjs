// `npm run build` runs this after `vite build`: what each kind of visitor downloads before the workshop
// page is usable (gzipped, summed over the files each needs), read from Vite's manifest by following the
// static imports of the entry and of the lazy chunks each visitor triggers. It also checks what must never
// ship: zod in any client chunk, simple-peer outside the media chunks. A failed check fails the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CLIENT_DIR = 'dist/client';

/**
 * The lazy boundaries (dynamic imports, as manifest keys: paths under client/), by who triggers them.
 * A new `import()` in the client goes into one of these groups, or the report fails and says so.
 */
export const LAZY = {
  /** Only people who join with media: the join page's device check and the workshop's media plane. */
  media: ['media/DeviceCheck.tsx', 'media/MediaArea.tsx', 'media/state.ts'],
  /** Only moderators. */
  moderator: [
    'breakouts/BreakoutPanel.tsx',
    'polls/PollEditor.tsx',
    'boards/BoardControls.tsx',
    'workshops/ModeratorPanel.tsx',
    'speaking/SpeakingModerator.tsx',
    'truths/TruthsModerator.tsx',
    'fishbowl/FishbowlModerator.tsx',
    'market/MarketModerator.tsx',
    'barcamp/BarcampModerator.tsx',
    'agenda/AgendaPanel.tsx',
  ],
  /** Whoever takes part in these formats (moderators load the first two with their set-up in the Run sheet tab). */
  formats: [
    'truths/TruthsPanel.tsx',
    'fishbowl/FishbowlPanel.tsx',
    'market/MarketPanel.tsx',
    'barcamp/BarcampPanel.tsx',
    'breakouts/NestedStage.tsx',
  ],
  /** Whoever opens the results report (from the run sheet, or after the end). */
  report: ['report/ReportDialog.tsx'],
  /** Whoever opens the gallery walk: the boards with their comments and reactions. */
  gallery: ['boards/GalleryGrid.tsx'],
  /** Everyone, once the board is on screen (the page is usable before: cards, polls, chat do not wait). */
  board: ['boards/BoardSurface.tsx', 'boards/Gallery.tsx'],
  /** One of them: the interface language (English too is a chunk of its own). */
  locales: [
    '../shared/i18n/locales/en.ts',
    '../shared/i18n/locales/de.ts',
    '../shared/i18n/locales/fr.ts',
    '../shared/i18n/locales/pl.ts',
    '../shared/i18n/locales/nl.ts',
    '../shared/i18n/locales/it.ts',
  ],
};

/** What must not be in any client chunk (matched against the sources of each chunk's source map). */
const NEVER = [{ name: 'zod', test: (s) => s.includes('node_modules/zod/') }];
const SIMPLE_PEER = (s) => s.includes('node_modules/simple-peer/');

export function readManifest(dir = CLIENT_DIR) {
  return JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));
}

export function entryKey(manifest) {
  const key = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!key) throw new Error('no entry in the Vite manifest');
  return key;
}

/** Every file (JS and CSS) loaded with these manifest keys: each chunk and what it imports statically. */
export function filesOf(manifest, keys) {
  const seen = new Set();
  const files = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return files;
}

/** The files only this group brings: not loaded by the entry or by any other lazy boundary. */
export function exclusiveFiles(manifest, group) {
  const others = Object.entries(LAZY)
    .filter(([name]) => name !== group)
    .flatMap(([, keys]) => keys);
  const shared = filesOf(manifest, [entryKey(manifest), ...others]);
  return [...filesOf(manifest, LAZY[group])].filter((f) => !shared.has(f));
}

function sourcesOf(dir, file) {
  const map = join(dir, `${file}.map`);
  return existsSync(map) ? JSON.parse(readFileSync(map, 'utf8')).sources : [];
}

function report(dir = CLIENT_DIR) {
  const manifest = readManifest(dir);
  const entry = entryKey(manifest);
  const problems = [];

  const lazy = Object.values(LAZY).flat();
  for (const key of lazy) {
    const chunk = manifest[key];
    if (!chunk?.isDynamicEntry)
      problems.push(`${key} is no longer a chunk of its own (imported statically somewhere?)`);
  }
  const dynamic = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
  for (const key of dynamic.filter((k) => !lazy.includes(k)))
    problems.push(`${key} is a lazy chunk no visitor is counted for: add it to LAZY in scripts/bundle-report.mjs`);
  if (problems.length) return problems;

  const gz = new Map();
  const size = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dir, file))).length);
    return gz.get(file);
  };
  const html = size('index.html');
  const total = (files) => html + [...files].reduce((n, f) => n + size(f), 0);
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

  // The largest language chunk stands for everyone (each visitor loads exactly one).
  const locale = LAZY.locales.reduce((a, b) => (total(filesOf(manifest, [b])) > total(filesOf(manifest, [a])) ? b : a));
  const language = locale.replace(/^.*\/|\.ts$/g, '');
  const visitors = [
    { who: 'participant on a phone, without media', keys: [] },
    { who: 'participant with media', keys: LAZY.media },
    { who: 'moderator (with media)', keys: [...LAZY.media, ...LAZY.moderator] },
  ];
  // Checked with the board shown, the stricter figure.
  const phone = filesOf(manifest, [entry, locale, ...LAZY.board]);

  const rows = visitors.map(({ who, keys }) => {
    const usable = filesOf(manifest, [entry, locale, ...keys]);
    const withBoard = filesOf(manifest, [entry, locale, ...keys, ...LAZY.board]);
    return [who, kB(total(usable)), kB(total(withBoard)), String(usable.size + 1)];
  });
  const head = ['visitor', 'page usable', '+ board shown', 'files'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\nWhat each visitor downloads before the workshop page is usable (gzipped; HTML, JS, CSS; in ${language}):`,
  );
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const lazySizes = Object.keys(LAZY).map((name) => {
    const only = exclusiveFiles(manifest, name);
    return `${name} ${kB(only.reduce((n, f) => n + size(f), 0))}`;
  });
  console.log(`Lazy parts (their own files only): ${lazySizes.join(', ')}.`);

  const TARGET = 120_000;
  const phoneTotal = total(phone);
  console.log(`Target for a phone without media: <= ${kB(TARGET)}; with the board shown it is ${kB(phoneTotal)}.`);
  if (phoneTotal > TARGET) problems.push(`a phone without media downloads ${kB(phoneTotal)}, more than ${kB(TARGET)}`);

  const allFiles = Object.values(manifest).map((c) => c.file);
  const media = new Set(exclusiveFiles(manifest, 'media'));
  for (const file of new Set(allFiles)) {
    const sources = sourcesOf(dir, file);
    for (const never of NEVER)
      if (sources.some(never.test)) problems.push(`${never.name} is in the client chunk ${file}`);
    if (sources.some(SIMPLE_PEER) && !media.has(file))
      problems.push(`simple-peer is outside the media chunks: ${file}`);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = report(process.argv[2] ?? CLIENT_DIR);
  for (const p of problems) console.error(`bundle-report: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
