/**
 * node bench/media-sfu.mjs (after npm run build) — the two media paths side by side in one run:
 * 2, 4, 6 and 8 people in a plenary on the mesh and on the SFU (a real Janus started here, like
 * test/janus.ts does, unless JANUS_URLS is set). Every page keeps ICE on 127.0.0.1 and sends the fake camera.
 *
 * Per scenario, measured once all are in: the last joiner's join → first remote frame (p50 and max over its
 * remotes), each sender's upload (kbit/s, from getStats over a few seconds) and each page's CPU time per second
 * (Chrome's TaskDuration). Prints
 *   RESULT mesh-<n> first_frame_p50_ms=... first_frame_max_ms=... upload_kbps=... cpu_per_s=...
 *   RESULT sfu-<n>  ...
 *   RESULT sfu-upload-growth upload_8_kbps=... upload_2_kbps=... ratio=<8/2>
 *   RESULT sfu-vs-mesh-cpu-8 ratio=<sfu/mesh page CPU at 8>
 * Bounded by BENCH_MAX_SECONDS (default 600).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../dist/server/server/app.js';
import { testConfig } from '../dist/server/server/config.js';
import { janusLibDir } from '../test/janus-lib.mjs';
import { freePort } from './lib.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '2,4,6,8').split(',').map(Number);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 600);
const SAMPLE_MS = 4000;
const FRAME_TIMEOUT_MS = 60_000;
const LIB = janusLibDir();
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

const watchdog = setTimeout(() => {
  console.error(`bench:media-sfu: stopped after ${MAX_SECONDS} s (BENCH_MAX_SECONDS)`);
  process.exit(2);
}, MAX_SECONDS * 1000);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const round = (x, d = 0) => (Number.isFinite(x) ? Number(x.toFixed(d)) : 'NaN');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The page script of the e2e suites (e2e/loopback-ice.ts), read from its one source, with their camera. */
function loopbackScript() {
  const ts = readFileSync(new URL('../e2e/loopback-ice.ts', import.meta.url), 'utf8');
  const body = ts.slice(ts.indexOf('`') + 1, ts.lastIndexOf('`'));
  return new Function('camera', `return \`${body}\`;`)({ width: 320, height: 180, frameRate: 10 });
}

/** A Janus on loopback only, as test/janus.ts starts it (getifaddrs shim, generated config). */
async function startJanus() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jumelage-bench-janus-'));
  const shimSrc = readFileSync(new URL('../test/janus.ts', import.meta.url), 'utf8');
  const c = shimSrc.slice(shimSrc.indexOf('const SHIM_C = `') + 16, shimSrc.indexOf('`;', shimSrc.indexOf('SHIM_C')));
  writeFileSync(path.join(dir, 'shim.c'), c);
  execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-o', path.join(dir, 'shim.so'), path.join(dir, 'shim.c'), '-ldl']);
  const port = await freePort();
  const disable = (kind, keep) =>
    `${kind}: { disable = "${readdirSync(path.join(LIB, kind))
      .filter((f) => f.endsWith('.so') && f !== keep)
      .join(',')}" }`;
  writeFileSync(
    path.join(dir, 'janus.jcfg'),
    [
      `general: { configs_folder = "${dir}", plugins_folder = "${LIB}/plugins", transports_folder = "${LIB}/transports",`,
      `  events_folder = "${LIB}/events", loggers_folder = "${LIB}/loggers", debug_level = 2, interface = "127.0.0.1" }`,
      disable('plugins', 'libjanus_videoroom.so'),
      disable('transports', 'libjanus_websockets.so'),
      'media: { ipv6 = false }',
      'nat: { ice_enforce_list = "lo", ignore_mdns = true }',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'janus.transport.websockets.jcfg'),
    `general: { ws = true, ws_port = ${port}, ws_interface = "lo", wss = false }\nadmin: { admin_ws = false }\n`,
  );
  writeFileSync(path.join(dir, 'janus.plugin.videoroom.jcfg'), 'general: { }\n');
  const child = spawn('janus', ['-C', path.join(dir, 'janus.jcfg'), '-F', dir], {
    stdio: 'ignore',
    env: { ...process.env, LD_PRELOAD: path.join(dir, 'shim.so') },
  });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (up) break;
    await sleep(100);
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function person(browser, script) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    permissions: ['camera', 'microphone'],
  });
  await context.addInitScript(script);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

