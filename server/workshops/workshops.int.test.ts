/** Workshops over real sockets: create, preview, join, hands, roles, lock, end, remove, leave. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import {
  closeAllClients,
  connectClient,
  ok,
  recordEvents,
  settled,
  request,
  startServer,
  waitFor,
  type TestServer,
} from '../../test/server-harness.js';
import { createWorkshop, freshSnapshot, joinAs, resumeInput, workshopWith } from '../../test/workshop-helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  closeAllClients();
  await server.close();
  expect(server.errors).toEqual([]);
});

describe('create, preview, join', () => {
  test('a workshop is created, previewed by its code and joined by two people who see each other', async () => {
    const created = await createWorkshop(server.url, { title: 'Jumelage Chemnitz–Łódź', languages: ['de', 'pl'] });
    const code = created.workshop.code;
    expect(created.inviteUrl).toBe(`${server.url}/j/${code.slice(0, 3)}-${code.slice(3)}`);
    expect(created.moderatorUrl).toBe(`${created.inviteUrl}#key=${created.moderatorKey}`);
    expect(created.workshop).not.toHaveProperty('moderatorKeyHash');

    const visitor = await connectClient(server.url);
    const preview = await ok(visitor, 'workshop:preview', {
      code: `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`,
    });
    // The preview shows what the invitation says: not the id, the creation time, the chat setting or the
    // countries whose flags are among the reactions inside.
    const {
      id: _id,
      countries: _countries,
      createdAt: _at,
      chatLock: _chat,
      stage: _stage,
      passcode: _pass,
      limit: _limit,
      ...invitation
    } = created.workshop;
    expect(preview).toEqual({ workshop: { ...invitation, passcodeNeeded: false }, towns: [] });

    const ana = await joinAs(server.url, code, { name: 'Ana', town: 'Łódź' });
    expect(ana.snapshot.self).toMatchObject({
      name: 'Ana',
      role: 'participant',
      presence: 'online',
      handRaisedAt: null,
    });
    expect(ana.snapshot.participants.map((p) => p.name)).toEqual(['Ana']);

    const anaSeesBen = waitFor(ana.socket, 'participant:joined');
    const ben = await joinAs(server.url, code, {
      name: 'Ben',
      town: 'Chemnitz',
      kind: 'group',
      headcount: 6,
      media: false,
    });
    expect(await anaSeesBen).toEqual(ben.snapshot.self);
    expect(ben.snapshot.self).toMatchObject({ kind: 'group', headcount: 6, media: false });
    expect(ben.snapshot.participants).toEqual([{ ...ana.snapshot.self }, ben.snapshot.self]);
    expect(JSON.stringify(ben.snapshot.participants)).not.toMatch(/resumeTokenHash|connectionId/);
  });

  test('links use PUBLIC_URL when it is set: creation, the join snapshot and its invite link', async () => {
    await server.close();
    server = await startServer({ config: { publicUrl: 'https://jumelage.example.org' } });
    const created = await createWorkshop(server.url);
    const invite = `https://jumelage.example.org/j/${created.workshop.code.slice(0, 3)}-${created.workshop.code.slice(3)}`;
    expect(created.inviteUrl).toBe(invite);
    const ana = await joinAs(server.url, created.workshop.code, { name: 'Ana' });
    expect(ana.snapshot.inviteUrl).toBe(invite);
  });

  test('[WS32] a workshop and its people may name any language, not made-up codes', async () => {
    const created = await createWorkshop(server.url, { languages: ['de', 'fi', 'hu'] });
    expect(created.workshop.languages).toEqual(['de', 'fi', 'hu']);
    const aino = await joinAs(server.url, created.workshop.code, {
      name: 'Aino',
      town: 'Kouvola',
      languages: ['fi', 'en'],
    });
    expect(aino.snapshot.self.languages).toEqual(['fi', 'en']);
    const socket = await connectClient(server.url);
    for (const languages of [['xx'], ['iw'], ['FI'], ['fin']])
      expect(await request(socket, 'workshop:create', { title: 'Treffen', languages } as never)).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
  });

  test('an unknown code is not_found for preview and join', async () => {
    const visitor = await connectClient(server.url);
    expect(await request(visitor, 'workshop:preview', { code: 'ZZZ-ZZZ' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const join = await request(visitor, 'workshop:join', {
      v: PROTOCOL_VERSION,
      code: 'ZZZZZZ',
      name: 'Ana',
      town: 'Lyon',
    });
    expect(join).toMatchObject({ ok: false, code: 'not_found' });
  });

  test('the preview suggests the towns already present with two people or more, most people first', async () => {
    const { code } = await workshopWith(server.url);
    await joinAs(server.url, code, { name: 'A', town: 'Lyon' });
    await joinAs(server.url, code, { name: 'B', town: 'lyon ' });
    await joinAs(server.url, code, { name: 'C', town: 'Łódź', kind: 'group', headcount: 5 });
    const visitor = await connectClient(server.url);
    expect((await ok(visitor, 'workshop:preview', { code })).towns).toEqual(['Łódź', 'Lyon']);
  });

  test('[WS3] the moderator link makes a moderator; a wrong key is forbidden', async () => {
    const created = await createWorkshop(server.url);
    const mod = await joinAs(server.url, created.workshop.code, { name: 'Mia', moderatorKey: created.moderatorKey });
    expect(mod.snapshot.self.role).toBe('moderator');
    const visitor = await connectClient(server.url);
    const wrong = await request(visitor, 'workshop:join', {
      v: PROTOCOL_VERSION,
      code: created.workshop.code,
      name: 'Eve',
      town: 'X',
      moderatorKey: 'guessed-key-123',
    });
    expect(wrong).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('hands', () => {
  test('raised hands queue in order, a second raise keeps the place, lowering clears it', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben', 'Cleo');
    const [ana, ben, cleo] = people as [typeof moderator, typeof moderator, typeof moderator];
    const seen = recordEvents(moderator.socket);
    const cleoUp = await ok(cleo.socket, 'hand:raise', {});
    const anaUp = await ok(ana.socket, 'hand:raise', {});
    const benUp = await ok(ben.socket, 'hand:raise', {});
    expect(cleoUp.handRaisedAt).not.toBeNull();
    expect(cleoUp.handRaisedAt!).toBeLessThanOrEqual(anaUp.handRaisedAt!);
    expect(anaUp.handRaisedAt!).toBeLessThanOrEqual(benUp.handRaisedAt!);
    expect((await ok(cleo.socket, 'hand:raise', {})).handRaisedAt).toBe(cleoUp.handRaisedAt);

    expect((await ok(ana.socket, 'hand:lower', {})).handRaisedAt).toBeNull();
    expect((await ok(moderator.socket, 'hand:lower', { participantId: ben.id })).handRaisedAt).toBeNull();
    const updates = seen
      .filter((e) => e.event === 'participant:updated')
      .map((e) => e.arg as { id: string; handRaisedAt: number | null });
    expect(updates.map((u) => [u.id, u.handRaisedAt !== null])).toEqual([
      [cleo.id, true],
      [ana.id, true],
      [ben.id, true],
      [cleo.id, true],
      [ana.id, false],
      [ben.id, false],
    ]);
  });
});

describe('moderator commands', () => {
  test('a participant gets forbidden for every moderator command and nothing changes', async () => {
    const { created, code, moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [typeof moderator, typeof moderator];
    await ok(ben.socket, 'hand:raise', {});
    const attempts = [
      request(ana.socket, 'workshop:lock', { locked: true }),
      request(ana.socket, 'workshop:end', {}),
      request(ana.socket, 'participant:remove', { participantId: ben.id }),
      request(ana.socket, 'participant:promote', { participantId: ana.id }),
      request(ana.socket, 'hand:lower', { participantId: ben.id }),
    ];
    for (const ack of await Promise.all(attempts)) expect(ack).toMatchObject({ ok: false, code: 'forbidden' });

    const after = await freshSnapshot(server.url, created.moderatorKey, code);
    expect(after.workshop).toMatchObject({ locked: false, endedAt: null });
    const byId = new Map(after.participants.map((p) => [p.id, p]));
    expect(byId.get(ana.id)?.role).toBe('participant');
    expect(byId.get(ben.id)?.handRaisedAt).not.toBeNull();
    expect(byId.get(moderator.id)?.role).toBe('moderator');
  });

  test('[WS7] a promoted participant becomes a moderator and may then lock', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const anaSees = waitFor(ana.socket, 'participant:updated', (p) => p.id === ana.id);
    expect((await ok(moderator.socket, 'participant:promote', { participantId: ana.id })).role).toBe('moderator');
    expect((await anaSees).role).toBe('moderator');
    expect((await ok(ana.socket, 'workshop:lock', { locked: true })).locked).toBe(true);
  });

  test('[WS23] a co-moderator is made a participant again, live; the last moderator stays one', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [typeof moderator, typeof moderator];
    expect(await request(moderator.socket, 'participant:demote', { participantId: moderator.id })).toMatchObject({
      ok: false,
      code: 'last_moderator',
    });
    await ok(moderator.socket, 'participant:promote', { participantId: ana.id });
    expect((await ok(ana.socket, 'workshop:lock', { locked: true })).locked).toBe(true);
    const anaSees = waitFor(ana.socket, 'participant:updated', (p) => p.id === ana.id && p.role === 'participant');
    expect((await ok(moderator.socket, 'participant:demote', { participantId: ana.id })).role).toBe('participant');
    await anaSees;
    // Her moderator rights are gone at once, and moderator-only events no longer reach her.
    expect(await request(ana.socket, 'workshop:lock', { locked: false })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const anaEvents = recordEvents(ana.socket);
    await ok(moderator.socket, 'participant:remove', { participantId: ben.id });
    await settled(ana.socket);
    expect(anaEvents.filter((e) => e.event === 'participant:barred')).toEqual([]);
    expect(await request(ana.socket, 'participant:demote', { participantId: moderator.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // With a co-moderator present, a moderator may step down.
    await ok(moderator.socket, 'participant:promote', { participantId: ana.id });
    expect((await ok(moderator.socket, 'participant:demote', { participantId: moderator.id })).role).toBe(
      'participant',
    );
    expect(await request(ana.socket, 'participant:demote', { participantId: ana.id })).toMatchObject({
      ok: false,
      code: 'last_moderator',
    });
  });

  test("[WS33] a moderator puts the board on everyone's stage; latecomers see it; participants may not", async () => {
    const { code, moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    expect(ana.snapshot.workshop.stage).toBe('video');
    const anaSees = waitFor(ana.socket, 'workshop:updated');
    expect((await ok(moderator.socket, 'workshop:stage', { view: 'board' })).stage).toBe('board');
    expect((await anaSees).stage).toBe('board');
    expect(await request(ana.socket, 'workshop:stage', { view: 'video' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(moderator.socket, 'workshop:stage', { view: 'cinema' as 'video' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const late = await joinAs(server.url, code, { name: 'Ben' });
    expect(late.snapshot.workshop.stage).toBe('board');
  });

  test('[WS4] a locked workshop refuses new participants but not the moderator link', async () => {
    const { created, code, moderator, people } = await workshopWith(server.url, 'Ana');
    const anaSees = waitFor(people[0]!.socket, 'workshop:updated');
    await ok(moderator.socket, 'workshop:lock', { locked: true });
    expect((await anaSees).locked).toBe(true);

    const late = await connectClient(server.url);
    expect(
      await request(late, 'workshop:join', { v: PROTOCOL_VERSION, code, name: 'Late', town: 'Lyon' }),
    ).toMatchObject({ ok: false, code: 'locked' });
    const coMod = await joinAs(server.url, code, { name: 'Co', moderatorKey: created.moderatorKey });
    expect(coMod.snapshot.self.role).toBe('moderator');

    await ok(moderator.socket, 'workshop:lock', { locked: false });
    expect((await ok(late, 'workshop:join', { v: PROTOCOL_VERSION, code, name: 'Late', town: 'Lyon' })).self.name).toBe(
      'Late',
    );
  });

  test('ending tells everyone; afterwards commands, joins and resumes get ended', async () => {
    const { created, code, moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    const ended = [waitFor(moderator.socket, 'workshop:ended'), waitFor(ana.socket, 'workshop:ended')];
    const info = await ok(moderator.socket, 'workshop:end', {});
    expect(info.endedAt).not.toBeNull();
    for (const event of await Promise.all(ended)) expect(event).toEqual(info);

    for (const ack of await Promise.all([
      request(ana.socket, 'hand:raise', {}),
      request(ana.socket, 'chat:send', { text: 'still there?' }),
      request(moderator.socket, 'workshop:lock', { locked: true }),
      request(moderator.socket, 'workshop:end', {}),
    ])) {
      expect(ack).toMatchObject({ ok: false, code: 'ended' });
    }
    const late = await connectClient(server.url);
    const join = await request(late, 'workshop:join', {
      v: PROTOCOL_VERSION,
      code,
      name: 'Late',
      town: 'Lyon',
      moderatorKey: created.moderatorKey,
    });
    expect(join).toMatchObject({ ok: false, code: 'ended' });
    expect(await request(late, 'workshop:resume', resumeInput(ana))).toMatchObject({ ok: false, code: 'ended' });
  });

  test('[WS8] a removed participant is told, disconnected, and cannot resume', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana', 'Ben');
    const [ana, ben] = people as [typeof moderator, typeof moderator];
    const closed = waitFor(ana.socket, 'session:closed');
    const disconnected = new Promise((resolve) => ana.socket.once('disconnect', resolve));
    const benSees = waitFor(ben.socket, 'participant:left');
    expect(await ok(moderator.socket, 'participant:remove', { participantId: ana.id })).toBeNull();
    expect(await closed).toEqual({ reason: 'removed' });
    expect(await disconnected).toBe('io server disconnect');
    expect(await benSees).toMatchObject({ participantId: ana.id, reason: 'removed' });

    const again = await connectClient(server.url);
    expect(await request(again, 'workshop:resume', resumeInput(ana))).toMatchObject({ ok: false, code: 'removed' });
    const snapshot = await ok(ben.socket, 'workshop:resume', resumeInput(ben));
    expect(snapshot.participants.map((p) => p.id)).not.toContain(ana.id);
    expect(await request(moderator.socket, 'participant:remove', { participantId: ana.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  test('[WS19] removal sticks: not from the same browser, not as the same name and town, until let back in', async () => {
    const { code, moderator, people } = await workshopWith(server.url);
    const device = 'browser-of-ana-123456';
    const ana = await joinAs(server.url, code, { name: 'Ana', town: 'Kamen', device });
    const benSees = await joinAs(server.url, code, { name: 'Ben', town: 'Wołów', device: 'browser-of-ben-123456' });
    people.push(ana, benSees);
    const barred = waitFor(moderator.socket, 'participant:barred');
    await ok(moderator.socket, 'participant:remove', { participantId: ana.id });
    expect(await barred).toEqual({ participantId: ana.id, barred: true });
    const join = async (profile: { name: string; town: string; device?: string }) =>
      request(await connectClient(server.url), 'workshop:join', { v: PROTOCOL_VERSION, code, ...profile });
    // The same browser under another name, and the same name and town from another browser: refused.
    expect(await join({ name: 'Anna K.', town: 'Lyon', device })).toMatchObject({ ok: false, code: 'removed' });
    expect(await join({ name: ' ana ', town: 'KAMEN' })).toMatchObject({ ok: false, code: 'removed' });
    expect(await join({ name: 'Ana', town: 'Kamen', device: 'another-browser-1234' })).toMatchObject({
      ok: false,
      code: 'removed',
    });
    // Someone else, with a name of their own, is welcome.
    expect(await join({ name: 'Ana', town: 'Lyon', device: 'another-browser-1234' })).toMatchObject({ ok: true });
    expect(await ok(moderator.socket, 'participant:removed', {})).toEqual([{ id: ana.id, name: 'Ana', town: 'Kamen' }]);
    // Only moderators see the list and let people back in.
    expect(await request(benSees.socket, 'participant:removed', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(benSees.socket, 'participant:letBackIn', { participantId: ana.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await request(moderator.socket, 'participant:letBackIn', { participantId: benSees.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const lifted = waitFor(moderator.socket, 'participant:barred');
    expect(await ok(moderator.socket, 'participant:letBackIn', { participantId: ana.id })).toBeNull();
    expect(await lifted).toEqual({ participantId: ana.id, barred: false });
    expect(await ok(moderator.socket, 'participant:removed', {})).toEqual([]);
    // Back in as someone new; the old session stays closed.
    const back = await join({ name: 'Ana', town: 'Kamen', device });
    expect(back).toMatchObject({ ok: true });
    expect(back.ok && back.data.self.id).not.toBe(ana.id);
    expect(await request(await connectClient(server.url), 'workshop:resume', resumeInput(ana))).toMatchObject({
      ok: false,
      code: 'removed',
    });
  });

  test('[WS8] a moderator cannot remove themselves', async () => {
    const { moderator } = await workshopWith(server.url);
    expect(await request(moderator.socket, 'participant:remove', { participantId: moderator.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});

describe('leaving', () => {
  test('leave tells the others, ends the session, and the token still resumes', async () => {
    const { moderator, people } = await workshopWith(server.url, 'Ana');
    const ana = people[0]!;
    await ok(ana.socket, 'hand:raise', {});
    const left = waitFor(moderator.socket, 'participant:left');
    expect(await ok(ana.socket, 'workshop:leave', {})).toBeNull();
    expect(await left).toMatchObject({ participantId: ana.id, reason: 'left' });
    expect(await request(ana.socket, 'hand:raise', {})).toMatchObject({ ok: false, code: 'not_joined' });

    const back = waitFor(moderator.socket, 'participant:updated', (p) => p.id === ana.id);
    const snapshot = await ok(ana.socket, 'workshop:resume', resumeInput(ana));
    expect(snapshot.self).toMatchObject({ id: ana.id, presence: 'online', handRaisedAt: null });
    expect((await back).presence).toBe('online');
  });
});
