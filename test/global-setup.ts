/**
 * Vitest global setup: one throwaway redis-server for the whole run (unless REDIS_URL is given) and
 * the path of a Chromium for the browser suites. Both are provided to tests through `inject()`.
 *
 * Missing tools fail the run on CI (process.env.CI) and are skipped, loudly, everywhere else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { setupJanus } from './janus.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    chromiumPath: string | null;
  }
}

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export default async function setup(project: TestProject) {
  const redis = await provideRedis();
  project.provide('redisUrl', redis.url);
  project.provide('chromiumPath', findChromium());
  const stopJanus = await setupJanus(project);
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

function findChromium(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (isExecutable(candidate)) return candidate;
  missing('chromium', 'browser (e2e) suites', 'chromium');
  return null;
}

export function missing(tool: string, suites: string, aptPackage: string) {
  const install = `apt-get install -y ${aptPackage}`;
  if (process.env.CI) throw new Error(`${tool} is required on CI but was not found: ${install}`);
  const line = '!'.repeat(72);
  process.stderr.write(`\n${line}\n  SKIPPING ${suites}: install ${tool} (${install})\n${line}\n\n`);
}

export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(binary: string, port: number): Promise<ChildProcess> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server exited on port ${port}: ${output.trim()}`);
    if (await pingAnswers(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stopProcess(child);
  throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms: ${output.trim()}`);
}

/** A raw RESP PING, so waiting for startup needs no client library and makes no reconnect noise. */
function pingAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
