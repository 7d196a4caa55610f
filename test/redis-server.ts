/**
 * Starting and stopping a redis-server of our own: the global setup's shared one, and the dedicated
 * ones of tests that stop and restart Redis (health, outages). Always on a free port, stopped by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findOnPath, freePort, stopProcess } from './processes.js';

const START_TIMEOUT_MS = 10_000;

/**
 * Starts a redis-server on `port`. Without `dir` it keeps nothing on disk; with `dir` it writes an
 * append-only file there, synced on every write (what NOTES-harden.md recommends, at its strictest),
 * so a restart on the same directory finds everything acknowledged.
 */
export async function startRedis(binary: string, port: number, opts: { dir?: string } = {}): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--loglevel', 'warning'];
  if (opts.dir) args.push('--dir', opts.dir, '--appendonly', 'yes', '--appendfsync', 'always');
  else args.push('--appendonly', 'no');
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
export function pingAnswers(port: number): Promise<boolean> {
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

/** Stops it the hard way (SIGKILL: no chance to flush anything more) and waits for the exit. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** A persistent redis-server of a test's own (free port, temporary directory), to kill and restart with its data. */
export async function persistentRedis() {
  const binary = findOnPath('redis-server');
  if (!binary) throw new Error('this test starts a redis-server of its own: install redis-server');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jumelage-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => void (child = await startRedis(binary, port, { dir }));
  const kill = async () => {
    if (child) await killProcess(child);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    kill,
    async dispose() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
