import type { DisconnectReason } from 'socket.io';
import { PROTOCOL_VERSION, CommandError } from '../../shared/protocol.js';
import type { workshopCommands } from '../../shared/workshops/events.js';
import { formatJoinCode, type SessionSnapshot } from '../../shared/workshops/schema.js';
import { rooms } from '../realtime/rooms.js';
import type { Feature } from '../features.js';
import type { MediaConfigFor } from '../media/handlers.js';
import { memberChanged } from '../realtime/member-cache.js';
import { publicOrigin } from '../realtime/origin.js';
import type { Deps, HandlerTable, Session, TypedSocket } from '../realtime/types.js';
import { REACTION_BURST, REACTION_EVERY_MS } from '../../shared/workshops/constants.js';
import { reactionsOf } from '../../shared/workshops/countries.js';
import { hashSecret } from '../ids.js';
import { TokenBucket } from '../realtime/rate-limit.js';
import type { KnockRecord, ParticipantRecord, WorkshopRecord } from './store/types.js';
import { startFromFile } from '../agenda/import.js';
import { keepWorkshop, startLifetimeSweeper } from './lifetime.js';
import { startPresenceKeeper } from './presence.js';
import { createRoster, type KnownPeople } from './roster.js';
import * as logic from './logic.js';

type WorkshopHandlers = Pick<HandlerTable, keyof typeof workshopCommands>;

const JOIN_REFUSED = {
  not_found: 'This workshop no longer exists',
  locked: 'The workshop is locked: no new participants',
  ended: 'The workshop has ended',
  full: 'The workshop is full: you get in as soon as someone leaves',
} as const;

/** A participant a command changed, or not_joined when they are gone. */
const stillJoined = <T>(value: T | null): T => {
  if (value === null) throw new CommandError('not_joined', 'Join the workshop first');
  return value;
};

/**
 * Presence timers (a dropped person goes "offline" after the grace period), the presence heartbeat and
 * the lifetime sweep live and die with the app.
 */
export function workshopFeature(deps: Deps, mediaConfig: MediaConfigFor): Feature<keyof typeof workshopCommands> {
  const presence: Presence = { timers: new Set(), drops: new Map() };
  let stopRunning: (() => void)[] = [];
  return {
    handlers: workshopHandlers(deps, presence, mediaConfig),
    // [WS15] heartbeats and the presence sweep, [WS16] the lifetime sweep.
    start() {
      stopRunning = [startPresenceKeeper(deps), startLifetimeSweeper(deps)];
    },
    async stop() {
      for (const stopIt of stopRunning) stopIt();
      stopRunning = [];
      for (const t of presence.timers) clearTimeout(t);
      presence.timers.clear();
      // [WS32] Drops still waiting for their delay are recorded now: the node is going.
      const waiting = [...presence.drops.values()];
      for (const t of presence.drops.keys()) clearTimeout(t);
      presence.drops.clear();
      await Promise.all(waiting.map((record) => record()));
      deps.people.flushAll();
    },
    disconnected: (socket, reason) => onDisconnect(socket, deps, presence, reason),
  };
}

/** Grace timers of people who dropped from this node, and [WS32] drops waiting for their delay. */
interface Presence {
  timers: Set<NodeJS.Timeout>;
  drops: Map<NodeJS.Timeout, () => Promise<void>>;
}

