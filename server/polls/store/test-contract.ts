/**
 * The poll store contract, run against memory and real Redis (named test-*.ts so the build leaves it out).
 *
 * PSTORE1 a poll reads back as written; polls list in creation order
 * PSTORE2 only drafts can be edited or deleted
 * PSTORE3 launch opens a draft once; close keeps the first close time; reveal closes and reveals
 * PSTORE4 one vote per participant: a duplicate is unchanged, a different one replaces (when allowed)
 * PSTORE5 votes are refused on drafts and closed polls, after the deadline, for unknown options, beyond the maximum
 * PSTORE6 rev grows with every accepted change and only then
 * PSTORE7 concurrent votes of many participants (and repeats) end in exactly one vote each
 * PSTORE8 the store and the shared vote rule (storeVoteOutcome) agree on every case of a table
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeVoteOutcome } from '../../../shared/polls/rules.js';
import { pollOptions, type PollKind } from '../../../shared/polls/schema.js';
import type { PollRecord, StoredVote } from './types.js';
import type { Store } from '../../store/store.js';

const uid = () => randomBytes(6).toString('hex');

export function pollRecord(overrides: Partial<PollRecord> = {}): PollRecord {
  return {
    id: uid(),
    workshopId: uid(),
    createdAt: 1_000,
    question: 'Wohin geht die nächste Fahrt? « Łódź » ✓',
    kind: 'multiple',
    options: pollOptions('multiple', ['Chemnitz', 'Łódź', 'Lyon'], 5),
    maxSelections: 2,
    scaleMax: 5,
    anonymous: false,
    visibility: 'live',
    allowChange: true,
    weighted: false,
    quiz: null,
    status: 'draft',
    rooms: ['plenary'],
    openedAt: null,
    closedAt: null,
    deadline: null,
    revealed: false,
    ...overrides,
  };
}

export const vote = (c: string[], overrides: Partial<StoredVote> = {}): StoredVote => ({
  c,
  t: '',
  w: 1,
  r: 'plenary',
  at: 2_000,
  ...overrides,
});

/** A poll of the given kind with three labelled options (or yes/no, a 1..5 scale, open text). */
function kindPoll(kind: PollKind, overrides: Partial<PollRecord> = {}): PollRecord {
  const options = pollOptions(kind, ['Chemnitz', 'Łódź', 'Lyon'], 5);
  const maxSelections = kind === 'multiple' ? 2 : kind === 'ranking' ? options.length : 1;
  return pollRecord({ kind, options, maxSelections, ...overrides });
}

interface VoteCase {
  name: string;
  poll: PollRecord;
  /** 'closed': launched, the previous vote (if any) recorded, then closed. */
  state?: 'draft' | 'open' | 'closed';
  previous?: StoredVote;
  next: StoredVote;
  expected: string;
}

const text = (t: string, o: Partial<StoredVote> = {}) => vote([], { t, ...o });

