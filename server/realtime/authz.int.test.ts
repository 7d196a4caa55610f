/**
 * The authorization matrix, on a real server (memory store, and Redis with two nodes' worth of adapter):
 * every command that needs a member (test/command-samples.ts, complete by construction: a command
 * without a row fails wrapper.int.test.ts) sent by every kind of actor, and what each must get.
 *
 * AUTHZ1 nobody who has not joined gets past the door: a stranger's socket, someone waiting in the
 *        lobby, a removed participant (whose session is refused as `removed`) all get `not_joined`
 * AUTHZ2 a participant gets `forbidden` for every moderator command, and for no member command
 * AUTHZ3 moderators and co-moderators are refused nothing for their role (no `forbidden`, no `not_joined`)
 * AUTHZ4 a moderator of another workshop cannot touch this workshop's people: `not_found`, nothing changes
 * AUTHZ5 a participant in another breakout room cannot write to a running room's board, read its board or
 *        chat, edit its messages or signal its people: refused, and the room's board and chat are unchanged
 * AUTHZ6 speaking order: a participant cannot start, move or stop a round, and may pass only their own turn
 *        (someone else's is `forbidden` and changes nothing); a co-moderator may pass for the speaker
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { COMMANDS, PROTOCOL_VERSION, type CommandName } from '../../shared/protocol.js';
import { MEMBER_COMMANDS } from '../../test/command-samples.js';
import {
  type ClientSocket,
  closeAllClients,
  connectClient,
  describeWithRedis,
  ok,
  request,
  requestRaw,
  startServer,
  type TestServer,
  waitFor,
} from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput, workshopWith } from '../../test/workshop-helpers.js';

/**
 * Commands that end the workshop or the sender's session: sent last. Ending goes first (a participant,
 * asked before the moderators, is refused it), so leaving is answered `ended` for everyone.
 */
const LAST: readonly CommandName[] = ['workshop:end', 'workshop:leave'];
const rows = Object.keys(MEMBER_COMMANDS) as CommandName[];
const ordered = [...rows.filter((n) => !LAST.includes(n)), ...LAST];

type Outcome = string;
async function send(socket: ClientSocket, name: CommandName): Promise<Outcome> {
  const ack = await requestRaw(socket, name, MEMBER_COMMANDS[name]);
  return ack.ok ? 'ok' : ack.code;
}

