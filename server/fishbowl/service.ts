import { CommandError } from '../../shared/command.js';
import { fishbowlParamsSchema, type FishbowlParamsInput, type FishbowlView } from '../../shared/fishbowl/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import { createStage } from '../media/stage.js';
import { rooms } from '../realtime/rooms.js';
import type { Deps } from '../realtime/types.js';
import * as logic from './logic.js';
import type { FishbowlCtx, FishbowlRecord } from './logic.js';

const ATTEMPTS = 6;

/**
 * The one way the fishbowl changes: load a snapshot, compute with pure logic, apply atomically with the
 * snapshot's version; when another command or node changed it in between, compute again on top of
 * theirs (the last free seat taken meanwhile: `conflict`). Then whoever sat down goes on stage and
 * whoever left goes off it, through stage mode's own code (server/media/stage.ts).
 */
export function createFishbowlService(deps: Deps) {
  const { store, io } = deps;
  const stage = createStage(deps);

  async function load(workshopId: string): Promise<FishbowlRecord> {
    return (await store.fishbowl.get(workshopId)) ?? logic.emptyFishbowl();
  }

  async function change(
    workshopId: string,
    compute: (state: FishbowlRecord, ctx: FishbowlCtx) => FishbowlRecord,
  ): Promise<{ before: FishbowlRecord; after: FishbowlRecord }> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [state, people] = await Promise.all([load(workshopId), store.listParticipants(workshopId)]);
      const ctx: FishbowlCtx = { now: deps.clock(), newId: () => deps.ids.id(10), people };
      const next = compute(state, ctx);
      if (next === state) return { before: state, after: state };
      const result = await store.fishbowl.apply(workshopId, state.version, next);
      if (!result.ok) continue;
      io.to(rooms.workshop(workshopId)).emit('fishbowl:updated', result.state);
      await moveOnStage(workshopId, logic.seatChanges(state, result.state));
      return { before: state, after: result.state };
    }
    throw new CommandError('conflict', 'The fishbowl was changed by someone else at the same moment');
  }

  /** [FISH2][FISH4] Seats are stage places: on stage when sitting down, off (muted) when leaving. */
  async function moveOnStage(workshopId: string, seats: { sat: string[]; left: string[] }) {
    const moves = [...seats.left.map((id) => [id, false] as const), ...seats.sat.map((id) => [id, true] as const)];
    for (const [id, onStage] of moves) {
      // The seats are saved: someone removed since (no stage to go on or off) must not fail the command.
      await stage.invite(workshopId, id, onStage).catch((err) => {
        if (!(err instanceof CommandError)) throw err;
        deps.log.info('fishbowl seat without stage change', { workshop: workshopId, participant: id, onStage });
      });
    }
  }

  /** [FISH1] Starts a fishbowl in the plenary and turns stage mode on there. */
  async function start(workshopId: string, input: FishbowlParamsInput): Promise<FishbowlView> {
    const params = fishbowlParamsSchema.parse(input);
    const stageWasOn = (await store.stageRooms(workshopId)).includes(PLENARY);
    const { after } = await change(workshopId, (s, ctx) => logic.start(s, params, stageWasOn, ctx));
    await stage.setStage(workshopId, PLENARY, true);
    return after;
  }

  /** [FISH7] Everyone back to the audience; stage mode off unless it was on before. Already off: nothing. */
  async function stop(workshopId: string): Promise<FishbowlView> {
    const { before, after } = await change(workshopId, (s, ctx) => logic.stop(s, ctx));
    if (before !== after && !after.fishbowl?.stageWasOn) await stage.setStage(workshopId, PLENARY, false);
    return after;
  }

  const run = async (workshopId: string, compute: (s: FishbowlRecord, c: FishbowlCtx) => FishbowlRecord) =>
    (await change(workshopId, compute)).after;

  return { load, run, start, stop };
}

export type FishbowlService = ReturnType<typeof createFishbowlService>;