/** [POLL4] The cases the shared rule, the memory store and the Redis store must agree on. */
export const VOTE_CASES: VoteCase[] = [
  { name: 'single: one option', poll: kindPoll('single'), next: vote(['o2']), expected: 'recorded' },
  { name: 'single: two options', poll: kindPoll('single'), next: vote(['o1', 'o2']), expected: 'invalid_choice' },
  { name: 'single: no option', poll: kindPoll('single'), next: vote([]), expected: 'invalid_choice' },
  { name: 'single: unknown option', poll: kindPoll('single'), next: vote(['o9']), expected: 'invalid_choice' },
  {
    name: 'single: text as well',
    poll: kindPoll('single'),
    next: vote(['o1'], { t: 'x' }),
    expected: 'invalid_choice',
  },
  { name: 'yes/no: abstain', poll: kindPoll('yesno'), next: vote(['abstain']), expected: 'recorded' },
  { name: 'scale: beyond its maximum', poll: kindPoll('scale'), next: vote(['6']), expected: 'invalid_choice' },
  { name: 'multiple: up to the maximum', poll: kindPoll('multiple'), next: vote(['o1', 'o3']), expected: 'recorded' },
  {
    name: 'multiple: beyond the maximum',
    poll: kindPoll('multiple'),
    next: vote(['o1', 'o2', 'o3']),
    expected: 'invalid_choice',
  },
  {
    name: 'multiple: an option twice',
    poll: kindPoll('multiple'),
    next: vote(['o1', 'o1']),
    expected: 'invalid_choice',
  },
  { name: 'ranking: every option', poll: kindPoll('ranking'), next: vote(['o3', 'o1', 'o2']), expected: 'recorded' },
  { name: 'ranking: one left out', poll: kindPoll('ranking'), next: vote(['o3', 'o1']), expected: 'invalid_choice' },
  { name: 'text: an answer', poll: kindPoll('text'), next: text('Brücken « amitié »'), expected: 'recorded' },
  { name: 'text: empty', poll: kindPoll('text'), next: text(''), expected: 'invalid_choice' },
  { name: 'text: options instead', poll: kindPoll('text'), next: vote(['o1']), expected: 'invalid_choice' },
  {
    name: 're-vote: the same answer',
    poll: kindPoll('multiple'),
    previous: vote(['o1', 'o3']),
    next: vote(['o1', 'o3'], { at: 2_100 }),
    expected: 'unchanged',
  },
  {
    name: 're-vote: the same options in another order',
    poll: kindPoll('multiple'),
    previous: vote(['o1', 'o3']),
    next: vote(['o3', 'o1']),
    expected: 'unchanged',
  },
  {
    name: 're-vote: a ranking in another order',
    poll: kindPoll('ranking'),
    previous: vote(['o1', 'o2', 'o3']),
    next: vote(['o2', 'o1', 'o3']),
    expected: 'replaced',
  },
  {
    name: 're-vote: another answer',
    poll: kindPoll('single'),
    previous: vote(['o1']),
    next: vote(['o2']),
    expected: 'replaced',
  },
  {
    name: 're-vote: another text',
    poll: kindPoll('text'),
    previous: text('Freundschaft'),
    next: text('Austausch'),
    expected: 'replaced',
  },
  {
    name: 're-vote: another answer, changes not allowed',
    poll: kindPoll('single', { allowChange: false }),
    previous: vote(['o1']),
    next: vote(['o2']),
    expected: 'vote_locked',
  },
  {
    name: 're-vote: the same answer, changes not allowed',
    poll: kindPoll('single', { allowChange: false }),
    previous: vote(['o1']),
    next: vote(['o1']),
    expected: 'unchanged',
  },
  {
    name: 're-vote: an answer that does not fit',
    poll: kindPoll('single'),
    previous: vote(['o1']),
    next: vote(['o1', 'o2']),
    expected: 'invalid_choice',
  },
  { name: 'a draft', poll: kindPoll('single'), state: 'draft', next: vote(['o1']), expected: 'poll_closed' },
  { name: 'a closed poll', poll: kindPoll('single'), state: 'closed', next: vote(['o1']), expected: 'poll_closed' },
  {
    name: 'a closed poll, an answer that does not fit',
    poll: kindPoll('single'),
    state: 'closed',
    next: vote(['o9']),
    expected: 'poll_closed',
  },
  {
    name: 'a closed poll, the same answer again',
    poll: kindPoll('single'),
    state: 'closed',
    previous: vote(['o1']),
    next: vote(['o1']),
    expected: 'poll_closed',
  },
  {
    name: 'at the deadline',
    poll: kindPoll('single', { deadline: 2_000 }),
    next: vote(['o1'], { at: 2_000 }),
    expected: 'recorded',
  },
  {
    name: 'after the deadline',
    poll: kindPoll('single', { deadline: 2_000 }),
    next: vote(['o1'], { at: 2_001 }),
    expected: 'poll_deadline',
  },
  {
    name: 'after the deadline, an answer that does not fit',
    poll: kindPoll('single', { deadline: 2_000 }),
    next: vote(['o9'], { at: 2_001 }),
    expected: 'poll_deadline',
  },
];

