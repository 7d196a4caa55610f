import type { RedisClient } from '../../store/redis/client.js';
import { decodeSfuFeed, decodeSfuPlacement } from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
import type { SfuFeed, SfuPlacement, SfuStore } from './types.js';

/** SFU placements and feeds in Redis; the scripts and the key layout are described in ./scripts.ts. */
export class RedisSfuStore implements SfuStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async placeRoom(workshopId: string, roomId: string, placement: SfuPlacement) {
    const keys = [this.keys.sfuRooms(workshopId), this.keys.sfuLoad(), this.keys.sfuWorkshops()];
    const held = await this.client.sfuPlace(keys, [roomId, JSON.stringify(placement), placement.server, workshopId]);
    return decodeSfuPlacement(String(held));
  }

  async roomPlacement(workshopId: string, roomId: string) {
    const held = await this.client.hGet(this.keys.sfuRooms(workshopId), roomId);
    return held ? decodeSfuPlacement(held) : null;
  }

  async releaseRoom(workshopId: string, roomId: string, janusRoom: number) {
    const keys = [this.keys.sfuRooms(workshopId), this.keys.sfuLoad(), this.keys.sfuWorkshops()];
    return (await this.client.sfuRelease(keys, [roomId, String(janusRoom), workshopId])) !== null;
  }

  async roomsPerServer() {
    const raw = await this.client.hGetAll(this.keys.sfuLoad());
    const out: Record<string, number> = {};
    for (const [server, n] of Object.entries(raw)) if (Number(n) > 0) out[server] = Number(n);
    return out;
  }

  async placementsOn(server: string) {
    const out: { workshopId: string; roomId: string; placement: SfuPlacement }[] = [];
    for (const workshopId of await this.client.sMembers(this.keys.sfuWorkshops())) {
      const rooms = await this.client.hGetAll(this.keys.sfuRooms(workshopId));
      for (const [roomId, json] of Object.entries(rooms)) {
        const placement = decodeSfuPlacement(json);
        if (placement.server === server) out.push({ workshopId, roomId, placement });
      }
    }
    return out;
  }

  async setFeed(workshopId: string, participantId: string, feed: SfuFeed) {
    await this.client.hSet(this.keys.sfuFeeds(workshopId), participantId, JSON.stringify(feed));
  }

  async clearFeed(workshopId: string, participantId: string, feed: number) {
    await this.client.sfuClearFeed([this.keys.sfuFeeds(workshopId)], [participantId, String(feed)]);
  }

  async feeds(workshopId: string) {
    const raw = await this.client.hGetAll(this.keys.sfuFeeds(workshopId));
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeSfuFeed(v)]));
  }
}
