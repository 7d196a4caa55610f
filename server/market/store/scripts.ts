import { luaScript } from '../../store/redis/scripts.js';

export const MARKET_SCRIPTS = {
  /**
   * KEYS: market hash, deadlines zset. ARGV: expected version, state json, deadline ('' = none), workshop id.
   * Returns {0, the stored state json} on a version mismatch, else {1}.
   */
  marketApply: luaScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGET', KEYS[1], 'json') or ''} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[4]) else redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
return {1}`),
};
