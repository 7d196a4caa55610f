/**
 * One server node of bench/storm.mjs, in its own process so its CPU can be measured alone: either the
 * built Jumelage app (Redis store + Redis adapter) or the bare baseline (Socket.IO + the same Redis
 * adapter, one handler that joins a few rooms and acknowledges). Talks to the parent over IPC:
 * `ready {url}`, then answers `cpu` with process.cpuUsage() and stops on `exit`.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { createApp } from '../dist/server/server/app.js';
import { testConfig } from '../dist/server/server/config.js';
import { createLogger } from '../dist/server/server/logger.js';

const { mode, redisUrl, prefix } = JSON.parse(process.argv[2]);

async function ours() {
  const config = testConfig({
    redisUrl,
    logLevel: 'error',
    rateLimitPerSecond: 1000,
    // The storm is over long before anyone would count as gone.
    presenceGraceMs: 300_000,
  });
  const app = await createApp({ config, log: createLogger({ level: 'error', format: 'pretty' }), adapterKey: prefix });
  const port = await app.listen();
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
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
    close: async () => {
      await new Promise((r) => io.close(() => r()));
      await Promise.all([pub.close(), sub.close()]).catch(() => {});
    },
  };
}

const node = await (mode === 'ours' ? ours() : bare());
process.on('message', async (m) => {
  if (m.type === 'cpu') process.send({ type: 'cpu', id: m.id, usage: process.cpuUsage() });
  if (m.type === 'exit') {
    await node.close().catch(() => {});
    process.exit(0);
  }
});
process.send({ type: 'ready', url: node.url });
