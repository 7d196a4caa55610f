import { useSignal } from '@preact/signals';
import { PLENARY } from '../../shared/rooms.js';
import { ROOM_NAME_MAX } from '../../shared/breakouts/constants.js';
import type { BreakoutRoom } from '../../shared/breakouts/schema.js';
import type { Participant } from '../../shared/workshops/schema.js';
import { t } from '../i18n/i18n.js';
import { roomTitle } from './room-label.js';
import type { BreakoutsState } from './state.js';

const DRAG_TYPE = 'application/x-jumelage-participant';

/** Drag a person (by mouse or touch-pad) onto a room card; the select next to each name is the keyboard way. */
const draggable = (p: Participant) =>
  p.role === 'participant'
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer?.setData(DRAG_TYPE, p.id);
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        },
      }
    : {};

/** Makes an element a drop target that moves the dragged person into `roomId`. */
function useDropTarget(br: BreakoutsState, roomId: string) {
  const over = useSignal(false);
  return {
    over,
    props: {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        over.value = true;
      },
      onDragLeave: () => (over.value = false),
      onDrop: (e: DragEvent) => {
        over.value = false;
        const id = e.dataTransfer?.getData(DRAG_TYPE);
        if (!id) return;
        e.preventDefault();
        void br.actions.move(id, roomId);
      },
    },
  };
}

