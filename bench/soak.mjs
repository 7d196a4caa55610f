/**
 * npm run bench:soak — a soak with churn: for SOAK_SECONDS (default 600), two nodes with Redis serve about
 * three live workshops at a time where people join, leave, drop without a word, vote, draw and go into
 * breakout rooms and back, and workshops end and new ones start (bench/soak-clients.mjs). Measured: heap
 * (after a forced GC) and RSS of each node at the start and at the end (after everyone left and the
 * grace period ran out), Socket.IO rooms and sockets left at the end, Redis keys at the end against the
 * workshops created, live and ended. Baseline in the same run, on the same machine at the same time: two
 * idle nodes (same build, their own Redis database) for the same time.
 * Loopback only; bounded in time. Ends with one RESULT line per scenario.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { PROTOCOL_VERSION } from '../dist/server/shared/protocol.js';
import { forkChild as forkFrom, loadavg, sleep, startRedis } from './lib.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const GRACE_MS = 5_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const cleanups = [];
const guard = setTimeout(
  () => {
    console.error('bench:soak: gave up');
    void cleanup().finally(() => process.exit(1));
  },
  (SECONDS + 180) * 1000,
);

async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const started = Date.now();
const progress = (text) => process.stderr.write(`bench:soak ${((Date.now() - started) / 1000).toFixed(1)} s ${text}\n`);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

const forkChild = (file, arg, execArgv) => forkFrom(here, file, arg, cleanups, execArgv);

async function startNodes(redisUrl, prefix) {
  const nodes = [0, 1].map(() =>
    forkChild('storm-node.mjs', { mode: 'ours', redisUrl, prefix, graceMs: GRACE_MS }, ['--expose-gc']),
  );
  const urls = (await Promise.all(nodes.map((n) => n.next('ready')))).map((m) => m.url);
  return { nodes, urls, stats: () => Promise.all(nodes.map((n) => n.ask('stats'))) };
}

/** Keys in one Redis database: all, those of workshops by id, and the rest. */
async function redisKeys(url) {
  const c = createClient({ url });
  await c.connect();
  const keys = [];
  for await (const batch of c.scanIterator({ COUNT: 1000 })) keys.push(...batch);
  await c.close();
  const byWorkshop = new Map();
  let other = 0;
  for (const k of keys) {
    const id = /^jm:w:([^:]+)/.exec(k)?.[1];
    if (id) byWorkshop.set(id, (byWorkshop.get(id) ?? 0) + 1);
    else other++;
  }
  return { total: keys.length, byWorkshop, other };
}

const sum = (xs, f) => xs.reduce((s, x) => s + f(x), 0);

try {
  const redis = await startRedis(cleanups);
  const ours = await startNodes(`${redis}/0`, 'soak-ours');
  const idle = await startNodes(`${redis}/1`, 'soak-idle');
  await sleep(2000);
  const [oursStart, idleStart] = [await ours.stats(), await idle.stats()];
  const load0 = loadavg();
  progress(`churn for ${SECONDS} s (loadavg ${load0})`);
  const churn = forkChild('soak-clients.mjs', { urls: ours.urls, seconds: SECONDS, version: PROTOCOL_VERSION });
  await churn.next('ready');
  const done = await churn.next('done');
  churn.child.send({ type: 'exit' });
  progress('churn over; waiting for the grace period');
  await sleep(GRACE_MS + 6000); // presence settles: everyone who dropped is offline, sockets gone
  const [oursEnd, idleEnd] = [await ours.stats(), await idle.stats()];
  const keys = await redisKeys(`${redis}/0`);
  const idleKeys = await redisKeys(`${redis}/1`);
  const load1 = loadavg();

  const known = new Set([...done.live, ...done.ended]);
  const orphans = [...keys.byWorkshop.keys()].filter((id) => !known.has(id)).length;
  const perLive = done.live.map((id) => keys.byWorkshop.get(id) ?? 0);
  const perEnded = done.ended.map((id) => keys.byWorkshop.get(id) ?? 0);
  const c = done.counts;
  console.error(`  churn: ${JSON.stringify(c)}`);
  if (Object.keys(done.errors).length) console.error(`  refusals: ${JSON.stringify(done.errors)}`);
  const line = (name, start, end, extra) =>
    console.log(
      `RESULT ${name} seconds=${SECONDS} heap_start_mb=${mb(sum(start, (s) => s.heap))} heap_end_mb=${mb(sum(end, (s) => s.heap))}` +
        ` rss_start_mb=${mb(sum(start, (s) => s.rss))} rss_end_mb=${mb(sum(end, (s) => s.rss))}` +
        ` rooms_end=${sum(end, (s) => s.rooms)} sockets_end=${sum(end, (s) => s.sockets)}${extra} loadavg=${load0}..${load1}`,
    );
  line('soak-idle', idleStart, idleEnd, ` redis_keys=${idleKeys.total}`);
  line(
    'soak',
    oursStart,
    oursEnd,
    ` workshops=${c.created} live=${done.live.length} ended=${c.ended} joins=${c.joins} leaves=${c.leaves} drops=${c.drops}` +
      ` votes=${c.votes} strokes=${c.strokes} breakouts=${c.breakouts} refusals=${sum(Object.values(done.errors), (x) => x)}` +
      ` redis_keys=${keys.total} keys_per_live=${perLive.length ? Math.max(...perLive) : 0}` +
      ` keys_per_ended=${perEnded.length ? Math.max(...perEnded) : 0} keys_other=${keys.other} orphan_workshops=${orphans}` +
      ` heap_growth_vs_idle_mb=${mb(sum(oursEnd, (s) => s.heap) - sum(oursStart, (s) => s.heap) - (sum(idleEnd, (s) => s.heap) - sum(idleStart, (s) => s.heap)))}`,
  );
  for (const n of [...ours.nodes, ...idle.nodes]) n.child.send({ type: 'exit' });
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(guard);
}
