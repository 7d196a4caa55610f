/** The simulated clients of bench/boards.mjs (a separate process, so they do not share the servers' CPU time slice). */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const opts = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 };
const connect = (url) =>
  new Promise((resolve, reject) => {
    const s = io(url, opts);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const must = (ack) => {
  if (!ack?.ok) throw new Error(`ack failed: ${JSON.stringify(ack).slice(0, 200)}`);
  return ack.data;
};
async function pool(n, width, fn) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}
function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** A finished stroke of 20 points; its id carries the send time (µs since this process started). */
function stroke(room, i) {
  const points = [];
  for (let k = 0; k < 20; k++) points.push(k * 5, Math.round(Math.sin(k + i) * 30));
  return {
    kind: 'stroke',
    id: `t${Math.round(performance.now() * 1000)}r${room}i${i}`,
    x: (i * 13) % 1500,
    y: (i * 7) % 900,
    tool: 'pen',
    color: '#1f4e79',
    width: 3,
    points,
  };
}
const sentAt = (id) => Number(id.slice(1, id.indexOf('r'))) / 1000;

async function setupOurs(url, s) {
  const rooms = await pool(s.rooms, 10, async () => {
    const creator = await connect(url);
    const created = must(await creator.emitWithAck('workshop:create', { title: 'Bench', languages: ['de'] }));
    creator.close();
    const code = created.workshop.code;
    const sockets = await pool(s.clients, 5, async (i) => {
      const sock = await connect(url);
      must(
        await sock.emitWithAck('workshop:join', {
          v: 1,
          code,
          name: `P${i}`,
          town: 'Kamen',
          ...(i === 0 ? { moderatorKey: created.moderatorKey } : {}),
        }),
      );
      return sock;
    });
    return { drawer: sockets[0], watchers: sockets.slice(1), all: sockets };
  });
  return {
    rooms,
    listen: (w, onId) =>
      w.on('board:ops', (e) => {
        for (const op of e.ops) if (op.kind === 'put') onId(op.items[0].id);
      }),
    send: (room, r, i) =>
      room.drawer.emit('board:op', { op: { type: 'add', item: stroke(r, i) } }, (ack) => {
        if (!ack.ok) errors.push(ack.code);
      }),
  };
}

async function setupRelay(url, s) {
  const rooms = await pool(s.rooms, 10, async (r) => {
    const sockets = await pool(s.clients, 5, async () => {
      const sock = await connect(url);
      await sock.emitWithAck('join', `room-${r}`);
      return sock;
    });
    return { drawer: sockets[0], watchers: sockets.slice(1), all: sockets };
  });
  return {
    rooms,
    listen: (w, onId) => w.on('op', (op) => onId(op.op.item.id)),
    send: (room, r, i) => room.drawer.emit('op', `room-${r}`, { op: { type: 'add', item: stroke(r, i) } }, () => {}),
  };
}

const errors = [];

/**
 * Both setups stay connected and take turns in short rounds (relay, boards, relay, ...), so a
 * machine shared with other work slows both alike; the latencies of all rounds are pooled.
 */
async function fanout(setups, s) {
  const latencies = setups.map(() => []);
  const sentTotal = setups.map(() => 0);
  let active = -1;
  setups.forEach((setup, k) => {
    for (const room of setup.rooms)
      for (const w of room.watchers)
        setup.listen(w, (id) => active === k && latencies[k].push(performance.now() - sentAt(id)));
  });
  const interval = 1000 / s.opsPerSecond;
  const run = async (setup, seconds) => {
    const start = performance.now();
    let sent = 0;
    // Each drawer keeps its own steady pace; rooms are offset so they do not all fire together.
    await Promise.all(
      setup.rooms.map(async (room, r) => {
        const offset = (r * interval) / setup.rooms.length;
        await sleep(offset);
        for (let i = 0; performance.now() - start < seconds * 1000; i++) {
          setup.send(room, r, i);
          sent++;
          await sleep(Math.max(0, start + offset + (i + 1) * interval - performance.now()));
        }
      }),
    );
    await sleep(400);
    return sent;
  };
  for (const setup of setups) await run(setup, 1); // warm-up, not measured
  // Short alternating rounds; each round's p95 is compared with the other setup's adjacent round.
  const rounds = Math.max(2, Math.round(s.seconds));
  const perRound = setups.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < setups.length; k++) {
      const before = latencies[k].length;
      active = k;
      process.send({ phase: k, on: true });
      sentTotal[k] += await run(setups[k], s.seconds / rounds);
      process.send({ phase: k, on: false });
      active = -1;
      const mine = latencies[k].slice(before).sort((a, b) => a - b);
      perRound[k].push(percentile(mine, 95));
    }
  }
  return latencies.map((l, k) => {
    l.sort((a, b) => a - b);
    return {
      p50: percentile(l, 50),
      p95: percentile(l, 95),
      delivered: l.length,
      expected: sentTotal[k] * (s.clients - 1),
      rounds: perRound[k],
    };
  });
}

