import type { LogLevel } from './config.js';

type Fields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Longest string value written; longer ones (an event name may be megabytes) are cut and marked. */
export const MAX_LOG_VALUE = 200;
/** All string values of one entry together (a flood of big fields stays a bounded line). */
export const MAX_LOG_ENTRY = 2000;
/** Stacks are worth more room than other values. */
const MAX_LOG_STACK = 4000;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

/**
 * One line per event: JSON in production, `time level msg key=value` while developing. Values may come
 * from clients: they are cut to a bounded size and escaped, so no value can add a line or be mistaken
 * for another field.
 */
export function createLogger(
  opts: { level: LogLevel; format: 'json' | 'pretty' },
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  bindings: Fields = {},
): Logger {
  const min = ORDER[opts.level];
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Fields) => {
    if (ORDER[level] < min) return;
    const all = bounded({ ...bindings, ...fields }, 0, '') as Fields;
    if (opts.format === 'json') {
      write(escapeControls(JSON.stringify({ time: new Date().toISOString(), level, msg, ...all })));
    } else {
      const rest = Object.entries(all)
        .filter(([, v]) => v !== undefined)
        .map(
          ([k, v]) => `${prettyText(k)}=${typeof v === 'string' ? prettyText(v) : escapeControls(JSON.stringify(v))}`,
        )
        .join(' ');
      write(
        `${new Date().toISOString().slice(11, 23)} ${level.padEnd(5)} ${escapeControls(msg)}${rest ? ` ${rest}` : ''}`,
      );
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (b) => createLogger(opts, write, { ...bindings, ...b }),
  };
}

/**
 * A copy of `value` of bounded size: long strings cut, deep or wide structures shortened, errors as plain
 * objects, and all strings of one entry together within MAX_LOG_ENTRY characters (stacks apart).
 */
function bounded(value: unknown, depth: number, key: string, budget = { left: MAX_LOG_ENTRY }): unknown {
  if (typeof value === 'string') {
    if (key === 'stack') return clip(value, MAX_LOG_STACK);
    const kept = clip(value, Math.max(0, Math.min(MAX_LOG_VALUE, budget.left)));
    budget.left -= Math.min(value.length, MAX_LOG_VALUE);
    return kept;
  }
  if (value instanceof Error) value = { name: value.name, message: value.message, stack: value.stack };
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH || budget.left <= 0) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => bounded(v, depth + 1, '', budget));
    return value.length > MAX_ITEMS ? [...items, `[+${value.length - MAX_ITEMS} more]`] : items;
  }
  const entries = Object.entries(value);
  const kept = entries.slice(0, MAX_ITEMS).map(([k, v]) => [clip(k, MAX_LOG_VALUE), bounded(v, depth + 1, k, budget)]);
  if (entries.length > MAX_ITEMS) kept.push(['…', `+${entries.length - MAX_ITEMS} more`]);
  return Object.fromEntries(kept);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…[+${text.length - max} chars]` : text;
}

/** Characters that could end a line, move the cursor or reorder text on a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Plain words stay as they are; anything else is quoted (with JSON's escapes) so it reads as one value. */
function prettyText(text: string): string {
  return /^[\w.:/@+\-[\]…]*$/.test(text) ? text : escapeControls(JSON.stringify(text));
}
