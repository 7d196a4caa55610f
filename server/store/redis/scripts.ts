/**
 * Lua scripts: each runs atomically inside Redis, so a check and the write it guards cannot be
 * interleaved with another node's command. A participant hash is "alive" when removed == '0'.
 */
const ALIVE = `if redis.call('HGET', KEYS[1], 'removed') ~= '0' then return false end`;

export const SCRIPTS = {
  /** KEYS: code key, workshop hash. ARGV: workshop id, then field/value pairs. */
  createWorkshop: `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 2))
return 1`,
  /** KEYS: workshop hash, participant hash, participant id list. ARGV: bypassLock, id, field/value pairs. */
  addParticipant: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if redis.call('HGET', KEYS[1], 'endedAt') ~= '' then return 'ended' end
if ARGV[1] ~= '1' and redis.call('HGET', KEYS[1], 'locked') == '1' then return 'locked' end
redis.call('HSET', KEYS[2], unpack(ARGV, 3))
redis.call('RPUSH', KEYS[3], ARGV[2])
return 'ok'`,
  /** KEYS: workshop hash. ARGV: field/value pairs. */
  updateWorkshop: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`,
  /** KEYS: workshop hash. ARGV: time. */
  endWorkshop: `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('HGET', KEYS[1], 'endedAt') == '' then redis.call('HSET', KEYS[1], 'endedAt', ARGV[1]) end
return 1`,
  /** KEYS: participant hash. ARGV: field/value pairs. */
  setParticipant: `${ALIVE}
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`,
  /** KEYS: participant hash. ARGV: time. */
  raiseHand: `${ALIVE}
if redis.call('HGET', KEYS[1], 'handRaisedAt') == '' then redis.call('HSET', KEYS[1], 'handRaisedAt', ARGV[1]) end
return 1`,
  /** KEYS: participant hash. ARGV: connection id. Returns the replaced connection id. */
  attach: `${ALIVE}
local old = redis.call('HGET', KEYS[1], 'connectionId')
redis.call('HSET', KEYS[1], 'connectionId', ARGV[1], 'presence', 'online', 'disconnectedAt', '0')
return {old}`,
  /** KEYS: participant hash. ARGV: connection id, time. */
  detach: `${ALIVE}
if redis.call('HGET', KEYS[1], 'connectionId') ~= ARGV[1] then return false end
redis.call('HSET', KEYS[1], 'connectionId', '', 'presence', 'reconnecting', 'disconnectedAt', ARGV[2])
return 1`,
  /** KEYS: participant hash. ARGV: disconnectedAt. */
  expire: `${ALIVE}
local f = redis.call('HMGET', KEYS[1], 'connectionId', 'presence', 'disconnectedAt')
if f[1] ~= '' or f[2] ~= 'reconnecting' or f[3] ~= ARGV[1] then return false end
redis.call('HSET', KEYS[1], 'presence', 'offline', 'handRaisedAt', '')
return 1`,
  /**
   * [WS15] KEYS: seen set, then one participant hash per connection. ARGV: time, then member and
   * connection id per connection. Returns the 1-based indexes of participants revived to online.
   */
  heartbeat: `
local revived = {}
for i = 2, #KEYS do
  local member, conn = ARGV[2 * i - 2], ARGV[2 * i - 1]
  local f = redis.call('HMGET', KEYS[i], 'removed', 'connectionId', 'presence')
  if f[1] == '0' and f[2] == conn then
    redis.call('ZADD', KEYS[1], ARGV[1], member)
    if f[3] == 'reconnecting' then
      redis.call('HSET', KEYS[i], 'presence', 'online', 'disconnectedAt', '0')
      revived[#revived + 1] = i - 1
    end
  end
end
return revived`,
  /** [WS15] KEYS: seen set, participant hash. ARGV: member, staleBefore, offlineBefore. */
  sweep: `
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
  return 'reconnecting'
end
if tonumber(f[3]) >= tonumber(ARGV[3]) then return false end
redis.call('HSET', KEYS[2], 'presence', 'offline', 'handRaisedAt', '', 'connectionId', '')
redis.call('ZREM', KEYS[1], ARGV[1])
return 'offline'`,
  /** [WS16] KEYS: expiries zset, workshop hash, code key. ARGV: expiresAt, member, keys' expiry. */
  setExpiry: `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[3])
redis.call('PEXPIREAT', KEYS[3], ARGV[3])
return 1`,
  /** KEYS: participant hash. */
  remove: `${ALIVE}
redis.call('HSET', KEYS[1], 'removed', '1', 'presence', 'offline', 'connectionId', '', 'handRaisedAt', '')
return 1`,
  /** KEYS: chat list. ARGV: message json, max length. */
  appendChat: `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return 1`,
  /**
   * Media. KEYS: participant hash, stage set. ARGV: guard ('1'/'0'), then field/value pairs.
   * With the guard, turning the microphone, camera or screen sharing on is refused while the room is
   * in stage mode and the participant is neither moderator nor on stage.
   */
  updateMedia: `${ALIVE}
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
return 1`,
} as const;
