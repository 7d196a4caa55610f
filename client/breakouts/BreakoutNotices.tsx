import { PLENARY } from '../../shared/rooms.js';
import { errorText, languageName, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import { Countdown } from './Countdown.js';
import { RoomResults } from './RoomResults.js';
import { roomTitle } from './room-label.js';
import type { BreakoutsState } from './state.js';
import { lazy } from '../ui/lazy.js';

/** Moderators only: participants never download the planning and running panel. */
const BreakoutPanel = lazy(() => import('./BreakoutPanel.js').then((m) => m.BreakoutPanel));
/** 1-2-4-All's note and card: its code comes when such a rotation runs. */
const NestedStage = lazy(() => import('./NestedStage.js').then((m) => m.NestedStage));

/**
 * What breakouts put at the top of the stage, where people look: broadcasts, "back in the plenary", the
 * room a person is in (with its countdown and the help button), the choice of rooms when it is theirs.
 */
export function BreakoutNotices({ state, br }: { state: WorkshopState; br: BreakoutsState }) {
  const inRoom = br.myRoomId.value !== PLENARY;
  return (
    <>
      <Broadcasts br={br} />
      <RoundNotice br={br} state={state} />
      {br.error.value && (
        <Alert testId="breakout-error">
          {errorText(br.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={br.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {inRoom && <RoomBanner br={br} state={state} />}
      {!state.isModerator.value && br.nestedStage.value && <NestedStage br={br} state={state} />}
      {!state.isModerator.value && !inRoom && !br.nestedStage.value && <ParticipantRooms br={br} state={state} />}
    </>
  );
}

/** The Rooms panel: moderators plan and run rooms there; participants read what the rooms produced. */
export function RoomsPanel({ state, br }: { state: WorkshopState; br: BreakoutsState }) {
  if (state.isModerator.value) return <BreakoutPanel br={br} state={state} />;
  const view = br.view.value;
  return view && view.archive.length > 0 ? (
    <RoomResults br={br} />
  ) : (
    <p class="muted" data-testid="no-room-results">
      {t('layout.noRooms')}
    </p>
  );
}

function Broadcasts({ br }: { br: BreakoutsState }) {
  return (
    <>
      {br.broadcasts.value.map((b) => (
        <div key={b.id} class="alert alert--info broadcast" role="status" data-testid="broadcast">
          <Icon name="broadcast" /> <strong>{t('br.broadcastFrom', { name: b.fromName })}:</strong>{' '}
          <span data-testid="broadcast-text">
            <bdi>{b.text}</bdi>
          </span>{' '}
          <button type="button" class="btn btn--small" onClick={() => br.actions.dismissBroadcast(b.id)}>
            ×<span class="visually-hidden">{t('br.dismiss')}</span>
          </button>
        </div>
      ))}
    </>
  );
}

/** After a round: "welcome back" in the plenary, or "new round" in the next room. */
function RoundNotice({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const ended = br.lastEnded.value;
  // [BR26] Sent back from a room a moderator closed while the others still run.
  if (br.roomClosed.value && br.isOpen.value && br.myRoomId.value === PLENARY)
    return (
      <div class="alert alert--info" role="status" data-testid="room-closed">
        {t('br.roomClosed')}
      </div>
    );
  if (!ended) return null;
  const back = ended.next === 'plenary' && br.myRoomId.value === PLENARY && !br.isOpen.value;
  const next = ended.next === 'round' && br.myRoomId.value !== PLENARY && !state.isModerator.value;
  if (!back && !next) return null;
  return (
    <div class="alert alert--info" role="status" data-testid={back ? 'back-in-plenary' : 'next-round'}>
      {back ? t('br.backInPlenary') : t('br.nextRound')}
    </div>
  );
}

/** What a person in a breakout room sees: where they are, with whom, how long, and a way to call for help. */
function RoomBanner({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value;
  const room = br.myRoom.value;
  const mates = br.roomMates.value;
  const tandem = br.tandemLanguage.value;
  const isModerator = state.isModerator.value;
  return (
    <section class="card room-banner" aria-labelledby="room-banner-title" data-testid="room-banner">
      <div class="room-banner__head">
        <div>
          <p class="eyebrow">{t('br.youAreIn')}</p>
          <h2 id="room-banner-title" data-testid="room-name">
            <Icon name="rooms" /> {roomTitle(room?.id ?? PLENARY, view)}
          </h2>
        </div>
        <Countdown br={br} large />
      </div>
      {br.oneMinuteLeft.value && (
        <Alert kind="warning" testId="one-minute">
          {t('br.oneMinute')}
        </Alert>
      )}
      {tandem && (
        <p
          class={`tandem-note${tandem.switched ? ' tandem-note--switched' : ''}`}
          role="status"
          data-testid="tandem-language"
        >
          {tandem.switched
            ? t('br.tandemSwitched', { language: languageName(tandem.language) })
            : t('br.tandemSpeak', { language: languageName(tandem.language) })}
        </p>
      )}
      <h3>{t('br.roomMates')}</h3>
      {mates.length === 0 ? (
        <p class="muted">{t('br.alone')}</p>
      ) : (
        <ul class="room-mates" data-testid="room-mates">
          {mates.map((p) => (
            <li key={p.id} data-testid="room-mate" data-name={p.name}>
              <Icon name={p.kind === 'group' ? 'group' : 'person'} />{' '}
              <strong>
                <bdi>{p.name}</bdi>
              </strong>{' '}
              <span class="muted">
                · <bdi>{p.town}</bdi>
              </span>
              {p.role === 'moderator' && <span class="badge badge--role">{t('ws.role.moderator')}</span>}
            </li>
          ))}
        </ul>
      )}
      <div class="inline-row">
        {isModerator ? (
          <button
            type="button"
            class="btn btn--large"
            data-testid="back-to-plenary"
            onClick={() => void br.actions.visit(PLENARY)}
          >
            {t('br.backToPlenary')}
          </button>
        ) : (
          <button
            type="button"
            class={`btn btn--large${br.helpRequested.value ? ' btn--on' : ''}`}
            aria-pressed={br.helpRequested.value}
            data-testid="ask-help"
            onClick={() => void br.actions.askHelp()}
          >
            <Icon name="help" /> {br.helpRequested.value ? t('br.helpAsked') : t('br.askHelp')}
          </button>
        )}
      </div>
    </section>
  );
}

/** A participant in the plenary: choose a room (when the moderator lets people choose), or read results. */
function ParticipantRooms({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value;
  if (!view) return null;
  if (br.isOpen.value && view.mode === 'choose') return <ChooseRoom br={br} state={state} />;
  if (br.isOpen.value)
    return (
      <p class="card muted" data-testid="breakout-waiting">
        {t('br.waiting')}
      </p>
    );
  return null;
}

function ChooseRoom({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const view = br.view.value!;
  const headcount = (roomId: string) => br.members(roomId).reduce((n, p) => n + p.headcount, 0);
  const mine = state.self.value?.headcount ?? 1;
  return (
    <section class="card" aria-labelledby="choose-title" data-testid="choose-room">
      <h2 id="choose-title">{t('br.choose')}</h2>
      <ul class="plain-list choose-list">
        {view.rooms.map((room) => {
          const taken = headcount(room.id);
          const full = room.capacity !== null && taken + mine > room.capacity;
          return (
            <li key={room.id} class="choose-list__item">
              <span>
                <strong>{roomTitle(room.id, view)}</strong>{' '}
                <span class="muted">
                  {room.capacity !== null
                    ? t('br.places', { taken, capacity: room.capacity })
                    : t('br.peopleInRoom', { count: taken })}
                </span>
              </span>
              <button type="button" class="btn" disabled={full} onClick={() => void br.actions.choose(room.id)}>
                {full ? t('br.full') : t('br.join', { room: roomTitle(room.id, view) })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
