import { answerKey, answerRefusal } from '../../../shared/polls/rules.js';
import { type RedisClient, readListed } from '../../store/redis/client.js';
import {
  decodePoll,
  decodeVote,
  encodePollDefinition,
  encodePollState,
  hashReply,
  statusReply,
} from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { PollChange, PollRecord, PollStore, RecordVoteResult, StoredVote } from './types.js';

const RECORD_VOTE_RESULTS = [
  'recorded',
  'replaced',
  'unchanged',
  'not_found',
  'poll_closed',
  'poll_deadline',
  'invalid_choice',
  'vote_locked',
] as const satisfies readonly RecordVoteResult[];

/** A change script's reply: the poll hash it wrote, or why it did not apply. */
function changeReply(reply: unknown): PollChange {
  if (typeof reply === 'string') return statusReply(reply, ['not_found', 'conflict'], 'poll change');
  return decodePoll(hashReply(reply, 'poll')) ?? 'not_found';
}

/** Polls in Redis; the scripts and the key layout are described in ./scripts.ts. */
export class RedisPollStore implements PollStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async createPoll(p: PollRecord) {
    await this.client
      .multi()
      .hSet(this.keys.poll(p.workshopId, p.id), [...encodePollDefinition(p), ...encodePollState(p), 'rev', '0'])
      .rPush(this.keys.polls(p.workshopId), p.id)
      .exec();
  }

  async getPoll(workshopId: string, pollId: string) {
    return decodePoll(await this.client.hGetAll(this.keys.poll(workshopId, pollId)));
  }

  async listPolls(workshopId: string) {
    const hashKey = (id: string) => this.keys.poll(workshopId, id);
    return readListed(this.client, this.keys.polls(workshopId), hashKey, decodePoll);
  }

  async updateDraft(p: PollRecord): Promise<PollChange> {
    return changeReply(
      await this.client.pollUpdateDraft([this.keys.poll(p.workshopId, p.id)], encodePollDefinition(p)),
    );
  }

  async deletePoll(workshopId: string, pollId: string) {
    const keys = [this.keys.poll(workshopId, pollId), this.keys.votes(workshopId, pollId), this.keys.polls(workshopId)];
    return statusReply(await this.client.pollDelete(keys, [pollId]), ['ok', 'not_found'], 'deletePoll');
  }

  async launchPoll(
    workshopId: string,
    pollId: string,
    launch: { openedAt: number; deadline: number | null; rooms: string[] },
  ) {
    const args = [
      String(launch.openedAt),
      launch.deadline === null ? '' : String(launch.deadline),
      JSON.stringify(launch.rooms),
    ];
    return changeReply(await this.client.pollLaunch([this.keys.poll(workshopId, pollId)], args));
  }

  async closePoll(workshopId: string, pollId: string, at: number) {
    return changeReply(await this.client.pollClose([this.keys.poll(workshopId, pollId)], [String(at), '0']));
  }

  async revealPoll(workshopId: string, pollId: string, at: number) {
    return changeReply(await this.client.pollClose([this.keys.poll(workshopId, pollId)], [String(at), '1']));
  }

  async recordVote(poll: PollRecord, participantId: string, v: StoredVote) {
    const keys = [this.keys.poll(poll.workshopId, poll.id), this.keys.votes(poll.workshopId, poll.id)];
    const answer = { choices: v.c, text: v.t };
    const key = answerKey(poll.kind, answer);
    const fits = answerRefusal(poll, answer) === null;
    const args = [participantId, JSON.stringify({ ...v, k: key }), key, String(v.at), fits ? '1' : '0'];
    return statusReply(await this.client.pollVote(keys, args), RECORD_VOTE_RESULTS, 'recordVote');
  }

  async pollVotes(workshopId: string, pollId: string) {
    const [rev, raw] = (await this.client
      .multi()
      .hGet(this.keys.poll(workshopId, pollId), 'rev')
      .hGetAll(this.keys.votes(workshopId, pollId))
      .exec()) as unknown as [string | null, Record<string, string>];
    const votes = new Map<string, StoredVote>();
    for (const [pid, json] of Object.entries(raw ?? {})) votes.set(pid, decodeVote(json));
    return { rev: Number(rev ?? 0), votes };
  }

  async votesBy(workshopId: string, pollIds: readonly string[], participantId: string) {
    const out = new Map<string, StoredVote>();
    if (pollIds.length === 0) return out;
    const multi = this.client.multi();
    for (const id of pollIds) multi.hGet(this.keys.votes(workshopId, id), participantId);
    const raw = (await multi.exec()) as unknown as (string | null)[];
    raw.forEach((json, i) => {
      if (json) out.set(pollIds[i]!, decodeVote(json));
    });
    return out;
  }
}
