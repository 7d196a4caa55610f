import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import {
  canPickSpeaker,
  devicePrefs,
  getBoth,
  getTrack,
  handOver,
  levelMeter,
  listDevices,
  type DeviceLists,
  type DeviceProblem,
} from './devices.js';
import { VideoView } from './VideoView.js';

/** The join screen's device check: preview, level, pickers, and the choices the join sends. */
/** `initial`: 'without' when the page was opened from the projector's QR code (a phone next to the room's laptop). */
export function createJoinMedia(initial: 'with' | 'without' = 'with') {
  const mode = signal<'with' | 'without'>(initial);
  const cameraOn = signal(true);
  const micOn = signal(true);
  const mic = signal<MediaStreamTrack | null>(null);
  const camera = signal<MediaStreamTrack | null>(null);
  const problem = signal<DeviceProblem | null>(null);
  const starting = signal(false);
  const devices = signal<DeviceLists>({ cameras: [], mics: [], speakers: [] });
  const prefs = signal(devicePrefs.get());
  let handedOver = false;
  let disposed = false;

  const stopAll = () => {
    mic.value?.stop();
    camera.value?.stop();
    mic.value = null;
    camera.value = null;
  };

  async function start() {
    if (mode.value !== 'with' || disposed) return;
    starting.value = true;
    stopAll();
    const got = await getBoth(cameraOn.value, prefs.value);
    starting.value = false;
    if (disposed || mode.value !== 'with') {
      got.mic?.stop();
      got.camera?.stop();
      return;
    }
    mic.value = got.mic;
    camera.value = got.camera;
    problem.value = got.problem;
    devices.value = await listDevices();
  }

  async function restart(kind: 'audio' | 'video') {
    const current = kind === 'audio' ? mic : camera;
    current.value?.stop();
    current.value = null;
    const { track, problem: p } = await getTrack(kind, kind === 'audio' ? prefs.value.micId : prefs.value.cameraId);
    if (disposed) return track?.stop();
    current.value = track;
    problem.value = p;
  }

  return {
    mode,
    cameraOn,
    micOn,
    mic,
    camera,
    problem,
    starting,
    devices,
    prefs,
    start,
    setMode(next: 'with' | 'without') {
      mode.value = next;
      if (next === 'without') {
        stopAll();
        problem.value = null;
      } else void start();
    },
    async setCamera(on: boolean) {
      cameraOn.value = on;
      if (!on) {
        camera.value?.stop();
        camera.value = null;
      } else if (!camera.value) await restart('video');
    },
    setMic: (on: boolean) => (micOn.value = on),
    async choose(kind: 'camera' | 'mic' | 'speaker', id: string) {
      devicePrefs.set(
        kind === 'camera'
          ? { cameraId: id || null }
          : kind === 'mic'
            ? { micId: id || null }
            : { speakerId: id || null },
      );
      prefs.value = devicePrefs.get();
      if (kind === 'mic') await restart('audio');
      if (kind === 'camera' && cameraOn.value) await restart('video');
    },
    /**
     * What the join command carries: the person's choice, except that a device which failed starts
     * off. A device still starting counts as on (whoever presses Join fast must not join muted);
     * the workshop's media controller then opens it itself.
     */
    fields() {
      const withMedia = mode.value === 'with';
      const usable = (track: MediaStreamTrack | null) => track !== null || problem.value === null;
      return {
        media: withMedia,
        micOn: withMedia && micOn.value && usable(mic.value),
        cameraOn: withMedia && cameraOn.value && usable(camera.value),
      };
    },
    /** Joined: the running tracks go to the workshop's media controller (no second prompt). */
    handOver() {
      if (mode.value !== 'with') return;
      handOver.put({ mic: mic.value, camera: camera.value });
      handedOver = true;
    },
    dispose() {
      disposed = true;
      if (!handedOver) stopAll();
    },
  };
}
export type JoinMediaCheck = ReturnType<typeof createJoinMedia>;

export function JoinMedia({ check }: { check: JoinMediaCheck }) {
  useEffect(() => {
    void check.start();
  }, [check]);
  const withMedia = check.mode.value === 'with';
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
      {withMedia && (
        <div class="join-media__check">
          <div class="join-media__preview" aria-label={t('join.media.preview')} role="img">
            {check.camera.value ? (
              <VideoView track={check.camera.value} mirrored />
            ) : (
              <div class="tile__card">
                <span class="muted">{check.starting.value ? t('join.media.starting') : t('media.cameraOff')}</span>
              </div>
            )}
          </div>
          <div class="join-media__side">
            {check.problem.value && (
              <Alert kind="warning" testId="join-media-problem">
                {t(`media.problem.${check.problem.value}`)}{' '}
                <button type="button" class="btn btn--small" onClick={() => void check.start()}>
                  {t('join.media.retry')}
                </button>
              </Alert>
            )}
            <label class="check">
              <input
                type="checkbox"
                checked={check.cameraOn.value}
                onChange={(e) => void check.setCamera((e.target as HTMLInputElement).checked)}
                data-testid="join-camera-on"
              />
              {t('join.media.cameraOn')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={check.micOn.value}
                onChange={(e) => check.setMic((e.target as HTMLInputElement).checked)}
                data-testid="join-mic-on"
              />
              {t('join.media.micOn')}
            </label>
            {check.mic.value && <LevelMeter track={check.mic.value} />}
            <DeviceSelect
              check={check}
              kind="camera"
              list={check.devices.value.cameras}
              value={check.prefs.value.cameraId}
              label="media.device.camera"
            />
            <DeviceSelect
              check={check}
              kind="mic"
              list={check.devices.value.mics}
              value={check.prefs.value.micId}
              label="media.device.mic"
            />
            {canPickSpeaker() && (
              <DeviceSelect
                check={check}
                kind="speaker"
                list={check.devices.value.speakers}
                value={check.prefs.value.speakerId}
                label="media.device.speaker"
              />
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}

function DeviceSelect({
  check,
  kind,
  list,
  value,
  label,
}: {
  check: JoinMediaCheck;
  kind: 'camera' | 'mic' | 'speaker';
  list: MediaDeviceInfo[];
  value: string | null;
  label: MessageKey;
}) {
  const usable = list.filter((d) => d.deviceId && d.deviceId !== 'default');
  if (usable.length === 0) return null;
  return (
    <div class="field join-media__device">
      <label for={`join-dev-${kind}`}>{t(label)}</label>
      <select
        id={`join-dev-${kind}`}
        value={value ?? ''}
        onChange={(e) => void check.choose(kind, (e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('media.device.default')}</option>
        {usable.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${t(label)} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function LevelMeter({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLMeterElement>(null);
  useEffect(() => {
    const meter = levelMeter(track);
    let frame = 0;
    const tick = () => {
      if (ref.current) ref.current.value = meter.level();
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      meter.stop();
    };
  }, [track]);
  return (
    <div class="field join-media__level">
      <label for="join-level">{t('join.media.level')}</label>
      <meter
        id="join-level"
        ref={ref}
        min={0}
        max={1}
        low={0.1}
        high={0.8}
        optimum={0.4}
        value={0}
        data-testid="mic-level"
      />
    </div>
  );
}