function workshopHandlers(deps: Deps, presence: Presence, mediaConfig: MediaConfigFor): WorkshopHandlers {
  const { store, io } = deps;
  /** [WS29] Reactions per person (on this node: a person's reactions come over their one connection). */
  const reactionBuckets = new Map<string, TokenBucket>();
  const pub = (p: ParticipantRecord) => logic.toPublicParticipant(p, deps.clock(), deps.config.presenceGraceMs);
  const ctxFor = () => ({ now: deps.clock(), ids: deps.ids });
  const roster = createRoster(deps);
  const broadcastParticipant = (workshopId: string, p: ParticipantRecord | null) => {
    if (p) deps.people.now(workshopId, () => io.to(rooms.workshop(workshopId)).emit('participant:updated', pub(p)));
    return p;
  };

  async function enter(
    socket: TypedSocket,
    workshop: WorkshopRecord,
    participant: ParticipantRecord,
    resumeToken: string,
    isNew: boolean,
    known?: KnownPeople,
  ): Promise<SessionSnapshot> {
    const attached = await store.attachConnection(workshop.id, participant.id, socket.id);
    if (!attached) throw new CommandError('not_found', 'This session is no longer known');
    if (isNew) await keepWorkshop(deps, workshop); // [WS16] a join keeps an idle workshop alive
    // [WS15] Seen from now on: if this node dies, any other one settles this person's presence.
    const revived = await store.heartbeat(
      [{ workshopId: workshop.id, participantId: participant.id, connectionId: socket.id }],
      deps.clock(),
    );
    // A sweep (another node, this one too busy to report in a storm) may have taken this person for gone
    // since the attach: the heartbeat brought them back, a change with its own number that everyone hears.
    for (const c of revived) deps.people.presence(c.workshopId, pub(c.participant), logic.presenceOnly(c.participant));
    if (attached.replaced && attached.replaced !== socket.id) {
      // The same person opened the workshop elsewhere (another tab or device): the newest wins.
      io.to(attached.replaced).emit('session:closed', { reason: 'replaced' });
      io.in(attached.replaced).disconnectSockets(true);
    }
    const previous = socket.data.session;
    if (previous) {
      for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
      // One socket speaks for one participant: the one it spoke for before is now dropped.
      if (previous.participantId !== participant.id || previous.workshopId !== workshop.id)
        await markDropped(deps, presence, previous, socket.id);
    }
    await withdraw(socket); // inside now: no longer knocking
    socket.data.session = { workshopId: workshop.id, participantId: participant.id };
    const me = revived[0]?.participant ?? attached.participant;
    await socket.join([
      rooms.workshop(workshop.id),
      rooms.participant(workshop.id, me.id),
      rooms.room(workshop.id, me.roomId),
      ...(me.role === 'moderator' ? [rooms.moderators(workshop.id)] : []),
    ]);
    // [WS31] Someone back after a drop is told with the others back in the same moment.
    if (isNew)
      deps.people.now(workshop.id, () => socket.to(rooms.workshop(workshop.id)).emit('participant:joined', pub(me)));
    // [WS32] Back before anyone was told of the drop: nothing changed for the others.
    else if (attached.changed) deps.people.presence(workshop.id, pub(me), logic.presenceOnly(me));
    deps.log.info(isNew ? 'participant joined' : 'participant resumed', {
      workshop: workshop.id,
      participant: me.id,
      role: me.role,
    });
    // Read before the people: moves after it reach this socket as events ([WS30]).
    const roomsVersion = (await store.breakouts.get(workshop.id))?.version ?? 0;
    const [people, media] = await Promise.all([
      roster.snapshot(workshop.id, roomsVersion, known),
      me.media ? mediaConfig(workshop.id, me.id) : undefined,
    ]);
    return {
      workshop: logic.toPublicWorkshop(workshop),
      self: pub(me),
      participants: people.participants,
      participantsSeq: people.seq,
      roomsVersion,
      ...(people.delta ? { delta: people.delta } : {}),
      resumeToken,
      serverTime: deps.clock(),
      inviteUrl: `${publicOrigin(deps.config, socket.request)}/j/${formatJoinCode(workshop.code)}`,
      ...(media ? { media } : {}),
    };
  }

  /**
   * The counter is read before the list: every change above it happened after this socket joined the
   * workshop's room, so its event reaches this socket (the list may already show it: applying it again is harmless).
   */
  async function participantsNow(workshopId: string) {
    const { seq, participants } = await roster.full(workshopId);
    return { seq, participants };
  }

  function checkVersion(v: number) {
    if (v !== PROTOCOL_VERSION) {
      throw new CommandError(
        'version_mismatch',
        `This page speaks protocol ${v}, the server ${PROTOCOL_VERSION}: reload the page`,
      );
    }
  }

  return {
    'workshop:create': async (input, { socket }) => {
      await deps.attempts.create(socket.data.address);
      for (let attempt = 0; attempt < 5; attempt++) {
        const { record, moderatorKey } = logic.newWorkshop(input, ctxFor());
        if (!(await store.createWorkshop(record))) continue; // join code taken: draw another
        await keepWorkshop(deps, record);
        const { runSheet } = input;
        const imported = runSheet
          ? await startFromFile(deps.store.agenda, record.id, runSheet, {
              now: deps.clock(),
              newId: () => deps.ids.id(8),
            })
          : undefined;
        const base = publicOrigin(deps.config, socket.request);
        deps.log.info('workshop created', { workshop: record.id, code: record.code });
        return {
          workshop: logic.toPublicWorkshop(record),
          moderatorKey,
          inviteUrl: `${base}/j/${formatJoinCode(record.code)}`,
          moderatorUrl: `${base}/j/${formatJoinCode(record.code)}#key=${moderatorKey}`,
          ...(imported ? { imported } : {}),
        };
      }
      throw new CommandError('conflict', 'Could not reserve a join code; try again');
    },

    'workshop:preview': async ({ code }, { socket }) => {
      const workshop = await findByCode(code, socket);
      const participants = await store.listParticipants(workshop.id);
      return logic.toPreview(workshop, participants);
    },

    'workshop:join': async (input, { socket }) => {
      checkVersion(input.v);
      const workshop = await findByCode(input.code, socket);
      const key = input.moderatorKey;
      const keyOk =
        key !== undefined &&
        (await deps.attempts.moderatorKey(workshop.id, socket.data.address, () =>
          logic.moderatorKeyMatches(workshop, key),
        ));
      const role = logic.roleForJoin(workshop, key, keyOk);
      // [WS25] Someone a moderator let in comes past the lobby, the passcode and the lock, once.
      let knock: KnockRecord | null = null;
      if (role !== 'moderator' && input.knock) {
        knock = await store.takeAdmittedKnock(workshop.id, input.knock.id, hashSecret(input.knock.token));
        if (!knock) throw new CommandError('lobby', 'This admission is not valid (any more): knock again');
      }
      const joining = knock ? logic.asKnocked(input, knock) : input;
      const { record, resumeToken } = logic.newParticipant(joining, role, ctxFor());
      try {
        logic.checkJoinable(workshop, role, knock !== null);
        if (role !== 'moderator') {
          if (!knock) {
            await checkPasscode(workshop, input.passcode, socket);
            if (workshop.lobby) throw new CommandError('lobby', 'The lobby is on: knock and wait to be let in');
          }
          const everyone = await store.listParticipants(workshop.id);
          logic.checkNotBarred(joining, everyone);
          logic.checkNameFree(joining.name, role, everyone);
        }
        const mod = role === 'moderator';
        const added = await store.addParticipant(workshop.id, record, {
          bypassLock: mod || knock !== null,
          bypassLimit: mod,
        });
        if (added !== 'ok') throw new CommandError(added, JOIN_REFUSED[added]);
      } catch (err) {
        // [WS27] Full (or another refusal): the ticket stays, so the same person gets in once there is room.
        if (knock) await store.addKnock(workshop.id, knock);
        throw err;
      }
      return enter(socket, workshop, record, resumeToken, true);
    },

    'workshop:resume': async (input, { socket }) => {
      checkVersion(input.v);
      const workshop = await store.getWorkshop(input.workshopId);
      if (!workshop) throw new CommandError('not_found', 'This workshop no longer exists');
      if (workshop.endedAt !== null) throw new CommandError('ended', 'The workshop has ended');
      const participant = logic.checkResume(
        await store.getParticipant(workshop.id, input.participantId),
        input.resumeToken,
      );
      return enter(socket, workshop, participant, input.resumeToken, false, input.since);
    },

    'workshop:leave': async (_input, ctx) => {
      const { session } = ctx.member;
      const left = await store.leave(session.workshopId, session.participantId);
      ctx.socket.data.session = null;
      for (const room of ctx.socket.rooms) if (room !== ctx.socket.id) void ctx.socket.leave(room);
      if (left)
        deps.people.now(session.workshopId, () =>
          io.to(rooms.workshop(session.workshopId)).emit('participant:left', {
            participantId: left.id,
            reason: 'left',
            seq: left.seq,
          }),
        );
      deps.log.info('participant left', { workshop: session.workshopId, participant: session.participantId });
      return null;
    },

    'workshop:lock': async ({ locked }, ctx) => {
      const { workshop } = ctx.member;
      const updated = await store.setWorkshopLocked(workshop.id, locked);
      if (!updated) throw new CommandError('not_found', 'Workshop not found');
      const info = logic.toPublicWorkshop(updated);
      io.to(rooms.workshop(workshop.id)).emit('workshop:updated', info);
      return info;
    },

    'workshop:chatLock': async ({ lock }, ctx) => {
      const { workshop, actor } = ctx.member;
      const updated = await store.setChatLock(workshop.id, lock);
      if (!updated) throw new CommandError('not_found', 'Workshop not found');
      const info = logic.toPublicWorkshop(updated);
      io.to(rooms.workshop(workshop.id)).emit('workshop:updated', info);
      deps.log.info('chat lock', { workshop: workshop.id, lock, by: actor.id });
      return info;
    },

    'workshop:stage': async ({ view }, ctx) => {
      const { workshop, actor } = ctx.member;
      const updated = await store.setStageView(workshop.id, view);
      if (!updated) throw new CommandError('not_found', 'Workshop not found');
      const info = logic.toPublicWorkshop(updated);
      io.to(rooms.workshop(workshop.id)).emit('workshop:updated', info);
      deps.log.info('stage', { workshop: workshop.id, view, by: actor.id });
      return info;
    },

    'workshop:access': async (patch, ctx) => {
      const { workshop, actor } = ctx.member;
      const updated = await store.setAccess(workshop.id, patch);
      if (!updated) throw new CommandError('not_found', 'Workshop not found');
      const info = logic.toPublicWorkshop(updated);
      io.to(rooms.workshop(workshop.id)).emit('workshop:updated', info);
      deps.log.info('access changed', {
        workshop: workshop.id,
        lobby: updated.lobby,
        passcode: updated.passcode !== '',
        limit: updated.limit,
        by: actor.id,
      });
      // [WS25] Turning the lobby off lets everyone waiting in.
      if (patch.lobby === false) await admit(workshop.id, 'all');
      return info;
    },

    'lobby:knock': async (input, { socket }) => {
      checkVersion(input.v);
      const workshop = await findByCode(input.code, socket);
      logic.checkJoinable(workshop, 'participant');
      await checkPasscode(workshop, input.passcode, socket);
      const everyone = await store.listParticipants(workshop.id);
      logic.checkNotBarred(input, everyone);
      logic.checkNameFree(input.name, 'participant', everyone);
      // A flood of knocks from one address (new connections, new names) cannot bury the moderators' list.
      if (workshop.lobby) await deps.attempts.knock(workshop.id, socket.data.address);
      await withdraw(socket); // one knock per connection: a new one replaces it
      const { record, token } = logic.newKnock(input, !workshop.lobby, ctxFor());
      await store.addKnock(workshop.id, record);
      socket.data.knock = { workshopId: workshop.id, knockId: record.id };
      await socket.join(rooms.knock(workshop.id, record.id));
      let admitted = record.admitted;
      if (!admitted) {
        // The lobby may have been turned off (letting everyone in) between the read above and the knock.
        const now = await store.getWorkshop(workshop.id);
        if (now && !now.lobby) admitted = (await store.admitKnocks(workshop.id, [record.id])).length === 1;
        await announceLobby(workshop.id);
      }
      deps.log.info('knock', { workshop: workshop.id, knock: record.id, admitted });
      return { knockId: record.id, token, admitted };
    },

    'lobby:withdraw': async (_input, { socket }) => {
      await withdraw(socket);
      return null;
    },

    'lobby:list': async (_input, ctx) => waiting(ctx.member.workshop.id),

    'lobby:admit': async (input, ctx) => {
      const { workshop, actor } = ctx.member;
      const count = await admit(workshop.id, 'all' in input ? 'all' : input.knockIds);
      deps.log.info('admitted from the lobby', { workshop: workshop.id, count, by: actor.id });
      return count;
    },

    'lobby:deny': async ({ knockId, reason }, ctx) => {
      const { workshop, actor } = ctx.member;
      const denied = await store.dropKnock(workshop.id, knockId, { waitingOnly: true });
      if (!denied) throw new CommandError('not_found', 'Nobody is waiting with this knock');
      const room = rooms.knock(workshop.id, knockId);
      io.to(room).emit('lobby:denied', { knockId, reason });
      io.in(room).socketsLeave(room);
      await announceLobby(workshop.id);
      deps.log.info('denied at the lobby', { workshop: workshop.id, knock: knockId, by: actor.id });
      return null;
    },

    'workshop:end': async (_input, ctx) => {
      const { workshop } = ctx.member;
      const updated = await store.endWorkshop(workshop.id, deps.clock());
      if (!updated) throw new CommandError('not_found', 'Workshop not found');
      memberChanged(io, workshop.id);
      await keepWorkshop(deps, updated);
      const info = logic.toPublicWorkshop(updated);
      io.to(rooms.workshop(workshop.id)).emit('workshop:ended', info);
      deps.log.info('workshop ended', { workshop: workshop.id });
      return info;
    },

    'hand:raise': async (_input, ctx) => {
      const { session } = ctx.member;
      const p = await store.raiseHand(session.workshopId, session.participantId, deps.clock());
      return pub(stillJoined(broadcastParticipant(session.workshopId, p)));
    },

    'reaction:send': async ({ emoji }, ctx) => {
      const { session, actor, workshop } = ctx.member;
      if (!reactionsOf(workshop.countries).includes(emoji))
        throw new CommandError('invalid_payload', 'Not a reaction of this workshop');
      const now = deps.clock();
      const key = `${session.workshopId}:${actor.id}`;
      if (reactionBuckets.size > 10_000) reactionBuckets.clear(); // a bound, not a cache: buckets refill in seconds
      let bucket = reactionBuckets.get(key);
      if (!bucket) reactionBuckets.set(key, (bucket = new TokenBucket(1000 / REACTION_EVERY_MS, REACTION_BURST, now)));
      if (!bucket.take(now)) throw new CommandError('rate_limited', 'One reaction a second');
      const event = { participantId: actor.id, emoji, roomId: actor.roomId, at: now };
      io.to(rooms.room(session.workshopId, actor.roomId)).emit('reaction', event);
      return event;
    },

    'hand:lower': async ({ participantId }, ctx) => {
      const { session, actor } = ctx.member;
      const target = logic.checkLowerHand(actor, participantId);
      const p = await store.lowerHand(session.workshopId, target);
      if (!p) throw new CommandError('not_found', 'No such participant');
      return pub(stillJoined(broadcastParticipant(session.workshopId, p)));
    },

    'participant:promote': async ({ participantId }, ctx) => {
      const { workshop } = ctx.member;
      logic.checkPromote(await store.getParticipant(workshop.id, participantId));
      const p = await store.setRole(workshop.id, participantId, 'moderator');
      if (!p) throw new CommandError('not_found', 'No such participant');
      io.in(rooms.participant(workshop.id, p.id)).socketsJoin(rooms.moderators(workshop.id));
      memberChanged(io, workshop.id, p.id);
      return pub(stillJoined(broadcastParticipant(workshop.id, p)));
    },

    'participant:demote': async ({ participantId }, ctx) => {
      const { workshop, actor } = ctx.member;
      const target = logic.checkDemote(await store.listParticipants(workshop.id), participantId);
      if (target.role !== 'moderator') return pub(target); // already a participant: nothing changes
      const p = await store.setRole(workshop.id, participantId, 'participant');
      if (!p) throw new CommandError('not_found', 'No such participant');
      io.in(rooms.participant(workshop.id, p.id)).socketsLeave(rooms.moderators(workshop.id));
      memberChanged(io, workshop.id, p.id);
      deps.log.info('moderator demoted', { workshop: workshop.id, participant: p.id, by: actor.id });
      return pub(stillJoined(broadcastParticipant(workshop.id, p)));
    },

    'participant:remove': async ({ participantId }, ctx) => {
      const { workshop, actor } = ctx.member;
      logic.checkRemove(actor, await store.getParticipant(workshop.id, participantId));
      const removed = await store.removeParticipant(workshop.id, participantId);
      if (!removed) throw new CommandError('not_found', 'No such participant');
      memberChanged(io, workshop.id, participantId);
      const own = rooms.participant(workshop.id, participantId);
      io.to(own).emit('session:closed', { reason: 'removed' });
      io.in(own).disconnectSockets(true);
      deps.people.now(workshop.id, () =>
        io.to(rooms.workshop(workshop.id)).emit('participant:left', {
          participantId,
          reason: 'removed',
          seq: removed.seq,
        }),
      );
      io.to(rooms.moderators(workshop.id)).emit('participant:barred', { participantId, barred: true });
      deps.log.info('participant removed', { workshop: workshop.id, participant: participantId, by: actor.id });
      return null;
    },

    'participant:sync': async (_input, ctx) => participantsNow(ctx.member.workshop.id),

    'participant:removed': async (_input, ctx) =>
      (await store.listParticipants(ctx.member.workshop.id)).filter((p) => p.barred).map(logic.toRemoved),

    'participant:letBackIn': async ({ participantId }, ctx) => {
      const { workshop, actor } = ctx.member;
      const p = await store.letBackIn(workshop.id, participantId);
      if (!p) throw new CommandError('not_found', 'No such removed participant');
      deps.log.info('participant let back in', { workshop: workshop.id, participant: participantId, by: actor.id });
      io.to(rooms.moderators(workshop.id)).emit('participant:barred', { participantId, barred: false });
      return null;
    },
  };

  /** [WS26] A missing passcode asks for it; a wrong one counts as a failed attempt of this address. */
  async function checkPasscode(workshop: WorkshopRecord, given: string | undefined, socket: TypedSocket) {
    const check = logic.passcodeCheck(workshop, given);
    if (check === 'none') return;
    if (check === 'missing') throw new CommandError('passcode', 'This workshop needs a passcode');
    // Every try spends a point first: once the limit is reached even the right passcode waits.
    if (!(await deps.attempts.passcode(workshop.id, socket.data.address, () => check === 'ok')))
      throw new CommandError('passcode', 'Wrong passcode');
  }

  function waiting(workshopId: string) {
    return waitingKnocks(deps, workshopId);
  }

  function announceLobby(workshopId: string) {
    return announceKnocks(deps, workshopId);
  }

  /** [WS25] Each knock is admitted once, whichever moderator (on whichever node) got there first. */
  async function admit(workshopId: string, knockIds: readonly string[] | 'all'): Promise<number> {
    const admitted = await store.admitKnocks(workshopId, knockIds);
    for (const k of admitted) io.to(rooms.knock(workshopId, k.id)).emit('lobby:admitted', { knockId: k.id });
    if (admitted.length > 0) await announceLobby(workshopId);
    return admitted.length;
  }

  async function withdraw(socket: TypedSocket) {
    const knock = socket.data.knock;
    if (!knock) return;
    socket.data.knock = null;
    void socket.leave(rooms.knock(knock.workshopId, knock.knockId));
    if (await store.dropKnock(knock.workshopId, knock.knockId, { waitingOnly: false }))
      await announceLobby(knock.workshopId);
  }

  /** [WS13] Misses count against the client's address: codes cannot be enumerated. */
  async function findByCode(code: string, socket: TypedSocket): Promise<WorkshopRecord> {
    const workshop = await deps.attempts.lookup(socket.data.address, async () => {
      const id = await store.workshopIdByCode(code);
      return id ? store.getWorkshop(id) : null;
    });
    if (!workshop) throw new CommandError('not_found', 'No workshop with this code');
    return workshop;
  }
}

