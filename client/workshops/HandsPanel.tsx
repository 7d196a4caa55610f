import { PLENARY } from '../../shared/rooms.js';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from './state.js';

/**
 * Raised hands in the order they went up; moderators can lower them. `roomOf` names the breakout room
 * of someone who is not in the plenary, so a moderator sees where each hand is.
 */
export function HandsPanel({ state, roomOf }: { state: WorkshopState; roomOf?: (roomId: string) => string | null }) {
  const hands = state.hands.value;
  return (
    <section class="card hands" aria-labelledby="hands-title" data-testid="hands">
      <h2 id="hands-title">
        <Icon name="hand" /> {t('ws.hands')}
      </h2>
      {hands.length === 0 ? (
        <p class="muted">{t('ws.noHands')}</p>
      ) : (
        <ol class="hands__list">
          {hands.map((p) => (
            <li key={p.id} data-testid="hand-entry">
              <span>
                <bdi>{p.name}</bdi>{' '}
                <span class="muted">
                  · <bdi>{p.town}</bdi>
                </span>
                {p.roomId !== PLENARY && roomOf?.(p.roomId) && (
                  <span class="badge" data-testid="hand-room">
                    {roomOf(p.roomId)}
                  </span>
                )}
              </span>
              {state.isModerator.value && (
                <button type="button" class="btn btn--small" onClick={() => void state.actions.lowerHand(p.id)}>
                  {t('ws.lowerFor', { name: p.name })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
