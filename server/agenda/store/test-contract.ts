/**
 * The AgendaStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * AGS1 the run sheet reads back as applied, with the version bumped by one; nothing stored reads as null
 * AGS2 a stale version is refused with the current state, and nothing of it is applied
 * AGS3 two moderators pressing Next against the same version: exactly one wins
 * AGS4 the template sheet reads back as saved (text in every alphabet), the last save wins
 * AGS5 each workshop has its own agenda and sheet
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AgendaView, Sheet } from '../../../shared/agenda/schema.js';
import type { Store } from '../../store/store.js';
import { emptyAgenda } from '../logic.js';

const uid = () => randomBytes(6).toString('hex');

function agenda(overrides: Partial<AgendaView> = {}): AgendaView {
  return {
    ...emptyAgenda(),
    steps: [
      {
        id: 's1',
        format: 'cards',
        durationMin: 20,
        params: { kind: 'cards', question: 'Was tun? « Łódź » ✓', cardLimit: 3, hidden: true, anonymous: false },
      },
      {
        id: 's2',
        format: 'dots',
        durationMin: 7,
        params: { kind: 'dots', question: 'Priorités', budget: 3, perCard: 2 },
      },
    ],
    ...overrides,
  };
}

export function describeAgendaStore(name: string, factory: () => Promise<Store>) {
  describe(`agenda store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    test('[AGS1] the run sheet reads back as applied, with the version bumped', async () => {
      const w = uid();
      expect(await store.agenda.get(w)).toBeNull();
      const r = await store.agenda.apply(w, 0, agenda());
      expect(r.ok && r.state.version).toBe(1);
      const back = await store.agenda.get(w);
      expect(back).toEqual({ ...agenda(), version: 1 });
      const current = { stepId: 's1', startedAt: 5, deadline: 1_200_005, ref: { pollId: 'p1' }, problem: null };
      const r2 = await store.agenda.apply(w, 1, { ...back!, current, startedAt: 5, plannedMin: 27 });
      expect(r2.ok).toBe(true);
      expect(await store.agenda.get(w)).toMatchObject({ version: 2, current, plannedMin: 27 });
    });

    test('[AGS2] a stale version is refused with the current state', async () => {
      const w = uid();
      await store.agenda.apply(w, 0, agenda());
      const stale = await store.agenda.apply(w, 0, agenda({ steps: [] }));
      expect(stale).toEqual({ ok: false, current: { ...agenda(), version: 1 } });
      expect((await store.agenda.get(w))?.steps).toHaveLength(2);
      expect(await store.agenda.apply(uid(), 3, agenda())).toEqual({ ok: false, current: null });
    });

    test('[AGS3] two writes against the same version: exactly one wins', async () => {
      const w = uid();
      await store.agenda.apply(w, 0, agenda());
      const results = await Promise.all(
        ['s1', 's2'].map((stepId) =>
          store.agenda.apply(w, 1, agenda({ current: { stepId, startedAt: 1, deadline: 2, ref: {}, problem: null } })),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = results.find((r) => r.ok)!;
      expect((await store.agenda.get(w))?.current?.stepId).toBe(winner.ok && winner.state.current?.stepId);
    });

    test('[AGS4] the template sheet reads back as saved; the last save wins', async () => {
      const w = uid();
      expect(await store.agenda.getSheet(w)).toBeNull();
      const sheet: Sheet = {
        title: 'Jugendaustausch Łódź – Lyon ✓',
        category: 'project',
        towns: [
          { town: 'Łódź', country: 'PL' },
          { town: 'Lyon', country: 'FR', contact: 'mairie@example.org' },
        ],
        languages: ['de', 'pl', 'fr'],
        interpretation: 'consecutive',
        privacy: { photoConsent: true },
      };
      await store.agenda.saveSheet(w, sheet);
      expect(await store.agenda.getSheet(w)).toEqual(sheet);
      await store.agenda.saveSheet(w, { title: 'Neu' });
      expect(await store.agenda.getSheet(w)).toEqual({ title: 'Neu' });
      // The sheet and the run sheet live side by side.
      await store.agenda.apply(w, 0, agenda());
      expect(await store.agenda.getSheet(w)).toEqual({ title: 'Neu' });
    });

    test('[AGS5] each workshop has its own agenda and sheet', async () => {
      const [a, b] = [uid(), uid()];
      await store.agenda.apply(a, 0, agenda());
      await store.agenda.saveSheet(a, { title: 'A' });
      expect(await store.agenda.get(b)).toBeNull();
      expect(await store.agenda.getSheet(b)).toBeNull();
    });
  });
}
