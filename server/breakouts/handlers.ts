import { randomInt } from 'node:crypto';
import type { breakoutCommands } from '../../shared/breakouts/events.js';
import { CHAT_HISTORY } from '../../shared/chat/schema.js';
import { CommandError } from '../../shared/command.js';
import { rooms } from '../realtime/rooms.js';
import type { Feature } from '../features.js';
import type { Deps, HandlerTable, Member, TypedSocket } from '../realtime/types.js';
import { createFourCards, type FourCards } from './four-cards.js';
import * as logic from './logic.js';
import { createBreakoutService, participantView, toView, type BreakoutService } from './service.js';
import type { BreakoutRecord } from './store/types.js';
import { createBreakoutTicker } from './ticker.js';

type BreakoutHandlers = Pick<HandlerTable, keyof typeof breakoutCommands>;

const seedOf = (seed: number | undefined) => seed ?? randomInt(2 ** 31);

/** Breakouts; the ticker that ends rounds on their deadline runs from start() to stop(). */
export function breakoutFeature(deps: Deps): Feature<keyof typeof breakoutCommands> {
  const service = createBreakoutService(deps);
  const fourCards = createFourCards(deps);
  const ticker = createBreakoutTicker(deps, service, fourCards);
  return { handlers: breakoutHandlers(deps, service, fourCards), start: ticker.start, stop: ticker.stop };
}

function breakoutHandlers(deps: Deps, service: BreakoutService, fourCards: FourCards): BreakoutHandlers {
  return { ...roomHandlers(deps, service, fourCards), ...nestedHandlers(deps, service, fourCards) };
}

/** [BR27]-[BR29] 1-2-4-All: notes and the fours' cards (the rounds themselves are a rotation). */
function nestedHandlers(deps: Deps, service: BreakoutService, fourCards: FourCards): Pick<HandlerTable, NestedCommand> {
  const viewOf = async (member: Member) => {
    const { workshop, actor } = member;
    const [state, record, people] = await Promise.all([
      service.load(workshop.id),
      deps.store.breakouts.nested(workshop.id),
      deps.store.listParticipants(workshop.id),
    ]);
    return logic.nestedView(state, record, people.find((p) => p.id === actor.id) ?? actor, people);
  };
  return {
    'breakout:nested': async (_input, ctx) => viewOf(ctx.member),
    'breakout:note': async ({ text }, ctx) => {
      const { workshop, actor } = ctx.member;
      const state = await service.load(workshop.id);
      if (!logic.nestedStage(state)) throw new CommandError('not_open', 'No 1-2-4-All is running');
      await deps.store.breakouts.saveNote(workshop.id, actor.id, text);
      // Alone in the plenary the note stays private; in a pair or four the room-mates see it.
      if (logic.isRunningRoom(state, actor.roomId))
        ctx.socket.to(rooms.room(workshop.id, actor.roomId)).emit('breakout:noted', { participantId: actor.id, text });
      return viewOf(ctx.member);
    },
    'breakout:post-card': async ({ text }, ctx) => {
      const { workshop, actor } = ctx.member;
      const [state, people] = await Promise.all([service.load(workshop.id), deps.store.listParticipants(workshop.id)]);
      logic.requireFour(state, actor);
      const members = people.filter((p) => !p.removed && p.roomId === actor.roomId && p.role === 'participant');
      await fourCards.post(workshop.id, state, actor.roomId, text, actor, members);
      return viewOf(ctx.member);
    },
  };
}

type NestedCommand = 'breakout:nested' | 'breakout:note' | 'breakout:post-card';