async function scenario(browser, script, appUrl, n) {
  const creator = await person(browser, script);
  await creator.page.goto(appUrl);
  await creator.page.getByLabel(/^Title/).fill('Bench');
  await creator.page.locator('form.create-form button[type=submit]').click();
  const inviteUrl = await creator.page.getByTestId('invite-url').inputValue();
  await creator.context.close();
  const people = [];
  let last = null;
  try {
    for (let i = 0; i < n; i++) {
      const p = await person(browser, script);
      people.push(p);
      await p.page.goto(inviteUrl);
      await p.page.locator('#join-name').fill(`P${i}`);
      await p.page.locator('#join-town').fill('Bench');
      await p.page.evaluate(() =>
        document.addEventListener('submit', () => (window.__joinAt = performance.now()), { capture: true, once: true }),
      );
      await p.page.locator('form.join-form button[type=submit]').click();
      last = p;
    }
    // Everyone sees everyone: then the last joiner's first frames count.
    const deadline = Date.now() + FRAME_TIMEOUT_MS;
    for (const p of people) {
      while (Date.now() < deadline) {
        const live = await p.page.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid=tile][data-self=false] video')].filter((v) => v.videoWidth > 0)
              .length,
        );
        if (live >= n - 1) break;
        await sleep(300);
      }
    }
    const frames = await last.page.evaluate(() => {
      const first = new Map();
      for (const e of performance.getEntriesByType('mark'))
        if (e.name === 'media:first-frame' && !first.has(e.detail.remoteId))
          first.set(e.detail.remoteId, e.startTime - window.__joinAt);
      return [...first.values()];
    });
    const sample = () =>
      Promise.all(
        people.map(async (p) => {
          const bytes = await p.page.evaluate(async () => {
            const m = window.__jumelageMedia;
            const list = [...(await m.stats()), ...(await m.publisherStats())];
            return list.reduce((sum, s) => sum + s.outVideoBytes + s.outAudioBytes, 0);
          });
          const { metrics } = await p.cdp.send('Performance.getMetrics');
          return { bytes, cpu: metrics.find((x) => x.name === 'TaskDuration')?.value ?? 0, at: Date.now() };
        }),
      );
    const a = await sample();
    await sleep(SAMPLE_MS);
    const b = await sample();
    // A page whose upload was rebuilt between the two samples (its counters start again) is left out.
    const upload = b.flatMap((x, i) =>
      x.bytes >= a[i].bytes ? [((x.bytes - a[i].bytes) * 8) / (x.at - a[i].at)] : [],
    );
    const cpu = b.map((x, i) => (x.cpu - a[i].cpu) / ((x.at - a[i].at) / 1000));
    return {
      p50: pct(frames, 50),
      max: Math.max(...frames),
      upload: upload.reduce((s, x) => s + x, 0) / upload.length,
      cpu: cpu.reduce((s, x) => s + x, 0) / cpu.length,
    };
  } finally {
    await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  }
}

const janus = process.env.JANUS_URLS ? null : await startJanus();
const janusUrls = process.env.JANUS_URLS ? process.env.JANUS_URLS.split(',') : [janus.url];
const clientDir = path.resolve('dist/client');
const apps = {
  mesh: await createApp({
    config: testConfig({ clientDir, logLevel: 'error', sfu: { janusUrls: [], meshMaxPeers: 50 } }),
  }),
  sfu: await createApp({ config: testConfig({ clientDir, logLevel: 'error', sfu: { janusUrls, meshMaxPeers: 1 } }) }),
};
const urls = {
  mesh: `http://127.0.0.1:${await apps.mesh.listen()}`,
  sfu: `http://127.0.0.1:${await apps.sfu.listen()}`,
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
const results = {};
const hi = Math.max(...SIZES);
const lo = Math.min(...SIZES);
const line = (kind, n, r) =>
  `RESULT ${kind}-${n} first_frame_p50_ms=${round(r.p50)} first_frame_max_ms=${round(r.max)} upload_kbps=${round(r.upload)} cpu_per_s=${round(r.cpu, 3)}`;
try {
  // Every size on the SFU first, then the mesh (a mesh of 8 on two cores may not finish in time: the SFU's
  // figures and its upload growth are printed before it starts).
  for (const kind of ['sfu', 'mesh']) {
    for (const n of SIZES) {
      // A size that fails (a page that does not load in time on two busy cores) is printed as failed; the rest run.
      const r = await scenario(browser, loopbackScript(), urls[kind], n).catch((err) => {
        console.error(`${kind}-${n}: ${err.message.split('\n')[0]}`);
        return { p50: NaN, max: NaN, upload: NaN, cpu: NaN };
      });
      results[`${kind}-${n}`] = r;
      console.log(line(kind, n, r));
    }
    if (kind === 'sfu') {
      const up = (n) => results[`sfu-${n}`]?.upload;
      console.log(
        `RESULT sfu-upload-growth upload_${hi}_kbps=${round(up(hi))} upload_${lo}_kbps=${round(up(lo))} ratio=${round(up(hi) / up(lo), 2)}`,
      );
    }
  }
  console.log(`RESULT sfu-vs-mesh-cpu-${hi} ratio=${round(results[`sfu-${hi}`].cpu / results[`mesh-${hi}`].cpu, 2)}`);
} finally {
  await browser.close();
  await Promise.all(Object.values(apps).map((a) => a.close()));
  await janus?.stop();
  clearTimeout(watchdog);
}
