/**
 * Simulated people of bench/storm.mjs, in their own process: `count` socket.io-client connections spread
 * over the nodes, each joined (Jumelage: to the one workshop; bare: a hello). On `drop` every client's
 * transport is closed at once (a network blip: the servers see every connection go), Socket.IO's own
 * reconnection brings each back after the browser's delay, and the client resumes with its token.
 * Reports to the parent over IPC: per client, the ms from the drop to the resume's ack and whether it
 * came back as itself.
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const { urls, count, offset, mode, code, version } = JSON.parse(process.argv[2]);
const TOWNS = ['Kamen', 'Wołów', 'Ville-sur-Mer', 'Chemnitz'];
/** Like the browser's requests (client/net/link.ts): 10 s, then tried again. */
const ACK_TIMEOUT_MS = 10_000;
const GIVE_UP_MS = 60_000;
/** Clients that keep the whole participant list as the page does, to check it against the server's. */
const WATCHERS = 5;
const clients = [];

/** The page's participant view (client/workshops/people.ts in short): newest seq wins, contiguous `known`. */
function roster() {
  return { people: new Map(), known: 0, rooms: 0, ahead: new Set(), early: null, events: 0, messages: 0 };
}
function countSeq(r, seq) {
  if (seq <= r.known) return;
  r.ahead.add(seq);
  while (r.ahead.delete(r.known + 1)) r.known++;
}
function upsert(r, p, watch) {
  r.events++;
  // Like the page: while a resume is on its way, events wait and are applied on top of its snapshot.
  if (r.early) return void r.early.push(p);
  apply(r, p, watch);
}
function apply(r, p, watch) {
  if (p.presenceOnly) {
    const before = r.people.get(p.id);
    if (watch && before && p.seq > before.seq) r.people.set(p.id, { ...before, presence: p.presence, seq: p.seq });
    return countSeq(r, p.seq);
  }
  if (watch) {
    const before = r.people.get(p.id);
    if (!before || p.seq > before.seq) r.people.set(p.id, p);
  }
  countSeq(r, p.seq);
}
/** A snapshot, or a delta (`delta` set: only those changed since, on top of what is known; client/workshops/people.ts). */
function applySnapshot(r, snap, watch) {
  if (watch) {
    if (!snap.delta) r.people = new Map();
    for (const id of snap.delta?.removed ?? []) r.people.delete(id);
    for (const p of snap.participants) {
      const before = r.people.get(p.id);
      if (!before || p.seq >= before.seq || !snap.delta) r.people.set(p.id, p);
    }
    for (const { id, presence, seq } of snap.delta?.presence ?? []) {
      const before = r.people.get(id);
      if (before && seq >= before.seq) r.people.set(id, { ...before, presence, seq });
    }
  }
  if (snap.participantsSeq > r.known) r.known = snap.participantsSeq;
  if (snap.roomsVersion > r.rooms) r.rooms = snap.roomsVersion;
  for (const n of [...r.ahead]) if (n <= r.known) r.ahead.delete(n);
  while (r.ahead.delete(r.known + 1)) r.known++;
  const early = r.early ?? [];
  r.early = null;
  for (const p of early) apply(r, p, watch);
}

