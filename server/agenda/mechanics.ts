/**
 * The step interface: each mechanic kind a step can switch on, mapped to the existing features. A
 * mechanic never has rules of its own: it sends the same commands a moderator's page would send, through
 * `invoke` (the command's schema, then its handler), with the moderator who pressed Start as the actor.
 * A kind missing here is not built yet: its step shows what to do by hand (RULES.md, AG11).
 */
import type { MechanicKind, ParamsOf } from '../../shared/agenda/schema.js';
import { CommandError } from '../../shared/command.js';
import { FISHBOWL_LIMITS } from '../../shared/fishbowl/constants.js';
import { COMMANDS, type CommandInput, type CommandName, type CommandResult } from '../../shared/protocol.js';
import { PLENARY } from '../../shared/rooms.js';
import { TRUTHS_LIMITS, truthsRoomCount } from '../../shared/truths/constants.js';
import { eligible } from '../breakouts/logic.js';
import type { Deps, HandlerTable, MemberContext } from '../realtime/types.js';

/** What a started mechanic needs to be stopped again (a poll id, …); stored with the running step. */
export type MechanicRef = Record<string, string>;

export interface Mechanic<K extends MechanicKind> {
  /** Switches the mechanic on for a step of `durationMs`; returns what `stop` needs. */
  start(ctx: MemberContext, workshopId: string, params: ParamsOf<K>, durationMs: number): Promise<MechanicRef>;
  /** Switches it off cleanly (closes the poll, the card round, the rooms); what is already off stays off. */
  stop(ctx: MemberContext, workshopId: string, ref: MechanicRef): Promise<void>;
  /** The step got `minutes` more: timers the mechanic owns move too. */
  extend?(ctx: MemberContext, workshopId: string, minutes: number): Promise<void>;
}

export type Mechanics = { [K in MechanicKind]?: Mechanic<K> };

/** Runs a command as `ctx`'s member would: its schema (defaults included), then its handler. */
export type Invoke = <K extends CommandName>(
  name: K,
  input: CommandInput<K>,
  ctx: MemberContext,
) => Promise<CommandResult<K>>;

/** Runs commands through the handler table (filled once every feature exists), as `invoke` describes. */
export function invokeThrough(table: () => HandlerTable): Invoke {
  return async (name, input, ctx) => {
    const parsed = COMMANDS[name as CommandName].schema.safeParse(input);
    if (!parsed.success) throw new CommandError('invalid_payload', `${name}: ${parsed.error.message.slice(0, 300)}`);
    const handler = table()[name] as unknown as (p: unknown, c: MemberContext) => Promise<never>;
    return handler(parsed.data, ctx);
  };
}

const MINUTE = 60_000;

/** [BR27] A 1-2-4-All step's time split 1 : 2 : 4 over alone, pairs and fours (each at least a second). */
export function nestedDurations(durationMs: number): number[] {
  return [1, 2, 4].map((share) => Math.max(1000, Math.floor((durationMs * share) / 7)));
}

/** Ignores the refusal that means "already off" (the moderator did it by hand). */
async function unlessOff(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    if (err instanceof CommandError && ['conflict', 'not_open', 'not_found', 'poll_closed'].includes(err.code)) return;
    throw err;
  }
}

