import { luaScript } from '../../store/redis/scripts.js';

export const BARCAMP_SCRIPTS = {
  /**
   * KEYS: barcamp hash. ARGV: expected version, state json.
   * Returns {0, the stored state json} on a version mismatch, else {1}.
   */
  barcampApply: luaScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGET', KEYS[1], 'json') or ''} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
return {1}`),
};