const connect = (url) =>
  new Promise((resolve, reject) => {
    // The browser's reconnection settings (client/net/connection.ts uses Socket.IO's defaults).
    const s = io(url, { transports: ['websocket'], forceNew: true, timeout: 20_000 });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

async function prepare(i) {
  const index = offset + i;
  const s = await connect(urls[index % urls.length]);
  const c = { s, index, watch: i < WATCHERS, r: roster(), id: null, saved: null, dropAt: 0, ms: null, self: false };
  if (mode === 'ours') {
    s.onAny((event) => event.startsWith('participant:') && c.r.messages++);
    s.on('participant:joined', (p) => upsert(c.r, p, c.watch));
    s.on('participant:updated', (p) => upsert(c.r, p, c.watch));
    s.on('participant:batch', ({ participants, presence }) => {
      for (const p of participants) upsert(c.r, p, c.watch);
      for (const q of presence) upsert(c.r, { ...q, presenceOnly: true }, c.watch);
    });
    s.on('participant:left', ({ participantId, seq }) => {
      c.r.events++;
      const p = c.r.people.get(participantId);
      if (c.watch && p && seq > p.seq) c.r.people.set(participantId, { ...p, presence: 'offline', seq });
      countSeq(c.r, seq);
    });
    // Like the page (client/workshops/state.ts): events wait while the join is on its way, since its
    // snapshot may be older than they are (read after this socket joined the workshop's room).
    c.r.early = [];
    const r = await s.timeout(60_000).emitWithAck('workshop:join', {
      v: version,
      code,
      name: `Person ${index}`,
      town: TOWNS[index % TOWNS.length],
      media: false,
    });
    if (!r.ok) throw new Error(`join ${index}: ${r.code} ${r.message}`);
    c.id = r.data.self.id;
    c.saved = { workshopId: r.data.workshop.id, participantId: r.data.self.id, resumeToken: r.data.resumeToken };
    applySnapshot(c.r, r.data, c.watch);
  } else {
    c.id = `p${index}`;
    const r = await s.timeout(60_000).emitWithAck('hello', { id: c.id });
    if (!r.ok) throw new Error('hello failed');
  }
  // Every new connection after the drop resumes (as the page does).
  s.on('connect', () => c.dropAt > 0 && void resume(c));
  clients[i] = c;
}

async function resume(c) {
  if (c.ms !== null || c.resuming) return;
  c.resuming = true;
  try {
    while (c.ms === null && performance.now() - c.dropAt < GIVE_UP_MS && c.s.connected) {
      try {
        if (mode === 'ours') {
          const since = { participantsSeq: c.r.known, roomsVersion: c.r.rooms };
          c.r.early ??= [];
          const r = await c.s.timeout(ACK_TIMEOUT_MS).emitWithAck('workshop:resume', { v: version, ...c.saved, since });
          if (!r.ok) {
            c.error = r.code;
            return;
          }
          applySnapshot(c.r, r.data, c.watch);
          c.self = r.data.self.id === c.id;
          c.delta = r.data.delta !== undefined;
        } else {
          const r = await c.s.timeout(ACK_TIMEOUT_MS).emitWithAck('resume', { id: c.id });
          c.self = r.ok && r.data.id === c.id;
        }
        c.ms = performance.now() - c.dropAt;
      } catch {
        c.timeouts = (c.timeouts ?? 0) + 1;
      }
    }
  } finally {
    c.resuming = false;
  }
}

async function inBatches(n, size, fn) {
  for (let i = 0; i < n; i += size)
    await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => fn(i + k)));
}

process.on('message', async (m) => {
  if (m.type === 'drop') {
    const at = performance.now();
    for (const c of clients) {
      c.dropAt = at;
      c.r.events = 0;
      c.r.messages = 0;
      c.s.io.engine.close();
    }
  }
  if (m.type === 'report') {
    const cpu = process.cpuUsage();
    process.send({
      type: 'report',
      cpuS: (cpu.user + cpu.system) / 1e6,
      clients: clients.map((c) => ({
        ms: c.ms,
        self: c.self,
        error: c.error ?? null,
        timeouts: c.timeouts ?? 0,
        events: c.r.events,
        messages: c.r.messages,
        delta: c.delta ?? false,
      })),
      views: clients
        .filter((c) => c.watch)
        .map((c) => [...c.r.people.values()].map((p) => [p.id, p.presence, p.seq, c.r.known, c.r.ahead.size])),
    });
  }
  if (m.type === 'exit') {
    for (const c of clients) c.s.disconnect();
    process.exit(0);
  }
});

try {
  await inBatches(count, 25, prepare);
  process.send({ type: 'ready' });
} catch (err) {
  console.error(err);
  process.exit(1);
}
