import { luaScript } from '../../store/redis/scripts.js';

export const GALLERY_SCRIPTS = {
  /**
   * KEYS: comments hash (id -> json), counts hash (author -> comments held).
   * ARGV: id, author, json, per-person limit, per-workshop limit. Returns 'ok', 'person_full' or 'workshop_full'.
   */
  galleryAdd: luaScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'ok' end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then return 'workshop_full' end
if tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0') >= tonumber(ARGV[4]) then return 'person_full' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 'ok'`),
  /**
   * KEYS: comments hash, counts hash. ARGV: id, and the author (read by the caller: a comment's author never changes).
   * Returns the deleted comment's json, or nil when there was none.
   */
  galleryRemove: luaScript(`
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return nil end
redis.call('HDEL', KEYS[1], ARGV[1])
if tonumber(redis.call('HINCRBY', KEYS[2], ARGV[2], -1)) <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
return json`),
};
