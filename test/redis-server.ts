/**
 * Starting and stopping a redis-server of our own: the global setup's shared one, and the dedicated
 * ones of tests that stop and restart Redis (health, outages). Always on a free port, stopped by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { stopProcess } from './processes.js';

const START_TIMEOUT_MS = 10_000;

export async function startRedis(binary: string, port: number): Promise<ChildProcess> {
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
