/**
 * npm run bench:media — the media plane in headless Chromium on loopback.
 *
 * Scenarios: 2, 3 and 4 people in one workshop (plenary): what two cores can drive, since every person
 * is a page of one headless Chromium that encodes one stream per other person (a mesh). N-1 people are in
 * and connected; then a joiner fills the form (devices already previewed) and presses Join, several runs
 * per scenario. Measured on the joiner's page: join → first remote frame (first and all remotes), ICE time
 * per peer. Then, with N people in, every sender's outbound bitrate from getStats() against the budget.
 * Baseline in the same run and at the same size: a bare simple-peer mesh page over a bare Socket.IO relay,
 * same browser, same fake camera. Where the baseline slows down too, the machine is the limit, not the app.
 *
 * A run that times out is counted (failed_runs), never fatal: every scenario prints its RESULT line,
 * RESULT <scenario> key=value ... failed_runs=N ratio=<ours/baseline first-frame p50 at the same size>.
 * Bounded: every wait has a timeout, and the whole run stops itself after BENCH_MAX_SECONDS (default 420).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../test/chromium.mjs';
import { Server } from 'socket.io';
import { createApp } from '../dist/server/server/app.js';
import { testConfig } from '../dist/server/server/config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 420);
/** BENCH_SIZES=2 (or 2,3) runs only those sizes; BENCH_RUNS overrides the joins per size. */
const SIZES = (process.env.BENCH_SIZES ?? '').split(',').map(Number).filter(Boolean);
const SCENARIOS = [
  { people: 2, runs: 5 },
  { people: 3, runs: 4 },
  { people: 4, runs: 3 },
]
  .filter((sc) => SIZES.length === 0 || SIZES.includes(sc.people))
  .map((sc) => ({ ...sc, runs: Number(process.env.BENCH_RUNS) || sc.runs }));
const BUDGET_KBPS = 2500;
const FRAME_TIMEOUT_MS = 30_000;
/** A camera-sized clip (the tests use a smaller one): encoding cost close to a real webcam's. */
const CHROMIUM_ARGS = chromiumArgs({ width: 640, height: 360, fps: 15, frames: 30 });

/** Scenarios whose RESULT line is still due: the watchdog prints them as failed, so every line comes out. */
const due = new Map(
  SCENARIOS.flatMap((sc) => [
    [`baseline-simple-peer-mesh-${sc.people}`, sc.runs],
    [`mesh-${sc.people}`, sc.runs],
  ]),
);
function result(name, fields) {
  due.delete(name);
  console.log(`RESULT ${name} ${fields}`);
}

const watchdog = setTimeout(() => {
  console.error(`bench:media: stopped after ${MAX_SECONDS} s (BENCH_MAX_SECONDS)`);
  for (const [name, runs] of due) console.log(`RESULT ${name} runs=0 failed_runs=${runs} ratio=NaN`);
  process.exit(2);
}, MAX_SECONDS * 1000);

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => (Number.isFinite(x) ? Math.round(x) : 'NaN');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(fn, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A bare Socket.IO relay (signals addressed by socket id) serving the baseline page and simple-peer. */
async function startBaselineServer() {
  const html = readFileSync(path.join(here, 'media-baseline.html'));
  const peerJs = readFileSync(require.resolve('simple-peer/simplepeer.min.js'));
  const http = createServer((req, res) => {
    if (req.url === '/simplepeer.min.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(peerJs);
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  const io = new Server(http);
  io.on('connection', (socket) => {
    socket.on('join', async (room, ack) => {
      const others = (await io.in(room).fetchSockets()).map((s) => s.id);
      void socket.join(room);
      ack(others);
    });
    socket.on('signal', ({ to, data }) => io.to(to).emit('signal', { from: socket.id, data }));
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((r) => io.close(() => r())) };
}

/** A page of the bare mesh, with its devices open. */
async function bareOpen(browser, url) {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.ready);
  return { context, page };
}

/** The bare mesh at the size of a scenario: N-1 people in, then joiners measured like ours. */
async function baseline(browser, server, { people, runs }) {
  const first = [];
  const all = [];
  const ice = [];
  let failed = 0;
  const room = `r${people}-${Date.now()}`;
  const present = [];
  const start = (p) =>
    Promise.race([p.page.evaluate((r) => window.start(r), room), sleep(FRAME_TIMEOUT_MS).then(() => null)]);
  try {
    for (let i = 0; i < people - 1; i++) {
      const p = await bareOpen(browser, server.url);
      present.push(p);
      if (!(await start(p))) throw new Error(`baseline: person ${i} saw no video`);
    }
    for (let run = 0; run < runs; run++) {
      const p = await bareOpen(browser, server.url);
      const result = await start(p);
      if (result) {
        first.push(result.firstFrameMs ?? NaN);
        all.push(result.allFramesMs ?? NaN);
        ice.push(...result.ice);
      } else failed++;
      // The joiner leaves; the others drop their peer to it when its socket goes.
      await p.context.close();
    }
  } catch (err) {
    console.error(`baseline-${people}: ${err.message}`);
    failed += runs - first.length - failed;
  } finally {
    await Promise.all(present.map((p) => p.context.close()));
  }
  return { first, all, ice, failed };
}

async function newPerson(browser) {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 860 },
    permissions: ['camera', 'microphone'],
  });
  const page = await context.newPage();
  return { context, page };
}

async function createWorkshop(appUrl, browser) {
  const { context, page } = await newPerson(browser);
  await page.goto(appUrl);
  await page.getByLabel(/^Title/).fill('Bench');
  await page.locator('form.create-form button[type=submit]').click();
  const invite = page.getByTestId('invite-url');
  await invite.waitFor();
  const inviteUrl = await invite.inputValue();
  await context.close();
  return inviteUrl;
}

const remoteLive = (page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid=tile][data-self=false] video')].filter((v) => v.videoWidth > 0)
        .length,
  );

