import { t } from '../i18n/i18n.js';
import { useSession } from '../session/context.js';
import { currentSpeakerId } from '../speaking/state.js';
import { Icon } from '../ui/Icon.js';
import type { WorkshopState } from '../workshops/state.js';
import type { MediaState, Tile as TileData } from './state.js';
import { VideoView } from './VideoView.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export function Tile({
  tile,
  media,
  state,
  large,
}: {
  tile: TileData;
  media: MediaState;
  state: WorkshopState;
  large: boolean;
}) {
  const { p } = tile;
  const isPinned = media.pinned.value === p.id;
  const canModerate = state.isModerator.value && !tile.isSelf;
  const stage = media.stageOn.value;
  const session = useSession();
  // [SPEAK10] The person who has the word in a flash round, on every screen of their room.
  const turn = currentSpeakerId(session.speaking) === p.id;
  // [TRUTH9] Their three hashtags while this room's hashtags game runs (gone when it ends).
  const tags = session.truths.shownHashtags.value.get(p.id);
  const cls = [
    'tile',
    large && 'tile--large',
    tile.speaking && 'tile--speaking',
    turn && 'tile--turn',
    tile.state === 'retrying' && 'tile--problem',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      class={cls}
      data-testid="tile"
      data-participant={p.id}
      data-who={p.name}
      data-self={tile.isSelf ? 'true' : 'false'}
      data-mic={p.micOn ? 'on' : 'off'}
      data-camera={p.cameraOn ? 'on' : 'off'}
      data-screen={p.screenSharing ? 'on' : 'off'}
      data-state={tile.state}
      data-speaking={tile.speaking ? 'true' : 'false'}
      data-turn={turn ? 'true' : 'false'}
    >
      {state.floating.value.has(p.id) && (
        <span class="tile__reaction" data-testid="tile-reaction" aria-hidden="true">
          {state.floating.value.get(p.id)}
        </span>
      )}
      <div class="tile__media">
        {tile.video ? (
          <VideoView
            track={tile.video}
            mirrored={tile.isSelf && !p.screenSharing}
            remoteId={tile.isSelf ? undefined : p.id}
          />
        ) : null}
        {!tile.video && (
          <div class="tile__card" aria-hidden="true">
            <span class="tile__initials">{initials(p.name)}</span>
          </div>
        )}
        {tile.state === 'connecting' && <span class="tile__status">{t('media.connecting')}</span>}
        {tile.state === 'retrying' && (
          <span class="tile__status tile__status--problem" role="status" data-testid="tile-problem">
            {t('media.retrying')}
          </span>
        )}
      </div>
      <div class="tile__label">
        {/* [LAYOUT7] Read as one sentence: "Heinz Becker, Lippstadt, microphone off, speaking". */}
        <span class="visually-hidden" data-testid="tile-summary">
          {[
            p.name + (tile.isSelf ? ` (${t('ws.you')})` : ''),
            p.town,
            p.micOn ? t('media.micOn') : t('media.micOff'),
            !p.cameraOn && !p.screenSharing && t('media.cameraOff'),
            p.screenSharing && t('media.screen'),
            tile.speaking && t('media.speaking'),
            turn && t('speak.hasWord'),
            tags && t('truths.tags.onTile', { tags: tags.join(' ') }),
          ]
            .filter(Boolean)
            .join(', ')}
        </span>
        <span aria-hidden="true" class="tile__mic" data-testid="tile-mic">
          <Icon name={p.micOn ? 'mic' : 'micOff'} />
        </span>
        {!p.cameraOn && !p.screenSharing && (
          <span class="tile__cam" aria-hidden="true">
            <Icon name="cameraOff" />
          </span>
        )}
        <span class="tile__name" aria-hidden="true">
          <bdi>{p.name}</bdi>
          {tile.isSelf && <span class="muted"> ({t('ws.you')})</span>}
        </span>
        <span class="tile__town" aria-hidden="true">
          · <bdi>{p.town}</bdi>
        </span>
        {p.kind === 'group' && <span class="badge">{t('ws.group', { count: p.headcount })}</span>}
        {turn && (
          <span class="badge badge--turn" aria-hidden="true">
            {t('speak.hasWord')}
          </span>
        )}
        {p.screenSharing && (
          <span class="badge badge--role" aria-hidden="true">
            {t('media.screen')}
          </span>
        )}
        {tags && (
          <span class="tile__tags" aria-hidden="true" data-testid="tile-hashtags">
            {tags.map((tag) => (
              <bdi key={tag}>{tag}</bdi>
            ))}
          </span>
        )}
      </div>
      <div class="tile__actions">
        <button
          type="button"
          class="tile__btn"
          aria-pressed={isPinned}
          title={isPinned ? t('media.unpin') : t('media.pin')}
          onClick={() => media.actions.pin(p.id)}
        >
          <Icon name="pin" />
          <span class="visually-hidden">{isPinned ? t('media.unpin') : t('media.pin')}</span>
        </button>
        {canModerate && (
          <details class="tile__mod">
            <summary class="tile__btn" title={t('media.mod.actionsFor', { name: p.name })}>
              <Icon name="more" />
              <span class="visually-hidden">{t('media.mod.actionsFor', { name: p.name })}</span>
            </summary>
            <div class="tile__menu">
              {p.micOn ? (
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="mod-mute"
                  onClick={() => void media.actions.mute(p.id)}
                >
                  <Icon name="micOff" /> {t('media.mod.mute')}
                </button>
              ) : (
                <button
                  type="button"
                  class="btn btn--small"
                  data-testid="mod-ask-unmute"
                  onClick={() => void media.actions.askUnmute(p.id)}
                >
                  <Icon name="mic" /> {t('media.mod.askUnmute')}
                </button>
              )}
              {stage && p.role !== 'moderator' && (
                <button type="button" class="btn btn--small" onClick={() => void media.actions.invite(p.id, false)}>
                  {t('media.mod.uninvite')}
                </button>
              )}
            </div>
          </details>
        )}
      </div>
    </li>
  );
}
