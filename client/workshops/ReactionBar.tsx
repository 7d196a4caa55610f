import { REACTIONS } from '../../shared/workshops/constants.js';
import { countryName, flagOf } from '../../shared/workshops/countries.js';
import { locale, type MessageKey, t } from '../i18n/i18n.js';
import type { WorkshopState } from './state.js';

/** [WS29] What each reaction is called for screen readers. */
const NAMES: Record<(typeof REACTIONS)[number], MessageKey> = {
  '👍': 'react.thumbsUp',
  '👏': 'react.clap',
  '❤️': 'react.heart',
  '😂': 'react.laugh',
  '🎉': 'react.party',
};

/**
 * [WS29] Short reactions to the room, each with how often it came in the last minute: the five for
 * everyone, then the flags of the partner towns' countries the workshop was created with.
 */
export function ReactionBar({ state }: { state: WorkshopState }) {
  const counts = state.reactionCounts.value;
  const countries = state.workshop.value?.countries ?? [];
  const all = [
    ...REACTIONS.map((emoji) => ({ emoji, what: t(NAMES[emoji]) })),
    ...countries.map((code) => ({
      emoji: flagOf(code),
      what: t('react.flag', { country: countryName(code, locale.value) }),
    })),
  ];
  return (
    <fieldset class="reactions" data-testid="reactions">
      <legend class="visually-hidden">{t('react.title')}</legend>
      {all.map(({ emoji, what }) => {
        const n = counts.get(emoji) ?? 0;
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
