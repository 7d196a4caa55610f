import { luaScript } from '../../store/redis/scripts.js';

/**
 * Polls in Redis. A poll is a hash (its definition as JSON plus the fields the scripts check); its votes
 * are a second hash with one field per participant, so a participant can never hold two votes.
 * A change that applied returns the poll hash as written (HGETALL); a refusal returns its reason.
 */
export const POLL_SCRIPTS = {
  /** KEYS: poll hash. ARGV: field/value pairs. Applies only to a draft. */
  pollUpdateDraft: luaScript(`
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
redis.call('HSET', KEYS[1], unpack(ARGV))
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: poll hash, votes hash, poll list. ARGV: poll id. */
  pollDelete: luaScript(`
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('LREM', KEYS[3], 0, ARGV[1])
return 'ok'`),
  /** KEYS: poll hash. ARGV: openedAt, deadline ('' for none), rooms json. */
  pollLaunch: luaScript(`
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
redis.call('HSET', KEYS[1], 'status', 'open', 'openedAt', ARGV[1], 'deadline', ARGV[2], 'rooms', ARGV[3])
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: poll hash. ARGV: time, reveal ('1' or '0'). */
  pollClose: luaScript(`
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s == 'draft' then return 'conflict' end
if s == 'open' then redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[1]) end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'revealed', '1') end
return redis.call('HGETALL', KEYS[1])`),
  /**
   * KEYS: poll hash, votes hash. ARGV: participant id, vote json (with its answer key `k`), answer key,
   * now, fits ('1' when the answer fits the poll: shared/polls/rules.ts decides that, it never changes
   * once launched). Only what must be atomic with the write is here: status, deadline, the previous vote.
   */
  pollVote: luaScript(`
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
return 'recorded'`),
};
