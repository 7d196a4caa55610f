/**
 * The churn of bench/soak.mjs, in its own process: for `seconds`, about three live workshops at a time,
 * each with a moderator and people who join, leave, drop without a word, vote in polls, draw strokes on
 * the board and are sent into breakout rooms and back; now and then a workshop ends and a new one starts.
 * Every socket is closed at the end. Reports what it did (and every refusal) to the parent over IPC.
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const { urls, seconds, version } = JSON.parse(process.argv[2]);
const LIVE = 3;
const MAX_PEOPLE = 25;
const TICK_MS = 50;
const counts = { created: 0, ended: 0, joins: 0, leaves: 0, drops: 0, votes: 0, polls: 0, strokes: 0, breakouts: 0 };
const errors = {};
const workshops = [];
const endedIds = [];
let n = 0;

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
const connect = (url) =>
  new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
async function call(s, event, payload) {
  const r = await s.timeout(20_000).emitWithAck(event, payload);
  if (!r.ok) {
    errors[`${event}:${r.code}`] = (errors[`${event}:${r.code}`] ?? 0) + 1;
    return null;
  }
  return r.data;
}

async function create() {
  const admin = await connect(pick(urls));
  const made = await call(admin, 'workshop:create', { title: `Soak ${n++}`, languages: ['de', 'fr', 'pl'] });
  admin.disconnect();
  if (!made) return;
  const mod = await connect(pick(urls));
  const me = await call(mod, 'workshop:join', {
    v: version,
    code: made.workshop.code,
    name: 'Moderator',
    town: 'Kamen',
    moderatorKey: made.moderatorKey,
  });
  if (!me) return;
  counts.created++;
  workshops.push({
    id: made.workshop.id,
    code: made.workshop.code,
    mod,
    people: [],
    poll: null,
    rooms: 'none',
    born: performance.now(),
  });
}

async function join(w) {
  const s = await connect(pick(urls));
  const snap = await call(s, 'workshop:join', {
    v: version,
    code: w.code,
    name: `Person ${n++}`,
    town: pick(['Kamen', 'Wołów', 'Ville-sur-Mer']),
    media: false,
  });
  if (!snap) return void s.disconnect();
  counts.joins++;
  w.people.push({ s, id: snap.self.id });
}

function takeSomeone(w) {
  const i = Math.floor(Math.random() * w.people.length);
  return w.people.splice(i, 1)[0];
}

async function leave(w) {
  const p = takeSomeone(w);
  await call(p.s, 'workshop:leave', {});
  p.s.disconnect();
  counts.leaves++;
}

function drop(w) {
  takeSomeone(w).s.disconnect(); // gone without a word: reconnecting, then offline
  counts.drops++;
}

async function poll(w) {
  if (!w.poll) {
    const created = await call(w.mod, 'poll:create', { question: 'Oui ou non ?', kind: 'yesno' });
    if (created && (await call(w.mod, 'poll:launch', { pollId: created.id }))) {
      w.poll = { id: created.id, votes: 0 };
      counts.polls++;
    }
    return;
  }
  if (w.poll.votes >= 15 || w.people.length === 0) {
    await call(w.mod, 'poll:close', { pollId: w.poll.id });
    w.poll = null;
    return;
  }
  const voter = pick(w.people);
  if (await call(voter.s, 'poll:vote', { pollId: w.poll.id, choices: [pick(['yes', 'no', 'abstain'])] })) {
    w.poll.votes++;
    counts.votes++;
  }
}

async function stroke(w) {
  const drawer = pick(w.people);
  const points = [];
  for (let k = 0; k < 20; k++) points.push(k * 5, Math.round(Math.sin(k + n) * 30));
  const item = {
    kind: 'stroke',
    id: `s${n++}`,
    x: n % 1500,
    y: n % 900,
    tool: 'pen',
    color: '#1f4e79',
    width: 3,
    points,
  };
  if (await call(drawer.s, 'board:op', { op: { type: 'add', item } })) counts.strokes++;
}

/** Rooms made, people assigned, rooms opened, everyone called back: one step per call. */
async function breakout(w) {
  const view = await call(w.mod, 'breakout:sync', {});
  if (!view) return;
  if (w.rooms === 'none') {
    const made = await call(w.mod, 'breakout:rooms', {
      version: view.version,
      rooms: [{ name: 'Salon' }, { name: 'Küche' }, { name: 'Garten' }],
    });
    const assigned =
      made && (await call(w.mod, 'breakout:assign', { version: made.version, mode: 'random', seed: n++ }));
    if (assigned && (await call(w.mod, 'breakout:open', { version: assigned.version, durationMs: 3_600_000 })))
      w.rooms = 'open';
  } else if (await call(w.mod, 'breakout:close', {})) {
    w.rooms = 'none';
    counts.breakouts++;
  }
}

async function end(w) {
  workshops.splice(workshops.indexOf(w), 1);
  await call(w.mod, 'workshop:end', {});
  for (const p of w.people) p.s.disconnect();
  w.mod.disconnect();
  endedIds.push(w.id);
  counts.ended++;
}

async function step() {
  if (workshops.length < LIVE) return create();
  const w = pick(workshops);
  const roll = Math.random();
  if (w.people.length < 5 || (roll < 0.2 && w.people.length < MAX_PEOPLE)) return join(w);
  if (roll < 0.27) return leave(w);
  if (roll < 0.32) return drop(w);
  if (roll < 0.6) return poll(w);
  if (roll < 0.9) return stroke(w);
  if (roll < 0.99) return breakout(w);
  if (performance.now() - w.born > 20_000) return end(w);
}

const deadline = performance.now() + seconds * 1000;
process.send({ type: 'ready' });
while (performance.now() < deadline) {
  await step().catch((err) => (errors[`thrown:${err.message}`] = (errors[`thrown:${err.message}`] ?? 0) + 1));
  await new Promise((r) => setTimeout(r, TICK_MS));
}
const live = workshops.map((w) => w.id);
for (const w of workshops) {
  for (const p of w.people) p.s.disconnect();
  w.mod.disconnect();
}
process.send({ type: 'done', counts, errors, live, ended: endedIds });
process.on('message', (m) => m.type === 'exit' && process.exit(0));
