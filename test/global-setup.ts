/**
 * Vitest global setup: one throwaway redis-server for the whole run (unless REDIS_URL is given) and
 * the path of a Chromium for the browser suites. Both are provided to tests through `inject()`.
 *
 * Missing tools fail the run on CI (process.env.CI) and are skipped, loudly, everywhere else.
 */
import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { findOnPath, freePort, isExecutable, startRedis, stopProcess } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    chromiumPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  const redis = await provideRedis();
  project.provide('redisUrl', redis.url);
  project.provide('chromiumPath', findChromium());
  return async () => {
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

function findChromium(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (isExecutable(candidate)) return candidate;
  missing('chromium', 'browser (e2e) suites', 'chromium');
  return null;
}

function missing(tool: string, suites: string, aptPackage: string) {
  const install = `apt-get install -y ${aptPackage}`;
  if (process.env.CI) throw new Error(`${tool} is required on CI but was not found: ${install}`);
  const line = '!'.repeat(72);
  process.stderr.write(`\n${line}\n  SKIPPING ${suites}: install ${tool} (${install})\n${line}\n\n`);
}
