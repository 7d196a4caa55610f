import { useEffect, useRef } from 'preact/hooks';
import { signal, type Signal } from '@preact/signals';
import { t, type MessageKey } from '../i18n/i18n.js';
import { Alert } from '../ui/Alert.js';
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

/** What the person chose on the join page (owned by ./JoinMedia.tsx, which is loaded by everyone). */
export interface MediaChoice {
  mode: Signal<'with' | 'without'>;
  cameraOn: Signal<boolean>;
  micOn: Signal<boolean>;
}

/**
 * The join page's device check: preview, level, pickers. Loaded only when the person chooses to join
 * with media (see ./JoinMedia.tsx); the tracks it opens are handed over to the workshop's media controller.
 */
export function createDeviceCheck(choice: MediaChoice) {
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
    if (choice.mode.value !== 'with' || disposed) return;
    starting.value = true;
    stopAll();
    const got = await getBoth(choice.cameraOn.value, prefs.value);
    starting.value = false;
    if (disposed || choice.mode.value !== 'with') {
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
    choice,
    mic,
    camera,
    problem,
    starting,
    devices,
    prefs,
    start,
    /** The person chose to join without media: the devices close. */
    stop() {
      stopAll();
      problem.value = null;
    },
    async setCamera(on: boolean) {
      choice.cameraOn.value = on;
      if (!on) {
        camera.value?.stop();
        camera.value = null;
      } else if (!camera.value) await restart('video');
    },
    setMic: (on: boolean) => (choice.micOn.value = on),
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
      if (kind === 'camera' && choice.cameraOn.value) await restart('video');
    },
    /** Joined: the running tracks go to the workshop's media controller (no second prompt). */
    handOver() {
      if (handedOver) return; // once: the second call would hand over tracks the workshop already owns
      handOver.put({ mic: mic.value, camera: camera.value });
      handedOver = true;
    },
    dispose() {
      disposed = true;
      if (!handedOver) stopAll();
    },
  };
}
export type DeviceCheck = ReturnType<typeof createDeviceCheck>;

export function DeviceCheckView({ check }: { check: DeviceCheck }) {
  return (
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
            checked={check.choice.cameraOn.value}
            onChange={(e) => void check.setCamera((e.target as HTMLInputElement).checked)}
            data-testid="join-camera-on"
          />
          {t('join.media.cameraOn')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={check.choice.micOn.value}
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
  );
}

function DeviceSelect({
  check,
  kind,
  list,
  value,
  label,
}: {
  check: DeviceCheck;
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