export function describePollStore(name: string, factory: () => Promise<Store>) {
  describe(`poll store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    async function openPoll(overrides: Partial<PollRecord> = {}) {
      const poll = pollRecord(overrides);
      await store.polls.createPoll(poll);
      const launched = await store.polls.launchPoll(poll.workshopId, poll.id, {
        openedAt: 1_500,
        deadline: overrides.deadline ?? null,
        rooms: ['plenary'],
      });
      return launched as PollRecord;
    }

    test('[PSTORE1] a poll reads back as written; polls list in creation order', async () => {
      const first = pollRecord({
        quiz: { correct: ['o1'], timeLimitSec: 20, series: 'Stadtrallye', scoring: 'town' },
        anonymous: false,
      });
      const second = pollRecord({ workshopId: first.workshopId, kind: 'text', options: [], maxSelections: 1 });
      await store.polls.createPoll(first);
      await store.polls.createPoll(second);
      expect(await store.polls.getPoll(first.workshopId, first.id)).toEqual(first);
      expect((await store.polls.listPolls(first.workshopId)).map((p) => p.id)).toEqual([first.id, second.id]);
      expect(await store.polls.getPoll(first.workshopId, 'nope')).toBeNull();
      expect(await store.polls.listPolls('nowhere')).toEqual([]);
    });

    test('[PSTORE2] only drafts can be edited; any poll can be deleted, a launched one with its votes', async () => {
      const poll = pollRecord();
      await store.polls.createPoll(poll);
      const edited = await store.polls.updateDraft({ ...poll, question: 'Neu?', anonymous: true });
      expect(edited).toMatchObject({ question: 'Neu?', anonymous: true, status: 'draft' });
      await store.polls.launchPoll(poll.workshopId, poll.id, { openedAt: 5, deadline: null, rooms: ['plenary'] });
      expect(await store.polls.updateDraft({ ...poll, question: 'Zu spät' })).toBe('conflict');
      expect(await store.polls.updateDraft(pollRecord())).toBe('not_found');
      const draft = pollRecord({ workshopId: poll.workshopId });
      await store.polls.createPoll(draft);
      expect(await store.polls.deletePoll(poll.workshopId, draft.id)).toBe('ok');
      expect(await store.polls.getPoll(poll.workshopId, draft.id)).toBeNull();
      expect((await store.polls.listPolls(poll.workshopId)).map((p) => p.id)).toEqual([poll.id]);
      // A launched poll is cancelled with its votes: a vote after that is refused, the poll is gone.
      const launched = (await store.polls.getPoll(poll.workshopId, poll.id))!;
      expect(await store.polls.recordVote(launched, 'p1', vote(['o1']))).toBe('recorded');
      expect(await store.polls.deletePoll(poll.workshopId, poll.id)).toBe('ok');
      expect(await store.polls.deletePoll(poll.workshopId, poll.id)).toBe('not_found');
      expect(await store.polls.listPolls(poll.workshopId)).toEqual([]);
      expect((await store.polls.pollVotes(poll.workshopId, poll.id)).votes.size).toBe(0);
      expect(await store.polls.recordVote(launched, 'p2', vote(['o1']))).not.toBe('recorded');
    });

    test('[PSTORE3] launch opens a draft once; close keeps the first time; reveal closes and reveals', async () => {
      const poll = pollRecord();
      await store.polls.createPoll(poll);
      expect(await store.polls.closePoll(poll.workshopId, poll.id, 9)).toBe('conflict');
      const open = await store.polls.launchPoll(poll.workshopId, poll.id, {
        openedAt: 10,
        deadline: 20_010,
        rooms: ['plenary', 'r2'],
      });
      expect(open).toMatchObject({ status: 'open', openedAt: 10, deadline: 20_010, rooms: ['plenary', 'r2'] });
      expect(
        await store.polls.launchPoll(poll.workshopId, poll.id, { openedAt: 11, deadline: null, rooms: ['plenary'] }),
      ).toBe('conflict');
      expect(await store.polls.closePoll(poll.workshopId, poll.id, 30)).toMatchObject({
        status: 'closed',
        closedAt: 30,
        revealed: false,
      });
      expect(await store.polls.closePoll(poll.workshopId, poll.id, 40)).toMatchObject({ closedAt: 30 });
      expect(await store.polls.revealPoll(poll.workshopId, poll.id, 50)).toMatchObject({
        closedAt: 30,
        revealed: true,
      });
      const other = await openPoll();
      expect(await store.polls.revealPoll(other.workshopId, other.id, 60)).toMatchObject({
        status: 'closed',
        closedAt: 60,
        revealed: true,
      });
      expect(await store.polls.launchPoll('x', 'y', { openedAt: 1, deadline: null, rooms: [] })).toBe('not_found');
    });

    test('[PSTORE4] one vote per participant: a duplicate is unchanged, a different one replaces', async () => {
      const poll = await openPoll();
      const { workshopId, id } = poll;
      expect(await store.polls.recordVote(poll, 'ana', vote(['o1']))).toBe('recorded');
      expect(await store.polls.recordVote(poll, 'ana', vote(['o1'], { at: 3_000 }))).toBe('unchanged');
      expect(await store.polls.recordVote(poll, 'ana', vote(['o1', 'o2']))).toBe('replaced');
      expect(await store.polls.recordVote(poll, 'ben', vote(['o3'], { w: 12, r: 'r2' }))).toBe('recorded');
      const { votes } = await store.polls.pollVotes(workshopId, id);
      expect(Object.fromEntries(votes)).toEqual({ ana: vote(['o1', 'o2']), ben: vote(['o3'], { w: 12, r: 'r2' }) });
      expect(await store.polls.votesBy(workshopId, [id, 'other'], 'ben')).toEqual(
        new Map([[id, vote(['o3'], { w: 12, r: 'r2' })]]),
      );

      const locked = await openPoll({ allowChange: false, workshopId });
      expect(await store.polls.recordVote(locked, 'ana', vote(['o1']))).toBe('recorded');
      expect(await store.polls.recordVote(locked, 'ana', vote(['o1']))).toBe('unchanged');
      expect(await store.polls.recordVote(locked, 'ana', vote(['o2']))).toBe('vote_locked');

      const text = await openPoll({ kind: 'text', options: [], maxSelections: 1, workshopId });
      expect(await store.polls.recordVote(text, 'ana', vote([], { t: 'Brücken bauen, « amitié »' }))).toBe('recorded');
      expect(await store.polls.recordVote(text, 'ana', vote([], { t: 'Brücken bauen, « amitié »' }))).toBe('unchanged');
      expect(await store.polls.recordVote(text, 'ana', vote([], { t: 'Freundschaft' }))).toBe('replaced');
    });

    test('[PSTORE5] votes are refused on drafts, closed polls, after the deadline, for unknown options and beyond the maximum', async () => {
      const draft = pollRecord();
      await store.polls.createPoll(draft);
      expect(await store.polls.recordVote(draft, 'ana', vote(['o1']))).toBe('poll_closed');
      expect(await store.polls.recordVote({ ...draft, id: 'missing' }, 'ana', vote(['o1']))).toBe('not_found');
      const poll = await openPoll({ deadline: 2_500 });
      const w = poll.workshopId;
      expect(await store.polls.recordVote(poll, 'ana', vote(['o9']))).toBe('invalid_choice');
      expect(await store.polls.recordVote(poll, 'ana', vote(['o1', 'o2', 'o3']))).toBe('invalid_choice');
      expect(await store.polls.recordVote(poll, 'ana', vote([]))).toBe('invalid_choice');
      expect(await store.polls.recordVote(poll, 'ana', vote(['o1'], { at: 2_500 }))).toBe('recorded');
      expect(await store.polls.recordVote(poll, 'ben', vote(['o1'], { at: 2_501 }))).toBe('poll_deadline');
      await store.polls.closePoll(w, poll.id, 2_600);
      expect(await store.polls.recordVote(poll, 'cem', vote(['o1'], { at: 2_400 }))).toBe('poll_closed');
      expect([...(await store.polls.pollVotes(w, poll.id)).votes.keys()]).toEqual(['ana']);
    });

    test('[PSTORE6] rev grows with every accepted change and only then', async () => {
      const poll = await openPoll();
      const rev = async () => (await store.polls.pollVotes(poll.workshopId, poll.id)).rev;
      expect(await rev()).toBe(0);
      await store.polls.recordVote(poll, 'ana', vote(['o1']));
      await store.polls.recordVote(poll, 'ana', vote(['o1']));
      await store.polls.recordVote(poll, 'ana', vote(['o9']));
      expect(await rev()).toBe(1);
      await store.polls.recordVote(poll, 'ana', vote(['o2']));
      expect(await rev()).toBe(2);
    });

    test('[PSTORE7] concurrent votes of many participants, with repeats, end in one vote each', async () => {
      const poll = await openPoll({ maxSelections: 1, kind: 'single' });
      const writes: Promise<string>[] = [];
      for (let i = 0; i < 150; i++) {
        const choice = `o${(i % 3) + 1}`;
        writes.push(store.polls.recordVote(poll, `p${i}`, vote([choice])));
        if (i % 5 === 0) writes.push(store.polls.recordVote(poll, `p${i}`, vote([choice])));
        if (i % 7 === 0) writes.push(store.polls.recordVote(poll, `p${i}`, vote(['o1'])));
      }
      const outcomes = await Promise.all(writes);
      expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(150);
      const { votes, rev } = await store.polls.pollVotes(poll.workshopId, poll.id);
      expect(votes.size).toBe(150);
      expect(rev).toBe(outcomes.filter((o) => o === 'recorded' || o === 'replaced').length);
    });

    test('[PSTORE8] the store and the shared vote rule agree on every case of the table', async () => {
      const seen: string[] = [];
      for (const c of VOTE_CASES) {
        const created = { ...c.poll, id: uid(), workshopId: uid() };
        await store.polls.createPoll(created);
        const launch = { openedAt: 1_500, deadline: created.deadline, rooms: ['plenary'] };
        if (c.state !== 'draft') await store.polls.launchPoll(created.workshopId, created.id, launch);
        if (c.previous) expect(await store.polls.recordVote(created, 'ana', c.previous), c.name).toBe('recorded');
        if (c.state === 'closed') await store.polls.closePoll(created.workshopId, created.id, 1_900);
        const poll = (await store.polls.getPoll(created.workshopId, created.id))!;
        const answer = (v: StoredVote) => ({ choices: v.c, text: v.t });
        const rule = storeVoteOutcome(poll, c.previous && answer(c.previous), answer(c.next), c.next.at);
        const outcome = await store.polls.recordVote(poll, 'ana', c.next);
        seen.push(`${c.name}: rule ${rule}, store ${outcome}`);
        const kept = outcome === 'recorded' || outcome === 'replaced' ? c.next : c.previous;
        const { votes, rev } = await store.polls.pollVotes(poll.workshopId, poll.id);
        expect(votes.get('ana'), c.name).toEqual(kept);
        expect(rev, c.name).toBe((c.previous ? 1 : 0) + (kept === c.next ? 1 : 0));
      }
      expect(seen).toEqual(VOTE_CASES.map((c) => `${c.name}: rule ${c.expected}, store ${c.expected}`));
    });
  });
}
