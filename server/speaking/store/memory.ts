import { stagePatch } from '../../media/logic.js';
import { MemoryVersioned } from '../../store/memory-versioned.js';
import { type SpeakingRecord, type TurnClaim, turnHolders, turnStageMoves } from '../logic.js';
import type { ApplySpeakingResult, SpeakingStore, TurnStageAccess } from './types.js';

/**
 * Speaking rounds in memory (server/store/memory-versioned.ts). `apply` runs without awaiting, so the
 * version check, the rounds and [SPEAK12]'s stage moves are one step.
 */
export class MemorySpeakingStore extends MemoryVersioned<SpeakingRecord> implements SpeakingStore {
  /** [SPEAK12] Per workshop: the rounds' claims on people's stage. */
  private readonly claims = new Map<string, Map<string, TurnClaim>>();

  constructor(private readonly stage: TurnStageAccess) {
    super();
  }

  override dropWorkshop(workshopId: string) {
    super.dropWorkshop(workshopId);
    this.claims.delete(workshopId);
  }

  async apply(
    workshopId: string,
    expectedVersion: number,
    next: SpeakingRecord,
    deadline: number | null,
  ): Promise<ApplySpeakingResult> {
    const result = this.put(workshopId, expectedVersion, next, deadline);
    if (!result.ok) return result;
    const claims = this.claims.get(workshopId) ?? new Map<string, TurnClaim>();
    const moves = turnStageMoves(
      turnHolders(result.state),
      Object.fromEntries(claims),
      (id) => this.stage.person(workshopId, id),
      (roomId) => this.stage.inStageMode(workshopId, roomId),
    );
    const staged: string[] = [];
    for (const id of moves.forget) claims.delete(id);
    for (const id of moves.revoke) {
      claims.delete(id);
      if (this.stage.setMedia(workshopId, id, stagePatch(false))) staged.push(id);
    }
    for (const id of moves.grant) {
      claims.set(id, 'granted');
      if (this.stage.setMedia(workshopId, id, stagePatch(true))) staged.push(id);
    }
    this.claims.set(workshopId, claims);
    return { ...result, staged };
  }

  async releaseStage(workshopId: string, participantId: string) {
    const claims = this.claims.get(workshopId);
    if (claims?.has(participantId)) claims.set(participantId, 'released');
  }

  async stageGranted(workshopId: string) {
    const claims = [...(this.claims.get(workshopId) ?? [])];
    return claims.flatMap(([id, claim]) => (claim === 'granted' ? [id] : [])).sort();
  }
}
