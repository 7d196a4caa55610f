import { chromium } from 'playwright-core';
import http from 'node:http';
import { chromiumArgs } from './test/chromium.mjs';
const srv = http.createServer((q, r) => r.end('<p>x</p>')).listen(0);
await new Promise((r) => srv.once('listening', r));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium-headless-shell', args: chromiumArgs({ width: 640, height: 360, fps: 10, frames: 10, noise: true }) });
const open = async () => { const c = await b.newContext({ permissions: ['camera','microphone'] }); const p = await c.newPage(); await p.goto(`http://127.0.0.1:${srv.address().port}/`); return p; };
const get = (p) => p.evaluate(async () => {
  const s = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } } });
  window.__s = s;
  const t = s.getVideoTracks()[0];
  await new Promise((r) => setTimeout(r, 1500));
  return t.getSettings();
});
const a = await open(); console.log('A', await get(a));
const bb = await open(); console.log('B', await get(bb));
console.log('A again', await a.evaluate(() => window.__s.getVideoTracks()[0].getSettings()));
await b.close(); srv.close();
