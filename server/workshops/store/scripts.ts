import { luaScript } from '../../store/redis/scripts.js';

/**
 * Lua scripts: each runs atomically inside Redis, so a check and the write it guards cannot be
 * interleaved with another node's command. A participant hash is "alive" when removed == '0'.
 * A guarded write returns the hash as it wrote it (HGETALL), or false (nil) when it did not apply.
 */
const ALIVE = `if redis.call('HGET', KEYS[1], 'removed') ~= '0' then return false end`;
/**
 * Bumps the workshop's participant counter (key `k`), stores the new value in the participant hash `h`
 * and [WS30] indexes it in `<counter key>:changed` (participant id by the number of their last change),
 * so a resume can read only who changed since a number (RedisKeys.participantChanges).
 */
export const bumpIn = (h: string, k: string, presenceOnly = false) => `local bumped = redis.call('INCR', ${k})
redis.call('HSET', ${h}, 'seq', tostring(bumped))
redis.call('ZADD', ${k} .. ':changed', bumped, redis.call('HGET', ${h}, 'id'))
${presenceOnly ? `if redis.call('HGET', ${h}, 'fullSeq') == '0' then redis.call('HSET', ${h}, 'fullSeq', tostring(bumped)) end` : `redis.call('HSET', ${h}, 'fullSeq', tostring(bumped))`}`;
const bump = (k: string) => bumpIn('KEYS[1]', k);
/** [WS30] A change of presence alone leaves `fullSeq` (the number of the last other change), but for the first attach. */
const PRESENCE_BUMP = bumpIn('KEYS[1]', 'KEYS[2]', true);
const BUMP = bump('KEYS[2]');

export const WORKSHOP_SCRIPTS = {
  /** KEYS: code key, workshop hash. ARGV: workshop id, then field/value pairs. */
  createWorkshop: luaScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
return 1`),
  /**
   * KEYS: workshop hash, participant hash, participant id list, stage set.
   * ARGV: bypassLock, bypassLimit, id, field/value pairs.
   * [WS27] The limit counts everyone present (not offline, not removed); participant hashes are
   * `<workshop hash>:p:<id>` (server/store/redis/keys.ts).
   * Someone joining a room in stage mode as audience comes in with microphone and camera off.
   */
  addParticipant: luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if redis.call('HGET', KEYS[1], 'endedAt') ~= '' then return 'ended' end
if ARGV[1] ~= '1' and redis.call('HGET', KEYS[1], 'locked') == '1' then return 'locked' end
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit') or '0') or 0
if ARGV[2] ~= '1' and limit > 0 then
  local present = 0
  for _, pid in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
    local f = redis.call('HMGET', KEYS[1] .. ':p:' .. pid, 'removed', 'presence')
    if f[1] == '0' and f[2] ~= 'offline' then present = present + 1 end
  end
  if present >= limit then return 'full' end
end
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
local f = redis.call('HMGET', KEYS[2], 'role', 'onStage', 'roomId')
if f[1] ~= 'moderator' and f[2] ~= '1' and redis.call('SISMEMBER', KEYS[4], f[3]) == 1 then
  redis.call('HSET', KEYS[2], 'micOn', '0', 'cameraOn', '0', 'screenSharing', '0')
end
redis.call('RPUSH', KEYS[3], ARGV[3])
return 'ok'`),
  /** [WS25] KEYS: lobby hash (id -> knock JSON), admitted set. ARGV: '*' for every knock, or knock ids. Returns the JSON of those admitted now. */
  admitKnocks: luaScript(`
local ids = ARGV
if ARGV[1] == '*' then ids = redis.call('HKEYS', KEYS[1]) end
local out = {}
for _, id in ipairs(ids) do
  local raw = redis.call('HGET', KEYS[1], id)
  if raw and redis.call('SADD', KEYS[2], id) == 1 then table.insert(out, raw) end
end
return out`),
  /** [WS25] KEYS: lobby hash, admitted set. ARGV: knock id, '1' to leave an admitted knock. Returns {JSON, admitted 0/1}. */
  dropKnock: luaScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local admitted = redis.call('SISMEMBER', KEYS[2], ARGV[1])