/** [WS32] Reasons of a connection lost on the way (the browser reconnects by itself), not ended by either side. */
const LOST: ReadonlySet<DisconnectReason> = new Set(['transport close', 'transport error', 'ping timeout']);

/**
 * When a socket drops, others see "reconnecting"; after the grace period, "offline".
 * [WS32] A connection lost on the way is recorded only after PRESENCE_DROP_DELAY_MS, when the person is
 * not back by then; one the page or the server ended is recorded at once.
 * Resolves when the drop is recorded and broadcast, or put off (a closing node waits for it).
 */
function onDisconnect(socket: TypedSocket, deps: Deps, presence: Presence, reason: DisconnectReason): Promise<void> {
  const knock = socket.data.knock;
  // [WS25] A knock waits while its connection does (the page knocks again when it reconnects); an admitted one keeps its ticket.
  if (knock) void dropWaitingKnock(deps, knock.workshopId, knock.knockId);
  const session = socket.data.session;
  if (!session) return Promise.resolve();
  const delayMs = LOST.has(reason) ? deps.config.presenceDropDelayMs : 0;
  return markDropped(deps, presence, session, socket.id, delayMs);
}

/** [WS25] Those still waiting, oldest first, as moderators see them. */
async function waitingKnocks(deps: Deps, workshopId: string) {
  return (await deps.store.listKnocks(workshopId)).filter((k) => !k.admitted).map(logic.toKnock);
}