export function createMechanics(deps: Deps, invoke: Invoke): Mechanics {
  const breakoutVersion = async (workshopId: string) => (await deps.store.breakouts.get(workshopId))?.version ?? 0;

  /** Cards and dots happen on the board: it goes onto everyone's stage, as the moderator's "Board" button does. */
  const boardOnStage = (ctx: MemberContext) => invoke('workshop:stage', { view: 'board' }, ctx);

  /** The plenary board's settings, as the board's handler applies them; the actor's own page gets the op too. */
  async function boardSettings(ctx: MemberContext, patch: CommandInput<'board:settings'>['patch']) {
    const result = await invoke('board:settings', { roomId: PLENARY, patch }, ctx);
    // The board handler sends ops to everyone but the actor's socket, whose page would read the ack.
    ctx.socket.emit('board:ops', { roomId: result.roomId, ops: [result.op] });
  }

  async function closeRooms(ctx: MemberContext, workshopId: string) {
    const state = await deps.store.breakouts.get(workshopId);
    if (state?.status === 'open') await unlessOff(() => invoke('breakout:close', {}, ctx));
  }

  async function extendRooms(ctx: MemberContext, workshopId: string, minutes: number) {
    const state = await deps.store.breakouts.get(workshopId);
    if (state?.status === 'open') await invoke('breakout:extend', { ms: minutes * MINUTE }, ctx);
  }

  return {
    timer: { start: async () => ({}), stop: async () => {} },

    /** Gallery walk: the board on everyone's stage; comments and reactions are always on there. */
    gallery: {
      async start(ctx) {
        await boardOnStage(ctx);
        return {};
      },
      stop: async () => {},
    },

    poll: {
      async start(ctx, _w, p) {
        const poll = await invoke(
          'poll:create',
          {
            question: p.question,
            kind: p.pollKind,
            options: p.options,
            scaleMax: p.scaleMax,
            // A quiz keeps score per person: it cannot be anonymous.
            anonymous: p.quiz ? false : p.anonymous,
            quiz: p.quiz ? { ...p.quiz, series: 'Quiz' } : null,
          },
          ctx,
        );
        await invoke('poll:launch', { pollId: poll.id }, ctx);
        return { pollId: poll.id, quiz: p.quiz ? 'yes' : 'no' };
      },
      async stop(ctx, _w, ref) {
        const pollId = ref.pollId;
        if (!pollId) return;
        // A quiz question is closed and its answer revealed (the leaderboard follows); a poll is closed.
        await unlessOff(() => invoke(ref.quiz === 'yes' ? 'poll:reveal' : 'poll:close', { pollId }, ctx));
      },
    },

    cards: {
      async start(ctx, _w, p) {
        await boardSettings(ctx, {
          header: p.question,
          startCards: true,
          cardLimit: p.cardLimit,
          cardsHidden: p.hidden,
          cardsAnonymous: p.anonymous,
        });
        await boardOnStage(ctx);
        return {};
      },
      // Collecting ends and the cards are revealed: the next step (clustering, dots) works with them.
      stop: (ctx) => boardSettings(ctx, { cardsOpen: false, cardsHidden: false }),
    },

    dots: {
      async start(ctx, _w, p) {
        await boardSettings(ctx, { header: p.question, startDots: true, dotBudget: p.budget, dotsPerCard: p.perCard });
        await boardOnStage(ctx);
        return {};
      },
      stop: (ctx) => boardSettings(ctx, { dotsOpen: false }),
    },

    rooms: {
      async start(ctx, w, p, durationMs) {
        const rooms = Array.from({ length: p.rooms }, () => ({ name: '' }));
        let view = await invoke('breakout:rooms', { version: await breakoutVersion(w), rooms }, ctx);
        view = await invoke('breakout:assign', { version: view.version, mode: p.mode }, ctx);
        await invoke('breakout:open', { version: view.version, durationMs }, ctx);
        return {};
      },
      stop: (ctx, w) => closeRooms(ctx, w),
      extend: extendRooms,
    },

    rotation: {
      async start(ctx, w, p, durationMs) {
        let version = await breakoutVersion(w);
        if (p.rotation === 'worldCafe') {
          const names = p.tables.length > 0 ? p.tables : ['', '', ''];
          const rooms = names.map((name) => ({ name }));
          version = (await invoke('breakout:rooms', { version, rooms }, ctx)).version;
        }
        const round = Math.max(1000, Math.floor(durationMs / p.rounds));
        await invoke(
          'breakout:rotate',
          { version, kind: p.rotation, rounds: p.rounds, durationMs: round, languages: p.languages },
          ctx,
        );
        return {};
      },
      stop: (ctx, w) => closeRooms(ctx, w),
      extend: extendRooms,
    },

    /** 1-2-4-All: alone, pairs, fours as one rotation, the step's time shared 1 : 2 : 4 ([BR27]). */
    nestedRooms: {
      async start(ctx, w, _p, durationMs) {
        const durations = nestedDurations(durationMs);
        await invoke(
          'breakout:rotate',
          { version: await breakoutVersion(w), kind: 'nested', rounds: 3, durationMs: durations[0]!, durations },
          ctx,
        );
        return {};
      },
      stop: (ctx, w) => closeRooms(ctx, w),
      extend: extendRooms,
    },

    broadcast: {
      async start(ctx, _w, p) {
        await invoke('breakout:broadcast', { text: p.text }, ctx);
        return {};
      },
      stop: async () => {},
    },

    /** Flash round: a speaking order in the plenary, or in every breakout room when rooms are open. */
    speaking: {
      async start(ctx, workshopId, p) {
        const rooms = await deps.store.breakouts.get(workshopId);
        await invoke(
          'speaking:start',
          {
            question: p.question ?? '…',
            perSpeakerSec: Math.min(60, Math.max(30, p.secondsEach)),
            scope: rooms?.status === 'open' ? 'breakouts' : 'plenary',
          },
          ctx,
        );
        return {};
      },
      stop: (ctx) => unlessOff(() => invoke('speaking:stop', {}, ctx)),
    },

    /**
     * Two truths and a lie: the game opens for statements; the moderator starts the votes on the stage. With
     * more than 12 people and no rooms open, it opens rooms of 5–6 for the step first ([TRUTH6]) and closes them after.
     * [TRUTH7] The hashtags variant has no votes: it runs where everyone is (the plenary, or the open rooms).
     */
    twoTruths: {
      async start(ctx, workshopId, p, durationMs) {
        const rooms = await deps.store.breakouts.get(workshopId);
        let opened = false;
        if (rooms?.status !== 'open' && p.variant !== 'hashtags') {
          const people = eligible(await deps.store.listParticipants(workshopId)).length;
          if (people > TRUTHS_LIMITS.plenaryMax) {
            const plan = Array.from({ length: truthsRoomCount(people) }, () => ({ name: '' }));
            let view = await invoke('breakout:rooms', { version: await breakoutVersion(workshopId), rooms: plan }, ctx);
            view = await invoke('breakout:assign', { version: view.version, mode: 'random' }, ctx);
            await invoke('breakout:open', { version: view.version, durationMs }, ctx);
            opened = true;
          }
        }
        await invoke(
          'truths:start',
          { scope: opened || rooms?.status === 'open' ? 'breakouts' : 'plenary', variant: p.variant },
          ctx,
        );
        const ref: MechanicRef = opened ? { rooms: 'opened' } : {};
        return ref;
      },
      async stop(ctx, workshopId, ref) {
        await unlessOff(() => invoke('truths:stop', {}, ctx));
        if (ref.rooms === 'opened') await closeRooms(ctx, workshopId);
      },
      extend: extendRooms,
    },

    /** Fishbowl: seats in the plenary on top of stage mode; the step's seats within the fishbowl's 3–6. */
    fishbowl: {
      async start(ctx, _w, p) {
        const seats = Math.min(FISHBOWL_LIMITS.seatsMax, Math.max(FISHBOWL_LIMITS.seatsMin, p.seats));
        await invoke('fishbowl:start', { seats }, ctx);
        return {};
      },
      stop: (ctx) => unlessOff(() => invoke('fishbowl:stop', {}, ctx)),
    },

    /**
     * Idea market: a new market whose stalls are the plenary board's top cards by dots (`stalls`, 0: none);
     * the moderator adds stalls, runs the pitches and opens the stalls as rooms from the step's card.
     */
    ideaMarket: {
      async start(ctx, _w, p) {
        await invoke('market:start', { fromBoard: p.stalls, pitchSec: p.pitchSec }, ctx);
        return {};
      },
      stop: (ctx) => unlessOff(() => invoke('market:stop', {}, ctx)),
    },

    /**
     * Barcamp: a new barcamp collecting proposals with the step's rooms per slot and slot minutes; the
     * moderator builds the grid and runs the slots from the barcamp's card ([BCAMP1]–[BCAMP6]).
     */
    barcamp: {
      async start(ctx, _w, p) {
        await invoke('barcamp:start', { rooms: p.rooms, slotMin: p.slotMin }, ctx);
        return {};
      },
      stop: (ctx) => unlessOff(() => invoke('barcamp:stop', {}, ctx)),
    },
  };
}
