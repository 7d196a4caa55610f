/** What a hostile client can make the server log: bounded, escaped, and sampled. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  closeAllClients,
  closeClient,
  connectClient,
  requestRaw,
  startServer,
  type TestServer,
} from '../../test/server-harness.js';
import { workshopWith } from '../../test/workshop-helpers.js';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';

let server: TestServer | undefined;
afterEach(async () => {
  closeAllClients();
  await server?.close();
  server = undefined;
});

/** A server logging at info in the pretty format (the one a forged line would fool) into `lines`. */
async function loggedServer(config: Partial<Config> = {}) {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', format: 'pretty' }, (line) => lines.push(line));
  server = await startServer({ log, config });
  return { server, lines };
}

describe('logs under attack', () => {
  test('[LOG1] an unknown event named with a newline cannot forge a log line; a 400 kB name is not logged whole', async () => {
    const { server, lines } = await loggedServer();
    const [one, other] = await Promise.all([connectClient(server.url), connectClient(server.url)]);
    const forged = 'poll:x\n12:00:00.000 error   admin password reset by=mia';
    expect(await requestRaw(one, forged, {})).toMatchObject({ ok: false, code: 'unknown_event' });
    const ack = await requestRaw(other, `x${'A'.repeat(400 * 1024)}`, {});
    expect(ack).toMatchObject({ ok: false, code: 'unknown_event' });
    expect(ack.ok === false && ack.message.length).toBeLessThan(200);
    const written = lines.join('\n');
    expect(written.split('\n')).toHaveLength(lines.length);
    expect(written).not.toMatch(/^12:00:00.000 error/m);
    expect(lines.filter((l) => l.includes('code=unknown_event'))).toHaveLength(2);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(3000);
  });

  test('[LOG4] a flood of refusals logs one line per kind and then a count, not one line each', async () => {
    const { server, lines } = await loggedServer({ rateLimitPerSecond: 5 });
    const socket = await connectClient(server.url);
    const acks = await Promise.all(Array.from({ length: 300 }, (_, i) => requestRaw(socket, `flood:${i}`, {})));
    const limited = acks.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(limited).toBeGreaterThan(250);
    const refusals = () => lines.filter((l) => l.includes('refused'));
    expect(refusals().filter((l) => l.includes('code=rate_limited'))).toHaveLength(1);
    expect(refusals().filter((l) => l.includes('code=unknown_event'))).toHaveLength(1);
    closeClient(socket);
    await vi.waitFor(() => expect(refusals().join('\n')).toContain(`code=rate_limited count=${limited - 1}`));
    expect(refusals().length).toBeLessThanOrEqual(4);
  });

  test('[LOG4] refusals of members are sampled per connection: one flooding member does not hide another', async () => {
    const { server, lines } = await loggedServer({ rateLimitPerSecond: 5 });
    const { people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people.map((p) => p.socket) as [(typeof people)[0]['socket'], (typeof people)[0]['socket']];
    await Promise.all(Array.from({ length: 100 }, () => requestRaw(ana, 'chat:send', { text: 42 })));
    await requestRaw(ben, 'chat:send', { text: 42 });
    const invalid = lines.filter((l) => l.includes('command refused') && l.includes('code=invalid_payload'));
    expect(invalid.map((l) => l.includes(`socket=${ben.id}`))).toEqual([false, true]);
  });
});