if ARGV[2] == '1' and admitted == 1 then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
return {raw, admitted}`),
  /** [WS25] KEYS: lobby hash, admitted set. ARGV: knock id, token hash. Returns its JSON, once. */
  takeAdmittedKnock: luaScript(`
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw or redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return false end
if cjson.decode(raw).tokenHash ~= ARGV[2] then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[2], ARGV[1])
return raw`),
  /** [WS25] KEYS: lobby hash, admitted set. ARGV: knock id, JSON, '1' when admitted. */
  addKnock: luaScript(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] == '1' then redis.call('SADD', KEYS[2], ARGV[1]) else redis.call('SREM', KEYS[2], ARGV[1]) end
return 1`),
  /** KEYS: workshop hash. ARGV: field/value pairs. */
  updateWorkshop: luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('HSET', KEYS[1], unpack(ARGV))
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: workshop hash. ARGV: time. */
  endWorkshop: luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if redis.call('HGET', KEYS[1], 'endedAt') == '' then redis.call('HSET', KEYS[1], 'endedAt', ARGV[1]) end
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: participant hash, participant counter. ARGV: field/value pairs. */
  setParticipant: luaScript(`${ALIVE}
redis.call('HSET', KEYS[1], unpack(ARGV))
${BUMP}
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: participant hash, participant counter. ARGV: time. */
  raiseHand: luaScript(`${ALIVE}
if redis.call('HGET', KEYS[1], 'handRaisedAt') == '' then redis.call('HSET', KEYS[1], 'handRaisedAt', ARGV[1]) end
${BUMP}
return redis.call('HGETALL', KEYS[1])`),
  /**
   * KEYS: participant hash, participant counter. ARGV: connection id. Returns the replaced connection id,
   * the participant, and 1 when others see a change (the first attach, or presence was not online: only
   * then a number is taken).
   */
  attach: luaScript(`${ALIVE}
local f = redis.call('HMGET', KEYS[1], 'connectionId', 'presence', 'fullSeq')
redis.call('HSET', KEYS[1], 'connectionId', ARGV[1], 'presence', 'online', 'disconnectedAt', '0')
local changed = 0
if f[2] ~= 'online' or f[3] == '0' then
  changed = 1
  ${PRESENCE_BUMP}
end
return {f[1], redis.call('HGETALL', KEYS[1]), changed}`),
  /** KEYS: participant hash, participant counter. ARGV: connection id, time. */
  detach: luaScript(`${ALIVE}
if redis.call('HGET', KEYS[1], 'connectionId') ~= ARGV[1] then return false end
redis.call('HSET', KEYS[1], 'connectionId', '', 'presence', 'reconnecting', 'disconnectedAt', ARGV[2])
${PRESENCE_BUMP}
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: participant hash, participant counter. ARGV: disconnectedAt. */
  expire: luaScript(`${ALIVE}
local f = redis.call('HMGET', KEYS[1], 'connectionId', 'presence', 'disconnectedAt')
if f[1] ~= '' or f[2] ~= 'reconnecting' or f[3] ~= ARGV[1] then return false end
redis.call('HSET', KEYS[1], 'presence', 'offline', 'handRaisedAt', '')
${BUMP}
return redis.call('HGETALL', KEYS[1])`),
  /** KEYS: participant hash, participant counter. */
  /** KEYS: participant hash. A removed participant may join again (as someone new). */
  letBackIn: luaScript(`
if redis.call('HGET', KEYS[1], 'removed') ~= '1' then return false end
redis.call('HSET', KEYS[1], 'barred', '0')
return redis.call('HGETALL', KEYS[1])`),
  remove: luaScript(`${ALIVE}
redis.call('HSET', KEYS[1], 'removed', '1', 'barred', '1', 'presence', 'offline', 'connectionId', '', 'handRaisedAt', '')
${BUMP}
return redis.call('HGETALL', KEYS[1])`),
  /**
   * [WS15] KEYS: seen set, then per connection its participant hash and participant counter. ARGV: time,
   * then per connection its seen-set member and connection id. Records as seen each participant whose
   * live connection it still is; one a sweep had marked reconnecting is online again (a participant
   * change: the counter is bumped). Returns {index (1-based), hash} for each revived participant.
   */
  heartbeat: luaScript(`
local revived = {}
for j = 1, (#KEYS - 1) / 2 do
  local h, s = KEYS[2 * j], KEYS[2 * j + 1]
  local member, conn = ARGV[2 * j], ARGV[2 * j + 1]
  local f = redis.call('HMGET', h, 'removed', 'connectionId', 'presence')
  if f[1] == '0' and f[2] == conn then
    redis.call('ZADD', KEYS[1], ARGV[1], member)
    if f[3] == 'reconnecting' then
      redis.call('HSET', h, 'presence', 'online', 'disconnectedAt', '0')
      ${bumpIn('h', 's', true)}
      revived[#revived + 1] = {j, redis.call('HGETALL', h)}
    end
  end
end
return revived`),
  /**
   * [WS15] KEYS: seen set, participant hash, participant counter. ARGV: member, staleBefore, offlineBefore.
   * Online and unseen since staleBefore: reconnecting from the last sighting; reconnecting since before
   * offlineBefore: offline, hand down. Returns the hash as written (the counter bumped), or nil.
   */
  sweep: luaScript(`
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return false end
local f = redis.call('HMGET', KEYS[2], 'removed', 'presence', 'disconnectedAt')
if f[1] ~= '0' or f[2] == 'offline' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return false
end
if f[2] == 'online' then
  if tonumber(score) >= tonumber(ARGV[2]) then return false end
  redis.call('HSET', KEYS[2], 'presence', 'reconnecting', 'disconnectedAt', string.format('%d', tonumber(score)))
  ${bumpIn('KEYS[2]', 'KEYS[3]', true)}
else
  if tonumber(f[3]) >= tonumber(ARGV[3]) then return false end
  redis.call('HSET', KEYS[2], 'presence', 'offline', 'handRaisedAt', '', 'connectionId', '')
  redis.call('ZREM', KEYS[1], ARGV[1])
  ${bumpIn('KEYS[2]', 'KEYS[3]')}
end
return redis.call('HGETALL', KEYS[2])`),
  /** [WS16] KEYS: expiries zset, workshop hash, code key. ARGV: expiresAt, member, keys' expiry. */
  setWorkshopExpiry: luaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[3])
