import { luaScript } from '../../store/redis/scripts.js';

/**
 * SFU placement in Redis. A workshop's placements are one hash (room id -> placement JSON), its feeds
 * another (participant id -> feed JSON); a global hash counts rooms per Janus instance and a set names
 * the workshops that have placements (to find every room of an instance that disappeared).
 */
export const SFU_SCRIPTS = {
  /**
   * KEYS: placements hash, load hash, workshops set. ARGV: room id, placement json, server, workshop id.
   * Returns the placement that holds: the one written, or the one already there.
   */
  sfuPlace: luaScript(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  redis.call('SADD', KEYS[3], ARGV[4])
  return ARGV[2]
end
return redis.call('HGET', KEYS[1], ARGV[1])`),
  /**
   * KEYS: placements hash, load hash, workshops set. ARGV: room id, janus room, workshop id.
   * Deletes the placement only if it is still that Janus room; returns the placement deleted, or nil.
   */
  sfuRelease: luaScript(`
local held = redis.call('HGET', KEYS[1], ARGV[1])
if not held then return nil end
local p = cjson.decode(held)
if tostring(p.janusRoom) ~= ARGV[2] then return nil end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], p.server, -1)
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[3]) end
return held`),
  /** KEYS: feeds hash. ARGV: participant id, feed id. Returns the feed deleted, or nil when another holds. */
  sfuClearFeed: luaScript(`
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and tostring(cjson.decode(held).feed) == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return held
end
return nil`),
};
