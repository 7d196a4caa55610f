/**
 * npm run bench:polls — 1,000 simulated voters (socket.io-client in a child process) vote within one second.
 * Measures the time from the first vote until every vote is acknowledged and every client holds the final
 * tally, for Jumelage and for a bare Socket.IO baseline in the same run; then the same on two nodes with
 * Redis. Loopback only; bounded (it gives up after 170 s). Needs `npm run build` first (the npm script does).
 *
 * Baselines: "bare" stores into a Map (two nodes: a Redis hash) and broadcasts the tally with the same
 * trailing 100 ms throttle as Jumelage; "bare-per-vote" (one node only) broadcasts after every vote.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { createApp } from '../dist/server/server/app.js';
import { testConfig } from '../dist/server/server/config.js';
import { RedisStore } from '../dist/server/server/store/redis-store.js';
import { PROTOCOL_VERSION } from '../dist/server/shared/protocol.js';
import { startRedis } from './lib.mjs';

const N = Number(process.env.BENCH_VOTERS ?? 1000);
const RETRY_EVERY = 20; // 5 % of voters send their vote twice
const here = path.dirname(fileURLToPath(import.meta.url));
const cleanups = [];
const guard = setTimeout(() => {
  console.error('bench: gave up after 170 s');
  void cleanup().finally(() => process.exit(1));
}, 170_000);

async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

const started = Date.now();
const progress = (text) => process.stderr.write(`bench: ${((Date.now() - started) / 1000).toFixed(1)} s ${text}\n`);

/** Runs the voters' child process against `urls` and returns its measurements. */
async function runVoters(opts) {
  progress(`${opts.mode}: ${N} voters connecting to ${opts.urls.length} node(s)`);
  const child = fork(
    path.join(here, 'polls-voters.mjs'),
    [JSON.stringify({ n: N, retryEvery: RETRY_EVERY, version: PROTOCOL_VERSION, ...opts })],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = () =>
    new Promise((resolve) =>
      child.exitCode !== null ? resolve() : (child.once('exit', resolve), process.kill(child.pid, 'SIGTERM')),
    );
  cleanups.push(stop);
  const next = (type) =>
    new Promise((resolve, reject) => {
      child.on('message', (m) => m.type === type && resolve(m));
      child.once('exit', (code) => reject(new Error(`voters exited (${code}) before "${type}"`)));
    });
  await next('ready');
  progress(`${opts.mode}: voting`);
  const result = next('result');
  child.send({ type: 'go' });
  const r = await result;
  child.send({ type: 'exit' });
  await exited;
  cleanups.splice(cleanups.indexOf(stop), 1);
  return r;
}

/** The bare baseline: a Map (or a Redis hash, for two nodes) and a tally broadcast. */
async function bareNode({ redisUrl, prefix, perVote }) {
  const http = createServer();
  const io = new Server(http);
  const key = `${prefix}votes`;
  let data = null;
  const clients = [];
  if (redisUrl) {
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    data = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect(), data.connect()]);
    io.adapter(createAdapter(pub, sub, { key: prefix }));
    clients.push(pub, sub, data);
  }
  const map = new Map();
  const tally = async () => {
    const all = data ? Object.values(await data.hGetAll(key)) : [...map.values()];
    const counts = {};
    for (const c of all) counts[c] = (counts[c] ?? 0) + 1;
    io.emit('tally', { voters: all.length, counts });
  };
  let timer = null;
  let last = -Infinity;
  const schedule = () => {
    if (perVote) return void tally();
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        last = Date.now();
        void tally();
      },
      Math.max(0, last + 100 - Date.now()),
    );
  };
  io.on('connection', (s) =>
    s.on('vote', async ({ pid, choice }, ack) => {
      if (data) await data.hSet(key, pid, choice);
      else map.set(pid, choice);
      ack({ ok: true });
      schedule();
    }),
  );
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${http.address().port}`,
    stored: async () => (data ? await data.hLen(key) : map.size),
    close: async () => {
      clearTimeout(timer);
      await new Promise((r) => io.close(() => r()));
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

async function bare(label, opts) {
  const nodes = [];
  for (let i = 0; i < (opts.nodes ?? 1); i++) nodes.push(await bareNode(opts));
  const r = await runVoters({ urls: nodes.map((n) => n.url), mode: 'bare' });
  const stored = await nodes[0].stored();
  await Promise.all(nodes.map((n) => n.close()));
  if (opts.redisUrl) await wipe(opts.redisUrl, opts.prefix);
  return { ...r, stored, label };
}

async function wipe(redisUrl, prefix) {
  const c = createClient({ url: redisUrl });
  await c.connect();
  const keys = [];
  for await (const batch of c.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length) await c.del(keys);
  await c.close();
}

async function ask(socket, event, payload) {
  const r = await socket.timeout(10_000).emitWithAck(event, payload);
  if (!r.ok) throw new Error(`${event}: ${r.code} ${r.message}`);
  return r.data;
}

/** Jumelage: real createApp() nodes (memory store, or Redis store + adapter), a moderator and a launched poll. */
async function ours(label, { redisUrl, prefix, nodes: count = 1 }) {
  const apps = [];
  const stores = [];
  for (let i = 0; i < count; i++) {
    const store = redisUrl ? await RedisStore.connect(redisUrl, { prefix }) : undefined;
    if (store) stores.push(store);
    const app = await createApp({
      config: testConfig({ redisUrl: redisUrl ?? null, logLevel: 'error' }),
      store,
      adapterKey: redisUrl ? prefix : undefined,
    });
    apps.push({ app, url: `http://127.0.0.1:${await app.listen()}` });
  }
  const mod = ioClient(apps[0].url, { transports: ['websocket'], forceNew: true });
  await new Promise((r) => mod.once('connect', r));
  const created = await ask(mod, 'workshop:create', { title: 'Bench', languages: ['de', 'fr'] });
  const me = await ask(mod, 'workshop:join', {
    v: PROTOCOL_VERSION,
    code: created.workshop.code,
    name: 'Mia',
    town: 'Chemnitz',
    moderatorKey: created.moderatorKey,
  });
  const poll = await ask(mod, 'poll:create', { question: 'Oui ou non ?', kind: 'yesno' });
  await ask(mod, 'poll:launch', { pollId: poll.id });
  const r = await runVoters({
    urls: apps.map((a) => a.url),
    mode: 'ours',
    code: created.workshop.code,
    pollId: poll.id,
  });
  const { votes, rev } = await apps[0].app.store.polls.pollVotes(me.workshop.id, poll.id);
  mod.disconnect();
  await Promise.all(apps.map((a) => a.app.close()));
  await Promise.all(stores.map((s) => s.close()));
  if (redisUrl) await wipe(redisUrl, prefix);
  return { ...r, stored: votes.size, rev, label };
}

