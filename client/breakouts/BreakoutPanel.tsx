import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import { Countdown } from './Countdown.js';
import { PlanEditor } from './PlanEditor.js';
import { RoomGrid, Unplaced } from './RoomGrid.js';
import { RoomResults } from './RoomResults.js';
import { roomTitle } from './room-label.js';
import type { BreakoutsState } from './state.js';

/** The moderator's breakout panel: prepare and preview, or run the open rooms. */
export function BreakoutPanel({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value;
  return (
    <section class="card breakouts" aria-labelledby="br-title" data-testid="breakout-panel">
      <h2 id="br-title">
        <Icon name="rooms" /> {br.isOpen.value ? t('br.running') : t('br.title')}
      </h2>
      {!view ? (
        <p class="muted">{t('common.loading')}</p>
      ) : br.isOpen.value ? (
        <RunningRooms br={br} state={state} />
      ) : (
        <PlanEditor br={br} state={state} />
      )}
      {view && !br.isOpen.value && <RoomResults br={br} />}
    </section>
  );
}

function RunningRooms({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value!;
  const draft = useSignal('');
  const byId = new Map(state.people.value.entries());
  const send = async (e: Event) => {
    e.preventDefault();
    if (draft.value.trim() && (await br.actions.broadcast(draft.value.trim()))) draft.value = '';
  };
  const plenary = br.members(PLENARY).filter((p) => p.role === 'participant');
  return (
    <div class="breakouts__running">
      {br.nestedStage.value && (
        <p class="eyebrow" data-testid="br-nested-stage">
          {t('br.rotation.nested')}: {t(`br.nested.stage.${br.nestedStage.value}`)}
        </p>
      )}
      <div class="breakouts__clock">
        <Countdown br={br} large />
        <div class="inline-row">
          {[1, 5].map((minutes) => (
            <button
              key={minutes}
              type="button"
              class="btn"
              aria-label={t('br.extendLabel', { minutes })}
              data-testid={`extend-${minutes}`}
              onClick={() => void br.actions.extend(minutes * 60_000)}
            >
              {t('br.extend', { minutes })}
            </button>
          ))}
          <button type="button" class="btn btn--danger" data-testid="br-close" onClick={() => void br.actions.close()}>
            {t('br.callBack')}
          </button>
        </div>
      </div>
      <form class="inline-row breakouts__broadcast" onSubmit={send}>
        <label for="br-broadcast" class="visually-hidden">
          {t('br.broadcastLabel')}
        </label>
        <input
          id="br-broadcast"
          data-testid="br-broadcast-input"
          maxLength={300}
          placeholder={t('br.broadcastLabel')}
          value={draft.value}
          onInput={(e) => (draft.value = (e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn--primary" data-testid="br-broadcast-send">
          <Icon name="broadcast" /> {t('br.broadcastSend')}
        </button>
      </form>
      <div class="breakouts__help" aria-live="polite">
        <h3>
          <Icon name="help" /> {t('br.help')}
        </h3>
        {view.help.length === 0 ? (
          <p class="muted">{t('br.noHelp')}</p>
        ) : (
          <ul class="plain-list">
            {view.help.map((h) => {
              const room = view.rooms.find((r) => r.id === h.roomId);
              const label = roomTitle(h.roomId, view);
              return (
                <li key={h.participantId} class="help-request" data-testid="help-request">
                  <strong>{t('br.helpEntry', { name: byId.get(h.participantId)?.name ?? '?', room: label })}</strong>
                  <span class="inline-row">
                    {room && (
                      <button
                        type="button"
                        class="btn btn--small btn--primary"
                        onClick={() => void br.actions.visit(room.id)}
                      >
                        {t('br.goThere', { room: label })}
                      </button>
                    )}
                    <button
                      type="button"
                      class="btn btn--small"
                      onClick={() => void br.actions.resolveHelp(h.participantId)}
                    >
                      {t('br.helpDone')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <RoomGrid br={br} rooms={view.rooms} membersOf={(id) => br.members(id)} canVisit={br.myRoomId.value} />
      <Unplaced br={br} people={plenary} testId="plenary-people" className="breakouts__plenary" />
    </div>
  );
}
