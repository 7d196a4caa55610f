/**
 * [SPEAK9] Two nodes on one real Redis: a flash round whose people sit on different nodes keeps one
 * order; a pass on one node and a next on the other are seen everywhere; each time-up step happens once
 * although both nodes' tickers look for it. [SPEAK12] the word's stage moves once, whichever node moves it.
 */
import { expect, test } from 'vitest';
import { PLENARY } from '../../shared/rooms.js';
import { currentSpeakerId, roundIn } from '../../shared/speaking/rules.js';
import type { SpeakingView } from '../../shared/speaking/schema.js';
import { describeWithRedis, ok, request, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, type Person } from '../../test/workshop-helpers.js';

describeWithRedis('speaking order on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'speaking-two-nodes');

  test('[SPEAK9] people on two nodes: one order, one speaker everywhere, each step once', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const moderator = await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey });
    const people: Person[] = [];
    for (let i = 0; i < 6; i++)
      people.push(await joinAs((i % 2 ? b : a).url, code, { name: `P${i}`, town: ['Lyon', 'Kamen', 'Łódź'][i % 3]! }));
    const everyone = [moderator, ...people];
    const views = new Map<string, SpeakingView[]>(everyone.map((p) => [p.id, []]));
    for (const p of everyone) p.socket.on('speaking:updated', (v) => views.get(p.id)!.push(v));

    // A short think time: both nodes' tickers race for the step that ends it.
    const started = await ok(moderator.socket, 'speaking:start', { question: 'Eins nach dem anderen', thinkSec: 1 });
    const order = roundIn(started, PLENARY)!.speakers.map((s) => s.id);
    expect([...order].sort()).toEqual(people.map((p) => p.id).sort());
    const first = order[0]!;
    await Promise.all(
      everyone.map((p) => waitFor(p.socket, 'speaking:updated', (v) => currentSpeakerId(v, PLENARY) === first)),
    );

    // The first speaker passes from their own node; the moderator on node a moves on from the second.
    const firstPerson = people.find((p) => p.id === first)!;
    const afterPass = await ok(firstPerson.socket, 'speaking:pass', {});
    const second = currentSpeakerId(afterPass, PLENARY)!;
    expect(second).toBe(order[1]);
    const next = await ok(moderator.socket, 'speaking:next', { roomId: PLENARY, from: second });
    const final = next.version;
    // Events may have arrived before the ack: wait on what each page recorded.
    const deadline = Date.now() + 10_000;
    while ([...views.values()].some((seen) => !seen.some((v) => v.version === final)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    for (const p of everyone) {
      const seen = views.get(p.id)!;
      const last = seen.reduce((x, y) => (y.version > x.version ? y : x));
      expect(last).toEqual(next);
      // Versions grow one by one: no step was made twice by the two tickers (nor missed).
      const versions = [...new Set(seen.map((v) => v.version))].sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => started.version + i));
      expect(versions.at(-1)).toBe(started.version + 3); // think over, pass, next
    }
    expect(roundIn(next, PLENARY)!.speakers.map((s) => s.id)).toEqual([...order.slice(1), first]);
  });

  test('[SPEAK12] the word on stage across nodes: racing moves leave one speaker on stage, every page hears it', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const mods = [
      await joinAs(a.url, code, { name: 'Mia', town: 'Chemnitz', moderatorKey: created.moderatorKey }),
      await joinAs(b.url, code, { name: 'Max', town: 'Chemnitz', moderatorKey: created.moderatorKey }),
    ];
    const people: Person[] = [];
    for (let i = 0; i < 3; i++) people.push(await joinAs((i % 2 ? a : b).url, code, { name: `P${i}`, town: 'Lyon' }));
    const [p0, p1, p2] = people as [Person, Person, Person];
    await ok(mods[0]!.socket, 'media:stage', { on: true });
    const staged = (watcher: Person, id: string, on: boolean) =>
      waitFor(watcher.socket, 'participant:updated', (p) => p.id === id && p.onStage === on);
    const p0On = Promise.all([staged(p1, p0.id, true), staged(p2, p0.id, true)]);
    await ok(mods[0]!.socket, 'speaking:start', {
      question: 'Zwei Knoten',
      thinkSec: 0,
      order: 'list',
      list: [p0.id, p1.id, p2.id],
    });
    await p0On;
    expect(await ok(p0.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });

    // Both moderators press "next" from P0 at once, one on each node: the round moves once.
    const p0Off = Promise.all([staged(p1, p0.id, false), staged(p2, p0.id, false)]);
    const p1On = staged(p2, p1.id, true);
    await Promise.all(mods.map((m) => ok(m.socket, 'speaking:next', { roomId: PLENARY, from: p0.id })));
    await Promise.all([p0Off, p1On]);
    const stores = two.stores;
    for (const store of stores) {
      const everyone = await store.listParticipants(p0.workshopId);
      expect(everyone.filter((p) => p.onStage).map((p) => p.id)).toEqual([p1.id]);
      expect(await store.speaking.stageGranted(p0.workshopId)).toEqual([p1.id]);
    }
    expect(await request(p0.socket, 'media:update', { micOn: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ok(p1.socket, 'media:update', { micOn: true })).toMatchObject({ micOn: true });
  });
});
