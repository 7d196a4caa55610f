import { luaScript } from '../../store/redis/scripts.js';

export const TRUTHS_SCRIPTS = {
  /**
   * KEYS: state hash, open-votes hash, deadlines zset. ARGV: expected version, state json, deadline ('' =
   * none), workshop id, then pairs of vote key and deadline. Returns {0, stored json} on a version mismatch, else {1}.
   */
  truthsApply: luaScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGET', KEYS[1], 'json') or ''} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
redis.call('DEL', KEYS[2])
for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
if ARGV[3] == '' then redis.call('ZREM', KEYS[3], ARGV[4]) else redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4]) end
return {1}`),
  /** KEYS: open-votes hash, guesses hash. ARGV: vote key, voter, guess, at. Returns 1 recorded, 0 closed. */
  truthsGuess: luaScript(`
local deadline = redis.call('HGET', KEYS[1], ARGV[1])
if not deadline or tonumber(ARGV[4]) > tonumber(deadline) then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return 1`),
};
