import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import type { DeviceCheck, DeviceCheckView } from './DeviceCheck.js';
import { preloadMedia } from './lazy.js';

/**
 * The join screen's media choice and the choices the join sends. Everyone loads this small part; the
 * device check (preview, level, pickers: ./DeviceCheck.tsx) is downloaded only when the person chooses
 * media, and with it the workshop's media code starts downloading, so the video starts without a wait.
 * `initial`: 'without' when the page was opened from the projector's QR code (a phone next to the room's laptop).
 */
export function createJoinMedia(initial: 'with' | 'without' = 'with') {
  const mode = signal<'with' | 'without'>(initial);
  const cameraOn = signal(true);
  const micOn = signal(true);
  const device = signal<DeviceCheck | null>(null);
  const view = signal<typeof DeviceCheckView | null>(null);
  const failed = signal(false);
  let loading: Promise<DeviceCheck | null> | null = null;
  let disposed = false;

  const load = () =>
    (loading ??= import('./DeviceCheck.js').then(
      (m) => {
        if (disposed) return null;
        void preloadMedia();
        device.value ??= m.createDeviceCheck({ mode, cameraOn, micOn });
        view.value = m.DeviceCheckView;
        return device.value;
      },
      () => {
        loading = null;
        failed.value = true;
        return null;
      },
    ));

  async function start() {
    if (mode.value !== 'with' || disposed) return;
    failed.value = false;
    await (await load())?.start();
  }

  return {
    mode,
    device,
    view,
    failed,
    start,
    setMode(next: 'with' | 'without') {
      mode.value = next;
      if (next === 'without') device.value?.stop();
      else void start();
    },
    /**
     * What the join command carries: the person's choice, except that a device which failed starts
     * off. A device still starting (or its check still downloading) counts as on (whoever presses Join
     * fast must not join muted); the workshop's media controller then opens it itself.
     */
    fields() {
      const withMedia = mode.value === 'with';
      const check = device.value;
      const usable = (track: MediaStreamTrack | null) => track !== null || check?.problem.value == null;
      return {
        media: withMedia,
        micOn: withMedia && micOn.value && usable(check?.mic.value ?? null),
        cameraOn: withMedia && cameraOn.value && usable(check?.camera.value ?? null),
      };
    },
    /** Joined: the running tracks go to the workshop's media controller (no second prompt). */
    handOver() {
      if (mode.value === 'with') device.value?.handOver();
    },
    dispose() {
      disposed = true;
      device.value?.dispose();
    },
  };
}
export type JoinMediaCheck = ReturnType<typeof createJoinMedia>;

export function JoinMedia({ check }: { check: JoinMediaCheck }) {
  useEffect(() => {
    void check.start();
  }, [check]);
  const withMedia = check.mode.value === 'with';
  const View = check.view.value;
  const device = check.device.value;
  return (
    <fieldset class="field join-media" data-testid="join-media">
      <legend>{t('join.media.title')}</legend>
      <div class="choice-row">
        <label class="choice">
          <input type="radio" name="media" value="with" checked={withMedia} onChange={() => check.setMode('with')} />
          <span>
            <Icon name="camera" /> {t('join.media.with')}
          </span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="media"
            value="without"
            checked={!withMedia}
            onChange={() => check.setMode('without')}
            data-testid="join-without-media"
          />
          <span>{t('join.media.without')}</span>
        </label>
      </div>
      {!withMedia && <p class="help">{t('join.media.withoutHelp')}</p>}
      {withMedia &&
        (View && device ? (
          <View check={device} />
        ) : check.failed.value ? (
          <p class="lazy lazy--failed" role="alert">
            {t('common.loadFailed')}{' '}
            <button type="button" class="btn btn--small" onClick={() => void check.start()}>
              {t('common.retry')}
            </button>
          </p>
        ) : (
          <p class="lazy loading" role="status">
            {t('join.media.starting')}
          </p>
        ))}
    </fieldset>
  );
}
