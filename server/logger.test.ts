import { describe, expect, test } from 'vitest';
import { createLogger, MAX_LOG_ENTRY, MAX_LOG_VALUE } from './logger.js';

function capture(format: 'json' | 'pretty') {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', format }, (line) => lines.push(line)) };
}

describe('logger', () => {
  test.each(['pretty', 'json'] as const)('[LOG1] (%s) a newline in a value cannot write a second line', (format) => {
    const { lines, log } = capture(format);
    log.info('unknown event', { event: 'x\n12:00:00.000 error admin password reset', other: 'a\r\u2028b' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\n\r\u2028]/);
    expect(lines[0]).toContain('12:00:00.000 error admin password reset');
  });

  test('[LOG1] (pretty) a value with spaces or an equals sign cannot pass for another field', () => {
    const { lines, log } = capture('pretty');
    log.info('command refused', { event: 'x code=internal', message: 'two words' });
    expect(lines[0]).toMatch(/ command refused event="x code=internal" message="two words"$/);
  });

  test.each(['pretty', 'json'] as const)('[LOG2] (%s) a 4 MB value is cut to a bounded line', (format) => {
    const { lines, log } = capture(format);
    const huge = 'A'.repeat(4 * 1024 * 1024);
    log.info('unknown event', { event: huge, nested: { deeper: { list: Array(1000).fill(huge) } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(MAX_LOG_ENTRY + 2000);
    expect(lines[0]).toContain(`[+${huge.length - MAX_LOG_VALUE} chars]`);
  });

  test('[LOG3] terminal control characters and bidi overrides are escaped', () => {
    const { lines, log } = capture('pretty');
    log.warn('x', { name: 'Anna\u202Egnp.exe\u001b[2J\u009b' });
    expect(lines[0]).toContain('Anna\\u202egnp.exe\\u001b[2J\\u009b');
    const json = capture('json');
    json.log.warn('x', { name: 'Anna\u202Egnp.exe\u009b' });
    expect(JSON.parse(json.lines[0]!).name).toBe('Anna\u202Egnp.exe\u009b');
    expect(json.lines[0]).not.toMatch(/[\u202e\u009b]/);
  });

  test('errors keep their stack; undefined fields are left out', () => {
    const { lines, log } = capture('json');
    log.error('command failed', { err: new Error('boom'), workshop: undefined });
    const entry = JSON.parse(lines[0]!);
    expect(entry.err).toMatchObject({ name: 'Error', message: 'boom', stack: expect.stringContaining('logger.test') });
    expect(entry).not.toHaveProperty('workshop');
  });
});
