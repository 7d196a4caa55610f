/**
 * Where each room's SFU lives (README, "Video and audio"). A room on the SFU path is placed on one
 * Janus instance; the placement is shared by every node through the store, and so is each
 * participant's published feed. Janus room secrets are kept here and never leave the server.
 */
export interface SfuPlacement {
  /** The Janus instance (one of JANUS_URLS). */
  server: string;
  /** The Janus VideoRoom id. */
  janusRoom: number;
  /** The room's Janus secret (needed to destroy it). */
  secret: string;
}

export interface SfuFeed {
  /** The workshop room (PLENARY or a breakout room id) the feed was published in. */
  roomId: string;
  janusRoom: number;
  /** Janus's publisher id. */
  feed: number;
  /** The publisher's transceiver (mid) for each kind it sends. */
  mids: { audio?: string; video?: string };
}

export interface SfuStore {
  /** Records `placement` unless the room is already placed; returns the placement that holds. */
  placeRoom(workshopId: string, roomId: string, placement: SfuPlacement): Promise<SfuPlacement>;
  roomPlacement(workshopId: string, roomId: string): Promise<SfuPlacement | null>;
  /** Forgets the placement if it is still this Janus room; true when it did. */
  releaseRoom(workshopId: string, roomId: string, janusRoom: number): Promise<boolean>;
  /** Rooms placed per Janus instance, across all workshops (for least-loaded placement). */
  roomsPerServer(): Promise<Record<string, number>>;
  /** Every placement on one Janus instance (to re-place them when it disappears). */
  placementsOn(server: string): Promise<{ workshopId: string; roomId: string; placement: SfuPlacement }[]>;
  setFeed(workshopId: string, participantId: string, feed: SfuFeed): Promise<void>;
  /** Removes the feed only if it is still this one (a newer publication wins). */
  clearFeed(workshopId: string, participantId: string, feed: number): Promise<void>;
  feeds(workshopId: string): Promise<Record<string, SfuFeed>>;
}