/** Every actor of one workshop. */
async function cast(url: string) {
  const created = await createWorkshop(url);
  const code = created.workshop.code;
  const moderator = await joinAs(url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
  const co = await joinAs(url, code, { name: 'Cora', town: 'Łódź' });
  await ok(moderator.socket, 'participant:promote', { participantId: co.id });
  const participant = await joinAs(url, code, { name: 'Pia', town: 'Uden' });
  const removed = await joinAs(url, code, { name: 'Rex', town: 'Uden' });
  const closed = waitFor(removed.socket, 'session:closed');
  await ok(moderator.socket, 'participant:remove', { participantId: removed.id });
  await closed;
  // A removed person's new connection cannot resume: it stays a stranger.
  const removedAgain = await connectClient(url);
  expect(await request(removedAgain, 'workshop:resume', resumeInput(removed))).toMatchObject({
    ok: false,
    code: 'removed',
  });
  await ok(moderator.socket, 'workshop:access', { lobby: true });
  const waiter = await connectClient(url);
  await ok(waiter, 'lobby:knock', { v: PROTOCOL_VERSION, code, name: 'Wanda', town: 'Wołów' });
  const stranger = await connectClient(url);
  return { created, code, moderator, co, participant, removedAgain, waiter, stranger };
}

function matrix(label: string, start: () => Promise<TestServer>) {
  describe(`authorization matrix (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[AUTHZ1][AUTHZ2][AUTHZ3] every member and moderator command, from every kind of actor', async () => {
      const actors = await cast(server.url);
      const outsiders = { stranger: actors.stranger, waiter: actors.waiter, removed: actors.removedAgain };
      const insiders = {
        participant: actors.participant.socket,
        co: actors.co.socket,
        moderator: actors.moderator.socket,
      };
      const seen: Record<string, Record<string, Outcome>> = {};
      for (const name of ordered) {
        // Moderators go last, so a participant's refusals are not answered `ended` after a moderator ended it.
        for (const [who, socket] of [...Object.entries(outsiders), ...Object.entries(insiders)]) {
          (seen[who] ??= {})[name] = await send(socket, name);
        }
      }
      for (const who of Object.keys(outsiders))
        expect({ who, outcomes: seen[who] }).toEqual({
          who,
          outcomes: Object.fromEntries(ordered.map((n) => [n, 'not_joined'])),
        });
      const modOnly = ordered.filter((n) => COMMANDS[n].access === 'moderator');
      const forParticipant = seen.participant!;
      expect(modOnly.filter((n) => forParticipant[n] !== 'forbidden')).toEqual([]);
      expect(
        ordered.filter(
          (n) => COMMANDS[n].access === 'member' && ['forbidden', 'not_joined'].includes(forParticipant[n]!),
        ),
      ).toEqual([]);
      for (const who of ['co', 'moderator'])
        expect({
          who,
          refused: ordered.filter((n) => ['forbidden', 'not_joined', 'internal'].includes(seen[who]![n]!)),
        }).toEqual({ who, refused: [] });
      expect(Object.values(seen).flatMap((o) => Object.values(o))).not.toContain('internal');
      // About 500 requests one after another (every command from six actors): about a second on a quiet
      // machine, but a busy one with Redis was seen taking 35 s, past the default limit.
    }, 120_000);

    test('[AUTHZ4] a moderator of another workshop cannot reach this one’s people', async () => {
      const here = await cast(server.url);
      const other = await createWorkshop(server.url);
      const mallory = await joinAs(server.url, other.workshop.code, {
        name: 'Mallory',
        town: 'Nowhere',
        moderatorKey: other.moderatorKey,
      });
      const target = here.participant.id;
      for (const [name, payload] of [
        ['participant:remove', { participantId: target }],
        ['participant:promote', { participantId: target }],
        ['participant:demote', { participantId: here.moderator.id }],
        ['hand:lower', { participantId: target }],
        ['media:mute', { participantId: target }],
        ['breakout:move', { participantId: target, roomId: 'plenary' }],
        ['participant:letBackIn', { participantId: target }],
      ] as const) {
        const ack = await request(mallory.socket, name, payload as never);
        expect({ name, ack }).toMatchObject({ name, ack: { ok: false, code: 'not_found' } });
      }
      const sync = await ok(here.moderator.socket, 'participant:sync', {});
      expect(sync.participants.find((p) => p.id === target)).toMatchObject({ role: 'participant', presence: 'online' });
      expect(sync.participants.find((p) => p.id === here.moderator.id)).toMatchObject({ role: 'moderator' });
    });

    test('[AUTHZ5] a participant in another breakout room cannot reach a running room', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
      let view = await ok(moderator.socket, 'breakout:sync', {});
      view = await ok(moderator.socket, 'breakout:rooms', {
        version: view.version,
        rooms: [{ name: 'Salon' }, { name: 'Jardin' }],
      });
      view = await ok(moderator.socket, 'breakout:assign', { version: view.version, mode: 'random', seed: 1 });
      const anaMoved = waitFor(ana.socket, 'breakout:moved');
      await ok(moderator.socket, 'breakout:open', { version: view.version, durationMs: 60_000 });
      await anaMoved;
      view = await ok(moderator.socket, 'breakout:sync', {});
      const benRoom = view.plan[ben.id]!;
      expect(benRoom).not.toBe(view.plan[ana.id]);
      // Ben's room has a card and a chat message.
      await ok(ben.socket, 'breakout:ack', { roomId: benRoom });
      const card = { kind: 'card', id: 'c-ben', x: 10, y: 10, text: 'Radweg', color: '#fff176', clusterId: null };
      await ok(ben.socket, 'board:op', { op: { type: 'add', item: card } } as never);
      const said = await ok(ben.socket, 'chat:send', { text: 'Nur für den Salon' });
      const before = await ok(moderator.socket, 'board:sync', { roomId: benRoom, sinceSeq: 0 });

      const outcomes: Record<string, string> = {};
      for (const [name, payload] of [
        // What Ana may do on her own board (add a card) she may not do on Ben's.
        ['board:op', { roomId: benRoom, op: { type: 'add', item: { ...card, id: 'c-ana', text: 'Von Ana' } } }],
        ['board:clear', { roomId: benRoom }],
        ['board:settings', { roomId: benRoom, patch: { locked: true } }],
        ['board:revert', { roomId: benRoom, seq: 1 }],
        ['board:sync', { roomId: benRoom, sinceSeq: 0 }],
        ['board:snapshot', { roomId: benRoom }],
        ['breakout:room-chat', { roomId: benRoom }],
        ['chat:edit', { id: said.id, text: 'überschrieben' }],
        ['chat:delete', { id: said.id }],
        ['media:signal', { to: ben.id, cid: 'abcd1234', signals: [{ type: 'hello', have: null }] }],
      ] as const) {
        const ack = await requestRaw(ana.socket, name, payload as never);
        outcomes[name] = ack.ok ? 'ok' : ack.code;
      }
      expect(outcomes).toEqual({
        'board:op': 'forbidden',
        'board:clear': 'forbidden',
        'board:settings': 'forbidden',
        'board:revert': 'forbidden',
        'board:sync': 'forbidden',
        'board:snapshot': 'forbidden',
        'breakout:room-chat': 'forbidden',
        'chat:edit': 'not_found',
        'chat:delete': 'not_found',
        'media:signal': 'forbidden',
      });
      // Nothing in Ben's room changed.
      expect(await ok(moderator.socket, 'board:sync', { roomId: benRoom, sinceSeq: 0 })).toEqual(before);
      expect(await ok(ben.socket, 'chat:history', {})).toEqual([said]);
    });

    test('[AUTHZ6] speaking order: participants pass only their own turn', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cleo');
      const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
      const started = await ok(moderator.socket, 'speaking:start', {
        question: 'Blitzlicht',
        thinkSec: 0,
        order: 'list',
        list: people.map((p) => p.id),
      });
      const outcomes: Record<string, string> = {};
      for (const [name, payload] of [
        ['speaking:start', { question: 'Meine Runde' }],
        ['speaking:next', { roomId: 'plenary' }],
        ['speaking:back', { roomId: 'plenary' }],
        ['speaking:stop', {}],
        ['speaking:pass', {}],
        ['speaking:pass', { roomId: 'plenary' }],
      ] as const) {
        const ack = await requestRaw(ben.socket, name, payload as never);
        outcomes[`${name} ${JSON.stringify(payload)}`] = ack.ok ? 'ok' : ack.code;
      }
      expect(Object.values(outcomes)).toEqual(Array(6).fill('forbidden'));
      expect(await ok(ana.socket, 'speaking:sync', {})).toEqual(started);
      const passed = await ok(ana.socket, 'speaking:pass', {});
      expect(passed.rounds[0]!.speakers[passed.rounds[0]!.current]!.id).toBe(ben.id);
      // A moderator may pass for the speaker (someone who cannot reach their screen).
      const forBen = await ok(moderator.socket, 'speaking:pass', { roomId: 'plenary' });
      expect(forBen.rounds[0]!.speakers.map((s) => s.name)).toEqual(['Cleo', 'Ana', 'Ben']);
    });
  });
}

const generous = { rateLimitPerSecond: 1_000 };
matrix('memory', () => startServer({ config: generous }));
describeWithRedis('on Redis', (redisUrl) => matrix('Redis', () => startServer({ redisUrl, config: generous })));