redis.call('PEXPIREAT', KEYS[3], ARGV[3])
return 1`),
  /**
   * [WS30] KEYS: participant counter, its index of changes, participant id list, workshop hash. ARGV: since.
   * Returns {counter, ids changed since}, or nil when the workshop is unknown, `since` is ahead of the
   * counter, or someone listed was never numbered.
   */
  participantChangesSince: luaScript(`
if redis.call('EXISTS', KEYS[4]) == 0 then return false end
local seq = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > seq then return false end
if redis.call('ZCARD', KEYS[2]) < redis.call('LLEN', KEYS[3]) then return false end
return {seq, redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')}`),
  /** KEYS: chat list. ARGV: message json, max length. */
  appendChat: luaScript(`
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return 1`),
  /** [CHAT4] KEYS: the thread's list, then each inbox set. ARGV: message json, max length, thread id. */
  appendPrivateChat: luaScript(`
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
for i = 2, #KEYS do redis.call('SADD', KEYS[i], ARGV[3]) end
return 1`),
  /** [CHAT2][CHAT3] KEYS: a room's chat list. ARGV: message id, the new JSON. A deleted message stays deleted. */
  replaceChat: luaScript(`
local list = redis.call('LRANGE', KEYS[1], 0, -1)
for i, raw in ipairs(list) do
  local m = cjson.decode(raw)
  if m.id == ARGV[1] then
    if m.deleted then return 'deleted' end
    redis.call('LSET', KEYS[1], i - 1, ARGV[2])
    return 'ok'
  end
end
return 'not_found'`),
  /**
   * Media. KEYS: participant hash, stage set, participant counter. ARGV: guard ('1'/'0'), then field/value pairs.
   * With the guard, turning the microphone, camera or screen sharing on is refused while the room is
   * in stage mode and the participant is neither moderator nor on stage.
   */
  updateMedia: luaScript(`${ALIVE}
if ARGV[1] == '1' then
  local sends = false
  for i = 2, #ARGV, 2 do
    local f = ARGV[i]
    if (f == 'micOn' or f == 'cameraOn' or f == 'screenSharing') and ARGV[i + 1] == '1' then sends = true end
  end
  if sends then
    local f = redis.call('HMGET', KEYS[1], 'role', 'onStage', 'roomId')
    if f[1] ~= 'moderator' and f[2] ~= '1' and redis.call('SISMEMBER', KEYS[2], f[3]) == 1 then return 'stage' end
  end
end
if #ARGV > 1 then redis.call('HSET', KEYS[1], unpack(ARGV, 2)) end
${bump('KEYS[3]')}
return redis.call('HGETALL', KEYS[1])`),
};
