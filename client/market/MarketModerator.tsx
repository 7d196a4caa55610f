import { useSignal } from '@preact/signals';
import { csvFile, type CsvCell } from '../../shared/csv.js';
import { MARKET_LIMITS as L } from '../../shared/market/constants.js';
import type { Market } from '../../shared/market/schema.js';
import { download } from '../boards/export.js';
import { t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { clampInt, NumberField } from '../ui/FormFields.js';
import type { MarketState } from './state.js';

/** Every stall's sign-ups and next steps as one CSV file (shared/csv.ts): a row per sign-up, one for the notes. */
export function marketCsv(m: Market): string {
  const rows: CsvCell[][] = [
    [
      t('market.col.stall'),
      t('market.col.name'),
      t('market.col.town'),
      t('market.col.offer'),
      t('market.col.contact'),
      t('market.notes'),
    ],
  ];
  for (const s of m.stalls) {
    for (const x of s.signups) rows.push([s.title, x.name, x.town, x.offer, '', '']);
    rows.push([s.title, '', '', '', s.contactName, s.notes]);
  }
  return csvFile(rows);
}

/** The moderator's part of a running market (its own chunk): stalls, pitches, opening, the CSV, End. */
export function MarketControls({ market: mk }: { market: MarketState }) {
  const m = mk.market.value;
  const minutes = useSignal('20');
  if (!m) return null;
  const pitching = m.phase === 'pitch';
  return (
    <div class="market__controls" data-testid="market-controls">
      {m.phase === 'setup' && <AddStall mk={mk} />}
      {m.phase === 'setup' && m.stalls.length > 0 && (
        <ul class="market__removable">
          {m.stalls.map((s) => (
            <li key={s.id}>
              {s.title}{' '}
              <button type="button" class="btn btn--small" onClick={() => void mk.actions.remove(s.id)}>
                {t('market.remove')}
                <span class="visually-hidden">: {s.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="market__buttons">
        {m.phase !== 'open' && m.stalls.length > 0 && (
          <button type="button" class="btn" data-testid="market-pitch" onClick={() => void mk.actions.pitch()}>
            {pitching ? t('market.nextPitch') : t('market.pitch')}
          </button>
        )}
        {m.phase !== 'open' && m.stalls.length > 0 && (
          <form
            class="market__open"
            onSubmit={(e) => {
              e.preventDefault();
              void mk.actions.open(clampInt(minutes.value, 1, 240, 20));
            }}
          >
            <NumberField id="market-minutes" label="market.minutes" min={1} max={240} value={minutes} />
            <button type="submit" class="btn btn--primary" data-testid="market-open">
              {t('market.open')}
            </button>
          </form>
        )}
        <button
          type="button"
          class="btn"
          data-testid="market-csv"
          onClick={() => download('idea-market.csv', marketCsv(m), 'text/csv;charset=utf-8')}
        >
          {t('market.csv')}
        </button>
        <button type="button" class="btn btn--danger" data-testid="market-stop" onClick={() => void mk.actions.stop()}>
          {t('market.stop')}
        </button>
      </div>
    </div>
  );
}

function AddStall({ mk }: { mk: MarketState }) {
  const { workshop } = useSession();
  const title = useSignal('');
  const owner = useSignal('');
  const capacity = useSignal('');
  return (
    <form
      class="market__add"
      data-testid="market-add"
      onSubmit={async (e) => {
        e.preventDefault();
        const cap = Math.round(Number(capacity.value));
        const ok = await mk.actions.add(
          title.value,
          owner.value || null,
          capacity.value.trim() && cap >= 1 ? Math.min(L.capacityMax, cap) : null,
        );
        if (ok) title.value = '';
      }}
    >
      <div class="field">
        <label for="market-stall-title">{t('market.stallTitle')}</label>
        <input
          id="market-stall-title"
          required
          maxLength={L.title}
          value={title.value}
          onInput={(e) => (title.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="market-stall-owner">{t('market.stallOwner')}</label>
        <select
          id="market-stall-owner"
          value={owner.value}
          onChange={(e) => (owner.value = (e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('market.noOwner')}</option>
          {workshop.present.value.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="market-stall-capacity">{t('market.capacity')}</label>
        <input
          id="market-stall-capacity"
          type="number"
          min={1}
          max={L.capacityMax}
          value={capacity.value}
          onInput={(e) => (capacity.value = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="btn btn--primary" data-testid="market-add-stall">
        {t('market.add')}
      </button>
    </form>
  );
}

/** Starts a market in set-up; the board's top cards (by dots) may become its first stalls. */
export function MarketStartForm({ market }: { market: MarketState }) {
  const fromBoard = useSignal('0');
  const pitchSec = useSignal(String(L.pitchSecDefault));
  return (
    <form
      class="market__form"
      data-testid="market-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await market.actions.start({
          fromBoard: clampInt(fromBoard.value, 0, L.stalls, 0),
          pitchSec: clampInt(pitchSec.value, L.pitchSecMin, L.pitchSecMax, L.pitchSecDefault),
        });
      }}
    >
      <NumberField id="market-from-board" label="market.fromBoard" min={0} max={L.stalls} value={fromBoard} />
      <NumberField
        id="market-pitch-sec"
        label="market.pitchSec"
        min={L.pitchSecMin}
        max={L.pitchSecMax}
        step={10}
        value={pitchSec}
      />
      <button type="submit" class="btn btn--primary" data-testid="market-start">
        {t('market.start')}
      </button>
    </form>
  );
}
