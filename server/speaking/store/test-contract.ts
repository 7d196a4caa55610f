/**
 * The SpeakingStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * SSTORE1 the state reads back as applied (names with accents, every field), with the version bumped by one
 * SSTORE2 a stale version is refused with the current state, and nothing of it is applied
 * SSTORE3 a filed deadline is due once passed, earliest first, at most `limit`; none removes it
 * SSTORE4 two moderators applying against the same version at once: exactly one wins
 * SSTORE5 a workshop whose lifetime is over takes its rounds and its deadline with it
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SpeakingRound } from '../../../shared/speaking/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';
import { emptySpeaking, type SpeakingRecord } from '../logic.js';

function round(over: Partial<SpeakingRound> = {}): SpeakingRound {
  return {
    id: 'round1',
    roomId: 'plenary',
    question: 'Comment ça va ? Jak się macie?',
    thinkSec: 60,
    perSpeakerSec: 45,
    order: 'towns',
    autoAdvance: true,
    phase: 'speaking',
    startedAt: 1_000,
    thinkEndsAt: 61_000,
    turnStartedAt: 61_000,
    deadline: 106_000,
    endedAt: null,
    speakers: [
      { id: 'p1', name: 'Zoë', town: 'Łódź', kind: 'person', headcount: 1, media: true, status: 'spoke', passed: true },
      {
        id: 'p2',
        name: 'Rathaus',
        town: 'Kamen',
        kind: 'group',
        headcount: 6,
        media: false,
        status: 'speaking',
        passed: false,
      },
    ],
    current: 1,
    ...over,
  };
}

const state = (...rounds: SpeakingRound[]): SpeakingRecord => ({ ...emptySpeaking(), rounds });

export function describeSpeakingStore(name: string, factory: () => Promise<Store>) {
  describe(`speaking store contract: ${name}`, () => {
    let store: Store;
    let workshopId: string;
    beforeEach(async () => {
      store = await factory();
      const w = workshopRecord();
      await store.createWorkshop(w);
      workshopId = w.id;
    });
    afterEach(async () => {
      await store.close();
    });

    test('[SSTORE1] the state reads back as applied, version bumped by one', async () => {
      expect(await store.speaking.get(workshopId)).toBeNull();
      const first = state(round(), round({ id: 'round2', roomId: 'r1', phase: 'think', current: -1 }));
      const applied = await store.speaking.apply(workshopId, 0, first, 106_000);
      expect(applied).toEqual({ ok: true, state: { ...first, version: 1 } });
      expect(await store.speaking.get(workshopId)).toEqual({ ...first, version: 1 });
      const second = await store.speaking.apply(workshopId, 1, state(round({ phase: 'ended' })), null);
      expect(second.ok && second.state.version).toBe(2);
      expect((await store.speaking.get(workshopId))?.rounds.map((r) => r.phase)).toEqual(['ended']);
    });

    test('[SSTORE2] a stale version is refused with the current state, nothing applied', async () => {
      await store.speaking.apply(workshopId, 0, state(round()), 106_000);
      const stale = await store.speaking.apply(workshopId, 0, state(round({ question: 'Overwritten?' })), 1);
      expect(stale).toEqual({ ok: false, current: { ...state(round()), version: 1 } });
      expect((await store.speaking.get(workshopId))?.rounds[0]?.question).toBe(round().question);
      expect(await store.speaking.dueWorkshops(50_000, 10)).not.toContain(workshopId);
    });

    test('[SSTORE3] deadlines: due once passed, earliest first, limited; none removes it', async () => {
      const other = workshopRecord();
      await store.createWorkshop(other);
      await store.speaking.apply(workshopId, 0, state(round()), 5_000);
      await store.speaking.apply(other.id, 0, state(round()), 4_000);
      const mine = (ids: string[]) => ids.filter((id) => id === workshopId || id === other.id);
      expect(mine(await store.speaking.dueWorkshops(3_999, 100))).toEqual([]);
      expect(mine(await store.speaking.dueWorkshops(4_000, 100))).toEqual([other.id]);
      expect(mine(await store.speaking.dueWorkshops(5_000, 100))).toEqual([other.id, workshopId]);
      await store.speaking.apply(other.id, 1, state(round({ phase: 'ended' })), null);
      expect(mine(await store.speaking.dueWorkshops(10_000, 100))).toEqual([workshopId]);
      await store.speaking.apply(workshopId, 1, state(round()), 8_000);
      expect(mine(await store.speaking.dueWorkshops(7_000, 100))).toEqual([]);
      expect((await store.speaking.dueWorkshops(Number.MAX_SAFE_INTEGER, 1)).length).toBe(1);
    });

    test('[SSTORE4] two applying against the same version at once: exactly one wins', async () => {
      const results = await Promise.all(
        ['Erste?', 'Zweite?', 'Trzecia?'].map((q) =>
          store.speaking.apply(workshopId, 0, state(round({ question: q })), null),
        ),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const stored = await store.speaking.get(workshopId);
      expect(stored).toEqual(winners[0]!.ok && winners[0]!.state);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, current: stored });
    });

    test('[SSTORE5] an expired workshop takes its rounds and deadline with it', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      await store.speaking.apply(w.id, 0, state(round()), 5_000);
      await store.setWorkshopExpiry(w, 1);
      expect(await store.expireWorkshops(2, 100)).toContain(w.id);
      expect(await store.speaking.get(w.id)).toBeNull();
      expect(await store.speaking.dueWorkshops(10_000, 1000)).not.toContain(w.id);
    });
  });
}
