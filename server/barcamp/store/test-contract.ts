/**
 * The BarcampStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * BSTORE1 the state reads back as applied (names with accents, every field), with the version bumped by one
 * BSTORE2 a stale version is refused with the current state, and nothing of it is applied
 * BSTORE3 three votes against the same version at once: exactly one lands
 * BSTORE4 a workshop whose lifetime is over takes its barcamp with it
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Barcamp } from '../../../shared/barcamp/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';
import { type BarcampRecord, emptyBarcamp } from '../logic.js';

function barcamp(over: Partial<Barcamp> = {}): Barcamp {
  return {
    id: 'b1',
    phase: 'running',
    rooms: 2,
    slotMin: 30,
    proposals: [
      {
        id: 'p1',
        title: 'Jugendaustausch Łódź–Kamen',
        hostId: 'u1',
        hostName: 'Zoë',
        language: 'pl',
        votes: ['u2', 'u3'],
        notes: 'Nächster Termin: März',
        notesRev: 2,
        roomId: 'r1',
      },
      {
        id: 'p2',
        title: 'Chor',
        hostId: 'u2',
        hostName: 'Gaëlle',
        language: null,
        votes: [],
        notes: '',
        notesRev: 0,
        roomId: null,
      },
    ],
    grid: {
      rooms: 2,
      slots: [
        { id: 's1', label: '' },
        { id: 's2', label: 'Nach der Pause' },
      ],
      cells: [
        ['p1', null],
        ['p2', null],
      ],
    },
    current: 0,
    startedAt: 500,
    endedAt: null,
    ...over,
  };
}

const state = (b: Barcamp | null): BarcampRecord => ({ ...emptyBarcamp(), barcamp: b });

export function describeBarcampStore(name: string, factory: () => Promise<Store>) {
  describe(`barcamp store contract: ${name}`, () => {
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

    test('[BSTORE1] the state reads back as applied, version bumped by one', async () => {
      expect(await store.barcamp.get(workshopId)).toBeNull();
      const first = state(barcamp());
      expect(await store.barcamp.apply(workshopId, 0, first)).toEqual({ ok: true, state: { ...first, version: 1 } });
      expect(await store.barcamp.get(workshopId)).toEqual({ ...first, version: 1 });
      const ended = state(barcamp({ phase: 'ended', current: null, endedAt: 2_000, grid: null }));
      const second = await store.barcamp.apply(workshopId, 1, ended);
      expect(second.ok && second.state.version).toBe(2);
      expect(await store.barcamp.get(workshopId)).toEqual({ ...ended, version: 2 });
    });

    test('[BSTORE2] a stale version is refused with the current state, nothing applied', async () => {
      await store.barcamp.apply(workshopId, 0, state(barcamp()));
      const stale = await store.barcamp.apply(workshopId, 0, state(barcamp({ proposals: [] })));
      expect(stale).toEqual({ ok: false, current: { ...state(barcamp()), version: 1 } });
      expect((await store.barcamp.get(workshopId))?.barcamp?.proposals[0]?.title).toBe('Jugendaustausch Łódź–Kamen');
    });

    test('[BSTORE3] three votes against the same version at once: exactly one lands', async () => {
      await store.barcamp.apply(workshopId, 0, state(barcamp()));
      const results = await Promise.all(
        ['a', 'b', 'c'].map((id) => {
          const b = barcamp();
          b.proposals[1]!.votes.push(id);
          return store.barcamp.apply(workshopId, 1, state(b));
        }),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const stored = await store.barcamp.get(workshopId);
      expect(stored).toEqual(winners[0]!.ok && winners[0]!.state);
      expect(stored?.barcamp?.proposals[1]?.votes).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, current: stored });
    });

    test('[BSTORE4] an expired workshop takes its barcamp with it', async () => {
      const w = workshopRecord();
      await store.createWorkshop(w);
      await store.barcamp.apply(w.id, 0, state(barcamp()));
      await store.setWorkshopExpiry(w, 1);
      expect(await store.expireWorkshops(2, 100)).toContain(w.id);
      expect(await store.barcamp.get(w.id)).toBeNull();
    });
  });
}
