import { useSignal } from '@preact/signals';
import { NOTE_MAX } from '../../shared/breakouts/constants.js';
import { PLENARY } from '../../shared/rooms.js';
import { t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import type { WorkshopState } from '../workshops/state.js';
import { Countdown } from './Countdown.js';
import type { BreakoutsState } from './state.js';

/**
 * [BR27]-[BR29] A participant's 1-2-4-All: the stage, their note (private while alone), the notes of
 * their pair or four, and in the four the one card for the plenary board.
 */
export function NestedStage({ br, state }: { br: BreakoutsState; state: WorkshopState }) {
  const stage = br.nestedStage.value;
  const view = br.nested.value;
  const selfId = state.self.value?.id ?? '';
  const own = view?.notes[selfId] ?? '';
  const note = useSignal<string | null>(null);
  const saved = useSignal(false);
  const card = useSignal('');
  if (!stage) return null;
  const draft = note.value ?? own;
  const inPlenary = br.myRoomId.value === PLENARY;
  const nameOf = (id: string) => state.present.value.find((p) => p.id === id)?.name ?? '…';
  const others = Object.entries(view?.notes ?? {}).filter(([id]) => id !== selfId);
  const save = async () => {
    saved.value = false;
    if (await br.actions.saveNote(draft)) [note.value, saved.value] = [null, true];
  };
  return (
    <section class="card nested" aria-labelledby="nested-title" data-testid="nested" data-stage={stage}>
      <div class="room-banner__head">
        <h2 id="nested-title" data-testid="nested-stage">
          {t(`br.nested.stage.${stage}`)}
        </h2>
        {inPlenary && <Countdown br={br} large />}
      </div>
      {inPlenary && br.oneMinuteLeft.value && (
        <Alert kind="warning" testId="one-minute">
          {t('br.oneMinute')}
        </Alert>
      )}
      <div class="field">
        <label for="nested-note">{t('br.nested.note')}</label>
        <textarea
          id="nested-note"
          rows={3}
          maxLength={NOTE_MAX}
          value={draft}
          onInput={(e) => {
            note.value = (e.target as HTMLTextAreaElement).value;
            saved.value = false;
          }}
        />
      </div>
      <div class="inline-row">
        <button type="button" class="btn" data-testid="nested-save" onClick={() => void save()}>
          {t('br.nested.saveNote')}
        </button>
        <span role="status" class="muted" data-testid="nested-saved">
          {saved.value ? t('br.nested.saved') : ''}
        </span>
      </div>
      {stage !== 'alone' && (
        <>
          <h3>{t('br.nested.notes')}</h3>
          {others.length === 0 ? (
            <p class="muted">{t('br.nested.noNotes')}</p>
          ) : (
            <ul class="plain-list" data-testid="nested-notes">
              {others.map(([id, text]) => (
                <li key={id} data-testid="nested-mate-note" data-name={nameOf(id)}>
                  <strong>
                    <bdi>{nameOf(id)}</bdi>
                  </strong>
                  : <bdi>{text}</bdi>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {stage === 'fours' &&
        !inPlenary &&
        (view?.card ? (
          <p class="alert alert--info" role="status" data-testid="nested-posted">
            {t('br.nested.posted', { text: view.card })}
          </p>
        ) : (
          <>
            <div class="field">
              <label for="nested-card">{t('br.nested.card')}</label>
              <textarea
                id="nested-card"
                rows={2}
                maxLength={NOTE_MAX}
                value={card.value}
                onInput={(e) => (card.value = (e.target as HTMLTextAreaElement).value)}
              />
            </div>
            <button
              type="button"
              class="btn btn--primary"
              data-testid="nested-post"
              disabled={card.value.trim() === ''}
              onClick={() => void br.actions.postCard(card.value.trim())}
            >
              {t('br.nested.post')}
            </button>
          </>
        ))}
    </section>
  );
}
