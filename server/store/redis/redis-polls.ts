import { answerKey, answerRefusal } from '../../../shared/polls/rules.js';
import type { PollChange, PollRecord, PollStore, RecordVoteResult, StoredVote } from '../polls-types.js';
import type { RedisClient } from './redis-store.js';

/**
 * Polls in Redis. A poll is a hash (its definition as JSON plus the fields the scripts check); its votes
 * are a second hash with one field per participant, so a participant can never hold two votes.
 */
const SCRIPTS = {
  /** KEYS: poll hash. ARGV: field/value pairs. Applies only to a draft. */
  updateDraft: `
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 'ok'`,
  /** KEYS: poll hash, votes hash, poll list. ARGV: poll id. */
  deleteDraft: `
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('LREM', KEYS[3], 0, ARGV[1])
return 'ok'`,
  /** KEYS: poll hash. ARGV: openedAt, deadline ('' for none), rooms json. */
  launch: `
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
redis.call('HSET', KEYS[1], 'status', 'open', 'openedAt', ARGV[1], 'deadline', ARGV[2], 'rooms', ARGV[3])
return 'ok'`,
  /** KEYS: poll hash. ARGV: time, reveal ('1' or '0'). */
  close: `
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s == 'draft' then return 'conflict' end
if s == 'open' then redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[1]) end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'revealed', '1') end
return 'ok'`,
  /**
   * KEYS: poll hash, votes hash. ARGV: participant id, vote json (with its answer key `k`), answer key,
   * now, fits ('1' when the answer fits the poll: shared/polls/rules.ts decides that, it never changes
   * once launched). Only what must be atomic with the write is here: status, deadline, the previous vote.
   */
  vote: `
local f = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'allowChange')
if not f[1] then return 'not_found' end
if f[1] ~= 'open' then return 'poll_closed' end
if f[2] ~= '' and tonumber(ARGV[4]) > tonumber(f[2]) then return 'poll_deadline' end
if ARGV[5] ~= '1' then return 'invalid_choice' end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then
  if cjson.decode(old).k == ARGV[3] then return 'unchanged' end
  if f[3] ~= '1' then return 'vote_locked' end
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'rev', 1)
if old then return 'replaced' end
return 'recorded'`,
} as const;

const MUTABLE = ['status', 'openedAt', 'closedAt', 'deadline', 'rooms', 'revealed'] as const;

function definitionFields(p: PollRecord): string[] {
  const { status: _s, openedAt: _o, closedAt: _c, deadline: _d, rooms: _r, revealed: _v, ...definition } = p;
  return ['def', JSON.stringify(definition), 'allowChange', p.allowChange ? '1' : '0'];
}

/** A stored vote carries its answer key (`k`), which the vote script compares; callers never see it. */
function decodeVote(json: string): StoredVote {
  const { k: _k, ...vote } = JSON.parse(json) as StoredVote & { k?: string };
  return vote;
}

const numOrNull = (s: string | undefined) => (s ? Number(s) : null);

function decodePoll(h: Record<string, string>): PollRecord | null {
  if (!h.def) return null;
  const def = JSON.parse(h.def) as Omit<PollRecord, (typeof MUTABLE)[number]>;
  return {
    ...def,
    status: (h.status ?? 'draft') as PollRecord['status'],
    openedAt: numOrNull(h.openedAt),
    closedAt: numOrNull(h.closedAt),
    deadline: numOrNull(h.deadline),
    rooms: JSON.parse(h.rooms ?? '[]') as string[],
    revealed: h.revealed === '1',
  };
}

export class RedisPollStore implements PollStore {
  private readonly keys;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    this.keys = {
      list: (w: string) => `${prefix}w:${w}:polls`,
      poll: (w: string, p: string) => `${prefix}w:${w}:poll:${p}`,
      votes: (w: string, p: string) => `${prefix}w:${w}:poll:${p}:votes`,
    };
  }

  private run(script: keyof typeof SCRIPTS, keys: string[], args: string[]) {
    return this.client.eval(SCRIPTS[script], { keys, arguments: args }) as Promise<string>;
  }

  async createPoll(p: PollRecord) {
    await this.client
      .multi()
      .hSet(this.keys.poll(p.workshopId, p.id), [
        ...definitionFields(p),
        ...[
          'status',
          p.status,
          'openedAt',
          String(p.openedAt ?? ''),
          'closedAt',
          String(p.closedAt ?? ''),
          'deadline',
          String(p.deadline ?? ''),
        ],
        ...['rooms', JSON.stringify(p.rooms), 'revealed', p.revealed ? '1' : '0', 'rev', '0'],
      ])
      .rPush(this.keys.list(p.workshopId), p.id)
      .exec();
  }

  async getPoll(workshopId: string, pollId: string) {
    return decodePoll(await this.client.hGetAll(this.keys.poll(workshopId, pollId)));
  }

  async listPolls(workshopId: string) {
    const ids = await this.client.lRange(this.keys.list(workshopId), 0, -1);
    if (ids.length === 0) return [];
    const multi = this.client.multi();
    for (const id of ids) multi.hGetAll(this.keys.poll(workshopId, id));
    const hashes = (await multi.exec()) as unknown as Record<string, string>[];
    return hashes.map(decodePoll).filter((p): p is PollRecord => p !== null);
  }

  async updateDraft(p: PollRecord): Promise<PollChange> {
    const result = await this.run('updateDraft', [this.keys.poll(p.workshopId, p.id)], definitionFields(p));
    return result === 'ok' ? this.mustGet(p.workshopId, p.id) : (result as 'not_found' | 'conflict');
  }

  async deleteDraft(workshopId: string, pollId: string) {
    const keys = [this.keys.poll(workshopId, pollId), this.keys.votes(workshopId, pollId), this.keys.list(workshopId)];
    return (await this.run('deleteDraft', keys, [pollId])) as 'ok' | 'not_found' | 'conflict';
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
    return this.changed(workshopId, pollId, await this.run('launch', [this.keys.poll(workshopId, pollId)], args));
  }

  async closePoll(workshopId: string, pollId: string, at: number) {
    return this.changed(
      workshopId,
      pollId,
      await this.run('close', [this.keys.poll(workshopId, pollId)], [String(at), '0']),
    );
  }

  async revealPoll(workshopId: string, pollId: string, at: number) {
    return this.changed(
      workshopId,
      pollId,
      await this.run('close', [this.keys.poll(workshopId, pollId)], [String(at), '1']),
    );
  }

  async recordVote(poll: PollRecord, participantId: string, v: StoredVote) {
    const keys = [this.keys.poll(poll.workshopId, poll.id), this.keys.votes(poll.workshopId, poll.id)];
    const answer = { choices: v.c, text: v.t };
    const key = answerKey(poll.kind, answer);
    const fits = answerRefusal(poll, answer) === null;
    const args = [participantId, JSON.stringify({ ...v, k: key }), key, String(v.at), fits ? '1' : '0'];
    return (await this.run('vote', keys, args)) as RecordVoteResult;
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

  private async mustGet(workshopId: string, pollId: string): Promise<PollChange> {
    return (await this.getPoll(workshopId, pollId)) ?? 'not_found';
  }

  private async changed(workshopId: string, pollId: string, result: string): Promise<PollChange> {
    return result === 'ok' ? this.mustGet(workshopId, pollId) : (result as 'not_found' | 'conflict');
  }
}
