/**
 * The TruthsStore contract, run against memory and Redis (named test-*.ts so the build leaves it out).
 *
 * TSTORE1 games read back as applied with the version bumped; a stale version is refused with the current state
 * TSTORE2 a guess is recorded only while its vote is open (up to its deadline); a repeat replaces; applying closes it
 * TSTORE3 statements are one entry per author, replaced by a second submission
 * TSTORE4 the next deadline is due once passed and removed with none
 * TSTORE5 hashtags are one entry per person, replaced by a second submission, apart from the statements
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TruthsGame } from '../../../shared/truths/schema.js';
import type { Store } from '../../store/store.js';
import { workshopRecord } from '../../workshops/store/test-contract.js';
import type { TruthsRecord } from '../logic.js';

const game = (over: Partial<TruthsGame> = {}): TruthsGame => ({
  id: 'g1',
  roomId: 'plenary',
  variant: 'statements',
  voteSec: 20,
  phase: 'voting',
  order: ['ana', 'ben'],
  current: 0,
  statements: ['Ich war in Łódź', 'J’ai un chat', 'Ik fiets elke dag'],
  deadline: 5_000,
  reveals: [],
  ...over,
});
const state = (...games: TruthsGame[]): TruthsRecord => ({ version: 0, games });

export function describeTruthsStore(name: string, factory: () => Promise<Store>) {
  describe(`truths store contract: ${name}`, () => {
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

    test('[TSTORE1] games read back as applied; a stale version is refused with the current state', async () => {
      expect(await store.truths.get(workshopId)).toBeNull();
      const applied = await store.truths.apply(workshopId, 0, state(game()), { 'g1:ana': 5_000 }, 5_000);
      expect(applied).toEqual({ ok: true, state: { ...state(game()), version: 1 } });
      expect(await store.truths.get(workshopId)).toEqual({ ...state(game()), version: 1 });
      const stale = await store.truths.apply(workshopId, 0, state(game({ phase: 'ended' })), {}, null);
      expect(stale).toEqual({ ok: false, current: { ...state(game()), version: 1 } });
    });

    test('[TSTORE2] guesses only while the vote is open; a repeat replaces; a new state closes it', async () => {
      expect(await store.truths.recordGuess(workshopId, 'g1:ana', 'cleo', 1, 1_000)).toBe('closed');
      await store.truths.apply(workshopId, 0, state(game()), { 'g1:ana': 5_000 }, 5_000);
      expect(await store.truths.recordGuess(workshopId, 'g1:ana', 'cleo', 1, 1_000)).toBe('recorded');
      expect(await store.truths.recordGuess(workshopId, 'g1:ana', 'cleo', 2, 5_000)).toBe('recorded');
      expect(await store.truths.recordGuess(workshopId, 'g1:ana', 'dan', 0, 5_001)).toBe('closed');
      expect(await store.truths.recordGuess(workshopId, 'g1:ben', 'dan', 0, 1_000)).toBe('closed');
      expect(await store.truths.guesses(workshopId, 'g1:ana')).toEqual(new Map([['cleo', 2]]));
      await store.truths.apply(workshopId, 1, state(game({ phase: 'reveal', deadline: null })), {}, null);
      expect(await store.truths.recordGuess(workshopId, 'g1:ana', 'eve', 0, 1_000)).toBe('closed');
      // Thirty voters at once: every guess lands.
      await store.truths.apply(workshopId, 2, state(game({ current: 1 })), { 'g1:ben': 9_000 }, 9_000);
      const voters = Array.from({ length: 30 }, (_, i) => `v${i}`);
      const outcomes = await Promise.all(
        voters.map((v, i) => store.truths.recordGuess(workshopId, 'g1:ben', v, i % 3, 2_000)),
      );
      expect(outcomes.every((o) => o === 'recorded')).toBe(true);
      expect((await store.truths.guesses(workshopId, 'g1:ben')).size).toBe(30);
    });

    test('[TSTORE3] statements: one entry per author, replaced by a second one', async () => {
      await store.truths.setEntry(workshopId, 'ana', { statements: ['a', 'b', 'c'], lie: 1, at: 1 });
      await store.truths.setEntry(workshopId, 'ben', { statements: ['d', 'e', 'f'], lie: 0, at: 2 });
      await store.truths.setEntry(workshopId, 'ana', { statements: ['x', 'y', 'ż'], lie: 2, at: 3 });
      expect(await store.truths.entries(workshopId)).toEqual(
        new Map([
          ['ana', { statements: ['x', 'y', 'ż'], lie: 2, at: 3 }],
          ['ben', { statements: ['d', 'e', 'f'], lie: 0, at: 2 }],
        ]),
      );
    });

    test('[TSTORE5] hashtags: one entry per person, replaced by a second one, apart from the statements', async () => {
      expect(await store.truths.hashtags(workshopId)).toEqual(new Map());
      await store.truths.setHashtags(workshopId, 'ana', ['#Chor', '#Łódź', '#rower']);
      await store.truths.setHashtags(workshopId, 'ben', ['#a', '#b', '#c']);
      await store.truths.setHashtags(workshopId, 'ana', ['#Tuba', '#Kamen', '#Żurek']);
      expect(await store.truths.hashtags(workshopId)).toEqual(
        new Map([
          ['ana', ['#Tuba', '#Kamen', '#Żurek']],
          ['ben', ['#a', '#b', '#c']],
        ]),
      );
      expect(await store.truths.entries(workshopId)).toEqual(new Map());
    });

    test('[TSTORE4] the deadline is due once passed and removed with none', async () => {
      await store.truths.apply(workshopId, 0, state(game()), { 'g1:ana': 5_000 }, 5_000);
      expect(await store.truths.dueWorkshops(4_999, 1000)).not.toContain(workshopId);
      expect(await store.truths.dueWorkshops(5_000, 1000)).toContain(workshopId);
      await store.truths.apply(workshopId, 1, state(game({ phase: 'reveal', deadline: null })), {}, null);
      expect(await store.truths.dueWorkshops(9_000, 1000)).not.toContain(workshopId);
    });
  });
}
