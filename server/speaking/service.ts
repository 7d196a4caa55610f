import { randomInt } from 'node:crypto';
import { CommandError } from '../../shared/command.js';
import { nextDeadline } from '../../shared/speaking/rules.js';
import { speakingParamsSchema, type SpeakingParamsInput, type SpeakingView } from '../../shared/speaking/schema.js';
import { seededRng } from '../breakouts/random.js';
import { createStage } from '../media/stage.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import * as logic from './logic.js';
import type { SpeakingCtx, SpeakingRecord } from './logic.js';

const ATTEMPTS = 6;

/**
 * The one way speaking rounds change: load a snapshot, compute with pure logic, apply atomically with the
 * snapshot's version; when another command or node changed the rounds in between, compute again on top
 * of theirs. A change that returns the same state saves and sends nothing. The same write moves the
 * word's stage ([SPEAK12]: the speaker on, the one the round put there before off).
 */
export function createSpeakingService(deps: Deps) {
  const { store, io } = deps;
  const stage = createStage(deps);

  /** [SPEAK12] The word's stage moved with the rounds: pages hear it as every stage change (`participant:updated`). */
  async function announceStage(workshopId: string, staged: readonly string[]) {
    for (const id of staged) {
      const p = await store.getParticipant(workshopId, id);
      if (p) stage.broadcast(workshopId, p);
    }
  }

  async function load(workshopId: string): Promise<SpeakingRecord> {
    return (await store.speaking.get(workshopId)) ?? logic.emptySpeaking();
  }

  async function change(
    workshopId: string,
    compute: (state: SpeakingRecord, ctx: SpeakingCtx) => SpeakingRecord,
    seed: number = randomInt(2 ** 31),
  ): Promise<SpeakingRecord> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people] = await Promise.all([load(workshopId), store.listParticipants(workshopId)]);
      const rng = seededRng(seed);
      const ctx: SpeakingCtx = { now: deps.clock(), newId: () => deps.ids.id(10), random: rng.next, people };
      const next = compute(state, ctx);
      if (next === state) return state;
      const result = await store.speaking.apply(workshopId, state.version, next, nextDeadline(next.rounds));
      if (result.ok) {
        io.to(rooms.workshop(workshopId)).emit('speaking:updated', result.state);
        await announceStage(workshopId, result.staged);
        return result.state;
      }
    }
    throw new CommandError('conflict', 'The speaking order was changed by someone else at the same moment');
  }

  /**
   * [SPEAK1] Starts a round in the scope's rooms (the plenary, one breakout room, or every open one).
   * For a run-sheet step as for the moderator's button; params as in shared/speaking/schema.ts.
   */
  async function startRound(workshopId: string, input: SpeakingParamsInput): Promise<SpeakingView> {
    const params = speakingParamsSchema.parse(input);
    const roomIds = logic.resolveScope(params.scope, await store.breakouts.get(workshopId));
    return change(workshopId, (s, ctx) => logic.start(s, params, roomIds, ctx), params.seed);
  }

  /** [SPEAK7] Stops one room's round, or every round of the workshop. */
  async function stopRound(workshopId: string, roomId?: string): Promise<SpeakingView> {
    return change(workshopId, (s, ctx) =>
      roomId === undefined
        ? logic.everyRound(s, (r) => logic.stop(r, ctx))
        : logic.inRoom(s, roomId, (r) => logic.stop(r, ctx)),
    );
  }

  /**
   * [SPEAK12] Stage mode just turned on somewhere: a write of the rounds as they are, so the same atomic
   * step puts whoever has the word there on stage. Nobody has the word: nothing is written.
   */
  async function settleStage(workshopId: string): Promise<SpeakingView> {
    return change(workshopId, (s) => (logic.turnHolders(s).length > 0 ? { ...s } : s));
  }

  return { load, change, startRound, stopRound, settleStage };
}

export type SpeakingService = ReturnType<typeof createSpeakingService>;

/**
 * The speaking order as a run-sheet step calls it: `start(ctx, workshopId, params)` with params typed by
 * `speakingParamsSchema` (validated here too), `stop(ctx, workshopId)` stops every round of the workshop.
 */
export const speakingMechanic = {
  start: (ctx: { deps: Deps }, workshopId: string, params: SpeakingParamsInput) =>
    createSpeakingService(ctx.deps).startRound(workshopId, params),
  stop: (ctx: { deps: Deps }, workshopId: string) => createSpeakingService(ctx.deps).stopRound(workshopId),
};
