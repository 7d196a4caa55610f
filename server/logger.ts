import type { LogLevel } from './config.js';

type Fields = Record<string, unknown>;
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

/** One line per event: JSON in production, `time level msg key=value` while developing. */
export function createLogger(
  opts: { level: LogLevel; format: 'json' | 'pretty' },
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  bindings: Fields = {},
): Logger {
  const min = ORDER[opts.level];
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Fields) => {
    if (ORDER[level] < min) return;
    const all = { ...bindings, ...fields };
    if (opts.format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...all }, errorReplacer));
    } else {
      const rest = Object.entries(all)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v, errorReplacer)}`)
        .join(' ');
      write(`${new Date().toISOString().slice(11, 23)} ${level.padEnd(5)} ${msg}${rest ? ' ' + rest : ''}`);
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

function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
