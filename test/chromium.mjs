/**
 * How the browser tests and the benchmarks start Chromium: one list of flags and one fake camera, so a
 * benchmark measures the same browser the tests prove (plain JavaScript: bench/*.mjs import it too).
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Flags proven on these machines (../shared/ENVIRONMENT.md): fake devices, no background traffic. */
export const BASE_ARGS = [
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
  // Several pages of one browser are people side by side: none of them is a background tab.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/**
 * The fake camera plays a small generated clip (320x180 at 10 fps) instead of rendering and encoding
 * 640x360 at 24 fps: a browser test with six live videos then costs a fraction of the two cores.
 * The clip still moves, so "frames advance" stays a real check; screen sharing keeps its 1280x720.
 */
export const FAKE_VIDEO = Object.freeze({ width: 320, height: 180, fps: 10, frames: 20 });

/** The clip as a y4m file in the temporary folder (written once, atomically: parallel workers never read half a file). */
export function fakeVideoFile(video = FAKE_VIDEO) {
  const { width, height, fps, frames, noise = false } = video;
  const file = path.join(os.tmpdir(), `jumelage-fake-${width}x${height}-${fps}${noise ? '-noise' : ''}.y4m`);
  if (existsSync(file)) return file;
  const luma = width * height;
  const chroma = (width / 2) * (height / 2);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const frame = Buffer.alloc(luma + 2 * chroma, 128);
    // Noise (for tests of bandwidth): no encoder compresses it, every layer uses the bitrate it may.
    if (noise) {
      let seed = 0x9e3779b9 ^ f;
      for (let i = 0; i < luma; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        frame[i] = 16 + ((seed >>> 24) % 220);
      }
    }
    // A bright bar that walks across a grey picture: every frame differs from the last.
    const x0 = Math.floor((f / frames) * width);
    for (let y = 0; y < height; y++) frame.fill(235, y * width + x0, y * width + Math.min(width, x0 + width / 8));
    parts.push(Buffer.from('FRAME\n'), frame);
  }
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, file);
  return file;
}

/** Every flag, with the fake camera playing `video`. */
export function chromiumArgs(video = FAKE_VIDEO) {
  return [...BASE_ARGS, `--use-file-for-fake-video-capture=${fakeVideoFile(video)}`];
}
