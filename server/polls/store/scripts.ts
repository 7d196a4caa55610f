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
  pollDeleteDraft: luaScript(`
local s = redis.call('HGET', KEYS[1], 'status')
if not s then return 'not_found' end
if s ~= 'draft' then return 'conflict' end
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
   * KEYS: poll hash, votes hash. ARGV: participant id, vote json, answer key, now, n, n option ids, has text.
   * Checks status, deadline, options and maximum, then writes the participant's one field.
   */
  pollVote: luaScript(`
local f = redis.call('HMGET', KEYS[1], 'status', 'deadline', 'options', 'max', 'allowChange', 'kind')
if not f[1] then return 'not_found' end
if f[1] ~= 'open' then return 'poll_closed' end
if f[2] ~= '' and tonumber(ARGV[4]) > tonumber(f[2]) then return 'poll_deadline' end
local n = tonumber(ARGV[5])
if n > tonumber(f[4]) then return 'invalid_choice' end
local allowed = {}
for id in string.gmatch(f[3], '[^,]+') do allowed[id] = true end
for i = 1, n do
  if not allowed[ARGV[5 + i]] then return 'invalid_choice' end
end
if f[6] == 'text' then
  if ARGV[6 + n] ~= '1' then return 'invalid_choice' end
elseif n == 0 then return 'invalid_choice' end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then
  local prev = cjson.decode(old)
  local key = table.concat(prev.c, '\\31') .. '\\30' .. (prev.t or '')
  if key == ARGV[3] then return 'unchanged' end
  if f[5] ~= '1' then return 'vote_locked' end
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'rev', 1)
if old then return 'replaced' end
return 'recorded'`),
};
