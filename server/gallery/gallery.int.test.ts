/**
 * Gallery comments over real sockets on a real server, on the memory store and on Redis: two people comment
 * and react, a third sees it live and after a sync; bad input, running rooms and foreign deletions are refused.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { reactionsOf } from '../../shared/gallery/rules.js';
import {
  closeAllClients,
  describeWithRedis,
  ok,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { workshopWith } from '../../test/workshop-helpers.js';

const card = (id: string, text: string) => ({
  op: { type: 'add' as const, item: { kind: 'card' as const, id, x: 0, y: 0, text, color: '#fff176' as const } },
});
const plenary = { roomId: 'plenary' };

function suite(label: string, start: () => Promise<TestServer>) {
  describe(`gallery comments (${label})`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await start();
    });
    afterEach(async () => {
      closeAllClients();
      await server.close();
      expect(server.errors).toEqual([]);
    });

    test('[GAL2][GAL4][GAL6] two comment and react, a third sees it live and after a sync; reacting twice changes nothing', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Zoë');
      const [ana, zoe] = people as [(typeof people)[0], (typeof people)[0]];
      const seen = waitFor(zoe.socket, 'gallery:updated', (c) => c.kind === 'comment' && c.comment.name === 'Ana');
      const mine = await ok(ana.socket, 'gallery:comment', { item: plenary, text: '  Tolle Ideen!  ' });
      expect(mine).toMatchObject({ key: 'plenary', by: ana.id, name: 'Ana', town: 'Lyon', text: 'Tolle Ideen!' });
      expect((await seen).kind === 'comment' && (await seen)).toMatchObject({ comment: mine });
      await ok(moderator.socket, 'gallery:comment', { item: plenary, text: 'Merci 🙏' });

      const liked = waitFor(zoe.socket, 'gallery:updated', (c) => c.kind === 'react' && c.by === moderator.id);
      expect(await ok(ana.socket, 'gallery:react', { item: plenary, reaction: 'like', on: true })).toEqual({
        changed: true,
      });
      expect(await ok(ana.socket, 'gallery:react', { item: plenary, reaction: 'like', on: true })).toEqual({
        changed: false,
      });
      await ok(ana.socket, 'gallery:react', { item: plenary, reaction: 'idea', on: true });
      await ok(moderator.socket, 'gallery:react', { item: plenary, reaction: 'like', on: true });
      expect(await liked).toMatchObject({ key: 'plenary', reaction: 'like', on: true });

      const view = await ok(zoe.socket, 'gallery:sync', {});
      expect(view.comments.map((c) => [c.name, c.text])).toEqual([
        ['Ana', 'Tolle Ideen!'],
        ['Mia Moderatorin', 'Merci 🙏'],
      ]);
      expect(reactionsOf(view, 'plenary', ana.id).filter((r) => r.count > 0)).toEqual([
        { reaction: 'like', count: 2, mine: true },
        { reaction: 'idea', count: 1, mine: true },
      ]);
      await ok(ana.socket, 'gallery:react', { item: plenary, reaction: 'like', on: false });
      expect(reactionsOf(await ok(zoe.socket, 'gallery:sync', {}), 'plenary')[0]).toMatchObject({ count: 1 });
    });

    test('[GAL2] bad input, unknown items and running rooms are refused with clear codes', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cem', 'Dora');
      const ana = people[0]!;
      const refused = async (payload: unknown, code: string) =>
        expect(await request(ana.socket, 'gallery:comment', payload as never)).toMatchObject({ ok: false, code });
      await refused({ item: plenary, text: '   ' }, 'invalid_payload');
      await refused({ item: plenary, text: 'x'.repeat(281) }, 'invalid_payload');
      await refused({ item: {}, text: 'Hallo' }, 'invalid_payload');
      await refused({ item: { roomId: 'nowhere' }, text: 'Hallo' }, 'not_found');
      await refused({ item: { roomId: 'plenary', snapshotId: 'gone' }, text: 'Hallo' }, 'not_found');
      expect(
        await request(ana.socket, 'gallery:react', { item: plenary, reaction: 'angry', on: true } as never),
      ).toMatchObject({ ok: false, code: 'invalid_payload' });
      expect(await ok(ana.socket, 'gallery:comment', { item: plenary, text: 'x'.repeat(280) })).toMatchObject({
        text: 'x'.repeat(280),
      });

      // A breakout room's board and its snapshot: not in the gallery while the room runs, then open to all.
      let view = await ok(moderator.socket, 'breakout:sync', {});
      view = await ok(moderator.socket, 'breakout:rooms', {
        version: view.version,
        rooms: [{ name: 'Salon' }, { name: 'Küche' }],
      });
      const assigned = await ok(moderator.socket, 'breakout:assign', {
        version: view.version,
        mode: 'random',
        seed: 3,
      });
      await ok(moderator.socket, 'breakout:open', { version: assigned.version, durationMs: 60_000 });
      const room = assigned.plan[ana.id]!;
      await ok(ana.socket, 'board:op', card('k1', 'Im Salon'));
      const shot = await ok(moderator.socket, 'board:snapshot', { roomId: room, label: 'Stand' });
      await refused({ item: { roomId: room }, text: 'Schon jetzt?' }, 'forbidden');
      await refused({ item: { roomId: room, snapshotId: shot.id }, text: 'Schon jetzt?' }, 'forbidden');
      expect(
        await request(moderator.socket, 'gallery:react', { item: { roomId: room }, reaction: 'love', on: true }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
      await ok(moderator.socket, 'breakout:close', {});
      const other = people.find((p) => assigned.plan[p.id] !== room)!;
      expect(await ok(other.socket, 'gallery:comment', { item: { roomId: room }, text: 'Schön!' })).toMatchObject({
        key: room,
      });
      expect(
        await ok(other.socket, 'gallery:comment', { item: { roomId: room, snapshotId: shot.id }, text: 'Vorher' }),
      ).toMatchObject({ key: `${room}/${shot.id}`, snapshotId: shot.id });
    });

    test('[GAL3] the author or a moderator deletes a comment, nobody else; everyone sees it go', async () => {
      const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
      const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
      const a = await ok(ana.socket, 'gallery:comment', { item: plenary, text: 'Von Ana' });
      const b = await ok(ben.socket, 'gallery:comment', { item: plenary, text: 'Von Ben' });
      expect(await request(ben.socket, 'gallery:uncomment', { id: a.id })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      const gone = waitFor(ben.socket, 'gallery:updated', (c) => c.kind === 'uncomment' && c.id === a.id);
      expect(await ok(ana.socket, 'gallery:uncomment', { id: a.id })).toEqual({ id: a.id });
      await gone;
      expect(await request(ana.socket, 'gallery:uncomment', { id: a.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      await ok(moderator.socket, 'gallery:uncomment', { id: b.id });
      expect((await ok(ana.socket, 'gallery:sync', {})).comments).toEqual([]);
    });
  });
}

suite('memory', () => startServer());
describeWithRedis('redis', (redisUrl) => suite('redis', () => startServer({ redisUrl })));
