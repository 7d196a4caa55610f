/**
 * The run sheet on two nodes with one Redis: a node that started a step goes away mid-step; the other
 * node serves everyone, a latecomer lands in the running step, and Next there stops what the first node
 * started (its poll) and moves on.
 */
import { expect, test } from 'vitest';
import { connectClient, crash, describeWithRedis, ok, twoNodes, waitFor } from '../../test/server-harness.js';
import { createWorkshop, joinAs, resumeInput } from '../../test/workshop-helpers.js';

describeWithRedis('the run sheet on two nodes', (redisUrl) => {
  const two = twoNodes(redisUrl, 'agenda-two-nodes');

  test('[AG13] a node goes away mid-step: the run sheet continues on the other node', async () => {
    const [a, b] = two.nodes;
    const created = await createWorkshop(a.url);
    const code = created.workshop.code;
    const mia = await joinAs(a.url, code, { name: 'Mia', town: 'Kamen', moderatorKey: created.moderatorKey });
    const ana = await joinAs(b.url, code, { name: 'Ana', town: 'Lyon' });
    let agenda = await ok(mia.socket, 'agenda:plan', {
      version: 0,
      steps: [
        { format: 'mood', durationMin: 2, params: { kind: 'poll', question: 'Ça va ?', pollKind: 'scale' } },
        { format: 'cards', durationMin: 10, params: { kind: 'cards', question: 'Idées ?' } },
      ],
    });
    // Ana, on node B, hears of the step and of the poll node A launched.
    const anaHears = waitFor(ana.socket, 'agenda:updated', (v) => v.current?.stepId === agenda.steps[0]!.id);
    const pollOpen = waitFor(ana.socket, 'poll:updated', (p) => p.status === 'open');
    agenda = (await ok(mia.socket, 'agenda:start', { version: agenda.version })).agenda;
    await anaHears;
    const poll = await pollOpen;

    await crash(a);
    // Mia's page reconnects to node B and resumes; a latecomer joins there too.
    const again = await connectClient(b.url);
    await ok(again, 'workshop:resume', resumeInput(mia));
    const late = await joinAs(b.url, code, { name: 'Zoé', town: 'Łódź' });
    const sync = await ok(late.socket, 'agenda:sync', {});
    expect(sync.agenda.current).toMatchObject({ stepId: agenda.steps[0]!.id, ref: { pollId: poll.id } });

    const closed = waitFor(ana.socket, 'poll:updated', (p) => p.id === poll.id && p.status === 'closed');
    const r = await ok(again, 'agenda:next', { version: sync.agenda.version });
    await closed;
    expect(r.agenda.current?.stepId).toBe(agenda.steps[1]!.id);
    const board = await ok(ana.socket, 'board:sync', { full: true });
    expect(board.kind === 'snapshot' && board.snapshot.settings).toMatchObject({ header: 'Idées ?', cardsOpen: true });
  });
});
