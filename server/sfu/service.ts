/**
 * The SFU on this node: places rooms on Janus instances (least loaded, recorded in the store so every
 * node agrees), creates and destroys Janus rooms, and holds each connected participant's publisher
 * and subscriber handles. Browsers never talk to Janus: their offers, answers and candidates arrive
 * as socket commands (server/sfu/handlers.ts) and are forwarded from here. Room secrets stay here.
 */
import { randomBytes, randomInt } from 'node:crypto';
import Janode from 'janode';
import type { VideoRoomHandle, Jsep } from 'janode/plugins/videoroom';
import type { SfuInfo, SfuJsep, SfuStream, SfuSubscribed, SfuWant } from '../../shared/media/sfu.js';
import { CommandError } from '../../shared/protocol.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps, Member } from '../realtime/types.js';
import type { SfuPlacement } from './store/types.js';
import { effectivePresence } from '../workshops/logic.js';
import * as logic from './logic.js';
import { JanusPool } from './pool.js';

interface Subscriber {
  handle: VideoRoomHandle;
  current: Map<string, logic.Target>;
  streams: SfuStream[];
}

/** One participant's handles on one Janus room, kept by the node that holds their socket. */
interface PeerSession {
  workshopId: string;
  participantId: string;
  roomId: string;
  placement: SfuPlacement;
  publisher: { handle: VideoRoomHandle; feed: number } | null;
  subscriber: Subscriber | null;
}

export class SfuService {
  readonly pool: JanusPool;
  private readonly sessions = new Map<string, PeerSession>();
  /** Per socket: commands run one after the other (a subscribe must not overtake its start). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: Deps) {
    this.pool = new JanusPool(deps.config.sfu.janusUrls, deps.log, (url, up) => {
      if (!up) void this.failover(url);
    });
  }

  start(): Promise<void> {
    return this.pool.start();
  }

  info(): SfuInfo {
    return { available: this.pool.up().length > 0, meshMaxPeers: this.deps.config.sfu.meshMaxPeers };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.sessions.keys()].map((id) => this.leave(id)));
    await this.pool.close();
  }

  publish(member: Member, socketId: string, jsep: SfuJsep): Promise<{ jsep: SfuJsep }> {
    return this.serial(member, socketId, async (s) => {
      const stageRooms = await this.deps.store.stageRooms(member.session.workshopId);
      logic.checkPublish(member.actor, stageRooms);
      await this.dropPublisher(s);
      const handle = await this.pool.attach(s.placement.server);
      try {
        const joined = await handle.joinConfigurePublisher({
          room: s.placement.janusRoom,
          display: member.actor.id,
          audio: true,
          video: true,
          jsep: jsep as Jsep,
        });
        if (!joined.jsep) throw new Error('Janus gave no answer');
        const pub = { handle, feed: joined.feed };
        s.publisher = pub;
        const feed = {
          roomId: s.roomId,
          janusRoom: s.placement.janusRoom,
          feed: joined.feed,
          mids: logic.sdpMids(jsep.sdp),
        };
        // Janus lets others subscribe only once the publisher's connection is up.
        handle.once(Janode.EVENT.HANDLE_WEBRTCUP!, () => {
          if (s.publisher !== pub) return;
          void this.deps.store.sfu
            .setFeed(s.workshopId, s.participantId, feed)
            .then(() => this.announceFeeds(s.workshopId, s.roomId));
        });
        for (const gone of [Janode.EVENT.HANDLE_HANGUP!, Janode.EVENT.HANDLE_DETACHED!])
          handle.once(gone, () => {
            if (s.publisher === pub) void this.dropPublisher(s);
          });
        return { jsep: { type: 'answer', sdp: joined.jsep.sdp } };
      } catch (err) {
        await handle.detach().catch(() => undefined);
        throw err;
      }
    });
  }

  subscribe(member: Member, socketId: string, wants: readonly SfuWant[]): Promise<SfuSubscribed> {
    return this.serial(member, socketId, async (s) => {
      const { workshopId } = s;
      const [everyone, feeds, stageRooms] = await Promise.all([
        this.deps.store.listParticipants(workshopId),
        this.deps.store.sfu.feeds(workshopId),
        this.deps.store.stageRooms(workshopId),
      ]);
      const people = new Map(everyone.map((p) => [p.id, p]));
      const targets = logic.allowedTargets(member.actor, wants, people, feeds, s.placement.janusRoom, stageRooms);
      const byFeed = new Map(Object.entries(feeds).map(([pid, f]) => [f.feed, pid]));
      const sub = s.subscriber;
      if (!sub) {
        if (targets.length === 0) return { jsep: null, streams: [] };
        const handle = await this.pool.attach(s.placement.server);
        const joined = await handle
          .joinSubscriber({
            room: s.placement.janusRoom,
            streams: targets.map((t) => ({ feed: t.feed, mid: t.mid, substream: t.layer })),
            autoupdate: false,
          })
          .catch(async (err) => {
            await handle.detach().catch(() => undefined);
            throw err;
          });
        const streams = logic.streamsOf(joined.streams ?? [], byFeed);
        s.subscriber = { handle, current: new Map(targets.map((t) => [logic.targetKey(t), t])), streams };
        await this.setLayers(s.subscriber, targets);
        return { jsep: joined.jsep ? { type: 'offer', sdp: joined.jsep.sdp } : null, streams };
      }
      const diff = logic.subscriptionDiff(sub.current, targets);
      let jsep: SfuJsep | null = null;
      if (diff.add.length || diff.drop.length) {
        // Janus refuses an empty list: name only the non-empty ones.
        const change: { subscribe?: unknown[]; unsubscribe?: unknown[] } = {};
        if (diff.add.length) change.subscribe = diff.add.map((t) => ({ feed: t.feed, mid: t.mid, substream: t.layer }));
        if (diff.drop.length) change.unsubscribe = diff.drop.map((t) => ({ feed: t.feed, mid: t.mid }));
        const updated = await sub.handle.update(change);
        if (updated.streams) sub.streams = logic.streamsOf(updated.streams, byFeed);
        if (updated.jsep) jsep = { type: 'offer', sdp: updated.jsep.sdp };
        for (const t of diff.drop) sub.current.delete(logic.targetKey(t));
        for (const t of diff.add) sub.current.set(logic.targetKey(t), t);
      }
      await this.setLayers(sub, [...diff.add, ...diff.relayer]);
      for (const t of diff.relayer) sub.current.set(logic.targetKey(t), t);
      return { jsep, streams: sub.streams };
    });
  }

  /**
   * [MEDIA18] The simulcast layer of each of these videos on the subscriber handle. Janus takes it from a
   * `configure` by the subscriber's mid (a layer named when subscribing is not applied).
   */
  private async setLayers(sub: Subscriber, targets: readonly logic.Target[]) {
    const streams = targets
      .filter((t) => t.kind === 'video')
      .map((t) => ({
        mid: sub.streams.find((x) => x.participantId === t.participantId && x.kind === 'video')?.mid,
        substream: t.layer,
      }))
      .filter((x) => x.mid !== undefined);
    if (streams.length) await sub.handle.configure({ streams });
  }

