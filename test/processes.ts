/**
 * Helpers for the processes tests start themselves (redis-server, janus): finding a tool, a free
 * port, stopping by PID, and the boxed notice for a missing tool. Shared by test/global-setup.ts,
 * test/redis-server.ts and test/janus.ts, so none of them imports another.
 */
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const STOP_TIMEOUT_MS = 5_000;

export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

export function isExecutable(file: string): boolean {
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

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A tool the suites need is missing: fails the run on CI (process.env.CI), else skips them loudly. */
export function missing(tool: string, suites: string, aptPackage: string) {
  const install = `apt-get install -y ${aptPackage}`;
  if (process.env.CI) throw new Error(`${tool} is required on CI but was not found: ${install}`);
  const line = '!'.repeat(72);
  process.stderr.write(`\n${line}\n  SKIPPING ${suites}: install ${tool} (${install})\n${line}\n\n`);
}
