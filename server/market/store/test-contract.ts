/**
 * The MarketStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * MSTORE1 the state reads back as applied (names with accents, every field), with the version bumped by one
 * MSTORE2 a stale version is refused with the current state, and nothing of it is applied
 * MSTORE3 two people signing up for the last place against the same version at once: exactly one wins
 * MSTORE4 a workshop whose lifetime is over takes its market with it
 * MSTORE5 a filed pitch deadline is due once passed, earliest first; a write without one takes it off
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Market } from '../../../shared/market/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';
import { emptyMarket, type MarketRecord } from '../logic.js';

function market(over: Partial<Market> = {}): Market {
  return {
    id: 'm1',
    phase: 'open',
    stalls: [
      {
        id: 's1',
        roomId: 'r1',
        title: 'Jugendaustausch Łódź–Kamen',
        ownerId: 'p1',
        ownerName: 'Zoë',
        capacity: 3,
        signups: [
          { participantId: 'p2', name: 'Gaëlle', town: 'Ville-sur-Mer', offer: 'Bus & Übernachtung', at: 1_200 },
        ],
        notes: 'Nächster Termin: März',
        contactId: 'p1',
        contactName: 'Zoë',
      },
      {
        id: 's2',
        roomId: null,
        title: 'Chor',
        ownerId: null,
        ownerName: '',
        capacity: null,
        signups: [],
        notes: '',
        contactId: null,
        contactName: '',
      },
    ],
    pitchSec: 120,
    pitch: null,
    startedAt: 500,
    endedAt: null,
    ...over,
  };
}

const state = (m: Market | null): MarketRecord => ({ ...emptyMarket(), market: m });

export function describeMarketStore(name: string, factory: () => Promise<Store>) {
  describe(`market store contract: ${name}`, () => {
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

    test('[MSTORE1] the state reads back as applied, version bumped by one', async () => {
      expect(await store.market.get(workshopId)).toBeNull();
      const first = state(market({ phase: 'pitch', pitch: { index: 1, startedAt: 600, deadline: 720_600 } }));
      expect(await store.market.apply(workshopId, 0, first, null)).toEqual({
        ok: true,
        state: { ...first, version: 1 },
      });
      expect(await store.market.get(workshopId)).toEqual({ ...first, version: 1 });
      const ended = state(market({ phase: 'ended', endedAt: 2_000 }));
      const second = await store.market.apply(workshopId, 1, ended, null);
      expect(second.ok && second.state.version).toBe(2);
      expect(await store.market.get(workshopId)).toEqual({ ...ended, version: 2 });
    });

    test('[MSTORE2] a stale version is refused with the current state, nothing applied', async () => {
      await store.market.apply(workshopId, 0, state(market()), null);
      const stale = await store.market.apply(workshopId, 0, state(market({ stalls: [] })), null);
      expect(stale).toEqual({ ok: false, current: { ...state(market()), version: 1 } });
      expect((await store.market.get(workshopId))?.market?.stalls[0]?.title).toBe('Jugendaustausch Łódź–Kamen');
    });

    test('[MSTORE3] three signing up for the last place against the same version at once: exactly one wins', async () => {
      await store.market.apply(workshopId, 0, state(market()), null);
      const results = await Promise.all(
        ['a', 'b', 'c'].map((id) => {
          const m = market();
          m.stalls[0]!.signups.push({ participantId: id, name: id, town: 'Lyon', offer: '', at: 2_000 });
          return store.market.apply(workshopId, 1, state(m), null);
        }),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const stored = await store.market.get(workshopId);
      expect(stored).toEqual(winners[0]!.ok && winners[0]!.state);
      expect(stored?.market?.stalls[0]?.signups).toHaveLength(2);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, current: stored });
    });

    test('[MSTORE5] pitch deadlines: due once passed, earliest first; a write without a deadline takes it off', async () => {
      const other = workshopRecord();
      await store.createWorkshop(other);
      await store.market.apply(workshopId, 0, state(market({ phase: 'pitch' })), 5_000);
      await store.market.apply(other.id, 0, state(market({ phase: 'pitch' })), 3_000);
      expect(await store.market.dueWorkshops(2_999, 10)).toEqual([]);
      expect(await store.market.dueWorkshops(5_000, 10)).toEqual([other.id, workshopId]);
      expect(await store.market.dueWorkshops(5_000, 1)).toEqual([other.id]);
      // A stale write files nothing.
      await store.market.apply(other.id, 0, state(market()), null);
      expect(await store.market.dueWorkshops(5_000, 10)).toEqual([other.id, workshopId]);
      await store.market.apply(other.id, 1, state(market()), null);
      await store.market.apply(workshopId, 1, state(market({ phase: 'pitch' })), 9_000);
      expect(await store.market.dueWorkshops(8_999, 10)).toEqual([]);
      expect(await store.market.dueWorkshops(9_000, 10)).toEqual([workshopId]);
    });

    test('[MSTORE4] an expired workshop takes its market with it', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      await store.market.apply(w.id, 0, state(market({ phase: 'pitch' })), 1_000);
      await store.setWorkshopExpiry(w, 1);
      expect(await store.expireWorkshops(2, 100)).toContain(w.id);
      expect(await store.market.get(w.id)).toBeNull();
      expect(await store.market.dueWorkshops(10_000, 10)).not.toContain(w.id);
    });
  });
}
