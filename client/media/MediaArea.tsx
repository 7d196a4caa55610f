import { errorText, t } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import { AudioSinks, resumeAudio } from './AudioSinks.js';
import { Controls } from './Controls.js';
import type { MediaState } from './state.js';
import { Tile } from './Tile.js';

/** The video grid, the controls bar and the notices of the media plane (center column of the workshop). */
export function MediaArea({ media, state }: { media: MediaState; state: WorkshopState }) {
  if (!media.enabled.value) return null;
  const tiles = media.tiles.value;
  const focus = media.focus.value;
  const speakerLayout = media.layout.value === 'speaker' && tiles.length > 1;
  const ordered = speakerLayout
    ? [...tiles.filter((x) => x.p.id === focus), ...tiles.filter((x) => x.p.id !== focus)]
    : [...tiles.filter((x) => x.p.screenSharing), ...tiles.filter((x) => !x.p.screenSharing)];
  const audience = media.audience.value;
  const self = state.self.value;
  return (
    <section class="card media" aria-label={t('media.region')} data-testid="media" data-layout={media.layout.value}>
      <AudioSinks media={media} />
      {media.audioBlocked.value && (
        <Alert kind="warning" testId="audio-blocked">
          {t('media.soundBlocked')}{' '}
          <button type="button" class="btn btn--small btn--primary" onClick={() => resumeAudio()}>
            <Icon name="volume" /> {t('media.soundEnable')}
          </button>
        </Alert>
      )}
      {media.unmuteRequest.value && (
        <Alert kind="info" testId="unmute-request">
          {t('media.unmuteAsked', { name: media.unmuteRequest.value.byName })}
          <span class="inline-row media__choice">
            <button
              type="button"
              class="btn btn--primary"
              data-testid="unmute-accept"
              onClick={() => void media.actions.acceptUnmute()}
            >
              <Icon name="mic" /> {t('media.unmuteAccept')}
            </button>
            <button type="button" class="btn" onClick={media.actions.declineUnmute}>
              {t('media.unmuteDecline')}
            </button>
          </span>
        </Alert>
      )}
      {media.mutedBy.value && (
        <Alert kind="info" testId="muted-by">
          {t('media.mutedBy', { name: media.mutedBy.value.byName })}{' '}
          <button type="button" class="btn btn--small" onClick={media.actions.dismissMuted}>
            {t('media.dismiss')}
          </button>
        </Alert>
      )}
      {media.problem.value && (
        <Alert kind="warning" testId="media-problem">
          {t(`media.problem.${media.problem.value}`)}{' '}
          <button type="button" class="btn btn--small" onClick={media.actions.dismissProblem}>
            {t('media.dismiss')}
          </button>
        </Alert>
      )}
      {media.error.value && (
        <Alert testId="media-error">
          {errorText(media.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={media.actions.dismissError}>
            {t('media.dismiss')}
          </button>
        </Alert>
      )}
      {media.lowBandwidth.value && (
        <p class="media__note" data-testid="lowbw-note">
          {t('media.lowBandwidthNote')}
        </p>
      )}
      {media.stageOn.value && (
        <p class="media__note" data-testid="stage-note">
          <Icon name="stage" />{' '}
          {media.iMaySend.value
            ? self?.role === 'moderator'
              ? t('media.mod.stageHelp')
              : t('media.onStage')
            : t('media.stageAudience')}
        </p>
      )}
      {media.meshTooLarge.value && self?.role === 'moderator' && (
        <p class="media__note" data-testid="mesh-large-note">
          {t('media.mod.meshLarge')}
        </p>
      )}
      <ul class={`media__grid${speakerLayout ? ' media__grid--speaker' : ''}`} data-testid="video-grid">
        {ordered.map((tile, i) => (
          <Tile
            key={tile.p.id}
            tile={tile}
            media={media}
            state={state}
            large={speakerLayout ? i === 0 : tile.p.screenSharing}
          />
        ))}
      </ul>
      {tiles.filter((x) => !x.isSelf).length === 0 && <p class="muted">{t('media.empty')}</p>}
      {audience.length > 0 && (
        <p class="muted" data-testid="audience">
          {t('media.audience', { count: audience.reduce((n, p) => n + p.headcount, 0) })}
        </p>
      )}
      <Controls media={media} />
      {state.isModerator.value && <ModeratorMedia media={media} state={state} />}
    </section>
  );
}

/** [MEDIA3]-[MEDIA6]: mute everyone, stage mode, and the audience's raised hands to invite. */
function ModeratorMedia({ media, state }: { media: MediaState; state: WorkshopState }) {
  const stage = media.stageOn.value;
  const waiting = stage
    ? media.audience.value.filter((p) => p.handRaisedAt !== null).sort((a, b) => a.handRaisedAt! - b.handRaisedAt!)
    : [];
  return (
    <div class="media-mod" data-testid="media-moderation">
      <h3>{t('media.mod.title')}</h3>
      <div class="inline-row">
        <button type="button" class="btn" data-testid="mute-all" onClick={() => void media.actions.muteAll()}>
          <Icon name="micOff" /> {t('media.mod.muteAll')}
        </button>
        <button
          type="button"
          class={`btn${stage ? ' btn--on' : ''}`}
          aria-pressed={stage}
          data-testid="stage-toggle"
          onClick={() => void media.actions.setStage(!stage)}
        >
          <Icon name="stage" /> {stage ? t('media.mod.stageOff') : t('media.mod.stageOn')}
        </button>
      </div>
      {stage && (
        <>
          <p class="help">{t('media.mod.stageHelp')}</p>
          {waiting.length > 0 && (
            <>
              <h4>{t('media.mod.waiting')}</h4>
              <ol class="hands__list">
                {waiting.map((p) => (
                  <li key={p.id}>
                    <span>
                      <bdi>{p.name}</bdi>{' '}
                      <span class="muted">
                        · <bdi>{p.town}</bdi>
                      </span>
                    </span>
                    <button
                      type="button"
                      class="btn btn--small"
                      data-testid="invite-stage"
                      onClick={() =>
                        void media.actions.invite(p.id, true).then((ok) => void (ok && state.actions.lowerHand(p.id)))
                      }
                    >
                      {t('media.mod.invite')}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </div>
  );
}
