/**
 * Vitest global setup: one throwaway redis-server for the whole run (unless REDIS_URL is given), the
 * path of a Chromium for the browser suites, and a Janus when the selected files include SFU suites
 * (test/janus.ts). All are provided to tests through `inject()`.
 *
 * Missing tools fail the run on CI (process.env.CI) and are skipped, loudly, everywhere else.
 */
import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { setupJanus } from './janus.js';
import { findOnPath, freePort, isExecutable, missing, stopProcess } from './processes.js';
import { startRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const [redis, stopJanus] = await Promise.all([provideRedis(), setupJanus(project)]);
  project.provide('redisUrl', redis.url);
  project.provide('chromiumPath', findChromium());
  return async () => {
    await stopJanus();
    if (redis.process) await stopProcess(redis.process);
  };
}

async function provideRedis(): Promise<{ url: string | null; process: ChildProcess | null }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, process: null };
  const binary = findOnPath('redis-server');
  if (!binary) {
    missing('redis-server', 'Redis suites', 'redis-server');
    return { url: null, process: null };
  }
  // A free port can be taken between our probe and redis' bind: retry a few times.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const child = await startRedis(binary, port);
      return { url: `redis://127.0.0.1:${port}`, process: child };
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`Could not start redis-server: ${String(lastError)}`);
}

/**
 * The browser for the e2e suites: CHROMIUM_PATH when given; else Chromium's headless shell (Debian
 * package `chromium-headless-shell`, the same engine without the desktop browser around it: a new page
 * costs about a third, the browser suites take about half the time on two cores); else the full Chromium.
 */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

function findChromium(): string | null {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  const found = candidates.find(isExecutable);
  if (found) return found;
  missing('chromium', 'browser (e2e) suites', 'chromium-headless-shell');
  return null;
}
