import { stagePatch } from '../../media/logic.js';
import { MemoryVersioned } from '../../store/memory-versioned.js';
import { type SpeakingRecord, turnHolders, turnStageMoves } from '../logic.js';
import type { ApplySpeakingResult, SpeakingStore, TurnStageAccess } from './types.js';

/**
 * Speaking rounds in memory (server/store/memory-versioned.ts). `apply` runs without awaiting, so the
 * version check, the rounds and [SPEAK10]'s stage moves are one step.
 */
export class MemorySpeakingStore extends MemoryVersioned<SpeakingRecord> implements SpeakingStore {
  /** [SPEAK10] Per workshop: who the rounds put on stage. */
  private readonly granted = new Map<string, Set<string>>();

  constructor(private readonly stage: TurnStageAccess) {
    super();
  }

  override dropWorkshop(workshopId: string) {
    super.dropWorkshop(workshopId);
    this.granted.delete(workshopId);
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: SpeakingRecord,
    deadline: number | null,
  ): Promise<ApplySpeakingResult> {
    const result = this.put(workshopId, expectedVersion, next, deadline);
    if (!result.ok) return result;
    const granted = this.granted.get(workshopId) ?? new Set<string>();
    const moves = turnStageMoves(
      turnHolders(result.state),
      [...granted],
      (id) => this.stage.person(workshopId, id),
      (roomId) => this.stage.inStageMode(workshopId, roomId),
    );
    const staged: string[] = [];
    for (const id of moves.revoke) {
      granted.delete(id);
      if (this.stage.setMedia(workshopId, id, stagePatch(false))) staged.push(id);
    }
    for (const id of moves.grant) {
      granted.add(id);
      if (this.stage.setMedia(workshopId, id, stagePatch(true))) staged.push(id);
    }
    this.granted.set(workshopId, granted);
    return { ...result, staged };
  }

  async stageGranted(workshopId: string) {
    return [...(this.granted.get(workshopId) ?? [])].sort();
  }
}
