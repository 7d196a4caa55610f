/**
 * A real Janus for the SFU suites, started like Redis in test/global-setup.ts: on a free port, from a
 * generated config directory, stopped at teardown. Provided to tests as inject('janusUrl').
 *
 * The loopback trap (../shared/ENVIRONMENT.md, "Janus"): Janus never gathers ICE candidates on a
 * loopback interface and falls back to every other address of the machine. Tests must keep media on
 * 127.0.0.1, so Janus runs with a small LD_PRELOAD shim (compiled here with gcc) around getifaddrs()
 * that shows `lo` without its loopback flag and every other interface as down: Janus's only
 * candidate is then 127.0.0.1. The browser side is kept on 127.0.0.1 by e2e/loopback-ice.ts; a page
 * still sends connectivity checks from its other addresses (hidden from signalling, but gathered), so
 * the shim also drops Janus's datagrams to anything but loopback: those checks get no answer.
 *
 * Janus is started only when the run's selected files include an SFU suite (SFU_FILE), so other runs
 * pay nothing for it. Without janus (or gcc) the SFU suites are skipped with a boxed notice; on CI that
 * fails the run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { janusLibDir } from './janus-lib.mjs';
import { findOnPath, freePort, missing, stopProcess } from './processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    janusUrl: string | null;
  }
}

const START_TIMEOUT_MS = 20_000;

const SHIM_C = `#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <ifaddrs.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
/* lo looks like an ordinary interface (Janus skips loopback ones); every other interface looks down. */
int getifaddrs(struct ifaddrs **ifap) {
  static int (*real)(struct ifaddrs **) = 0;
  if (!real) real = (int (*)(struct ifaddrs **))dlsym(RTLD_NEXT, "getifaddrs");
  int rc = real(ifap);
  if (rc != 0) return rc;
  for (struct ifaddrs *i = *ifap; i; i = i->ifa_next) {
    if (i->ifa_name && strcmp(i->ifa_name, "lo") == 0) i->ifa_flags &= ~IFF_LOOPBACK;
    else i->ifa_flags &= ~(IFF_UP | IFF_RUNNING);
  }
  return 0;
}
/* Datagrams to anything but loopback are dropped (reported as sent): a page's connectivity check from
   another local address then gets no answer, so only 127.0.0.1 pairs succeed. */
static int blocked(const struct sockaddr *a) {
  if (!a) return 0;
  if (a->sa_family == AF_INET) return (ntohl(((const struct sockaddr_in *)a)->sin_addr.s_addr) >> 24) != 127;
  if (a->sa_family == AF_INET6) {
    const struct in6_addr *x = &((const struct sockaddr_in6 *)a)->sin6_addr;
    return !IN6_IS_ADDR_LOOPBACK(x) && !(IN6_IS_ADDR_V4MAPPED(x) && x->s6_addr[12] == 127);
  }
  return 0;
}
/* A slow downlink for one receiver: $JANUS_LINK_FILE holds "<port> <bytes per second>"; datagrams to
   127.0.0.1:<port> beyond that rate are dropped (a token bucket holding one second of the rate, like a
   router's queue: a key frame passes, a stream above the rate loses what does not fit), as a full link does.
   A missing or empty file limits nothing. Re-read at most every 200 ms. */
