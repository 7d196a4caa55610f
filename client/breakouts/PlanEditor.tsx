import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ASSIGN_MODES, MAX_ROOMS } from '../../shared/breakouts/constants.js';

/** The open duration the form offers: a quarter of a minute to four hours (the server's limits are wider). */
const MIN_MINUTES = 0.25;
const MAX_MINUTES = 240;
import type { AssignMode, BreakoutRoom, RoomInput } from '../../shared/breakouts/schema.js';
import { languageName, t } from '../i18n/i18n.js';
import type { WorkshopState } from '../workshops/state.js';
import { NumberField } from './NumberField.js';
import { roomTitle } from './room-label.js';
import { RoomGrid, Unplaced } from './RoomGrid.js';
import { RotationSetup } from './RotationSetup.js';
import type { BreakoutsState } from './state.js';

const asInput = (r: BreakoutRoom): RoomInput => ({
  id: r.id,
  name: r.name,
  hostId: r.hostId,
  capacity: r.capacity,
  languages: r.languages as RoomInput['languages'],
});

/** Prepare: rooms, a mode, a preview to adjust, then open. Works before the workshop starts too. */
export function PlanEditor({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value!;
  const count = useSignal(Math.max(2, view.rooms.length));
  const mode = useSignal<AssignMode>(view.mode === 'manual' && view.rooms.length === 0 ? 'random' : view.mode);
  const tandem = useSignal(true);
  const langA = useSignal(state.workshop.value?.languages[0] ?? 'de');
  const langB = useSignal(state.workshop.value?.languages[1] ?? state.workshop.value?.languages[0] ?? 'fr');
  const size = useSignal(4);
  // What the moderator typed, kept as typed: an empty or out-of-range duration is named, never replaced.
  const minutes = useSignal(10);
  const minutesOk = Number.isFinite(minutes.value) && minutes.value >= MIN_MINUTES && minutes.value <= MAX_MINUTES;
  // The workshop's languages, then any other language someone here speaks.
  const languages = [
    ...new Set([...(state.workshop.value?.languages ?? []), ...state.present.value.flatMap((p) => p.languages)]),
  ];
  const participants = state.present.value.filter((p) => p.role === 'participant');
  const planned = (roomId: string) => state.present.value.filter((p) => view.plan[p.id] === roomId);
  const unassigned = participants.filter((p) => !view.plan[p.id] || view.plan[p.id] === PLENARY);
  const rooms = view.rooms.map(asInput);

  const makeRooms = () =>
    void br.actions.setRooms(Array.from({ length: count.value }, (_, i) => rooms[i] ?? { name: '' }));
  const updateRoom = (i: number, change: Partial<RoomInput>) =>
    void br.actions.setRooms(rooms.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const assign = () =>
    void br.actions.assign({
      mode: mode.value === 'language' && tandem.value ? 'tandem' : mode.value,
      languages: mode.value === 'language' && tandem.value ? ([langA.value, langB.value] as never) : [],
      capacity: mode.value === 'choose' || mode.value === 'language' ? size.value : null,
    });
  const number = (e: Event) => Number((e.target as HTMLInputElement).value);

  return (
    <div class="plan-editor">
      <p class="muted">{t('br.intro')}</p>
      <div class="field field--inline">
        <label for="br-room-count">{t('br.roomCount')}</label>
        <input
          id="br-room-count"
          type="number"
          min={1}
          max={MAX_ROOMS}
          value={count.value}
          onInput={(e) => (count.value = Math.min(MAX_ROOMS, Math.max(1, number(e) || 1)))}
        />
        <button type="button" class="btn" data-testid="br-make-rooms" onClick={makeRooms}>
          {t('br.makeRooms')}
        </button>
      </div>
      {view.rooms.length === 0 ? (
        <p class="muted">{t('br.noRooms')}</p>
      ) : (
        <ol class="room-list" data-testid="room-list">
          {view.rooms.map((room, i) => (
            <li key={room.id} class="room-list__item">
              <label class="visually-hidden" for={`room-name-${room.id}`}>
                {t('br.roomName', { n: room.number ?? i + 1 })}
              </label>
              <input
                id={`room-name-${room.id}`}
                value={room.name}
                placeholder={t('br.roomN', { n: room.number ?? i + 1 })}
                maxLength={60}
                onChange={(e) => updateRoom(i, { name: (e.target as HTMLInputElement).value.trim() })}
              />
              <label class="visually-hidden" for={`room-host-${room.id}`}>
                {t('br.host')}
              </label>
              <select
                id={`room-host-${room.id}`}
                value={room.hostId ?? ''}
                onChange={(e) => updateRoom(i, { hostId: (e.target as HTMLSelectElement).value || null })}
              >
                <option value="">{t('br.hostNone')}</option>
                {participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t('br.host')}: <bdi>{p.name}</bdi>
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="btn btn--small btn--ghost"
                onClick={() => void br.actions.setRooms(rooms.filter((_, j) => j !== i))}
              >
                ×<span class="visually-hidden">{t('br.removeRoom', { room: roomTitle(room.id, view) })}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {view.rooms.length > 0 && view.rooms.length < MAX_ROOMS && (
        <button type="button" class="btn btn--small" onClick={() => void br.actions.setRooms([...rooms, { name: '' }])}>
          {t('br.addRoom')}
        </button>
      )}

      <fieldset class="field mode-choice">
        <legend>{t('br.mode')}</legend>
        <div class="choice-row">
          {ASSIGN_MODES.filter((m) => m !== 'tandem').map((m) => (
            <label key={m} class="choice">
              <input
                type="radio"
                name="br-mode"
                value={m}
                checked={mode.value === m}
                onChange={() => (mode.value = m)}
                data-testid={`mode-${m}`}
              />
              {t(`br.mode.${m as Exclude<AssignMode, 'tandem'>}`)}
            </label>
          ))}
        </div>
        {mode.value === 'language' && (
          <div class="field--inline">
            <label class="chip">
              <input type="radio" name="br-lang-kind" checked={tandem.value} onChange={() => (tandem.value = true)} />{' '}
              {t('br.language.tandem')}
            </label>
            <label class="chip">
              <input type="radio" name="br-lang-kind" checked={!tandem.value} onChange={() => (tandem.value = false)} />{' '}
              {t('br.language.groups')}
            </label>
            {tandem.value ? (
              <>
                <LanguageSelect
                  id="br-lang-a"
                  label={t('br.language.first')}
                  value={langA.value}
                  options={languages}
                  onChange={(v) => (langA.value = v)}
                />
                <LanguageSelect
                  id="br-lang-b"
                  label={t('br.language.second')}
                  value={langB.value}
                  options={languages}
                  onChange={(v) => (langB.value = v)}
                />
              </>
            ) : (
              <NumberField
                id="br-size"
                label={t('br.groupSize')}
                value={size.value}
                min={2}
                onChange={(v) => (size.value = v)}
              />
            )}
          </div>
        )}
        {mode.value === 'choose' && (
          <NumberField
            id="br-capacity"
            label={t('br.capacity')}
            value={size.value}
            min={1}
            onChange={(v) => (size.value = v)}
          />
        )}
      </fieldset>
      <button
        type="button"
        class="btn btn--primary"
        data-testid="br-assign"
        onClick={assign}
        disabled={view.rooms.length === 0 && (mode.value === 'choose' || mode.value === 'manual')}
      >
        {t('br.assign')}
      </button>

      {view.rooms.length > 0 && (
        <div class="plan-preview" data-testid="plan-preview">
          <p class="muted">{t('br.previewHelp')}</p>
          <RoomGrid br={br} rooms={view.rooms} membersOf={planned} />
          <Unplaced br={br} people={unassigned} testId="unassigned" />
          <div class="field field--inline">
            <label for="br-minutes">{t('br.minutes')}</label>
            <input
              id="br-minutes"
              type="number"
              min={MIN_MINUTES}
              max={MAX_MINUTES}
              step={0.25}
              value={minutes.value}
              aria-invalid={!minutesOk}
              aria-describedby={minutesOk ? undefined : 'br-minutes-error'}
              onInput={(e) => (minutes.value = (e.target as HTMLInputElement).value === '' ? Number.NaN : number(e))}
            />
            <button
              type="button"
              class="btn btn--primary btn--large"
              data-testid="br-open"
              disabled={!minutesOk}
              onClick={() => void br.actions.open(Math.round(minutes.value * 60_000))}
            >
              {t('br.open')}
            </button>
          </div>
          {!minutesOk && (
            <p id="br-minutes-error" class="alert" role="alert" data-testid="br-minutes-error">
              {t('br.minutesInvalid', { min: MIN_MINUTES, max: MAX_MINUTES })}
            </p>
          )}
        </div>
      )}
      <RotationSetup br={br} languages={languages} />
    </div>
  );
}

function LanguageSelect(props: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
}) {
  return (
    <span class="inline-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.options.map((l) => (
          <option key={l} value={l}>
            {languageName(l)}
          </option>
        ))}
      </select>
    </span>
  );
}