/** [WS25] Tells the moderators who is waiting now. */
async function announceKnocks(deps: Deps, workshopId: string) {
  deps.io.to(rooms.moderators(workshopId)).emit('lobby:knocks', await waitingKnocks(deps, workshopId));
}

async function dropWaitingKnock(deps: Deps, workshopId: string, knockId: string) {
  try {
    if (await deps.store.dropKnock(workshopId, knockId, { waitingOnly: true })) await announceKnocks(deps, workshopId);
  } catch (err) {
    deps.log.warn('knock cleanup failed', { err, workshop: workshopId });
  }
}

/**
 * Records that `connectionId` no longer speaks for the participant of `session`, unless a newer one does
 * (after `delayMs`: by then a reconnect has attached a newer one, and nothing is recorded). The grace
 * period counts from the drop.
 */
function markDropped(
  deps: Deps,
  presence: Presence,
  session: Session,
  connectionId: string,
  delayMs = 0,
): Promise<void> {
  const at = deps.clock();
  const record = () => recordDrop(deps, presence, session, connectionId, at);
  if (delayMs <= 0) return record();
  const timer = setTimeout(() => {
    presence.drops.delete(timer);
    void record();
  }, delayMs);
  presence.drops.set(timer, record);
  return Promise.resolve();
}

function recordDrop(deps: Deps, presence: Presence, session: Session, connectionId: string, at: number): Promise<void> {
  return (async () => {
    const p = await deps.store.detachConnection(session.workshopId, session.participantId, connectionId, at);
    if (!p) return; // a newer connection already speaks for this participant
    // [WS31] Drops and expiries of the same moment go out together.
    const emitUpdate = (q: ParticipantRecord) =>
      deps.people.presence(
        session.workshopId,
        logic.toPublicParticipant(q, deps.clock(), deps.config.presenceGraceMs),
        logic.presenceOnly(q),
      );
    emitUpdate(p);
    const timer = setTimeout(
      () => {
        presence.timers.delete(timer);
        void deps.store
          .expirePresence(session.workshopId, session.participantId, at)
          .then((q) => q && emitUpdate(q))
          .catch((err: unknown) => deps.log.warn('presence expiry failed', { err }));
      },
      Math.max(0, deps.config.presenceGraceMs - (deps.clock() - at)),
    );
    presence.timers.add(timer);
  })().catch((err: unknown) => deps.log.warn('disconnect bookkeeping failed', { err, workshop: session.workshopId }));
}
