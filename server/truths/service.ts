import { randomInt } from 'node:crypto';
import { CommandError } from '../../shared/command.js';
import { truthsParamsSchema, type TruthsParamsInput, type TruthsView } from '../../shared/truths/schema.js';
import { seededRng } from '../breakouts/random.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import { resolveScope } from '../speaking/logic.js';
import * as logic from './logic.js';
import type { TruthsCtx, TruthsRecord } from './logic.js';

const ATTEMPTS = 6;

/**
 * The one way the games change: a snapshot of the games, the people, everyone's statements and the
 * guesses on the current authors; pure logic; an atomic write against the snapshot's version (again on
 * top of someone else's change when it lost). A change that returns the same state writes nothing.
 */
export function createTruthsService(deps: Deps) {
  const { store, io } = deps;

  async function load(workshopId: string): Promise<TruthsRecord> {
    return (await store.truths.get(workshopId)) ?? logic.emptyTruths();
  }

  async function view(workshopId: string, state?: TruthsRecord): Promise<TruthsView> {
    const [s, people, entries, hashtags] = await Promise.all([
      state ?? load(workshopId),
      store.listParticipants(workshopId),
      store.truths.entries(workshopId),
      store.truths.hashtags(workshopId),
    ]);
    return logic.toView(s, people, [...entries.keys()], hashtags);
  }

  async function publish(workshopId: string, state?: TruthsRecord) {
    const v = await view(workshopId, state);
    io.to(rooms.workshop(workshopId)).emit('truths:updated', v);
    return v;
  }

  async function change(
    workshopId: string,
    compute: (state: TruthsRecord, ctx: TruthsCtx) => TruthsRecord,
    seed: number = randomInt(2 ** 31),
  ): Promise<TruthsView> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people, entries] = await Promise.all([
        load(workshopId),
        store.listParticipants(workshopId),
        store.truths.entries(workshopId),
      ]);
      const keys = state.games.filter((g) => g.phase === 'voting').map((g) => logic.voteKey(g.id, g.order[g.current]!));
      const guesses = new Map(
        await Promise.all(keys.map(async (k) => [k, await store.truths.guesses(workshopId, k)] as const)),
      );
      const rng = seededRng(seed);
      const ctx: TruthsCtx = {
        now: deps.clock(),
        newId: () => deps.ids.id(10),
        random: rng.next,
        people,
        entries,
        guesses,
      };
      const next = compute(state, ctx);
      if (next === state) return view(workshopId, state);
      const result = await store.truths.apply(
        workshopId,
        state.version,
        next,
        logic.openVotes(next),
        logic.nextDeadline(next),
      );
      if (result.ok) return publish(workshopId, result.state);
    }
    throw new CommandError('conflict', 'The game was changed by someone else at the same moment');
  }

  /** [TRUTH1] Starts a game in the scope's rooms: for the moderator's button and a run-sheet step. */
  async function startGame(workshopId: string, input: TruthsParamsInput): Promise<TruthsView> {
    const params = truthsParamsSchema.parse(input);
    const roomIds = resolveScope(params.scope, await store.breakouts.get(workshopId));
    return change(workshopId, (s, ctx) => logic.start(s, params, roomIds, ctx), params.seed);
  }

  async function stopGame(workshopId: string, roomId?: string): Promise<TruthsView> {
    return change(workshopId, (s) =>
      roomId === undefined ? logic.everyGame(s, logic.stop) : logic.inRoom(s, roomId, logic.stop),
    );
  }

  return { load, view, publish, change, startGame, stopGame };
}

export type TruthsService = ReturnType<typeof createTruthsService>;

/** Two truths and a lie as a run-sheet step calls it (params: `truthsParamsSchema`). */
export const truthsMechanic = {
  start: (ctx: { deps: Deps }, workshopId: string, params: TruthsParamsInput) =>
    createTruthsService(ctx.deps).startGame(workshopId, params),
  stop: (ctx: { deps: Deps }, workshopId: string) => createTruthsService(ctx.deps).stopGame(workshopId),
};
