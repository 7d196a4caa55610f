/**
 * The SpeakingStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * SSTORE1 the state reads back as applied (names with accents, every field), with the version bumped by one
 * SSTORE2 a stale version is refused with the current state, and nothing of it is applied
 * SSTORE3 a filed deadline is due once passed, earliest first, at most `limit`; none removes it
 * SSTORE4 two moderators applying against the same version at once: exactly one wins
 * SSTORE5 a workshop whose lifetime is over takes its rounds and its deadline with it
 * SSTORE6 [SPEAK12] the write puts whoever has the word in a stage room on stage and takes whom it put there
 *         off (muted) when the word moves on; never someone on stage before, a moderator, without media,
 *         in another room, or outside stage mode
 * SSTORE7 [SPEAK12] a stale write moves no stage; moves racing on one version: exactly one speaker on stage
 * SSTORE8 [SPEAK12] someone released (their stage set by hand during the turn) is not taken off after it
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SpeakingRound } from '../../../shared/speaking/schema.js';
import type { Store } from '../../store/store.js';
import type { ParticipantRecord } from '../../workshops/store/types.js';
import { participantRecord, workshopRecord } from '../../workshops/store/test-contract.js';
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
      expect(applied).toEqual({ ok: true, state: { ...first, version: 1 }, staged: [] });
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

    async function people(...overrides: Partial<ParticipantRecord>[]) {
      const list = overrides.map((o) => participantRecord({ micOn: false, presence: 'online', ...o }));
      for (const p of list) await store.addParticipant(workshopId, p, { bypassLock: true });
      return list.map((p) => p.id);
    }
    /** A plenary round whose current speaker is `ids[current]` (-1: ended). */
    const turn = (ids: string[], current: number, roomId = 'plenary') =>
      state(
        round({
          roomId,
          phase: current < 0 ? 'ended' : 'speaking',
          current,
          speakers: ids.map((id, i) => ({
            ...round().speakers[0]!,
            id,
            status: i === current ? ('speaking' as const) : i < current ? ('spoke' as const) : ('waiting' as const),
          })),
        }),
      );
    const flags = async (id: string) => {
      const p = await store.getParticipant(workshopId, id);
      return { onStage: p?.onStage, micOn: p?.micOn };
    };

    test('[SSTORE6][SPEAK12] the word goes on stage with the turn and off (muted) after it, atomically with the rounds', async () => {
      const [a, b, invited, mod, phone] = await people(
        {},
        {},
        { onStage: true, micOn: true },
        { role: 'moderator', micOn: true },
        { media: false },
      );
      const all = [a!, b!, invited!, mod!, phone!];
      await store.setStage(workshopId, 'plenary', true);
      const seq0 = await store.participantsSeq(workshopId);
      const first = await store.speaking.apply(workshopId, 0, turn(all, 0), null);
      expect(first.ok && first.staged).toEqual([a]);
      expect(await flags(a!)).toEqual({ onStage: true, micOn: false });
      expect(await store.participantsSeq(workshopId)).toBeGreaterThan(seq0);
      // The speaker may now unmute through stage mode's own guard.
      expect(await store.updateMedia(workshopId, a!, { micOn: true }, { guardStage: true })).toMatchObject({
        micOn: true,
      });
      const second = await store.speaking.apply(workshopId, 1, turn(all, 1), null);
      expect(second.ok && [...second.staged].sort()).toEqual([a, b].sort());
      expect(await flags(a!)).toEqual({ onStage: false, micOn: false });
      expect(await store.updateMedia(workshopId, a!, { micOn: true }, { guardStage: true })).toBe('stage');
      expect(await store.speaking.stageGranted(workshopId)).toEqual([b]);
      // Invited before, a moderator, without media: nothing changes, during their turn or after it.
      for (const [v, current] of [
        [2, 2],
        [3, 3],
        [4, 4],
        [5, -1],
      ] as const) {
        const r = await store.speaking.apply(workshopId, v, turn(all, current), null);
        expect(r.ok && r.staged).toEqual(v === 2 ? [b] : []);
      }
      expect(await flags(invited!)).toEqual({ onStage: true, micOn: true });
      expect(await flags(mod!)).toEqual({ onStage: false, micOn: true });
      expect(await flags(phone!)).toEqual({ onStage: false, micOn: false });
      expect(await store.speaking.stageGranted(workshopId)).toEqual([]);
    });

    test('[SSTORE6][SPEAK12] outside stage mode or in another room the word changes no stage', async () => {
      const [a, elsewhere] = await people({}, { roomId: 'r1' });
      const none = await store.speaking.apply(workshopId, 0, turn([a!], 0), null);
      expect(none.ok && none.staged).toEqual([]);
      await store.setStage(workshopId, 'plenary', true);
      const moved = await store.speaking.apply(workshopId, 1, turn([elsewhere!], 0), null);
      expect(moved.ok && moved.staged).toEqual([]);
      expect(await flags(elsewhere!)).toEqual({ onStage: false, micOn: false });
    });

    test('[SSTORE8][SPEAK12] released during the turn: never put back by the round, left as set after it', async () => {
      const [a, b, c] = await people({}, {}, {});
      await store.setStage(workshopId, 'plenary', true);
      await store.speaking.apply(workshopId, 0, turn([a!, b!, c!], 0), null);
      // The moderator withdraws Ana in the middle of her turn; the next change of the round leaves her off.
      await store.speaking.releaseStage(workshopId, a!);
      await store.updateMedia(workshopId, a!, { onStage: false, micOn: false });
      expect(await store.speaking.stageGranted(workshopId)).toEqual([]);
      const same = await store.speaking.apply(workshopId, 1, turn([a!, b!, c!], 0), null);
      expect(same.ok && same.staged).toEqual([]);
      expect(await flags(a!)).toEqual({ onStage: false, micOn: false });
      // Ben is invited by hand during his turn: he stays on stage after it.
      await store.speaking.apply(workshopId, 2, turn([a!, b!, c!], 1), null);
      await store.speaking.releaseStage(workshopId, b!);
      const moved = await store.speaking.apply(workshopId, 3, turn([a!, b!, c!], 2), null);
      expect(moved.ok && moved.staged).toEqual([c]);
      expect(await flags(b!)).toEqual({ onStage: true, micOn: false });
      // Released someone the rounds hold no claim on: nothing (their next turn puts them on stage as usual).
      await store.speaking.releaseStage(workshopId, a!);
      const back = await store.speaking.apply(workshopId, 4, turn([a!, b!, c!], 0), null);
      expect(back.ok && [...back.staged].sort()).toEqual([a, c].sort());
      expect(await store.speaking.stageGranted(workshopId)).toEqual([a]);
    });

    test('[SSTORE7][SPEAK12] a stale write moves no stage; racing moves leave exactly one speaker on stage', async () => {
      const ids = await people({}, {}, {}, {});
      await store.setStage(workshopId, 'plenary', true);
      await store.speaking.apply(workshopId, 0, turn(ids, 0), null);
      expect((await store.speaking.apply(workshopId, 0, turn(ids, 1), null)).ok).toBe(false);
      expect(await flags(ids[1]!)).toEqual({ onStage: false, micOn: false });
      const results = await Promise.all([1, 2, 3].map((i) => store.speaking.apply(workshopId, 1, turn(ids, i), null)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const onStage = [];
      for (const id of ids) if ((await flags(id)).onStage) onStage.push(id);
      const winner = ids[1 + results.findIndex((r) => r.ok)];
      expect(onStage).toEqual([winner]);
      expect(await store.speaking.stageGranted(workshopId)).toEqual([winner]);
    });
  });
}
