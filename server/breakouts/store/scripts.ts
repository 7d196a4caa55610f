import { luaScript } from '../../store/redis/scripts.js';

export const BREAKOUT_SCRIPTS = {
  /**
   * KEYS: breakouts hash, deadlines zset, then one participant hash per move.
   * ARGV: expected version, state json, deadline ('' = none), workshop id, then one room id per move.
   * Returns {0, the stored state json} on a version mismatch, else {1, {indexes of the moves applied}}.
   */
  breakoutsApply: luaScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGET', KEYS[1], 'json') or ''} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[4]) else redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
local moved = {}
for i = 3, #KEYS do
  if redis.call('HGET', KEYS[i], 'removed') == '0' then
    redis.call('HSET', KEYS[i], 'roomId', ARGV[i + 2])
    moved[#moved + 1] = i - 3
  end
end
return {1, moved}`),
  /** KEYS: lock. ARGV: owner. */
  breakoutsUnlock: luaScript(
    `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
  ),
};
