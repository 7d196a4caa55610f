/**
 * Who gets in, over real sockets, on the memory store and on Redis (and two nodes sharing one Redis).
 *
 * LOBBY1 [WS25] with the lobby on, a join is refused ('lobby'); a knock reaches the moderators; once let
 *        in, the knocker joins with the ticket as who they knocked as, once
 * LOBBY2 [WS25] a moderator sends someone away with a reason they read; they may knock again; a
 *        withdrawn knock, or one whose connection dropped, leaves the moderators' list
 * LOBBY3 [WS25] turning the lobby off lets everyone waiting in; a removed person cannot knock
 * LOBBY4 [WS26] a passcode: the preview says one is needed (never which); missing or wrong is refused,
 *        wrong ones run into the attempt limit; people inside see it; moderators need none; it does
 *        not get anyone past the lobby
 * LOBBY5 [WS27] the occupancy limit: the next person is told the workshop is full and gets in once
 *        someone leaves; a ticket that found it full still works later; moderators always get in
 * LOBBY7 [WS25] one address may knock at a workshop's lobby only so often (a flood cannot bury the
 *        moderators' list); the refusal says how long to wait; another workshop is not affected
 * LOBBY6 [WS25][WS27] two nodes: 50 people knock, two moderators on different nodes let everyone in at
 *        once: each is let in exactly once, and no more get in than the limit allows
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { KnockTicket } from '../../shared/workshops/schema.js';
import { testConfig, type Config } from '../config.js';
import {
  type ClientSocket,
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  request,
  startServer,
  type TestServer,
  twoNodes,
  waitFor,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person } from '../../test/workshop-helpers.js';

const newcomer = (code: string, name: string, extra: Record<string, unknown> = {}) => ({
  v: PROTOCOL_VERSION,
  code,
  name,
  town: 'Uden',
  ...extra,
});

/** A workshop with its moderator inside, and access set as given. */
async function workshopWithAccess(url: string, access: { lobby?: boolean; passcode?: string; limit?: number }) {
  const created = await createWorkshop(url);
  const code = created.workshop.code;
  const moderator = await joinAs(url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
  if (Object.keys(access).length > 0) await ok(moderator.socket, 'workshop:access', access);
  return { created, code, moderator };
}

async function knock(url: string, code: string, name: string, extra: Record<string, unknown> = {}) {
  const socket = await connectClient(url);
  const ticket = await ok(socket, 'lobby:knock', newcomer(code, name, extra));
  return { socket, ticket };
}

async function joinWithTicket(socket: ClientSocket, code: string, ticket: KnockTicket, name = 'Someone else') {
  return request(socket, 'workshop:join', newcomer(code, name, { knock: { id: ticket.knockId, token: ticket.token } }));
}

function suite(label: string, start: (config?: Partial<Config>) => Promise<TestServer>) {
  describe(`who gets in (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[LOBBY1] with the lobby on, newcomers knock, are let in and join as who they knocked as, once', async () => {
      const { code, moderator } = await workshopWithAccess(server.url, { lobby: true });
      const visitor = await connectClient(server.url);
      expect((await ok(visitor, 'workshop:preview', { code })).workshop).toMatchObject({ lobby: true });
      expect(await request(visitor, 'workshop:join', newcomer(code, 'Ana'))).toMatchObject({
        ok: false,
        code: 'lobby',
      });

      const heard = waitFor(moderator.socket, 'lobby:knocks');
      const ana = await knock(server.url, code, 'Ana', { kind: 'group', headcount: 12 });
      expect(ana.ticket.admitted).toBe(false);
      const knocks = await heard;
      expect(knocks).toEqual([
        {
          id: ana.ticket.knockId,
          name: 'Ana',
          town: 'Uden',
          languages: [],
          kind: 'group',
          headcount: 12,
          at: expect.any(Number),
        },
      ]);
      expect(await ok(moderator.socket, 'lobby:list', {})).toEqual(knocks);
      // The ticket is worth nothing before a moderator lets Ana in.
      const early = await connectClient(server.url);
      expect(await joinWithTicket(early, code, ana.ticket)).toMatchObject({ ok: false, code: 'lobby' });

      const letIn = waitFor(ana.socket, 'lobby:admitted');
      const emptied = waitFor(moderator.socket, 'lobby:knocks');
      expect(await ok(moderator.socket, 'lobby:admit', { knockIds: [ana.ticket.knockId] })).toBe(1);
      expect(await letIn).toEqual({ knockId: ana.ticket.knockId });
      expect(await emptied).toEqual([]);
      expect(await ok(moderator.socket, 'lobby:admit', { knockIds: [ana.ticket.knockId] })).toBe(0); // already in

      const joined = await joinWithTicket(ana.socket, code, ana.ticket, 'Not Ana');
      expect(joined).toMatchObject({
        ok: true,
        data: { self: { name: 'Ana', town: 'Uden', kind: 'group', headcount: 12 } },
      });
      // Once: the same ticket does not bring in a second person.
      const again = await connectClient(server.url);
      expect(await joinWithTicket(again, code, ana.ticket)).toMatchObject({ ok: false, code: 'lobby' });
      expect(await ok(moderator.socket, 'participant:sync', {})).toMatchObject({
        participants: [{ name: 'Mia' }, { name: 'Ana' }],
      });
    });

    test('[LOBBY1] only moderators see and answer the lobby', async () => {
      const { code, moderator } = await workshopWithAccess(server.url, { lobby: true });
      const ana = await knock(server.url, code, 'Ana');
      await ok(moderator.socket, 'lobby:admit', { all: true });
      const inside = await joinWithTicket(ana.socket, code, ana.ticket);
      expect(inside.ok).toBe(true);
      const ben = await knock(server.url, code, 'Ben');
      for (const [name, payload] of [
        ['lobby:list', {}],
        ['lobby:admit', { all: true }],
        ['lobby:deny', { knockId: ben.ticket.knockId }],
        ['workshop:access', { lobby: false }],
      ] as const) {
        expect({ name, ack: await request(ana.socket, name, payload as never) }).toMatchObject({
          name,
          ack: { ok: false, code: 'forbidden' },
        });
        expect({ name, ack: await request(ben.socket, name, payload as never) }).toMatchObject({
          name,
          ack: { ok: false, code: 'not_joined' },
        });
      }
      expect((await ok(moderator.socket, 'lobby:list', {})).map((k) => k.name)).toEqual(['Ben']);
    });

    test('[LOBBY2] sent away with a reason, knocking again; withdrawn and dropped knocks leave the list', async () => {
      const { code, moderator } = await workshopWithAccess(server.url, { lobby: true });
      const ana = await knock(server.url, code, 'Ana');
      const denied = waitFor(ana.socket, 'lobby:denied');
      await ok(moderator.socket, 'lobby:deny', { knockId: ana.ticket.knockId, reason: 'Nur für Mitglieder' });
      expect(await denied).toEqual({ knockId: ana.ticket.knockId, reason: 'Nur für Mitglieder' });
      expect(await ok(moderator.socket, 'lobby:list', {})).toEqual([]);
      expect(await request(moderator.socket, 'lobby:deny', { knockId: ana.ticket.knockId })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      // May knock again, from the same connection.
      const second = await ok(ana.socket, 'lobby:knock', newcomer(code, 'Ana'));
      expect(second.knockId).not.toBe(ana.ticket.knockId);
      expect((await ok(moderator.socket, 'lobby:list', {})).map((k) => k.name)).toEqual(['Ana']);

      const withdrawn = waitFor(moderator.socket, 'lobby:knocks');
      await ok(ana.socket, 'lobby:withdraw', {});
      expect(await withdrawn).toEqual([]);

      const ben = await knock(server.url, code, 'Ben');
      expect((await ok(moderator.socket, 'lobby:list', {})).map((k) => k.name)).toEqual(['Ben']);
      const dropped = waitFor(moderator.socket, 'lobby:knocks');
      ben.socket.disconnect();
      expect(await dropped).toEqual([]);
    });

    test('[LOBBY3] turning the lobby off lets everyone waiting in; a removed person cannot knock', async () => {
      const { code, moderator } = await workshopWithAccess(server.url, { lobby: true });
      const waiting = [await knock(server.url, code, 'Ana'), await knock(server.url, code, 'Ben')];
      const letIn = waiting.map((k) => waitFor(k.socket, 'lobby:admitted'));
      expect(await ok(moderator.socket, 'workshop:access', { lobby: false })).toMatchObject({ lobby: false });
      await Promise.all(letIn);
      const inside: Person[] = [];
      for (const k of waiting) {
        const r = await joinWithTicket(k.socket, code, k.ticket);
        if (!r.ok) throw new Error(r.message);
        inside.push({ socket: k.socket, snapshot: r.data, id: r.data.self.id, workshopId: r.data.workshop.id });
      }
      // With the lobby off a knock is let in at once.
      expect((await knock(server.url, code, 'Cem')).ticket.admitted).toBe(true);

      await ok(moderator.socket, 'workshop:access', { lobby: true });
      await ok(moderator.socket, 'participant:remove', { participantId: inside[0]!.id });
      expect(await request(await connectClient(server.url), 'lobby:knock', newcomer(code, 'Ana'))).toMatchObject({
        ok: false,
        code: 'removed',
      });
      expect(await ok(moderator.socket, 'lobby:list', {})).toEqual([]);
    });

    test('[LOBBY4] a passcode: needed, checked, limited, seen inside, not a way past the lobby', async () => {
      const { created, code, moderator } = await workshopWithAccess(server.url, { passcode: 'Łódź 2030' });
      const visitor = await connectClient(server.url);
      const preview = await ok(visitor, 'workshop:preview', { code });
      expect(preview.workshop).toMatchObject({ passcodeNeeded: true });
      expect(JSON.stringify(preview)).not.toContain('2030');
      expect(await request(visitor, 'workshop:join', newcomer(code, 'Ana'))).toMatchObject({
        ok: false,
        code: 'passcode',
      });
      expect(await request(visitor, 'workshop:join', newcomer(code, 'Ana', { passcode: 'lodz 2030' }))).toMatchObject({
        ok: false,
        code: 'passcode',
      });
      const ana = await request(visitor, 'workshop:join', newcomer(code, 'Ana', { passcode: ' Łódź 2030 ' }));
      expect(ana).toMatchObject({ ok: true, data: { workshop: { passcode: 'Łódź 2030' } } });
      // Moderators come in with their link alone.
      const co = await joinAs(server.url, code, { name: 'Ole', moderatorKey: created.moderatorKey });
      expect(co.snapshot.self.role).toBe('moderator');

      await ok(moderator.socket, 'workshop:access', { lobby: true });
      const ben = await connectClient(server.url);
      expect(await request(ben, 'workshop:join', newcomer(code, 'Ben', { passcode: 'Łódź 2030' }))).toMatchObject({
        ok: false,
        code: 'lobby',
      });
      expect(await request(ben, 'lobby:knock', newcomer(code, 'Ben', { passcode: 'wrong' }))).toMatchObject({
        ok: false,
        code: 'passcode',
      });
      expect((await ok(ben, 'lobby:knock', newcomer(code, 'Ben', { passcode: 'Łódź 2030' }))).admitted).toBe(false);

      // Clearing it: nobody is asked any more.
      await ok(moderator.socket, 'workshop:access', { passcode: '', lobby: false });
      expect((await ok(visitor, 'workshop:preview', { code })).workshop).toMatchObject({ passcodeNeeded: false });
    });

    test('[LOBBY4] wrong passcodes run into the attempt limit', async () => {
      const limited = await start({ abuse: { ...testConfig().abuse, moderatorKeyFailures: 3 } });
      try {
        const { code } = await workshopWithAccess(limited.url, { passcode: 'geheim' });
        const guesser = await connectClient(limited.url);
        const codes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await request(guesser, 'workshop:join', newcomer(code, 'Eve', { passcode: `guess${i}` }));
          codes.push(r.ok ? 'ok' : r.code);
        }
        expect(codes).toEqual(['passcode', 'passcode', 'passcode', 'too_many_attempts', 'too_many_attempts']);
        const right = await request(guesser, 'workshop:join', newcomer(code, 'Eve', { passcode: 'geheim' }));
        expect(right).toMatchObject({ ok: false, code: 'too_many_attempts', retryAfterS: expect.any(Number) });
      } finally {
        await limited.close();
      }
    });

    test('[LOBBY5] the workshop is full: the next one waits for a place; moderators always get in', async () => {
      const { created, code, moderator } = await workshopWithAccess(server.url, { limit: 2 });
      const ana = await joinAs(server.url, code, { name: 'Ana' });
      const ben = await connectClient(server.url);
      expect(await request(ben, 'workshop:join', newcomer(code, 'Ben'))).toMatchObject({ ok: false, code: 'full' });
      const co = await joinAs(server.url, code, { name: 'Ole', moderatorKey: created.moderatorKey });
      expect(co.snapshot.self.role).toBe('moderator');
      await ok(ana.socket, 'workshop:leave', {});
      await ok(co.socket, 'workshop:leave', {});
      expect(await request(ben, 'workshop:join', newcomer(code, 'Ben'))).toMatchObject({ ok: true });

      // A ticket that finds the workshop full keeps working once someone leaves.
      await ok(moderator.socket, 'workshop:access', { lobby: true });
      const cem = await knock(server.url, code, 'Cem');
      await ok(moderator.socket, 'lobby:admit', { all: true });
      expect(await joinWithTicket(cem.socket, code, cem.ticket)).toMatchObject({ ok: false, code: 'full' });
      expect(await ok(moderator.socket, 'lobby:list', {})).toEqual([]); // let in already: not waiting again
      await ok(moderator.socket, 'workshop:access', { limit: 3 });
      expect(await joinWithTicket(cem.socket, code, cem.ticket)).toMatchObject({
        ok: true,
        data: { self: { name: 'Cem' } },
      });
    });

    test('[LOBBY7] a flood of knocks from one address is cut off with the wait; the list keeps the first ones', async () => {
      const limited = await start({ abuse: { ...testConfig().abuse, knocks: 3 } });
      try {
        const { code, moderator } = await workshopWithAccess(limited.url, { lobby: true });
        for (const name of ['Ana', 'Ben', 'Cem']) await knock(limited.url, code, name);
        const flood = await connectClient(limited.url);
        const refused = await request(flood, 'lobby:knock', newcomer(code, 'Bot 4'));
        expect(refused).toMatchObject({ ok: false, code: 'too_many_attempts' });
        expect(!refused.ok && refused.retryAfterS).toBeGreaterThan(500);
        expect((await ok(moderator.socket, 'lobby:list', {})).map((k) => k.name).sort()).toEqual(['Ana', 'Ben', 'Cem']);
        // Another workshop's lobby is counted apart.
        const other = await workshopWithAccess(limited.url, { lobby: true });
        expect((await knock(limited.url, other.code, 'Dora')).ticket.admitted).toBe(false);
      } finally {
        await limited.close();
      }
    });
  });
}

suite('memory', (config) => startServer({ config }));
describeWithRedis('on Redis', (redisUrl) => {
  suite('Redis', (config) => startServer({ redisUrl, config }));

  describe('two nodes', () => {
    const cluster = twoNodes(redisUrl, 'lobby');

    test('[LOBBY6] 50 knock, two moderators on two nodes let everyone in at once: each once, never past the limit', async () => {
      const [a, b] = cluster.nodes;
      const created = await createWorkshop(a.url);
      const code = created.workshop.code;
      const key = created.moderatorKey;
      const mia = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: key });
      const ole = await joinAs(b.url, code, { name: 'Ole', town: 'Uden', moderatorKey: key });
      await ok(mia.socket, 'workshop:access', { lobby: true, limit: 40 });

      const knockers = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const socket = await connectClient((i % 2 ? a : b).url);
          const letIn: { knockId: string }[] = [];
          socket.on('lobby:admitted', (e) => letIn.push(e));
          const ticket = await ok(socket, 'lobby:knock', newcomer(code, `Person ${i}`));
          return { socket, ticket, letIn };
        }),
      );
      await expect.poll(async () => (await ok(ole.socket, 'lobby:list', {})).length).toBe(50);

      const [byMia, byOle] = await Promise.all([
        ok(mia.socket, 'lobby:admit', { all: true }),
        ok(ole.socket, 'lobby:admit', { knockIds: knockers.map((k) => k.ticket.knockId).reverse() }),
      ]);
      expect(byMia + byOle).toBe(50);
      await expect.poll(() => knockers.every((k) => k.letIn.length >= 1)).toBe(true);
      expect(knockers.map((k) => k.letIn)).toEqual(knockers.map((k) => [{ knockId: k.ticket.knockId }]));

      const results = await Promise.all(knockers.map((k) => joinWithTicket(k.socket, code, k.ticket)));
      const joined = results.filter((r) => r.ok).length;
      expect(joined).toBe(38); // 40 places, two taken by the moderators
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(12).fill('full'));
      const sync = await ok(ole.socket, 'participant:sync', {});
      expect(sync.participants.filter((p) => p.presence !== 'offline')).toHaveLength(40);
    });
  });
});