async function lateJoiner(ours, relayUrl, s) {
  const created = must(
    await (await connect(ours)).emitWithAck('workshop:create', { title: 'Late', languages: ['de'] }),
  );
  const drawer = await connect(ours);
  must(await drawer.emitWithAck('workshop:join', { v: 1, code: created.workshop.code, name: 'Drawer', town: 'Kamen' }));
  // Build the board: strokes, cards and moves, acked one window at a time.
  for (let i = 0; i < s.lateOps; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, s.lateOps - i) }, (_, k) => {
        const n = i + k;
        const op =
          n % 10 === 9
            ? { type: 'update', id: `c${n - 9}`, patch: { x: n, y: n % 300 } }
            : n % 10 === 0
              ? {
                  type: 'add',
                  item: {
                    kind: 'card',
                    id: `c${n}`,
                    x: n % 1500,
                    y: n % 900,
                    text: `Idee Nummer ${n}: gemeinsam mehr Austausch`,
                    color: '#fff176',
                    clusterId: null,
                  },
                }
              : { type: 'add', item: stroke(0, n) };
        return drawer.emitWithAck('board:op', { op }).then(must);
      }),
    );
  }
  const times = [];
  const relayTimes = [];
  let info = null;
  const late = await connect(ours);
  must(await late.emitWithAck('workshop:join', { v: 1, code: created.workshop.code, name: 'Late', town: 'Łódź' }));
  const rs = await connect(relayUrl);
  for (let t = 0; t < 7; t++) {
    const t0 = performance.now();
    const data = must(await late.emitWithAck('board:sync', { sinceSeq: 0 }));
    times.push(performance.now() - t0);
    if (!info) {
      info = {
        ops: data.head,
        items: data.kind === 'snapshot' ? data.snapshot.items.length : data.ops.length,
        kbytes: JSON.stringify(data).length / 1024,
      };
      await rs.emitWithAck('keep', data);
    }
    const r0 = performance.now();
    must(await rs.emitWithAck('sync', 0));
    relayTimes.push(performance.now() - r0);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ...info, tries: times.length, ours: median(times), relay: median(relayTimes) };
}

process.once('message', async ({ ours, relay, settings }) => {
  try {
    const relaySetup = await setupRelay(relay, settings);
    const ourSetup = await setupOurs(ours, settings);
    const [relayResult, ourResult] = await fanout([relaySetup, ourSetup], settings);
    for (const setup of [relaySetup, ourSetup]) setup.rooms.forEach((r) => r.all.forEach((sock) => sock.close()));
    if (errors.length) throw new Error(`refused ops: ${[...new Set(errors)].join(', ')} (${errors.length})`);
    const late = await lateJoiner(ours, relay, settings);
    process.send({ fanout: { relay: relayResult, ours: ourResult }, late });
  } catch (err) {
    process.send({ error: String(err?.stack ?? err) });
  }
});
