/**
 * npm run bench:boards — board fan-out against a bare Socket.IO relay, and a late joiner.
 *
 * This process runs both servers on loopback (ours from dist/server, memory store; and a bare
 * relay that forwards each message to the room). A child process (boards-clients.mjs) runs the
 * simulated socket.io-clients: ROOMS rooms of CLIENTS clients, one drawer per room sending
 * OPS_PER_SECOND finished strokes. Bounded: a few seconds per scenario, well under 3 minutes.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';

const here = path.dirname(fileURLToPath(import.meta.url));
const { createApp } = await import(path.join(here, '../dist/server/server/app.js'));
const { testConfig } = await import(path.join(here, '../dist/server/server/config.js'));
const { createLogger } = await import(path.join(here, '../dist/server/server/logger.js'));

const settings = {
  rooms: Number(process.env.BENCH_ROOMS ?? 50),
  clients: Number(process.env.BENCH_CLIENTS ?? 20),
  opsPerSecond: Number(process.env.BENCH_OPS ?? 30),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  lateOps: Number(process.env.BENCH_LATE_OPS ?? 5000),
};

const app = await createApp({
  config: testConfig({ rateLimitPerSecond: 5000, logLevel: 'error' }),
  log: createLogger({ level: 'error', format: 'pretty' }),
});
const ourPort = await app.listen();

// The baseline: the least a Socket.IO server can do for the same traffic.
const relayHttp = createServer();
const relay = new Server(relayHttp, { maxHttpBufferSize: 4 * 1024 * 1024 });
let lateSnapshot = null;
relay.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    void socket.join(room);
    ack?.(true);
  });
  socket.on('op', (room, op, ack) => {
    socket.to(room).emit('op', op);
    ack?.({ ok: true });
  });
  socket.on('keep', (snapshot, ack) => {
    lateSnapshot = snapshot;
    ack?.(true);
  });
  socket.on('sync', (_since, ack) => ack?.({ ok: true, data: lateSnapshot }));
});
const relayPort = await new Promise((resolve) =>
  relayHttp.listen(0, '127.0.0.1', () => resolve(relayHttp.address().port)),
);

const child = fork(path.join(here, 'boards-clients.mjs'), [], { stdio: 'inherit' });
const deadline = setTimeout(() => {
  console.error('bench:boards took too long; stopping');
  child.kill('SIGKILL');
  process.exit(1);
}, 170_000);

const loadBefore = os.loadavg()[0];
child.send({ ours: `http://127.0.0.1:${ourPort}`, relay: `http://127.0.0.1:${relayPort}`, settings });
// CPU time this process (both servers) spends while each setup is measured.
const cpu = [0, 0];
let cpuMark = null;
const results = await new Promise((resolve, reject) => {
  child.on('message', (m) => {
    if ('phase' in m) {
      if (m.on) cpuMark = process.cpuUsage();
      else if (cpuMark) {
        const d = process.cpuUsage(cpuMark);
        cpu[m.phase] += (d.user + d.system) / 1000;
      }
      return;
    }
    return m.error ? reject(new Error(m.error)) : resolve(m);
  });
  child.on('exit', (code) => code && reject(new Error(`clients exited with ${code}`)));
});
clearTimeout(deadline);

const f = (n) => (Math.round(n * 100) / 100).toString();
const { fanout, late } = results;
console.log(
  `fan-out: ${settings.rooms} rooms x ${settings.clients} clients, ${settings.opsPerSecond} ops/s per room, ${settings.seconds} s each`,
);
const perOp = (k, r) => (cpu[k] * 1000) / Math.max(1, r.expected / (settings.clients - 1));
console.log(
  `  relay  p50=${f(fanout.relay.p50)} ms p95=${f(fanout.relay.p95)} ms delivered=${fanout.relay.delivered} expected=${fanout.relay.expected} server_cpu=${f(cpu[0])} ms (${f(perOp(0, fanout.relay))} µs/op)`,
);
console.log(
  `  boards p50=${f(fanout.ours.p50)} ms p95=${f(fanout.ours.p95)} ms delivered=${fanout.ours.delivered} expected=${fanout.ours.expected} server_cpu=${f(cpu[1])} ms (${f(perOp(1, fanout.ours))} µs/op)`,
);
console.log(
  `machine: ${os.cpus().length} cores, load average ${f(loadBefore)} before and ${f(os.loadavg()[0])} after (other work on the machine inflates both servers' figures)`,
);
console.log(
  `late joiner: board of ${late.ops} ops (${late.items} items, ${f(late.kbytes)} KB view), ${late.tries} tries, median`,
);
// ratio: p95 over every delivery of the run, ours / relay. round_median_ratio (median over rounds of ours / the
// relay's adjacent round) is printed too: it resists outside load but swings when both p95s are a few ms.
const roundRatios = fanout.ours.rounds.map((p, i) => p / fanout.relay.rounds[i]).sort((a, b) => a - b);
const medianRatio = roundRatios[Math.floor(roundRatios.length / 2)];
console.log(
  `  p95 per round (ms): relay ${fanout.relay.rounds.map(f).join(' ')} | boards ${fanout.ours.rounds.map(f).join(' ')}`,
);
console.log(
  `RESULT fanout rooms=${settings.rooms} clients=${settings.clients} ops_per_s=${settings.opsPerSecond} p95_ms=${f(fanout.ours.p95)} relay_p95_ms=${f(fanout.relay.p95)} p50_ms=${f(fanout.ours.p50)} relay_p50_ms=${f(fanout.relay.p50)} round_median_ratio=${f(medianRatio)} ratio=${f(fanout.ours.p95 / fanout.relay.p95)}`,
);
console.log(
  `RESULT fanout-cpu us_per_op=${f(perOp(1, fanout.ours))} relay_us_per_op=${f(perOp(0, fanout.relay))} ratio=${f(perOp(1, fanout.ours) / perOp(0, fanout.relay))}`,
);
console.log(
  `RESULT late-joiner ops=${late.ops} ms=${f(late.ours)} relay_ms=${f(late.relay)} target_ms=100 ratio=${f(late.ours / late.relay)}`,
);

child.kill();
await new Promise((resolve) => relay.close(() => resolve()));
await app.close();
process.exit(0);
