import { formatJoinCode } from '../../shared/workshops/constants.js';
import { BreakoutsSection } from '../breakouts/BreakoutsSection.js';
import { roomTitle } from '../breakouts/room-label.js';
import { Media } from '../media/lazy.js';
import { Icon } from '../ui/Icon.js';
import { BoardSection } from '../boards/BoardSection.js';
import { ChatPanel } from '../chat/ChatPanel.js';
import { errorText, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { CopyField } from '../ui/CopyField.js';
import { HandsPanel } from './HandsPanel.js';
import { lazy } from '../ui/lazy.js';
import { PollPanel } from '../polls/PollPanel.js';
import { SpeakingPanel } from '../speaking/SpeakingPanel.js';
import { useSession } from '../session/context.js';
import { ParticipantList } from './ParticipantList.js';
import { ReactionBar } from './ReactionBar.js';
import type { WorkshopState } from './state.js';

/** Moderators only: participants never download it. */
const ModeratorPanel = lazy(() => import('./ModeratorPanel.js').then((m) => m.ModeratorPanel));
const LobbyPanel = lazy(() => import('./ModeratorPanel.js').then((m) => m.LobbyPanel));

export function WorkshopPage({ state, code }: { state: WorkshopState; code: string }) {
  const { breakouts, polls, board, media } = useSession();
  const w = state.workshop.value!;
  const me = state.self.value;
  const raised = me?.handRaisedAt !== null && me?.handRaisedAt !== undefined;
  return (
    <div class={`workshop${me?.media === false ? ' workshop--phone' : ''}`} data-testid="workshop">
      {state.reconnecting.value && (
        <div class="banner banner--warning" role="status" data-testid="reconnecting-banner">
          {t('status.reconnecting')}
        </div>
      )}
      <div class="workshop__bar">
        <div class="workshop__title">
          <h1>{w.title}</h1>
          <p class="muted">
            {t('ws.code', { code: formatJoinCode(code) })}
            {w.locked && (
              <span class="badge badge--warning" data-testid="locked-badge">
                <Icon name="lock" /> {t('ws.locked')}
              </span>
            )}
            {w.lobby && <span class="badge">{t('ws.lobbyBadge')}</span>}
            {w.passcode && <span class="badge">{t('ws.passcodeBadge')}</span>}
          </p>
        </div>
        <div class="workshop__actions">
          <button
            type="button"
            class={`btn btn--large${raised ? ' btn--on' : ''}`}
            aria-pressed={raised}
            data-testid="hand-toggle"
            onClick={() => void (raised ? state.actions.lowerHand() : state.actions.raiseHand())}
          >
            <Icon name="hand" /> {raised ? t('ws.lowerHand') : t('ws.raiseHand')}
          </button>
          <ReactionBar state={state} />
          <button type="button" class="btn btn--ghost" data-testid="leave" onClick={() => void state.actions.leave()}>
            {t('ws.leave')}
          </button>
        </div>
      </div>
      {state.error.value && (
        <Alert testId="action-error">
          {errorText(state.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={state.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {state.isModerator.value && <LobbyPanel state={state} />}
      <div class="workshop__grid">
        <ParticipantList state={state} />
        <section class="workshop__center" aria-label={t('ws.main')}>
          {w.description && <p class="lead">{w.description}</p>}
          <Media state={state} media={media.value} />
          <BreakoutsSection state={state} br={breakouts} />
          <HandsPanel
            state={state}
            roomOf={(id) => {
              const view = breakouts.view.value;
              return view?.rooms.some((r) => r.id === id) ? roomTitle(id, view) : null;
            }}
          />
          <SpeakingPanel />
          <PollPanel state={state} polls={polls} />
          {state.isModerator.value && <ModeratorPanel state={state} />}
          <details class="card invite">
            <summary>{t('ws.invite')}</summary>
            <CopyField id="ws-invite" label={t('created.inviteLabel')} value={state.invite.value} />
            <img
              class="invite__qr"
              src={`/api/workshops/${formatJoinCode(code)}/qr.svg${w.passcode ? `?pass=${encodeURIComponent(w.passcode)}` : ''}`}
              alt={t('created.qrAlt')}
              width={180}
              height={180}
              loading="lazy"
            />
          </details>
          <BoardSection board={board} rooms={breakouts.view} />
        </section>
        <ChatPanel state={state} />
      </div>
    </div>
  );
}
