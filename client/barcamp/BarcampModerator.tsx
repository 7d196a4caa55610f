import { useSignal } from '@preact/signals';
import { cellOf } from '../../shared/barcamp/rules.js';
import { BARCAMP_LIMITS as L } from '../../shared/barcamp/constants.js';
import { t } from '../i18n/i18n.js';
import { clampInt, NumberField } from '../ui/FormFields.js';
import { slotName } from './names.js';
import type { BarcampState } from './state.js';

/** The moderator's part of a running barcamp (its own chunk): build the grid, move sessions, run slots, End. */
export function BarcampControls({ barcamp: bc }: { barcamp: BarcampState }) {
  const b = bc.barcamp.value;
  const rooms = useSignal(String(b?.rooms ?? L.roomsDefault));
  if (!b) return null;
  const slots = b.grid?.cells.length ?? 0;
  const next = b.current === null ? 0 : b.current + 1;
  return (
    <div class="barcamp__controls" data-testid="barcamp-controls">
      <div class="barcamp__buttons">
        {b.phase !== 'running' && b.proposals.length > 0 && (
          <form
            class="barcamp__build"
            onSubmit={(e) => {
              e.preventDefault();
              void bc.actions.build(clampInt(rooms.value, L.roomsMin, L.roomsMax, L.roomsDefault));
            }}
          >
            <NumberField id="barcamp-rooms" label="barcamp.rooms" min={L.roomsMin} max={L.roomsMax} value={rooms} />
            <button type="submit" class="btn" data-testid="barcamp-build">
              {t('barcamp.build')}
            </button>
          </form>
        )}
        {next < slots && (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="barcamp-next"
            onClick={() => void bc.actions.slot(next)}
          >
            {t('barcamp.startSlot', { slot: slotName(b, next) })}
          </button>
        )}
        {b.phase === 'running' && (
          <button type="button" class="btn" data-testid="barcamp-close-slot" onClick={() => void bc.actions.slot(null)}>
            {t('barcamp.closeSlot')}
          </button>
        )}
        <button type="button" class="btn btn--danger" data-testid="barcamp-stop" onClick={() => void bc.actions.stop()}>
          {t('barcamp.stop')}
        </button>
      </div>
      {b.grid && <MoveForm bc={bc} />}
    </div>
  );
}

/** [BCAMP5] Any session into any cell (a swap with what is there), or out of the grid. */
function MoveForm({ bc }: { bc: BarcampState }) {
  const b = bc.barcamp.value!;
  const grid = b.grid!;
  const proposal = useSignal(b.proposals[0]?.id ?? '');
  const cell = useSignal('');
  const chosen = b.proposals.find((p) => p.id === proposal.value) ?? b.proposals[0];
  if (!chosen) return null;
  const at = cellOf(grid, chosen.id);
  return (
    <form
      class="barcamp__move"
      data-testid="barcamp-move"
      onSubmit={(e) => {
        e.preventDefault();
        const [slot, room] = cell.value.split(':').map(Number);
        void bc.actions.move(
          chosen.id,
          cell.value === 'out' || cell.value === '' ? null : { slot: slot!, room: room! },
        );
      }}
    >
      <div class="field">
        <label for="barcamp-move-session">{t('barcamp.proposals')}</label>
        <select
          id="barcamp-move-session"
          value={chosen.id}
          onChange={(e) => {
            proposal.value = (e.target as HTMLSelectElement).value;
            cell.value = '';
          }}
        >
          {b.proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="barcamp-move-cell">{t('barcamp.moveTo', { title: chosen.title })}</label>
        <select
          id="barcamp-move-cell"
          value={cell.value || (at ? `${at.slot}:${at.room}` : 'out')}
          onChange={(e) => (cell.value = (e.target as HTMLSelectElement).value)}
        >
          <option value="out">{t('barcamp.unscheduled')}</option>
          {grid.cells.flatMap((row, s) =>
            row.map((_, r) => (
              <option key={`${s}:${r}`} value={`${s}:${r}`}>
                {t('barcamp.cell', { slot: slotName(b, s), room: t('barcamp.room', { n: r + 1 }) })}
              </option>
            )),
          )}
        </select>
      </div>
      <button type="submit" class="btn" data-testid="barcamp-move-submit">
        {t('barcamp.move')}
      </button>
    </form>
  );
}

/** Starts a barcamp collecting proposals: rooms per slot and the slot's minutes. */
export function BarcampStartForm({ barcamp }: { barcamp: BarcampState }) {
  const rooms = useSignal(String(L.roomsDefault));
  const slotMin = useSignal(String(L.slotMinDefault));
  return (
    <form
      class="barcamp__form"
      data-testid="barcamp-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await barcamp.actions.start({
          rooms: clampInt(rooms.value, L.roomsMin, L.roomsMax, L.roomsDefault),
          slotMin: clampInt(slotMin.value, L.slotMinMin, L.slotMinMax, L.slotMinDefault),
        });
      }}
    >
      <NumberField id="barcamp-start-rooms" label="barcamp.rooms" min={L.roomsMin} max={L.roomsMax} value={rooms} />
      <NumberField
        id="barcamp-slot-min"
        label="barcamp.slotMin"
        min={L.slotMinMin}
        max={L.slotMinMax}
        step={5}
        value={slotMin}
      />
      <button type="submit" class="btn btn--primary" data-testid="barcamp-start">
        {t('barcamp.start')}
      </button>
    </form>
  );
}
