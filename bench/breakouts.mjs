/**
 * npm run bench:breakouts — 200 simulated participants (socket.io-client, in a child process) are put
 * into 40 breakout rooms and reshuffled three times. Measured: from the moderator's command to the
 * acknowledgement of every participant whose room changed (medians over 3 cycles after a warm-up). Baseline in the same run: a bare Socket.IO
 * server that joins the same 200 sockets to the same rooms and broadcasts the same moves.
 * Loopback only, bounded in time. Ends with one RESULT line per scenario.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { createApp } from '../dist/server/server/app.js';
import { testConfig } from '../dist/server/server/config.js';
import { createLogger } from '../dist/server/server/logger.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 200);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 40);
const ROTATIONS = 3;
const TIME_LIMIT_MS = 170_000;

/** The bare baseline: the same room joins and the same broadcast, nothing else. */
function startBare() {
  const http = createServer();
  const io = new Server(http, { maxHttpBufferSize: 4 * 1024 * 1024 });
  const roomOf = new Map();
  io.on('connection', (socket) => {
    socket.on('hello', ({ id }, ack) => {
      void socket.join(['all', `p:${id}`, 'r:plenary']);
      roomOf.set(id, 'plenary');
      ack({ ok: true });
    });
    socket.on('open', ({ moves }, ack) => {
      for (const m of moves) {
        const own = io.in(`p:${m.participantId}`);
        own.socketsLeave(`r:${roomOf.get(m.participantId)}`);
        own.socketsJoin(`r:${m.roomId}`);
        roomOf.set(m.participantId, m.roomId);
      }
      io.to('all').emit('moved', { moves });
      ack({ ok: true });
    });
    socket.on('ack', ({ roomId }, ack) => {
      for (const room of socket.rooms) if (room.startsWith('r:') && room !== `r:${roomId}`) void socket.leave(room);
      void socket.join(`r:${roomId}`);
      ack({ ok: true, data: { roomId } });
    });
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => resolve({ io, http, url: `http://127.0.0.1:${http.address().port}` })),
  );
}

async function main() {
  const log = createLogger({ level: 'error', format: 'pretty' });
  const app = await createApp({ config: testConfig({ logLevel: 'error', rateLimitPerSecond: 1000 }), log });
  const port = await app.listen();
  const bare = await startBare();
  const child = fork(path.join(here, 'breakouts-clients.mjs'), [], {
    env: {
      ...process.env,
      OURS_URL: `http://127.0.0.1:${port}`,
      BARE_URL: bare.url,
      PARTICIPANTS: String(PARTICIPANTS),
      ROOMS: String(ROOMS),
      ROTATIONS: String(ROTATIONS),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const timer = setTimeout(() => {
    console.error(`bench:breakouts took longer than ${TIME_LIMIT_MS / 1000} s; stopping`);
    child.kill('SIGKILL');
  }, TIME_LIMIT_MS);
  const results = await new Promise((resolve, reject) => {
    child.on('message', (m) => m.type === 'results' && resolve(m.results));
    child.on('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  }).finally(() => clearTimeout(timer));
  child.kill();
  for (const r of results)
    console.log(
      `RESULT ${r.scenario} participants=${PARTICIPANTS} rooms=${ROOMS} ${r.extra ?? ''}ours_ms=${r.ours.toFixed(1)} bare_ms=${r.bare.toFixed(1)} ratio=${(r.ours / r.bare).toFixed(2)}`,
    );
  await new Promise((resolve) => bare.io.close(resolve));
  await app.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
