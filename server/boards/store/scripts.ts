import { luaScript } from '../../store/redis/scripts.js';

/**
 * Lua scripts: each runs atomically inside Redis. A board is a meta hash (head, snapSeq, byte
 * counts, label, times), a list of op JSON after the snapshot, and the snapshot JSON.
 */
export const BOARD_SCRIPTS = {
  /** KEYS: meta, log, boards set. ARGV: expected seq, max bytes, max seq, room id, time, op json... */
  boardAppend: luaScript(`
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
if head ~= tonumber(ARGV[1]) then return {'conflict', head} end
local n = #ARGV - 5
if head + n > tonumber(ARGV[3]) then return {'full', head} end
local add = 0
for i = 6, #ARGV do add = add + #ARGV[i] end
local logBytes = tonumber(redis.call('HGET', KEYS[1], 'logBytes') or '0')
local snapBytes = tonumber(redis.call('HGET', KEYS[1], 'snapBytes') or '0')
if logBytes + snapBytes + add > tonumber(ARGV[2]) then return {'full', head} end
redis.call('RPUSH', KEYS[2], unpack(ARGV, 6))
head = head + n
logBytes = logBytes + add
if redis.call('HEXISTS', KEYS[1], 'label') == 0 then redis.call('HSET', KEYS[1], 'label', '', 'closedAt', '') end
redis.call('HSET', KEYS[1], 'head', head, 'logBytes', logBytes, 'updatedAt', ARGV[5])
redis.call('SADD', KEYS[3], ARGV[4])
return {'ok', head, redis.call('LLEN', KEYS[2]), logBytes}`),
  /** KEYS: meta, log, snapshot. ARGV: since seq. */
  boardRead: luaScript(`
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local snapSeq = tonumber(redis.call('HGET', KEYS[1], 'snapSeq') or '0')
local since = tonumber(ARGV[1])
local snap = ''
local from = since - snapSeq
if since < snapSeq then
  snap = redis.call('GET', KEYS[3]) or ''
  from = 0
end
if from < 0 then from = 0 end
return {head, snap, redis.call('LRANGE', KEYS[2], from, -1)}`),
  /** KEYS: meta, log, snapshot. ARGV: snapshot seq, snapshot json. */
  boardCompact: luaScript(`
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local snapSeq = tonumber(redis.call('HGET', KEYS[1], 'snapSeq') or '0')
local seq = tonumber(ARGV[1])
if seq <= snapSeq or seq > head then return 0 end
local dropped = 0
for i = 1, seq - snapSeq do
  local v = redis.call('LPOP', KEYS[2])
  if v then dropped = dropped + #v end
end
local logBytes = tonumber(redis.call('HGET', KEYS[1], 'logBytes') or '0') - dropped
redis.call('SET', KEYS[3], ARGV[2])
redis.call('HSET', KEYS[1], 'snapSeq', seq, 'snapBytes', #ARGV[2], 'logBytes', logBytes)
return 1`),
  /** KEYS: meta, boards set. ARGV: room id, label, time. */
  boardCreate: luaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'head', 0, 'label', ARGV[2], 'updatedAt', ARGV[3], 'closedAt', '')
redis.call('SADD', KEYS[2], ARGV[1])
return 1`),
  /** KEYS: meta. ARGV: time. */
  boardClose: luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if (redis.call('HGET', KEYS[1], 'closedAt') or '') == '' then redis.call('HSET', KEYS[1], 'closedAt', ARGV[1]) end
return 1`),
  /** KEYS: info list, copy key. ARGV: info json, snapshot json, keep, copy key prefix. */
  boardSaveShot: luaScript(`
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
while redis.call('LLEN', KEYS[1]) > tonumber(ARGV[3]) do
  local old = cjson.decode(redis.call('RPOP', KEYS[1]))
  redis.call('DEL', ARGV[4] .. old.roomId .. ':' .. old.id)
end
return 1`),
};
