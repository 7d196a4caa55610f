import { CommandError } from '../../shared/command.js';
import type { pollCommands } from '../../shared/polls/events.js';
import { POLL_LIMITS, type PollTally } from '../../shared/polls/schema.js';
import { rooms } from '../realtime/rooms.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable } from '../realtime/types.js';
import type { PollChange, PollRecord, StoredVote } from './store/types.js';
import { pollsCsv } from './export.js';
import * as logic from './logic.js';
import { leaderboard, revealedSeries, type Person } from './quiz.js';
import { tallyVotes } from './tally.js';
import { TrailingThrottle } from './throttle.js';

type PollHandlers = Pick<HandlerTable, keyof typeof pollCommands>;

function changed(result: PollChange): PollRecord {
  if (result === 'not_found') throw new CommandError('not_found', 'No such poll');
  if (result === 'conflict') throw new CommandError('conflict', 'The poll is not in a state that allows this');
  return result;
}

const VOTE_REFUSALS = {
  not_found: 'No such poll',
  poll_closed: 'Voting on this poll is not open',
  poll_deadline: 'Time is up for this question',
  invalid_choice: 'That answer does not fit this poll',
  vote_locked: 'You already voted and this poll does not allow changes',
} as const;

/** Polls; the tally throttle's pending broadcasts stop with the app. */
export function pollFeature(deps: Deps): Feature<keyof typeof pollCommands> {
  const { io } = deps;
  const polls = deps.store.polls;
  const key = (workshopId: string, pollId: string) => `${workshopId} ${pollId}`;
  const throttle = new TrailingThrottle(1000 / POLL_LIMITS.talliesPerSecond, (k) => {
    const [workshopId, pollId] = k.split(' ') as [string, string];
    return broadcastTally(workshopId, pollId).catch((err: unknown) =>
      deps.log.warn('tally broadcast failed', { err, workshop: workshopId, poll: pollId }),
    );
  });

  /** Definitions: drafts to moderators; launched polls to everyone, the quiz answer only to moderators until revealed. */
  function emitPoll(poll: PollRecord) {
    const mods = rooms.moderators(poll.workshopId);
    io.to(mods).emit('poll:updated', logic.toView(poll, true));
    if (poll.status !== 'draft')
      io.to(rooms.workshop(poll.workshopId)).except(mods).emit('poll:updated', logic.toView(poll, false));
  }

  /** [POLL6] Reads the store and sends the tally only to those who may see it now. */
  async function broadcastTally(workshopId: string, pollId: string): Promise<PollTally | null> {
    const poll = await polls.getPoll(workshopId, pollId);
    if (!poll || poll.status === 'draft') return null;
    const { rev, votes } = await polls.pollVotes(workshopId, pollId);
    const tally = tallyVotes(poll, votes.values(), rev);
    const audience = logic.tallyAudience(poll);
    const mods = rooms.moderators(workshopId);
    const target =
      audience === 'everyone'
        ? io.to(rooms.workshop(workshopId))
        : audience === 'voters'
          ? io.to([rooms.pollVoters(workshopId, pollId), mods])
          : io.to(mods);
    target.emit('poll:tallied', tally);
    return tally;
  }

  async function people(workshopId: string): Promise<Map<string, Person>> {
    const list = await deps.store.listParticipants(workshopId);
    return new Map(list.map((p) => [p.id, { id: p.id, name: p.name, town: p.town }]));
  }

  /** Votes (and their revision) of each poll, read per poll in one step. */
  async function votesOf(list: readonly PollRecord[]) {
    const all = await Promise.all(list.map(async (p) => [p.id, await polls.pollVotes(p.workshopId, p.id)] as const));
    const revs = new Map(all.map(([id, r]) => [id, r.rev]));
    return { revs, votes: new Map<string, Map<string, StoredVote>>(all.map(([id, r]) => [id, r.votes])) };
  }

  async function loadPoll(workshopId: string, pollId: string) {
    const poll = await polls.getPoll(workshopId, pollId);
    if (!poll) throw new CommandError('not_found', 'No such poll');
    return poll;
  }

  /**
   * Open polls, remembered for a second per node: a vote then costs one store round trip less. Safe because
   * what a launched poll's vote check reads cannot change (options, kind, rooms), and what can (status,
   * deadline) the store checks again atomically with the write.
   */
  const openPolls = new Map<string, { poll: PollRecord; until: number }>();
  async function pollForVote(workshopId: string, pollId: string) {
    const k = key(workshopId, pollId);
    const now = deps.clock();
    const hit = openPolls.get(k);
    if (hit && hit.until > now) return hit.poll;
    const poll = await loadPoll(workshopId, pollId);
    if (openPolls.size > 1000) openPolls.clear();
    if (poll.status === 'open') openPolls.set(k, { poll, until: now + 1000 });
    else openPolls.delete(k);
    return poll;
  }

  const handlers: PollHandlers = {
    'poll:create': async (draft, ctx) => {
      const { workshop } = ctx.member;
      const poll = logic.newPoll(workshop.id, draft, { now: deps.clock(), ids: deps.ids });
      await polls.createPoll(poll);
      emitPoll(poll);
      return logic.toView(poll, true);
    },

    'poll:update': async ({ pollId, ...draft }, ctx) => {
      const { workshop } = ctx.member;
      const next = logic.editDraft(await loadPoll(workshop.id, pollId), draft);
      const poll = changed(await polls.updateDraft(next));
      emitPoll(poll);
      return logic.toView(poll, true);
    },

    'poll:delete': async ({ pollId }, ctx) => {
      const { workshop, actor } = ctx.member;
      const poll = await loadPoll(workshop.id, pollId);
      const { votes } = poll.status === 'draft' ? { votes: new Map() } : await polls.pollVotes(workshop.id, pollId);
      const result = await polls.deletePoll(workshop.id, pollId);
      if (result !== 'ok') changed(result);
      openPolls.delete(key(workshop.id, pollId));
      // A launched poll disappears for everyone; its votes are gone with it.
      io.to(rooms.workshop(workshop.id)).emit('poll:deleted', { pollId });
      if (poll.status !== 'draft')
        deps.log.info('poll cancelled', { workshop: workshop.id, poll: pollId, votes: votes.size, by: actor.id });
      return null;
    },

    'poll:launch': async ({ pollId, roomIds }, ctx) => {
      const { workshop } = ctx.member;
      const [poll0, breakouts] = await Promise.all([
        loadPoll(workshop.id, pollId),
        deps.store.breakouts.get(workshop.id),
      ]);
      const plan = logic.launchPlan(poll0, roomIds, deps.clock(), breakouts);
      const poll = changed(await polls.launchPoll(workshop.id, pollId, plan));
      emitPoll(poll);
      deps.log.info('poll launched', { workshop: workshop.id, poll: pollId, rooms: plan.rooms });
      return logic.toView(poll, true);
    },

    'poll:close': async ({ pollId }, ctx) => {
      const { workshop } = ctx.member;
      const poll = changed(await polls.closePoll(workshop.id, pollId, deps.clock()));
      openPolls.delete(key(workshop.id, pollId));
      emitPoll(poll);
      await broadcastTally(workshop.id, pollId);
      return logic.toView(poll, true);
    },

    'poll:reveal': async ({ pollId }, ctx) => {
      const { workshop } = ctx.member;
      const poll = changed(await polls.revealPoll(workshop.id, pollId, deps.clock()));
      openPolls.delete(key(workshop.id, pollId));
      emitPoll(poll);
      await broadcastTally(workshop.id, pollId);
      if (poll.quiz) {
        const all = await polls.listPolls(workshop.id);
        const board = leaderboard(
          poll.quiz.series,
          all,
          (await votesOf(all.filter((p) => p.quiz?.series === poll.quiz!.series))).votes,
          await people(workshop.id),
        );
        io.to(rooms.workshop(workshop.id)).emit('poll:scored', board);
      }
      return logic.toView(poll, true);
    },

    'poll:vote': async (input, ctx) => {
      const { workshop, actor } = ctx.member;
      const poll = await pollForVote(workshop.id, input.pollId);
      const vote = logic.checkVote(poll, input, actor, deps.clock());
      const outcome = await polls.recordVote(poll, actor.id, vote);
      if (outcome in VOTE_REFUSALS) {
        const code = outcome as keyof typeof VOTE_REFUSALS;
        throw new CommandError(code, VOTE_REFUSALS[code]);
      }
      // Joined before the tally is scheduled, so this voter receives it.
      if (poll.visibility === 'voted') await ctx.socket.join(rooms.pollVoters(workshop.id, poll.id));
      if (outcome !== 'unchanged') throttle.schedule(key(workshop.id, poll.id));
      return { vote: logic.myVote(poll.id, vote), outcome: outcome as 'recorded' | 'replaced' | 'unchanged' };
    },

    'poll:sync': async (_input, ctx) => {
      const { workshop, actor } = ctx.member;
      const moderator = actor.role === 'moderator';
      const all = (await polls.listPolls(workshop.id)).filter((p) => moderator || p.status !== 'draft');
      const mine = await polls.votesBy(
        workshop.id,
        all.map((p) => p.id),
        actor.id,
      );
      const voted = all
        .filter((p) => p.visibility === 'voted' && mine.has(p.id))
        .map((p) => rooms.pollVoters(workshop.id, p.id));
      if (voted.length > 0) await ctx.socket.join(voted);
      const launched = all.filter((p) => p.status !== 'draft');
      const { revs, votes } = await votesOf(launched);
      const tallies = launched
        .filter((p) => logic.canSeeResults(p, { moderator, voted: mine.has(p.id) }))
        .map((p) => tallyVotes(p, (votes.get(p.id) ?? new Map<string, StoredVote>()).values(), revs.get(p.id) ?? 0));
      const series = revealedSeries(launched);
      const who = series.length > 0 ? await people(workshop.id) : new Map<string, Person>();
      return {
        polls: all.map((p) => logic.toView(p, moderator)),
        myVotes: [...mine].map(([id, v]) => logic.myVote(id, v)),
        tallies,
        leaderboards: series.map((s) => leaderboard(s, launched, votes, who)),
      };
    },

    'poll:leaderboard': async ({ series }, ctx) => {
      const { workshop } = ctx.member;
      const all = (await polls.listPolls(workshop.id)).filter((p) => p.quiz?.series === series);
      return leaderboard(series, all, (await votesOf(all)).votes, await people(workshop.id));
    },

    'poll:export': async ({ locale }, ctx) => {
      const { workshop } = ctx.member;
      const [all, breakouts] = await Promise.all([polls.listPolls(workshop.id), deps.store.breakouts.get(workshop.id)]);
      const votes = (await votesOf(all.filter((p) => p.status !== 'draft'))).votes;
      const csv = pollsCsv(all, votes, await people(workshop.id), locale, breakouts);
      const date = new Date(deps.clock()).toISOString().slice(0, 10);
      return { filename: `polls-${workshop.code}-${date}.csv`, csv };
    },
  };
  return { handlers, start() {}, stop: async () => throttle.stop() };
}