const ms = (x) => (Number.isFinite(x) ? Math.round(x) : 'never');
function report(scenario, o, b, extra = '') {
  const lost = o.failed + (N - o.stored);
  const duplicate = Math.max(0, o.stored - N) + o.overCount;
  const baseLost = b.failed + (N - b.stored);
  console.log(
    `RESULT ${scenario} voters=${N} total_ms=${ms(o.total)} last_ack_ms=${ms(o.lastAck)} last_tally_ms=${ms(o.lastTally)} ack_p50_ms=${o.ackP50} ack_p99_ms=${o.ackP99} ` +
      `tail_ms=${ms(o.total - o.lastSend)} lost=${lost} duplicate=${duplicate} missing_tally=${o.missingTally} ` +
      `base_total_ms=${ms(b.total)} base_tail_ms=${ms(b.total - b.lastSend)} base_lost=${baseLost}${extra} ratio=${(o.total / b.total).toFixed(2)}`,
  );
}

try {
  const redisUrl = await startRedis(cleanups);
  const tag = `bench:polls:${process.pid}:`;
  const baseOne = await bare('bare', {});
  const perVote = await bare('bare-per-vote', { perVote: true });
  const oursOne = await ours('jumelage', {});
  report(
    'single-node',
    oursOne,
    baseOne,
    ` per_vote_base_total_ms=${ms(perVote.total)} per_vote_ratio=${(oursOne.total / perVote.total).toFixed(2)}`,
  );
  const baseTwo = await bare('bare-redis', { redisUrl, prefix: `${tag}bare:`, nodes: 2 });
  const oursTwo = await ours('jumelage-redis', { redisUrl, prefix: `${tag}ours:`, nodes: 2 });
  report('two-nodes-redis', oursTwo, baseTwo);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(guard);
}