/** Fills the form with devices previewed, then measures from the press of Join. */
async function join(browser, inviteUrl, name, expectRemotes) {
  const person = await newPerson(browser);
  const { page } = person;
  await page.goto(inviteUrl);
  await page.locator('#join-name').fill(name);
  await page.locator('#join-town').fill('Bench');
  await until(
    () =>
      page
        .locator('.join-media__preview video')
        .evaluate((v) => v.videoWidth > 0)
        .catch(() => false),
    15_000,
    'preview',
  );
  await page.evaluate(() =>
    document.addEventListener('submit', () => (window.__joinAt = performance.now()), { capture: true, once: true }),
  );
  await page.locator('form.join-form button[type=submit]').click();
  await until(
    async () => (await remoteLive(page)) >= expectRemotes,
    FRAME_TIMEOUT_MS,
    `${expectRemotes} remote videos for ${name}`,
  ).catch((err) => {
    err.person = person;
    throw err;
  });
  // A video can have its size a moment before its frame callback has marked the first frame.
  await until(
    () =>
      page.evaluate(
        (n) =>
          new Set(
            performance
              .getEntriesByType('mark')
              .filter((e) => e.name === 'media:first-frame')
              .map((e) => e.detail.remoteId),
          ).size >= n,
        expectRemotes,
      ),
    5_000,
    'first-frame marks',
  ).catch(() => undefined);
  const m = await page.evaluate(() => {
    const t0 = window.__joinAt;
    const marks = performance.getEntriesByType('mark');
    const firstFrame = new Map();
    for (const e of marks.filter((x) => x.name === 'media:first-frame'))
      if (!firstFrame.has(e.detail.remoteId)) firstFrame.set(e.detail.remoteId, e.startTime - t0);
    const created = new Map();
    const ice = [];
    for (const e of marks) {
      if (e.name === 'media:peer-created') created.set(e.detail.cid, e.startTime);
      if (e.name === 'media:peer-connected' && created.has(e.detail.cid))
        ice.push(e.startTime - created.get(e.detail.cid));
    }
    return { frames: [...firstFrame.values()], ice };
  });
  return { person, first: Math.min(...m.frames), all: Math.max(...m.frames), ice: m.ice };
}

/** Outbound kbit/s of every sender (page), audio + video over all its peer connections. */
async function outboundKbps(pages) {
  const read = () =>
    Promise.all(
      pages.map((p) =>
        p.evaluate(async () => {
          const stats = await globalThis.__jumelageMedia.stats();
          return {
            at: performance.now(),
            bytes: stats.reduce((n, s) => n + s.outVideoBytes + s.outAudioBytes, 0),
            perPeerVideo: stats.map((s) => s.outVideoBytes),
            width: Math.max(0, ...stats.map((s) => s.outFrameWidth)),
          };
        }),
      ),
    );
  const a = await read();
  await sleep(5000);
  const b = await read();
  return b.map((x, i) => ({
    totalKbps: ((x.bytes - a[i].bytes) * 8) / (x.at - a[i].at),
    perPeerVideoKbps: x.perPeerVideo.map((v, j) => ((v - (a[i].perPeerVideo[j] ?? 0)) * 8) / (x.at - a[i].at)),
    width: x.width,
  }));
}

