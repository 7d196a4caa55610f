import type { SfuFeed, SfuPlacement, SfuStore } from './types.js';

export class MemorySfuStore implements SfuStore {
  private readonly placements = new Map<string, Map<string, SfuPlacement>>();
  private readonly feedMap = new Map<string, Map<string, SfuFeed>>();

  async placeRoom(workshopId: string, roomId: string, placement: SfuPlacement) {
    const rooms = this.placements.get(workshopId) ?? new Map<string, SfuPlacement>();
    this.placements.set(workshopId, rooms);
    const held = rooms.get(roomId);
    if (held) return { ...held };
    rooms.set(roomId, { ...placement });
    return { ...placement };
  }

  async roomPlacement(workshopId: string, roomId: string) {
    const p = this.placements.get(workshopId)?.get(roomId);
    return p ? { ...p } : null;
  }

  async releaseRoom(workshopId: string, roomId: string, janusRoom: number) {
    const rooms = this.placements.get(workshopId);
    if (rooms?.get(roomId)?.janusRoom !== janusRoom) return false;
    rooms.delete(roomId);
    return true;
  }

  async roomsPerServer() {
    const count: Record<string, number> = {};
    for (const rooms of this.placements.values())
      for (const p of rooms.values()) count[p.server] = (count[p.server] ?? 0) + 1;
    return count;
  }

  async placementsOn(server: string) {
    const out: { workshopId: string; roomId: string; placement: SfuPlacement }[] = [];
    for (const [workshopId, rooms] of this.placements)
      for (const [roomId, p] of rooms) if (p.server === server) out.push({ workshopId, roomId, placement: { ...p } });
    return out;
  }

  async setFeed(workshopId: string, participantId: string, feed: SfuFeed) {
    const feeds = this.feedMap.get(workshopId) ?? new Map<string, SfuFeed>();
    this.feedMap.set(workshopId, feeds);
    feeds.set(participantId, { ...feed });
  }

  async clearFeed(workshopId: string, participantId: string, feed: number) {
    const feeds = this.feedMap.get(workshopId);
    if (feeds?.get(participantId)?.feed === feed) feeds.delete(participantId);
  }

  /** [WS16] An expired workshop: its placements and feeds go with it. */
  dropWorkshop(workshopId: string) {
    this.placements.delete(workshopId);
    this.feedMap.delete(workshopId);
  }

  async feeds(workshopId: string) {
    return Object.fromEntries([...(this.feedMap.get(workshopId) ?? [])].map(([k, v]) => [k, { ...v }]));
  }
}
