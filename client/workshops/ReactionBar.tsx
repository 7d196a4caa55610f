import { REACTIONS, type Reaction } from '../../shared/workshops/constants.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import type { WorkshopState } from './state.js';

/** [WS29] What each reaction is called for screen readers. */
const NAMES: Record<Reaction, MessageKey> = {
  '👍': 'react.thumbsUp',
  '👏': 'react.clap',
  '❤️': 'react.heart',
  '😂': 'react.laugh',
  '🎉': 'react.party',
};

/** [WS29] Short reactions to the room, each with how often it came in the last minute. */
export function ReactionBar({ state }: { state: WorkshopState }) {
  const counts = state.reactionCounts.value;
  return (
    <fieldset class="reactions" data-testid="reactions">
      <legend class="visually-hidden">{t('react.title')}</legend>
      {REACTIONS.map((emoji) => {
        const n = counts.get(emoji) ?? 0;
        const what = t(NAMES[emoji]);
        return (
          <button
            key={emoji}
            type="button"
            class="btn btn--small reactions__button"
            data-emoji={emoji}
            aria-label={
              n > 0 ? `${t('react.label', { what })}, ${t('react.counted', { count: n })}` : t('react.label', { what })
            }
            onClick={() => void state.actions.react(emoji)}
          >
            <span aria-hidden="true">{emoji}</span>
            {n > 0 && (
              <span class="reactions__count" aria-hidden="true" data-testid="reaction-count">
                {n}
              </span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