async function scenario(browser, appUrl, { people, runs }) {
  const first = [];
  const all = [];
  const ice = [];
  let failed = 0;
  let out = [];
  const everyone = [];
  try {
    const inviteUrl = await createWorkshop(appUrl, browser);
    const present = [];
    for (let i = 0; i < people - 1; i++) {
      const r = await join(browser, inviteUrl, `P${i}`, i);
      present.push(r.person);
      everyone.push(r.person);
    }
    let last = null;
    for (let run = 0; run < runs; run++) {
      let r;
      try {
        r = await join(browser, inviteUrl, `Joiner${run}`, people - 1);
      } catch (err) {
        // Counted, not fatal: the person's page is closed and the next run starts from the same room.
        console.error(`mesh-${people} run ${run}: ${err.message}`);
        failed++;
        await err.person?.context.close().catch(() => {});
        await until(
          async () => (await Promise.all(present.map((p) => remoteLive(p.page)))).every((n) => n <= people - 2),
          15_000,
          'failed joiner gone',
        ).catch(() => {});
        continue;
      }
      first.push(r.first);
      all.push(r.all);
      ice.push(...r.ice);
      if (run < runs - 1) {
        // Leaving as a person does (a closed tab would count as "reconnecting" for the grace period).
        await r.person.page.getByTestId('leave').click();
        await r.person.page
          .getByTestId('closed')
          .waitFor({ timeout: 10_000 })
          .catch(() => undefined);
        await r.person.context.close();
        // Until the others have dropped the leaver's tile, the next joiner's count would be off.
        await until(
          async () => (await Promise.all(present.map((p) => remoteLive(p.page)))).every((n) => n <= people - 2),
          15_000,
          'leaver gone',
        );
      } else {
        last = r.person;
        everyone.push(last);
      }
    }
    if (last) {
      // Let bandwidth estimation ramp up to the caps, then measure every sender.
      await sleep(8000);
      out = await outboundKbps(everyone.map((p) => p.page));
    }
  } catch (err) {
    console.error(`mesh-${people}: ${err.message}`);
    failed = runs - first.length;
  } finally {
    await Promise.all(everyone.map((p) => p.context.close().catch(() => {})));
  }
  return { first, all, ice, out, failed };
}

async function main() {
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const app = await createApp({
    config: testConfig({
      clientDir: path.resolve(here, '../dist/client'),
      logLevel: 'error',
      media: { ...testConfig().media, uploadBudgetKbps: BUDGET_KBPS },
    }),
  });
  const port = await app.listen();
  const appUrl = `http://127.0.0.1:${port}`;
  const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
  const baseServer = await startBaselineServer();
  try {
    for (const sc of SCENARIOS) {
      const base = await baseline(browser, baseServer, sc);
      const baseP50 = pct(base.first, 50);
      result(
        `baseline-simple-peer-mesh-${sc.people}`,
        `runs=${base.first.length} failed_runs=${base.failed} ` +
          `first_frame_p50_ms=${round(baseP50)} first_frame_max_ms=${round(max(base.first))} ` +
          `all_frames_p50_ms=${round(pct(base.all, 50))} ice_p50_ms=${round(pct(base.ice, 50))} ratio=1.00`,
      );
      const r = await scenario(browser, appUrl, sc);
      const totals = r.out.map((o) => o.totalKbps);
      const perPeer = r.out.flatMap((o) => o.perPeerVideoKbps);
      const ratio = pct(r.first, 50) / baseP50;
      result(
        `mesh-${sc.people}`,
        `runs=${r.first.length} failed_runs=${r.failed} first_frame_p50_ms=${round(pct(r.first, 50))} first_frame_max_ms=${round(max(r.first))} ` +
          `all_frames_p50_ms=${round(pct(r.all, 50))} ice_p50_ms=${round(pct(r.ice, 50))} ice_max_ms=${round(max(r.ice))} ` +
          `out_total_kbps_p50=${round(pct(totals, 50))} out_total_kbps_max=${round(max(totals))} out_video_per_peer_kbps_p50=${round(pct(perPeer, 50))} ` +
          `budget_kbps=${BUDGET_KBPS} within_budget=${totals.length > 0 && max(totals) <= BUDGET_KBPS} ratio=${Number.isFinite(ratio) ? ratio.toFixed(2) : 'NaN'}`,
      );
    }
  } finally {
    await baseServer.close();
    await browser.close();
    await app.close();
  }
  console.log(`bench:media done in ${Math.round((Date.now() - started) / 1000)} s`);
  clearTimeout(watchdog);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
