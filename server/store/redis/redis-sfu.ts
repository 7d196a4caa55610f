import type { SfuFeed, SfuPlacement, SfuStore } from '../sfu-types.js';
import { redisKeys, type RedisClient } from './redis-store.js';

/** KEYS: placements hash, load hash. ARGV: room id, placement json, server. Returns the placement held. */
const PLACE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  redis.call('SADD', KEYS[3], ARGV[4])
  return ARGV[2]
end
return redis.call('HGET', KEYS[1], ARGV[1])`;

/** KEYS: placements hash, load hash. ARGV: room id, janus room. Deletes only the same Janus room. */
const RELEASE = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if not held then return 0 end
local p = cjson.decode(held)
if tostring(p.janusRoom) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], p.server, -1)
return 1`;

/** KEYS: feeds hash. ARGV: participant id, feed id. */
const CLEAR_FEED = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held and tostring(cjson.decode(held).feed) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

export class RedisSfuStore implements SfuStore {
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  private placeKey = (workshopId: string) => `${this.keys.workshop(workshopId)}:sfu:rooms`;
  private feedKey = (workshopId: string) => `${this.keys.workshop(workshopId)}:sfu:feeds`;
  private loadKey = () => `${this.prefix}sfu:load`;
  private workshopsKey = () => `${this.prefix}sfu:workshops`;

  async placeRoom(workshopId: string, roomId: string, placement: SfuPlacement) {
    const held = (await this.client.eval(PLACE, {
      keys: [this.placeKey(workshopId), this.loadKey(), this.workshopsKey()],
      arguments: [roomId, JSON.stringify(placement), placement.server, workshopId],
    })) as string;
    return JSON.parse(held) as SfuPlacement;
  }

  async roomPlacement(workshopId: string, roomId: string) {
    const held = await this.client.hGet(this.placeKey(workshopId), roomId);
    return held ? (JSON.parse(held) as SfuPlacement) : null;
  }

  async releaseRoom(workshopId: string, roomId: string, janusRoom: number) {
    const reply = await this.client.eval(RELEASE, {
      keys: [this.placeKey(workshopId), this.loadKey()],
      arguments: [roomId, String(janusRoom)],
    });
    return reply === 1;
  }

  async roomsPerServer() {
    const raw = await this.client.hGetAll(this.loadKey());
    const out: Record<string, number> = {};
    for (const [server, n] of Object.entries(raw)) if (Number(n) > 0) out[server] = Number(n);
    return out;
  }

  async placementsOn(server: string) {
    const out: { workshopId: string; roomId: string; placement: SfuPlacement }[] = [];
    for (const workshopId of await this.client.sMembers(this.workshopsKey())) {
      const rooms = await this.client.hGetAll(this.placeKey(workshopId));
      for (const [roomId, json] of Object.entries(rooms)) {
        const placement = JSON.parse(json) as SfuPlacement;
        if (placement.server === server) out.push({ workshopId, roomId, placement });
      }
    }
    return out;
  }

  async setFeed(workshopId: string, participantId: string, feed: SfuFeed) {
    await this.client.hSet(this.feedKey(workshopId), participantId, JSON.stringify(feed));
  }

  async clearFeed(workshopId: string, participantId: string, feed: number) {
    await this.client.eval(CLEAR_FEED, { keys: [this.feedKey(workshopId)], arguments: [participantId, String(feed)] });
  }

  async feeds(workshopId: string) {
    const raw = await this.client.hGetAll(this.feedKey(workshopId));
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, JSON.parse(v) as SfuFeed]));
  }
}