/** People not in any room yet, each with a select to place them (the keyboard path for moving people). */
export function Unplaced({
  br,
  people,
  testId,
  className,
}: {
  br: BreakoutsState;
  people: readonly Participant[];
  testId: string;
  className?: string;
}) {
  const drop = useDropTarget(br, PLENARY);
  if (people.length === 0) return null;
  return (
    <div
      class={`${className ?? ''}${drop.over.value ? ' drop-target--over' : ''}`}
      data-testid={testId}
      {...drop.props}
    >
      <h3>{t('br.unassigned')}</h3>
      <ul class="plain-list">
        {people.map((p) => (
          <li key={p.id} class="room-card__person" data-testid="unplaced-person" data-name={p.name} {...draggable(p)}>
            <span>
              <bdi>{p.name}</bdi>{' '}
              <span class="muted">
                · <bdi>{p.town}</bdi>
              </span>
            </span>
            <MoveSelect br={br} person={p} current={PLENARY} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A select to put one person into a room (or the plenary): keyboard reachable, labelled with the name. */
export function MoveSelect({ br, person, current }: { br: BreakoutsState; person: Participant; current: string }) {
  const rooms = br.view.value?.rooms ?? [];
  const id = `move-${person.id}`;
  return (
    <span class="move-select">
      <label for={id} class="visually-hidden">
        {t('br.moveLabel', { name: person.name })}
      </label>
      <select
        id={id}
        data-testid="move-select"
        value={current}
        onChange={(e) => void br.actions.move(person.id, (e.target as HTMLSelectElement).value)}
      >
        <option value={PLENARY}>{t('br.plenary')}</option>
        {rooms.map((r) => (
          <option key={r.id} value={r.id}>
            {roomTitle(r.id, br.view.value)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Rooms side by side with their people, the mix of towns and languages, and a move select per person. */
export function RoomGrid(props: {
  br: BreakoutsState;
  rooms: readonly BreakoutRoom[];
  membersOf: (roomId: string) => Participant[];
  canVisit?: string;
}) {
  const { br, rooms, membersOf, canVisit } = props;
  return (
    <>
      <p class="help">{t('br.dragHint')}</p>
      <ul class="room-grid" data-testid="room-grid">
        {rooms.map((room) => (
          <RoomCard key={room.id} br={br} room={room} people={membersOf(room.id)} canVisit={canVisit} />
        ))}
      </ul>
    </>
  );
}

function RoomCard({
  br,
  room,
  people,
  canVisit,
}: {
  br: BreakoutsState;
  room: BreakoutRoom;
  people: Participant[];
  canVisit?: string;
}) {
  const drop = useDropTarget(br, room.id);
  const headcount = people.reduce((n, p) => n + p.headcount, 0);
  return (
    <li
      class={`room-card${drop.over.value ? ' drop-target--over' : ''}`}
      data-testid="room-card"
      data-room={room.id}
      {...drop.props}
    >
      <div class="room-card__head">
        <h3>{roomTitle(room.id, br.view.value)}</h3>
        <span class="badge">{t('br.peopleInRoom', { count: headcount })}</span>
      </div>
      <Mix people={people} />
      {people.length === 0 ? (
        <p class="muted small">{t('br.empty')}</p>
      ) : (
        <ul class="plain-list">
          {people.map((p) => (
            <li key={p.id} class="room-card__person" data-testid="room-person" data-name={p.name} {...draggable(p)}>
              <span>
                <bdi>{p.name}</bdi>
                {room.hostId === p.id && <span class="badge">{t('br.host')}</span>}
                {p.role === 'moderator' && <span class="badge badge--role">{t('ws.role.moderator')}</span>}{' '}
                <span class="muted small">
                  · <bdi>{p.town}</bdi>
                </span>
              </span>
              {p.role === 'participant' && <MoveSelect br={br} person={p} current={room.id} />}
            </li>
          ))}
        </ul>
      )}
      {br.isOpen.value && canVisit !== undefined && <RunningRoomActions br={br} room={room} />}
      {canVisit !== undefined && canVisit !== room.id && (
        <button
          type="button"
          class="btn btn--small"
          data-testid="visit-room"
          onClick={() => void br.actions.visit(room.id)}
        >
          {t('br.visitRoom', { room: roomTitle(room.id, br.view.value) })}
        </button>
      )}
    </li>
  );
}

/** "Kamen 2 · Wołów 1" and "DE 2 · FR 1": is the room mixed? */
function Mix({ people }: { people: Participant[] }) {
  if (people.length === 0) return null;
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const towns = count(people.map((p) => p.town.trim()));
  const langs = count(people.flatMap((p) => p.languages));
  return (
    <div class="room-card__mix">
      <span class="visually-hidden">{t('br.towns')}:</span>
      <span class="chips" data-testid="town-mix">
        {towns.map(([town, n]) => (
          <span key={town} class="mix-chip">
            {town} {n}
          </span>
        ))}
      </span>
      {langs.length > 0 && (
        <span class="chips">
          <span class="visually-hidden">{t('br.languages')}:</span>
          {langs.map(([lang, n]) => (
            <span key={lang} class="mix-chip mix-chip--lang">
              {lang.toUpperCase()} {n}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

/** [BR26] While the rooms run, a moderator renames a room or closes it (its people go back to the plenary). */
function RunningRoomActions({ br, room }: { br: BreakoutsState; room: BreakoutRoom }) {
  const editing = useSignal(false);
  const name = useSignal(room.name);
  const title = roomTitle(room.id, br.view.value);
  if (editing.value)
    return (
      <form
        class="inline-row room-card__rename"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await br.actions.rename(room.id, name.value.trim())) editing.value = false;
        }}
      >
        <label for={`rename-${room.id}`} class="visually-hidden">
          {t('br.renameLabel', { room: title })}
        </label>
        <input
          id={`rename-${room.id}`}
          maxLength={ROOM_NAME_MAX}
          value={name.value}
          ref={(el) => el?.focus()}
          onInput={(e) => (name.value = (e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn--small btn--primary">
          {t('br.renameSave')}
        </button>
        <button type="button" class="btn btn--small" onClick={() => (editing.value = false)}>
          {t('common.cancel')}
        </button>
      </form>
    );
  return (
    <div class="inline-row">
      <button
        type="button"
        class="btn btn--small"
        aria-label={t('br.renameLabel', { room: title })}
        onClick={() => {
          name.value = room.name;
          editing.value = true;
        }}
      >
        {t('br.rename')}
      </button>
      <button
        type="button"
        class="btn btn--small btn--danger"
        data-testid="close-room"
        aria-label={t('br.closeRoomLabel', { room: title })}
        onClick={() => {
          if (confirm(t('br.closeRoomConfirm', { room: title }))) void br.actions.closeRoom(room.id);
        }}
      >
        {t('br.closeRoom')}
      </button>
    </div>
  );
}
