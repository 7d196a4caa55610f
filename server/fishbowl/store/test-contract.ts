/**
 * The FishbowlStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * FSTORE1 the state reads back as applied (names with accents, every field), with the version bumped by one
 * FSTORE2 a stale version is refused with the current state, and nothing of it is applied
 * FSTORE3 two people applying against the same version at once (the last free seat): exactly one wins
 * FSTORE4 a workshop whose lifetime is over takes its fishbowl with it
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Fishbowl } from '../../../shared/fishbowl/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';
import { emptyFishbowl, type FishbowlRecord } from '../logic.js';

function fishbowl(over: Partial<Fishbowl> = {}): Fishbowl {
  return {
    id: 'fb1',
    roomId: 'plenary',
    phase: 'open',
    seats: [
      { id: 'p1', name: 'Zoë', town: 'Łódź', since: 1_000, permanent: false },
      null,
      { id: 'm1', name: 'Müller', town: 'Kamen', since: 900, permanent: true },
    ],
    queue: [{ id: 'p2', name: 'Gaëlle', town: 'Ville-sur-Mer', since: 1_200 }],
    startedAt: 500,
    endedAt: null,
    stageWasOn: false,
    ...over,
  };
}

const state = (f: Fishbowl | null): FishbowlRecord => ({ ...emptyFishbowl(), fishbowl: f });

export function describeFishbowlStore(name: string, factory: () => Promise<Store>) {
  describe(`fishbowl store contract: ${name}`, () => {
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

    test('[FSTORE1] the state reads back as applied, version bumped by one', async () => {
      expect(await store.fishbowl.get(workshopId)).toBeNull();
      const first = state(fishbowl());
      expect(await store.fishbowl.apply(workshopId, 0, first)).toEqual({ ok: true, state: { ...first, version: 1 } });
      expect(await store.fishbowl.get(workshopId)).toEqual({ ...first, version: 1 });
      const ended = state(fishbowl({ phase: 'ended', seats: [null, null, null], queue: [], endedAt: 2_000 }));
      const second = await store.fishbowl.apply(workshopId, 1, ended);
      expect(second.ok && second.state.version).toBe(2);
      expect(await store.fishbowl.get(workshopId)).toEqual({ ...ended, version: 2 });
    });

    test('[FSTORE2] a stale version is refused with the current state, nothing applied', async () => {
      await store.fishbowl.apply(workshopId, 0, state(fishbowl()));
      const stale = await store.fishbowl.apply(workshopId, 0, state(fishbowl({ seats: [null, null, null] })));
      expect(stale).toEqual({ ok: false, current: { ...state(fishbowl()), version: 1 } });
      expect((await store.fishbowl.get(workshopId))?.fishbowl?.seats[0]?.name).toBe('Zoë');
    });

    test('[FSTORE3] two taking the last seat against the same version at once: exactly one wins', async () => {
      await store.fishbowl.apply(workshopId, 0, state(fishbowl({ queue: [] })));
      const results = await Promise.all(
        ['a', 'b', 'c'].map((id) => {
          const f = fishbowl({ queue: [] });
          f.seats[1] = { id, name: id, town: 'Lyon', since: 2_000, permanent: false };
          return store.fishbowl.apply(workshopId, 1, state(f));
        }),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const stored = await store.fishbowl.get(workshopId);
      expect(stored).toEqual(winners[0]!.ok && winners[0]!.state);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, current: stored });
    });

    test('[FSTORE4] an expired workshop takes its fishbowl with it', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      await store.fishbowl.apply(w.id, 0, state(fishbowl()));
      await store.setWorkshopExpiry(w, 1);
      expect(await store.expireWorkshops(2, 100)).toContain(w.id);
      expect(await store.fishbowl.get(w.id)).toBeNull();
    });
  });
}
