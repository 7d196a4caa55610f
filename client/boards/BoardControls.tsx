import { useSignal } from '@preact/signals';
import { BOARD_LIMITS } from '../../shared/boards/constants.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { BoardIcon } from './icons.js';
import type { BoardClientState } from './state.js';

/** Moderators' switches: lock, who draws, clear, snapshot, card collection, dot voting. */
export function BoardControls({ board }: { board: BoardClientState }) {
  const s = board.settings.value;
  const question = useSignal<string | null>(null);
  const saved = useSignal(false);
  const set = board.actions.settings;
  const num = (e: Event) => Number((e.target as HTMLInputElement).value);
  return (
    <details class="card board-controls" data-testid="board-controls" open>
      <summary>{t('boardMod.title')}</summary>
      <div class="inline-row">
        <button
          type="button"
          class="btn"
          aria-pressed={s.locked}
          data-testid="board-lock"
          onClick={() => void set({ locked: !s.locked })}
        >
          <Icon name={s.locked ? 'unlock' : 'lock'} /> {s.locked ? t('boardMod.unlock') : t('boardMod.lock')}
        </button>
        <label class="inline-row">
          <span>{t('boardMod.drawing')}</span>
          <select
            value={s.drawing}
            data-testid="board-drawing"
            onChange={(e) => void set({ drawing: (e.target as HTMLSelectElement).value as 'everyone' })}
          >
            <option value="everyone">{t('boardMod.everyone')}</option>
            <option value="moderators">{t('boardMod.moderators')}</option>
          </select>
        </label>
        <button
          type="button"
          class="btn"
          data-testid="board-snapshot"
          onClick={async () => (saved.value = (await board.actions.snapshot()) !== null)}
        >
          <BoardIcon name="camera" /> {t('boardMod.snapshot')}
        </button>
        <button
          type="button"
          class="btn btn--danger"
          data-testid="board-clear"
          onClick={() => confirm(t('boardMod.clearConfirm')) && void board.actions.clear()}
        >
          {t('boardMod.clear')}
        </button>
        <span role="status" class="muted">
          {saved.value ? t('boardMod.snapshotTaken') : ''}
        </span>
      </div>

      <fieldset class="board-controls__set">
        <legend>{t('boardMod.cardsTitle')}</legend>
        <form
          class="inline-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (question.value !== null) void set({ header: question.value });
            question.value = null;
          }}
        >
          <label for="board-question" class="visually-hidden">
            {t('boardMod.question')}
          </label>
          <input
            id="board-question"
            placeholder={t('boardMod.question')}
            maxLength={BOARD_LIMITS.header}
            value={question.value ?? s.header}
            onInput={(e) => (question.value = (e.target as HTMLInputElement).value)}
            data-testid="board-question-input"
          />
          <button type="submit" class="btn">
            {t('boardMod.saveQuestion')}
          </button>
        </form>
        <div class="inline-row">
          <label class="field--inline">
            <span>{t('boardMod.limit')}</span>
            <input
              type="number"
              min={0}
              max={BOARD_LIMITS.cardLimit}
              value={s.cardLimit}
              data-testid="board-card-limit"
              onChange={(e) => void set({ cardLimit: num(e) })}
            />
          </label>
          <label class="chip">
            <input
              type="checkbox"
              checked={s.cardsHidden}
              data-testid="board-cards-hidden"
              onChange={(e) => void set({ cardsHidden: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('boardMod.hidden')}
          </label>
          <label class="chip">
            <input
              type="checkbox"
              checked={s.cardsAnonymous}
              data-testid="board-cards-anonymous"
              onChange={(e) => void set({ cardsAnonymous: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('boardMod.anonymous')}
          </label>
        </div>
        <div class="inline-row">
          {s.cardsOpen ? (
            <button
              type="button"
              class="btn"
              data-testid="board-stop-cards"
              onClick={() => void set({ cardsOpen: false })}
            >
              {t('boardMod.stopCards')}
            </button>
          ) : (
            <button
              type="button"
              class="btn btn--primary"
              data-testid="board-start-cards"
              onClick={() => void set({ startCards: true })}
            >
              {t('boardMod.startCards')}
            </button>
          )}
          <button
            type="button"
            class="btn"
            disabled={!s.cardsHidden}
            data-testid="board-reveal"
            onClick={() => void set({ cardsHidden: false })}
          >
            {t('boardMod.reveal')}
          </button>
        </div>
      </fieldset>

      <fieldset class="board-controls__set">
        <legend>{t('boardMod.dotsTitle')}</legend>
        <div class="inline-row">
          <label class="field--inline">
            <span>{t('boardMod.budget')}</span>
            <input
              type="number"
              min={1}
              max={BOARD_LIMITS.dotBudget}
              value={s.dotBudget}
              data-testid="board-dot-budget"
              onChange={(e) => void set({ dotBudget: num(e) })}
            />
          </label>
          <label class="field--inline">
            <span>{t('boardMod.perCard')}</span>
            <input
              type="number"
              min={1}
              max={BOARD_LIMITS.dotBudget}
              value={s.dotsPerCard}
              data-testid="board-dots-per-card"
              onChange={(e) => void set({ dotsPerCard: num(e) })}
            />
          </label>
          <label class="chip">
            <input
              type="checkbox"
              checked={s.dotsLive}
              data-testid="board-dots-live"
              onChange={(e) => void set({ dotsLive: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('boardMod.live')}
          </label>
        </div>
        {s.dotsOpen ? (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="board-close-dots"
            onClick={() => void set({ dotsOpen: false })}
          >
            {t('boardMod.closeDots')}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="board-start-dots"
            onClick={() => void set({ startDots: true })}
          >
            {t('boardMod.startDots')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
