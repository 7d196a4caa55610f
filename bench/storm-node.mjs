/**
 * One server node of bench/storm.mjs, in its own process so its CPU can be measured alone: either the
 * built Jumelage app (Redis store + Redis adapter; also bench/soak.mjs) or the bare baseline (Socket.IO + the same Redis
 * adapter, one handler that joins a few rooms and acknowledges). Talks to the parent over IPC:
 * `ready {url}`, then answers `cpu` with process.cpuUsage(), `stats` with heap, RSS, Socket.IO rooms and
 * sockets, and stops on `exit`.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { createApp } from '../dist/server/server/app.js';
import { PRESENCE_DROP_DELAY_DEFAULT_MS, testConfig } from '../dist/server/server/config.js';
import { createLogger } from '../dist/server/server/logger.js';

const { mode, redisUrl, prefix, graceMs } = JSON.parse(process.argv[2]);

async function ours() {
  const config = testConfig({
    redisUrl,
    logLevel: 'error',
    rateLimitPerSecond: 1000,
    // The storm is over long before anyone would count as gone.
    presenceGraceMs: graceMs ?? 300_000,
    // [WS32] As deployed (the tests' config records a drop at once): PRESENCE_DROP_DELAY_MS, or its default.
    presenceDropDelayMs: Number(process.env.PRESENCE_DROP_DELAY_MS ?? PRESENCE_DROP_DELAY_DEFAULT_MS),
  });
  const app = await createApp({ config, log: createLogger({ level: 'error', format: 'pretty' }), adapterKey: prefix });
  const port = await app.listen();
  return { url: `http://127.0.0.1:${port}`, io: app.io, close: () => app.close() };
}

/** The baseline: what any Socket.IO app does on a reconnect (join the person's rooms) and one ack. */
async function bare() {
  const http = createServer();
  const io = new Server(http);
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: prefix }));
  io.on('connection', (socket) => {
    const hello = async ({ id }, ack) => {
      await socket.join(['all', `p:${id}`, 'r:plenary']);
      ack({ ok: true, data: { id } });
    };
    socket.on('hello', hello);
    socket.on('resume', hello);
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${http.address().port}`,
    io,
    close: async () => {
      await new Promise((r) => io.close(() => r()));
      await Promise.all([pub.close(), sub.close()]).catch(() => {});
    },
  };
}

const node = await (mode === 'bare' ? bare() : ours());
/** STORM_PROFILE=<dir>: a CPU profile of the storm only (from the first `cpu` question to the second). */
let profiling = null;
async function profile() {
  const dir = process.env.STORM_PROFILE;
  if (!dir) return;
  const { Session } = await import('node:inspector/promises');
  if (!profiling) {
    profiling = new Session();
    profiling.connect();
    await profiling.post('Profiler.enable');
    await profiling.post('Profiler.start');
    return;
  }
  const { profile: p } = await profiling.post('Profiler.stop');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dir}/storm-${mode}-${process.pid}.cpuprofile`, JSON.stringify(p));
}
process.on('message', async (m) => {
  if (m.type === 'cpu') {
    await profile();
    process.send({ type: 'cpu', id: m.id, usage: process.cpuUsage() });
  }
  if (m.type === 'stats') {
    globalThis.gc?.(); // with --expose-gc (bench/soak.mjs): the heap that is still referenced
    const { heapUsed, rss } = process.memoryUsage();
    const rooms = node.io.of('/').adapter.rooms;
    process.send({ type: 'stats', heap: heapUsed, rss, rooms: rooms.size, sockets: node.io.of('/').sockets.size });
  }
  if (m.type === 'exit') {
    await node.close().catch(() => {});
    process.exit(0);
  }
});
process.send({ type: 'ready', url: node.url });
