/** The simulated people of bench/breakouts.mjs, in their own process: one moderator and N participants. */
import { io } from 'socket.io-client';

const { OURS_URL, BARE_URL } = process.env;
const N = Number(process.env.PARTICIPANTS);
const ROOMS = Number(process.env.ROOMS);
const ROTATIONS = Number(process.env.ROTATIONS);
const CYCLES = Number(process.env.CYCLES ?? 3);
const pause = () => new Promise((r) => setTimeout(r, 150));
const TOWNS = ['Kamen', 'Wołów', 'Ville-sur-Mer', 'Chemnitz'];
const PROTOCOL_VERSION = 1;

const connect = (url) =>
  new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const call = async (s, event, payload) => {
  const r = await s.timeout(30_000).emitWithAck(event, payload);
  if (!r.ok) throw new Error(`${event}: ${r.code} ${r.message}`);
  return r.data;
};
async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/** Like the browser client: a person who is moved acknowledges the new room; the time the ack returns is kept. */
function follow(person, event, ackEvent) {
  person.acks = [];
  person.socket.on(event, ({ moves }) => {
    const mine = moves.find((m) => m.participantId === person.id);
    if (mine)
      void call(person.socket, ackEvent, { roomId: mine.roomId }).then(() =>
        person.acks.push({ roomId: mine.roomId, at: performance.now() }),
      );
  });
}

/** Resolves with ms from `start` to the last acknowledgement of an expected move (polling the kept times). */
async function allAcked(people, expected, start, limitMs = 60_000) {
  const byId = new Map(people.map((p) => [p.id, p]));
  for (;;) {
    const times = [...expected].map(
      ([id, room]) => byId.get(id).acks.find((a) => a.roomId === room && a.at >= start)?.at,
    );
    if (times.every((t) => t !== undefined)) return Math.max(start, ...times) - start;
    if (performance.now() - start > limitMs)
      throw new Error(`only ${times.filter(Boolean).length} of ${expected.size} acks`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

const changed = (before, after) => new Map(Object.entries(after).filter(([id, room]) => before[id] !== room));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  // Ours: a workshop, a moderator, N participants from four towns, ROOMS rooms.
  const admin = await connect(OURS_URL);
  const created = await call(admin, 'workshop:create', { title: 'Bench', languages: ['de', 'fr', 'pl'] });
  const code = created.workshop.code;
  const mod = await connect(OURS_URL);
  await call(mod, 'workshop:join', {
    v: PROTOCOL_VERSION,
    code,
    name: 'Moderator',
    town: 'Kamen',
    moderatorKey: created.moderatorKey,
  });
  const ours = await inBatches([...Array(N).keys()], 25, async (i) => {
    const socket = await connect(OURS_URL);
    const snap = await call(socket, 'workshop:join', {
      v: PROTOCOL_VERSION,
      code,
      name: `P${i}`,
      town: TOWNS[i % TOWNS.length],
      languages: ['de'],
    });
    return { id: snap.self.id, socket };
  });
  ours.forEach((p) => follow(p, 'breakout:moved', 'breakout:ack'));
  let view = await call(mod, 'breakout:rooms', {
    version: 0,
    rooms: Array.from({ length: ROOMS }, () => ({ name: '' })),
  });
  view = await call(mod, 'breakout:assign', { version: view.version, mode: 'random', seed: 1 });

  // Bare: the same number of clients, with the same ids.
  const bareMod = await connect(BARE_URL);
  const bare = await inBatches(ours, 25, async (p) => {
    const socket = await connect(BARE_URL);
    await call(socket, 'hello', { id: p.id });
    return { id: p.id, socket };
  });
  bare.forEach((p) => follow(p, 'moved', 'ack'));

  // One unmeasured warm-up cycle, then CYCLES measured ones: open, ROTATIONS reshuffles, call back.
  const transitions = [];
  for (let cycle = 0; cycle <= CYCLES; cycle++) {
    let previous = Object.fromEntries(ours.map((p) => [p.id, 'plenary']));
    for (let step = 0; step <= ROTATIONS; step++) {
      // Ours: "open" the first time, then a reshuffle of the open rooms with a new seed.
      const start = performance.now();
      view =
        step === 0
          ? await call(mod, 'breakout:open', { version: view.version, durationMs: 3_600_000 })
          : await call(mod, 'breakout:assign', { version: view.version, mode: 'random', seed: 100 * cycle + step });
      const expected = changed(previous, view.plan);
      const oursMs = await allAcked(ours, expected, start);
      await pause();

      // Bare: the same moves, the same acknowledgements.
      const moves = [...expected].map(([participantId, roomId]) => ({ participantId, roomId }));
      const bareStart = performance.now();
      await call(bareMod, 'open', { moves });
      const bareMs = await allAcked(bare, expected, bareStart);
      if (cycle > 0) transitions.push({ cycle, step, moved: moves.length, ours: oursMs, bare: bareMs });
      previous = view.plan;
      await pause();
    }
    view = await call(mod, 'breakout:close', {});
    await call(bareMod, 'open', { moves: ours.map((p) => ({ participantId: p.id, roomId: 'plenary' })) });
    await pause();
  }
  for (const t of transitions)
    console.error(
      `  cycle ${t.cycle} ${t.step === 0 ? 'open    ' : `rotate ${t.step}`}: ${t.moved} moved, ours ${t.ours.toFixed(1)} ms, bare ${t.bare.toFixed(1)} ms`,
    );
  const opens = transitions.filter((t) => t.step === 0);
  const rotations = transitions.filter((t) => t.step > 0);
  process.send({
    type: 'results',
    results: [
      {
        scenario: 'breakouts-open',
        extra: `cycles=${CYCLES} moved=${opens[0].moved} `,
        ours: median(opens.map((t) => t.ours)),
        bare: median(opens.map((t) => t.bare)),
      },
      {
        scenario: 'breakouts-rotate',
        extra: `cycles=${CYCLES} rotations=${ROTATIONS} `,
        ours: median(rotations.map((r) => r.ours)),
        bare: median(rotations.map((r) => r.bare)),
      },
    ],
  });
  for (const p of [...ours, ...bare]) p.socket.disconnect();
  admin.disconnect();
  mod.disconnect();
  bareMod.disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