  startSubscriber(member: Member, socketId: string, jsep: SfuJsep): Promise<null> {
    return this.serial(member, socketId, async (s) => {
      if (!s.subscriber) throw new CommandError('conflict', 'Nothing to start: subscribe first');
      await s.subscriber.handle.start({ jsep: jsep as Jsep });
      return null;
    });
  }

  async trickle(
    member: Member,
    socketId: string,
    which: 'publisher' | 'subscriber',
    candidates: readonly (Record<string, unknown> | null)[],
  ): Promise<null> {
    const s = this.sessions.get(socketId);
    const handle = which === 'publisher' ? s?.publisher?.handle : s?.subscriber?.handle;
    if (!s || !handle || s.roomId !== member.actor.roomId)
      throw new CommandError('conflict', `No ${which} connection on the media server`);
    for (const c of candidates) {
      if (c) await handle.trickle(c);
      else await handle.trickleComplete();
    }
    return null;
  }

  /** Ends a participant's SFU media on this node (sfu:leave, disconnect), after their pending commands. */
  leave(socketId: string): Promise<void> {
    const prev = this.queues.get(socketId) ?? Promise.resolve();
    const done = prev.catch(() => undefined).then(() => this.end(socketId));
    this.queues.set(socketId, done);
    void done.then(() => {
      if (this.queues.get(socketId) === done) this.queues.delete(socketId);
    });
    return done;
  }

  private async end(socketId: string): Promise<void> {
    const s = this.sessions.get(socketId);
    if (!s) return;
    this.sessions.delete(socketId);
    await Promise.allSettled([this.dropPublisher(s), s.subscriber?.handle.detach()]);
    s.subscriber = null;
    await this.releaseIfUnused(s.workshopId, s.roomId, s.placement).catch((err) =>
      this.deps.log.warn('sfu room release failed', { workshop: s.workshopId, room: s.roomId, err }),
    );
  }

  /** Runs `job` after this participant's earlier SFU commands, in the session of their current room. */
  private serial<T>(member: Member, socketId: string, job: (s: PeerSession) => Promise<T>): Promise<T> {
    logic.checkSfuMember(member.actor);
    const prev = this.queues.get(socketId) ?? Promise.resolve();
    const result = prev.catch(() => undefined).then(() => this.inSession(member, socketId, job));
    this.queues.set(
      socketId,
      result.catch(() => undefined),
    );
    return result;
  }

