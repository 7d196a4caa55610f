/**
 * The simulated voters of bench/polls.mjs, in their own process: N socket.io-client connections that
 * (for Jumelage) join the workshop, then all vote within one second. Reports to the parent over IPC.
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const cfg = JSON.parse(process.argv[2]);
const { urls, n, mode, code, pollId, version, retryEvery } = cfg;
const CHOICES = ['yes', 'no', 'abstain'];
const clients = [];

function connect(url) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function prepare(i) {
  const s = await connect(urls[i % urls.length]);
  const c = { s, sentAt: 0, ackAt: 0, ok: false, finalAt: 0, maxSeen: 0 };
  if (mode === 'ours') {
    const r = await s.timeout(60_000).emitWithAck('workshop:join', {
      v: version,
      code,
      name: `Voter ${i}`,
      town: ['Kamen', 'Wołów', 'Ville-sur-Mer'][i % 3],
      media: false,
    });
    if (!r.ok) throw new Error(`join failed: ${r.code} ${r.message}`);
    s.on('poll:tallied', (t) => {
      if (t.pollId !== pollId) return;
      c.maxSeen = Math.max(c.maxSeen, t.total.voters);
      if (t.total.voters === n && !c.finalAt) c.finalAt = performance.now();
    });
  } else {
    s.on('tally', (t) => {
      c.maxSeen = Math.max(c.maxSeen, t.voters);
      if (t.voters === n && !c.finalAt) c.finalAt = performance.now();
    });
  }
  clients[i] = c;
}

function send(c, i) {
  const choice = CHOICES[i % 3];
  const emit = () =>
    mode === 'ours'
      ? c.s.timeout(30_000).emitWithAck('poll:vote', { pollId, choices: [choice] })
      : c.s.timeout(30_000).emitWithAck('vote', { pid: `p${i}`, choice });
  c.sentAt = performance.now();
  emit()
    .then((r) => {
      c.ackAt = performance.now();
      c.ok = r.ok === true;
      // Some voters send the same vote again (a retry after a flaky link): it must not count twice.
      if (retryEvery && i % retryEvery === 0) return emit();
    })
    .catch(() => {
      c.ackAt = performance.now();
    });
}

async function run() {
  const t0 = performance.now();
  clients.forEach((c, i) => setTimeout(() => send(c, i), (i * 1000) / n));
  const deadline = t0 + 30_000;
  while (performance.now() < deadline) {
    if (clients.every((c) => c.ackAt && c.finalAt)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const lastSend = Math.max(...clients.map((c) => c.sentAt)) - t0;
  const lastAck = Math.max(...clients.map((c) => c.ackAt || Infinity)) - t0;
  const lastTally = Math.max(...clients.map((c) => c.finalAt || Infinity)) - t0;
  const acks = clients.map((c) => c.ackAt - c.sentAt).sort((a, b) => a - b);
  process.send({
    type: 'result',
    lastSend,
    lastAck,
    lastTally,
    total: Math.max(lastAck, lastTally),
    ackP50: Math.round(acks[Math.floor(acks.length / 2)] * 10) / 10,
    ackP99: Math.round(acks[Math.floor(acks.length * 0.99)] * 10) / 10,
    failed: clients.filter((c) => !c.ok).length,
    missingTally: clients.filter((c) => !c.finalAt).length,
    overCount: clients.filter((c) => c.maxSeen > n).length,
  });
}

// The bench stopped (or was killed): do not linger.
process.on('disconnect', () => process.exit(1));
process.on('message', (m) => {
  if (m.type === 'go') void run();
  if (m.type === 'exit') {
    for (const c of clients) c?.s.disconnect();
    process.exit(0);
  }
});

for (let i = 0; i < n; i += 50)
  await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => prepare(i + j)));
process.send({ type: 'ready' });
