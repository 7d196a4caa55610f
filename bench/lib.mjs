// What several benchmarks need: a free port, a redis-server of their own, stopping a child by PID, the
// load average printed beside every figure.
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from 'redis';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The 1, 5 and 15 minute load averages, e.g. "3.10/2.50/2.00": figures at different loads do not compare. */
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join('/');

/** A TCP port nobody listens on right now (on loopback). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Stops a child we started, by its PID, and waits until it is gone. */
export function stopChild(child, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(child.pid, signal);
  });
}

/**
 * A redis-server of our own on a free port, without persistence (or REDIS_URL when set); its stop is pushed
 * onto `cleanups`. Resolves with its URL once it answers.
 */
export async function startRedis(cleanups) {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: 'ignore' },
  );
  cleanups.push(() => stopChild(child));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const c = createClient({ url });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.ping();
      await c.close();
      return url;
    } catch {
      await sleep(50);
    }
  }
  throw new Error('redis-server did not start');
}

/**
 * Forks `dir/file` with a JSON argument (its stop is pushed onto `cleanups`); `next(type)` waits for its next
 * message of that type, `ask(type)` sends `{type}` and waits for the answer of the same type.
 */
export function forkChild(dir, file, arg, cleanups, execArgv = []) {
  const child = fork(path.join(dir, file), [JSON.stringify(arg)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  const stop = () => stopChild(child);
  cleanups.push(stop);
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code) => reject(new Error(`${file} exited (${code}) before "${type}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = (type) => {
    const answer = next(type);
    child.send({ type });
    return answer;
  };
  return { child, next, ask, stop };
}
