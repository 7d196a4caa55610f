import { luaScript } from '../../store/redis/scripts.js';
import { bumpIn } from '../../workshops/store/scripts.js';

const BUMP = `do
${bumpIn('h', 'KEYS[4]')}
end`;

export const SPEAKING_SCRIPTS = {
  /**
   * KEYS: speaking hash, deadlines zset, stage set, participant counter, the rounds' stage claims ([SPEAK12]).
   * ARGV: expected version, state json, deadline ('' = none), workshop id, participant hash key prefix,
   * then participant id / room id of everyone who has the word now.
   * Returns {0, the stored state json} on a version mismatch, else {1, {ids whose stage flags changed}}.
   * [SPEAK12] mirrors `turnStageMoves` (server/speaking/logic.ts): off stage and muted, everyone it put
   * there who no longer has the word (a released claim is only forgotten); on stage, a speaker without a
   * claim, with media, in a stage room, who is not there yet.
   */
  speakingApply: luaScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return {0, redis.call('HGET', KEYS[1], 'json') or ''} end
redis.call('HSET', KEYS[1], 'version', tostring(v + 1), 'json', ARGV[2])
if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[4]) else redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
local holding = {}
for i = 6, #ARGV, 2 do holding[ARGV[i]] = true end
local staged = {}
local claims = redis.call('HGETALL', KEYS[5])
local over = {}
for i = 1, #claims, 2 do
  if not holding[claims[i]] then over[#over + 1] = claims[i] end
end
table.sort(over)
for _, id in ipairs(over) do
  local claim = redis.call('HGET', KEYS[5], id)
  redis.call('HDEL', KEYS[5], id)
  local h = ARGV[5] .. id
  if claim == 'granted' and redis.call('HGET', h, 'removed') == '0' then
    redis.call('HSET', h, 'onStage', '0', 'micOn', '0')
    ${BUMP}
    staged[#staged + 1] = id
  end
end
for i = 6, #ARGV, 2 do
  local id, room = ARGV[i], ARGV[i + 1]
  if redis.call('HEXISTS', KEYS[5], id) == 0 then
    local h = ARGV[5] .. id
    local f = redis.call('HMGET', h, 'removed', 'media', 'role', 'onStage', 'roomId')
    if f[1] == '0' and f[2] == '1' and f[3] ~= 'moderator' and f[4] ~= '1' and f[5] == room
      and redis.call('SISMEMBER', KEYS[3], room) == 1 then
      redis.call('HSET', h, 'onStage', '1')
      ${BUMP}
      redis.call('HSET', KEYS[5], id, 'granted')
      staged[#staged + 1] = id
    end
  end
end
return {1, staged}`),
  /** [SPEAK12] KEYS: the claims hash. ARGV: participant id. A claim the rounds hold becomes 'released'. */
  speakingRelease: luaScript(
    `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], 'released') end return 0`,
  ),
};