static pthread_mutex_t link_mu = PTHREAD_MUTEX_INITIALIZER;
static int link_port = 0;
static double link_rate = 0, link_tokens = 0, link_last = 0, link_read = -1;
static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static int limited(const struct sockaddr *a, size_t len) {
  static const char *file = 0;
  static int looked = 0;
  if (!looked) { file = getenv("JANUS_LINK_FILE"); looked = 1; }
  if (!file || !a || a->sa_family != AF_INET) return 0;
  int drop = 0;
  pthread_mutex_lock(&link_mu);
  double now = now_s();
  if (link_read < 0 || now - link_read > 0.2) {
    link_read = now;
    int port = 0;
    double rate = 0;
    FILE *f = fopen(file, "r");
    if (f) {
      if (fscanf(f, "%d %lf", &port, &rate) != 2) port = 0;
      fclose(f);
    }
    if (port != link_port || rate != link_rate) {
      link_port = port;
      link_rate = rate;
      link_tokens = rate;
      link_last = now;
    }
  }
  if (link_port && ntohs(((const struct sockaddr_in *)a)->sin_port) == link_port) {
    double burst = link_rate < 3000 ? 3000 : link_rate;
    link_tokens += (now - link_last) * link_rate;
    link_last = now;
    if (link_tokens > burst) link_tokens = burst;
    if (link_tokens >= (double)len) link_tokens -= (double)len;
    else drop = 1;
  }
  pthread_mutex_unlock(&link_mu);
  return drop;
}
static size_t total(const struct msghdr *m) {
  size_t n = 0;
  for (size_t i = 0; i < m->msg_iovlen; i++) n += m->msg_iov[i].iov_len;
  return n;
}
ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen) {
  static ssize_t (*real)(int, const void *, size_t, int, const struct sockaddr *, socklen_t) = 0;
  if (!real) real = (ssize_t (*)(int, const void *, size_t, int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "sendto");
  if (blocked(to) || limited(to, len)) return (ssize_t)len;
  return real(fd, buf, len, flags, to, tolen);
}
static ssize_t (*real_sendmsg)(int, const struct msghdr *, int) = 0;
ssize_t sendmsg(int fd, const struct msghdr *m, int flags) {
  if (!real_sendmsg) real_sendmsg = (ssize_t (*)(int, const struct msghdr *, int))dlsym(RTLD_NEXT, "sendmsg");
  const struct sockaddr *to = (const struct sockaddr *)m->msg_name;
  if (blocked(to) || limited(to, total(m))) return (ssize_t)total(m);
  return real_sendmsg(fd, m, flags);
}
int sendmmsg(int fd, struct mmsghdr *v, unsigned int n, int flags) {
  for (unsigned int i = 0; i < n; i++) {
    ssize_t r = sendmsg(fd, &v[i].msg_hdr, flags);
    if (r < 0) return i > 0 ? (int)i : -1;
    v[i].msg_len = (unsigned int)r;
  }
  return (int)n;
}
`;

export interface JanusProcess {
  url: string;
  dir: string;
  process: ChildProcess;
  /** A slow downlink: what Janus sends to 127.0.0.1:`port` beyond `kbps` is dropped; null lifts it. */
  limitDownlink(port: number | null, kbps?: number): void;
  stop(): Promise<void>;
}

/** The test files that need a Janus: sfu*.int.test.ts and sfu*.e2e.test.ts (a new one is named so). */
const SFU_FILE = /\/sfu[\w-]*\.(int|e2e)\.test\.ts$/;

/** Global setup hook: provides `janusUrl` (null when no selected file needs it) and returns the teardown. */
export async function setupJanus(project: TestProject): Promise<() => Promise<void>> {
  if (!(await runIncludesSfu(project))) {
    project.provide('janusUrl', null);
    return async () => {};
  }
  const binary = findOnPath('janus');
  const gcc = findOnPath('gcc') ?? findOnPath('cc');
  if (!binary || !gcc) {
    missing(binary ? 'gcc' : 'janus', 'SFU (Janus) suites', binary ? 'gcc' : 'janus');
    project.provide('janusUrl', null);
    return async () => {};
  }
  const janus = await startJanus();
  project.provide('janusUrl', janus.url);
  return () => janus.stop();
}

/**
 * Whether this project's files selected for this run include an SFU suite. (The setup runs for the root
 * project too, which runs no files of its own: it starts no Janus.)
 */
async function runIncludesSfu(project: TestProject): Promise<boolean> {
  // The run's file filters: not public API, so anything unexpected counts as "maybe" and starts Janus.
  const vitest = project.vitest as TestProject['vitest'] & { filenamePattern?: string[] };
  try {
    const specs = await vitest.getRelevantTestSpecifications(vitest.filenamePattern);
    return specs.some((s) => s.project.name === project.name && SFU_FILE.test(s.moduleId));
  } catch {
    return true;
  }
}

let shimPath: string | null = null;

/** Compiles the getifaddrs shim once per run. */
function shim(root: string): string {
  // Compiled into the first Janus's folder; a Janus stopped earlier in this process took that folder with it.
  if (shimPath && existsSync(shimPath)) return shimPath;
  const src = path.join(root, 'loopback-shim.c');
  const out = path.join(root, 'loopback-shim.so');
  writeFileSync(src, SHIM_C);
  execFileSync(findOnPath('gcc') ?? 'cc', ['-shared', '-fPIC', '-O2', '-o', out, src, '-ldl', '-lpthread']);
  shimPath = out;
  return out;
}

/** Starts one Janus (VideoRoom + websockets only) on a free port; tests may start more (failover). */
export async function startJanus(): Promise<JanusProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jumelage-janus-'));
  const preload = shim(dir);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    writeConfig(dir, port);
    try {
      const child = await launch(dir, port, preload);
      return {
        url: `ws://127.0.0.1:${port}`,
        dir,
        process: child,
        limitDownlink(limitPort, kbps = 0) {
          writeFileSync(linkFile(dir), limitPort === null ? '' : `${limitPort} ${(kbps * 1000) / 8}\n`);
        },
        async stop() {
          await stopProcess(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`Could not start janus: ${String(lastError)}`);
}

const linkFile = (dir: string) => path.join(dir, 'link');

function writeConfig(dir: string, port: number) {
  const conf = path.join(dir, 'conf');
  mkdirSync(conf, { recursive: true });
  const LIB = janusLibDir();
  const allBut = (kind: string, keep: string) =>
    `${kind}: { disable = "${listLibs(kind)
      .filter((f) => f !== keep)
      .join(',')}" }`;
  writeFileSync(
    path.join(conf, 'janus.jcfg'),
    [
      'general: {',
      `  configs_folder = "${conf}"`,
      `  plugins_folder = "${LIB}/plugins"`,
      `  transports_folder = "${LIB}/transports"`,
      `  events_folder = "${LIB}/events"`,
      `  loggers_folder = "${LIB}/loggers"`,
      '  debug_level = 3',
      '  debug_colors = false',
      '  interface = "127.0.0.1"',
      '  session_timeout = 60',
      '}',
      allBut('plugins', 'libjanus_videoroom.so'),
      allBut('transports', 'libjanus_websockets.so'),
      'events: { broadcast = false }',
      'loggers: { disable = "libjanus_jsonlog.so" }',
      'media: { ipv6 = false }',
      'nat: { ice_enforce_list = "lo", ignore_mdns = true, nice_debug = false }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(conf, 'janus.transport.websockets.jcfg'),
    `general: { ws = true, ws_port = ${port}, ws_interface = "lo", wss = false }\nadmin: { admin_ws = false }\n`,
  );
  writeFileSync(path.join(conf, 'janus.plugin.videoroom.jcfg'), 'general: { }\n');
}

const LIBS: Record<string, string[]> = {};
function listLibs(kind: string): string[] {
  if (!LIBS[kind]) {
    const names = execFileSync('ls', [path.join(janusLibDir(), kind)], { encoding: 'utf8' }).split('\n');
    LIBS[kind] = names.filter((n) => n.endsWith('.so'));
  }
  return LIBS[kind]!;
}

async function launch(dir: string, port: number, preload: string): Promise<ChildProcess> {
  const conf = path.join(dir, 'conf');
  const child = spawn(findOnPath('janus') ?? 'janus', ['-C', path.join(conf, 'janus.jcfg'), '-F', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LD_PRELOAD: preload, JANUS_LINK_FILE: linkFile(dir) },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`janus exited on port ${port}: ${output.trim().slice(-1500)}`);
    if (await accepts(port)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopProcess(child);
  throw new Error(`janus did not listen on port ${port} within ${START_TIMEOUT_MS} ms: ${output.trim().slice(-1500)}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
