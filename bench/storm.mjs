/**
 * npm run bench:storm — a reconnect storm: N clients (STORM_CLIENTS, default 1,000; socket.io-client in
 * child processes) on two nodes with Redis, all in one workshop, lose their connection at the same moment
 * (a network blip: every client's transport is closed at once, so both servers see every connection go)
 * and come back through Socket.IO's own reconnection (the browser's delays), resuming with their token.
 *
 * Measured: how many resumed as themselves (same participant id), p50/p95/max from the drop to the
 * resume's ack, duplicates in the participant list afterwards, whether the lists kept by a few clients
 * (as the page keeps them) agree with the server's, the CPU of the two node processes, of Redis and of the clients, and
 * participant changes and messages each client received after the drop. Baseline in the same run: a bare Socket.IO server (two nodes,
 * the same Redis adapter) where the same number of clients reconnect and do one ack round trip.
 * Loopback only; bounded in time. Ends with one RESULT line per scenario. Needs `npm run build` (the npm script does).
 * STORM_PROFILE=<dir> writes a CPU profile of each node for the storm only (from the drop to the end).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { io as ioClient } from 'socket.io-client';
import { RedisStore } from '../dist/server/server/store/redis-store.js';
import { PROTOCOL_VERSION } from '../dist/server/shared/protocol.js';
import { forkChild as forkFrom, loadavg, sleep, startRedis, stopChild } from './lib.mjs';

const N = Number(process.env.STORM_CLIENTS ?? 1000);
const PER_PROCESS = 250;
const STORM_LIMIT_MS = 70_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const cleanups = [];
const guard = setTimeout(() => {
  console.error('bench:storm: gave up after 400 s');
  void cleanup().finally(() => process.exit(1));
}, 400_000);

async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const started = Date.now();
const progress = (text) =>
  process.stderr.write(`bench:storm ${((Date.now() - started) / 1000).toFixed(1)} s ${text}\n`);

const forkChild = (file, arg, execArgv) => forkFrom(here, file, arg, cleanups, execArgv);

/** CPU seconds (user + system) of Redis so far. */
async function redisCpu(url) {
  const c = createClient({ url });
  await c.connect();
  const info = await c.info('cpu');
  await c.close();
  const get = (k) => Number(new RegExp(`${k}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

async function createWorkshop(url) {
  const s = ioClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise((r) => s.once('connect', r));
  const r = await s.timeout(10_000).emitWithAck('workshop:create', { title: 'Storm', languages: ['de', 'fr', 'pl'] });
  s.disconnect();
  if (!r.ok) throw new Error(`create: ${r.code}`);
  return r.data.workshop;
}

const pct = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;

async function scenario(mode, redisUrl) {
  const prefix = `storm-${mode}`;
  const nodes = [
    forkChild('storm-node.mjs', { mode, redisUrl, prefix }),
    forkChild('storm-node.mjs', { mode, redisUrl, prefix }),
  ];
  const urls = (await Promise.all(nodes.map((n) => n.next('ready')))).map((m) => m.url);
  const workshop = mode === 'ours' ? await createWorkshop(urls[0]) : null;
  progress(`${mode}: ${N} clients joining over ${urls.length} nodes`);
  const procs = [];
  for (let offset = 0; offset < N; offset += PER_PROCESS)
    procs.push(
      forkChild('storm-clients.mjs', {
        urls,
        count: Math.min(PER_PROCESS, N - offset),
        offset,
        mode,
        code: workshop?.code,
        version: PROTOCOL_VERSION,
      }),
    );
  await Promise.all(procs.map((p) => p.next('ready')));
  await sleep(2000); // the joins' broadcasts settle
  const cpuOf = async () =>
    (await Promise.all(nodes.map((n) => n.ask('cpu')))).reduce((s, m) => s + (m.usage.user + m.usage.system) / 1e6, 0);
  const cpu0 = await cpuOf();
  const redis0 = await redisCpu(redisUrl);
  const load0 = loadavg();
  const clientsCpu0 = (await Promise.all(procs.map((p) => p.ask('report')))).reduce((s, r) => s + r.cpuS, 0);
  progress(`${mode}: drop (loadavg ${load0})`);
  for (const p of procs) p.child.send({ type: 'drop' });
  const stormStart = Date.now();
  let reports;
  for (;;) {
    await sleep(500);
    reports = await Promise.all(procs.map((p) => p.ask('report')));
    const clients = reports.flatMap((r) => r.clients);
    const pending = clients.filter((c) => c.ms === null && c.error === null).length;
    if (pending === 0 || Date.now() - stormStart > STORM_LIMIT_MS) break;
  }
  await sleep(1500); // the last presence broadcasts arrive
  reports = await Promise.all(procs.map((p) => p.ask('report')));
  const cpu = (await cpuOf()) - cpu0;
  const redisCpuS = (await redisCpu(redisUrl)) - redis0;
  const clients = reports.flatMap((r) => r.clients);
  const times = clients
    .filter((c) => c.ms !== null)
    .map((c) => c.ms)
    .sort((a, b) => a - b);
  const result = {
    mode,
    resumed: clients.filter((c) => c.ms !== null && c.self).length,
    errors: clients.filter((c) => c.error).length,
    timeouts: clients.reduce((s, c) => s + c.timeouts, 0),
    p50: pct(times, 0.5),
    p95: pct(times, 0.95),
    max: times.at(-1) ?? NaN,
    cpu,
    redisCpuS,
    clientsCpuS: reports.reduce((s, r) => s + r.cpuS, 0) - clientsCpu0,
    events: clients.reduce((s, c) => s + c.events, 0) / clients.length,
    deltas: clients.filter((c) => c.delta).length,
    messages: clients.reduce((s, c) => s + c.messages, 0) / clients.length,
    loadavg: `${load0}..${loadavg()}`,
  };
  if (mode === 'ours') {
    const server = await settledList(redisUrl, workshop.id);
    await sleep(1000); // what settled reaches the pages
    const views = (await Promise.all(procs.map((p) => p.ask('report')))).flatMap((r) => r.views);
    Object.assign(result, checkLists(server, views));
  }
  for (const p of procs) {
    p.child.send({ type: 'exit' });
    await stopChild(p.child).catch(() => {});
  }
  for (const n of nodes) {
    const exited = new Promise((r) => n.child.once('exit', r));
    n.child.send({ type: 'exit' });
    await Promise.race([exited, sleep(10_000)]); // a profile (STORM_PROFILE) is written on a clean exit
    await stopChild(n.child).catch(() => {});
  }
  return result;
}

/**
 * The server's list once everyone is online again (waiting up to 10 s: a sweep may have taken people
 * of a node too busy to send its heartbeat for gone, and its next heartbeat revives them).
 */
async function settledList(redisUrl, workshopId) {
  const store = await RedisStore.connect(redisUrl);
  let list = [];
  for (let i = 0; i < 20; i++) {
    list = (await store.listParticipants(workshopId)).filter((p) => !p.removed);
    if (list.every((p) => p.presence === 'online')) break;
    await sleep(500);
  }
  await store.close();
  return list;
}

/** Duplicates in the server's list, people not online, and watchers whose list differs from it. */
function checkLists(list, views) {
  const names = list.map((p) => p.name);
  const duplicates = names.length - new Set(names).size + Math.max(0, list.length - N);
  const notOnline = list.filter((p) => p.presence !== 'online').length;
  const server = new Map(list.map((p) => [p.id, p.presence]));
  const wrong = views.filter(
    (v) => v.length !== server.size || v.some(([id, presence]) => server.get(id) !== presence),
  );
  const viewsWrong = wrong.length;
  // One example, to see what a page got wrong: size, then the first person who differs.
  if (wrong[0]) {
    const bad = wrong[0].find(([id, presence]) => server.get(id) !== presence);
    const seqOf = new Map(list.map((p) => [p.id, p.seq]));
    console.error(
      `  a page differs: ${wrong[0].length} people shown, ${server.size} on the server; first: ${JSON.stringify(bad)} server ${server.get(bad?.[0])} seq ${seqOf.get(bad?.[0])}`,
    );
  }
  return { duplicates, notOnline, viewsWrong, views: views.length };
}

const f = (x) => (Number.isFinite(x) ? Math.round(x) : 'none');
try {
  const redisUrl = await startRedis(cleanups);
  const bare = await scenario('bare', redisUrl);
  const ours = await scenario('ours', redisUrl);
  for (const r of [bare, ours]) {
    const extra =
      r.mode === 'ours'
        ? ` duplicates=${r.duplicates} not_online=${r.notOnline} views_wrong=${r.viewsWrong}/${r.views} deltas=${r.deltas}`
        : '';
    console.log(
      `RESULT ${r.mode === 'ours' ? 'storm' : 'storm-bare'} clients=${N} resumed=${r.resumed} p50_ms=${f(r.p50)} p95_ms=${f(r.p95)} max_ms=${f(r.max)}` +
        `${extra} errors=${r.errors} timeouts=${r.timeouts} cpu_s=${r.cpu.toFixed(1)} redis_cpu_s=${r.redisCpuS.toFixed(1)} clients_cpu_s=${r.clientsCpuS.toFixed(1)}` +
        ` changes_per_client=${f(r.events)} messages_per_client=${f(r.messages)} loadavg=${r.loadavg} ratio=${(r.p95 / bare.p95).toFixed(2)}`,
    );
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(guard);
}