  private async inSession<T>(member: Member, socketId: string, job: (s: PeerSession) => Promise<T>): Promise<T> {
    let s = this.sessions.get(socketId);
    if (s && (s.roomId !== member.actor.roomId || !this.pool.isUp(s.placement.server))) {
      await this.end(socketId);
      s = undefined;
    }
    if (!s) {
      const placement = await this.placeRoom(member.session.workshopId, member.actor.roomId);
      s = {
        workshopId: member.session.workshopId,
        participantId: member.actor.id,
        roomId: member.actor.roomId,
        placement,
        publisher: null,
        subscriber: null,
      };
      this.sessions.set(socketId, s);
    }
    return job(s);
  }

  /** The room's Janus room, created on the least loaded instance the first time it is needed. */
  private async placeRoom(workshopId: string, roomId: string): Promise<SfuPlacement> {
    const held = await this.deps.store.sfu.roomPlacement(workshopId, roomId);
    if (held && this.pool.isUp(held.server)) return held;
    if (held) await this.deps.store.sfu.releaseRoom(workshopId, roomId, held.janusRoom);
    const server = logic.pickServer(this.pool.up(), await this.deps.store.sfu.roomsPerServer());
    if (!server) throw new CommandError('conflict', 'No media server is available');
    const mine: SfuPlacement = { server, janusRoom: randomInt(1, 2 ** 47), secret: randomBytes(16).toString('hex') };
    await this.pool.createRoom(server, mine.janusRoom, mine.secret);
    const placed = await this.deps.store.sfu.placeRoom(workshopId, roomId, mine);
    if (placed.janusRoom !== mine.janusRoom) await this.pool.destroyRoom(server, mine.janusRoom, mine.secret);
    else this.deps.log.info('sfu room placed', { workshop: workshopId, room: roomId, server });
    return placed;
  }

  private async dropPublisher(s: PeerSession) {
    const pub = s.publisher;
    if (!pub) return;
    s.publisher = null;
    await pub.handle.detach().catch(() => undefined);
    await this.deps.store.sfu.clearFeed(s.workshopId, s.participantId, pub.feed);
    void this.announceFeeds(s.workshopId, s.roomId);
  }

  private async announceFeeds(workshopId: string, roomId: string) {
    const feeds = await this.deps.store.sfu.feeds(workshopId);
    const participantIds = Object.entries(feeds)
      .filter(([, f]) => f.roomId === roomId)
      .map(([pid]) => pid);
    this.deps.io.to(rooms.room(workshopId, roomId)).emit('sfu:feeds', { roomId, participantIds });
  }

  /** [MEDIA16] A room back on the mesh (or empty) gives its Janus room back once nobody publishes there. */
  private async releaseIfUnused(workshopId: string, roomId: string, placement: SfuPlacement) {
    const [feeds, everyone] = await Promise.all([
      this.deps.store.sfu.feeds(workshopId),
      this.deps.store.listParticipants(workshopId),
    ]);
    if (Object.values(feeds).some((f) => f.janusRoom === placement.janusRoom)) return;
    const now = this.deps.clock();
    const present = logic.mediaParticipants(
      everyone,
      roomId,
      (p) => effectivePresence(p, now, this.deps.config.presenceGraceMs) !== 'offline',
    );
    if (present.length > this.deps.config.sfu.meshMaxPeers) return;
    if (!(await this.deps.store.sfu.releaseRoom(workshopId, roomId, placement.janusRoom))) return;
    await this.pool.destroyRoom(placement.server, placement.janusRoom, placement.secret);
    this.deps.log.info('sfu room released', { workshop: workshopId, room: roomId, server: placement.server });
  }

  /** A Janus instance disappeared: its rooms are forgotten and their people told to reconnect their media. */
  private async failover(url: string) {
    for (const [socketId, s] of this.sessions) if (s.placement.server === url) this.sessions.delete(socketId);
    for (const { workshopId, roomId, placement } of await this.deps.store.sfu.placementsOn(url)) {
      if (!(await this.deps.store.sfu.releaseRoom(workshopId, roomId, placement.janusRoom))) continue;
      const feeds = await this.deps.store.sfu.feeds(workshopId);
      for (const [pid, f] of Object.entries(feeds))
        if (f.janusRoom === placement.janusRoom) await this.deps.store.sfu.clearFeed(workshopId, pid, f.feed);
      this.deps.io.to(rooms.room(workshopId, roomId)).emit('sfu:restart', { roomId });
      this.deps.log.warn('sfu room lost with its media server', { workshop: workshopId, room: roomId, server: url });
    }
  }
}