function roomHandlers(
  deps: Deps,
  service: BreakoutService,
  fourCards: FourCards,
): Omit<BreakoutHandlers, NestedCommand> {
  const view = async (workshopId: string, change: Parameters<typeof service.change>[1], version?: number) =>
    toView(await service.change(workshopId, change, version === undefined ? {} : { expectedVersion: version }));
  /** For commands any member sends: a participant gets the participant view. */
  const viewFor = async (member: Member, change: Parameters<typeof service.change>[1]) => {
    const full = await view(member.workshop.id, change);
    return member.actor.role === 'moderator' ? full : participantView(full, member.actor.id);
  };

  return {
    'breakout:sync': async (_input, ctx) => {
      const { member } = ctx;
      return viewFor(member, (s, c) => logic.lateJoin(s, member.actor, c));
    },
    'breakout:rooms': async ({ version, rooms: input }, ctx) =>
      view(ctx.member.workshop.id, (s, c) => logic.setRooms(s, input, c), version),
    'breakout:assign': async (input, ctx) => {
      const seed = seedOf(input.seed);
      return view(ctx.member.workshop.id, (s, c) => logic.assign(s, input, seed, c), input.version);
    },
    'breakout:move': async ({ participantId, roomId }, ctx) =>
      view(ctx.member.workshop.id, (s, c) => logic.move(s, participantId, roomId, c)),
    'breakout:open': async ({ version, durationMs }, ctx) =>
      view(ctx.member.workshop.id, (s, c) => logic.open(s, durationMs, c), version),
    'breakout:rotate': async (input, ctx) => {
      const seed = seedOf(input.seed);
      const { workshop } = ctx.member;
      // [BR28] A new 1-2-4-All starts with blank notes and no cards (a rotation starts only when none runs).
      if (input.kind === 'nested') await deps.store.breakouts.clearNested(workshop.id);
      return view(workshop.id, (s, c) => logic.rotate(s, input, seed, c), input.version);
    },
    'breakout:extend': async ({ ms }, ctx) =>
      view(ctx.member.workshop.id, (s) => ({ state: logic.extend(s, ms), moves: [] })),
    'breakout:close': async (_input, ctx) => {
      const { workshop } = ctx.member;
      let ended: ReturnType<typeof logic.endRound>['event'] | null = null;
      let before = null as { state: BreakoutRecord; fours: logic.Four[] } | null;
      const state = await service.change(workshop.id, (s, c) => {
        before = { state: s, fours: logic.foursOf(s, c.people) };
        const change = logic.endRound(s, 'moderator', c);
        ended = change.event;
        return change;
      });
      if (ended) deps.io.to(rooms.workshop(workshop.id)).emit('breakout:round-ended', ended);
      // [BR30] Fours called back before they posted: their notes become their cards.
      if (ended && before) await fourCards.fromNotes(workshop.id, before.state, before.fours);
      return toView(state);
    },
    'breakout:broadcast': async ({ text }, ctx) => {
      const { workshop, actor } = ctx.member;
      const message = { id: deps.ids.id(12), text, fromId: actor.id, fromName: actor.name, at: deps.clock() };
      // Stored before it is sent: whoever resumes after the event still gets it from breakout:sync.
      await service.change(workshop.id, (s) => logic.keepBroadcast(s, message));
      deps.io.to(rooms.workshop(workshop.id)).emit('breakout:broadcasted', message);
      return message;
    },
    'breakout:closeRoom': async ({ roomId }, ctx) => {
      const { workshop } = ctx.member;
      let sentBack: string[] = [];
      const state = await service.change(workshop.id, (s, c) => {
        const change = logic.closeRoom(s, roomId, c);
        sentBack = change.moves.map((m) => m.participantId);
        return change;
      });
      for (const id of sentBack)
        deps.io.to(rooms.participant(workshop.id, id)).emit('breakout:room-closed', { roomId });
      return toView(state);
    },
    'breakout:visit': async ({ roomId }, ctx) => {
      const { workshop, actor } = ctx.member;
      return view(workshop.id, (s, c) => logic.visit(s, actor.id, roomId, c));
    },
    'breakout:help': async (_input, ctx) => {
      const { member } = ctx;
      return viewFor(member, (s) => {
        const next = logic.askHelp(s, member.actor, deps.clock());
        return next === s ? null : { state: next, moves: [] };
      });
    },
    'breakout:help-resolve': async ({ participantId }, ctx) =>
      view(ctx.member.workshop.id, (s) => ({ state: logic.resolveHelp(s, participantId), moves: [] })),
    'breakout:choose': async ({ roomId }, ctx) => {
      const { member } = ctx;
      return viewFor(member, (s, c) => logic.choose(s, member.actor, roomId, c));
    },
    'breakout:ack': async (_input, ctx) => {
      const { workshop, actor } = ctx.member;
      followRoom(ctx.socket, workshop.id, actor.roomId);
      return { roomId: actor.roomId };
    },
    'breakout:room-chat': async ({ roomId }, ctx) => {
      const { workshop, actor } = ctx.member;
      const state = await service.load(workshop.id);
      if (!logic.canReadRoom(state, actor, roomId)) throw new CommandError('forbidden', 'This room is still running');
      return deps.store.chatHistory(workshop.id, roomId, CHAT_HISTORY);
    },
  };
}

/** This socket listens to the participant's stored room and to no other room of the workshop. */
function followRoom(socket: TypedSocket, workshopId: string, roomId: string) {
  const target = rooms.room(workshopId, roomId);
  const prefix = rooms.room(workshopId, '');
  for (const room of socket.rooms) if (room.startsWith(prefix) && room !== target) void socket.leave(room);
  void socket.join(target);
}
