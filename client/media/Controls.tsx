import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/i18n.js';
import { Icon, type IconName } from '../ui/Icon.js';
import { canPickSpeaker } from './devices.js';
import type { MediaState } from './state.js';

/** Single keys, active when focus is not in a text field. Shown on the buttons and in their tooltips. */
const KEYS = { mic: 'M', camera: 'V', screen: 'S', layout: 'L', lowBandwidth: 'B' } as const;

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function Controls({ media }: { media: MediaState }) {
  const mayUseMic = media.iMaySend.value;
  const actions = media.actions;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const key = e.key.toUpperCase();
      const run = {
        [KEYS.mic]: () => media.iMaySend.peek() && void actions.toggleMic(),
        [KEYS.camera]: () => media.iMaySend.peek() && void actions.toggleCamera(),
        [KEYS.screen]: () => media.iMaySend.peek() && void actions.toggleScreen(),
        [KEYS.layout]: () => actions.setLayout(media.layout.peek() === 'gallery' ? 'speaker' : 'gallery'),
        [KEYS.lowBandwidth]: () => void actions.setLowBandwidth(!media.lowBandwidth.peek()),
      }[key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [media]);

  const micOn = media.micOn.value;
  const camOn = media.cameraOn.value;
  const sharing = media.sharing.value;
  const gallery = media.layout.value === 'gallery';
  const low = media.lowBandwidth.value;
  return (
    <div class="media-controls" role="toolbar" aria-label={t('media.controls')} data-testid="media-controls">
      <ControlButton
        testId="mic-toggle"
        icon={micOn ? 'mic' : 'micOff'}
        label={micOn ? 'media.ctrl.mute' : 'media.ctrl.unmute'}
        shortcut={KEYS.mic}
        pressed={!micOn}
        warn={!micOn}
        disabled={!mayUseMic}
        onClick={() => void actions.toggleMic()}
      />
      <ControlButton
        testId="camera-toggle"
        icon={camOn ? 'camera' : 'cameraOff'}
        label={camOn ? 'media.ctrl.cameraOff' : 'media.ctrl.cameraOn'}
        shortcut={KEYS.camera}
        pressed={!camOn}
        warn={!camOn}
        disabled={!mayUseMic || low}
        onClick={() => void actions.toggleCamera()}
      />
      <ControlButton
        testId="screen-toggle"
        icon="screen"
        label={sharing ? 'media.ctrl.stopShare' : 'media.ctrl.share'}
        shortcut={KEYS.screen}
        pressed={sharing}
        disabled={!mayUseMic || !navigator.mediaDevices?.getDisplayMedia}
        onClick={() => void actions.toggleScreen()}
      />
      <ControlButton
        testId="layout-toggle"
        icon={gallery ? 'speakerView' : 'grid'}
        label={gallery ? 'media.ctrl.speaker' : 'media.ctrl.gallery'}
        shortcut={KEYS.layout}
        onClick={() => actions.setLayout(gallery ? 'speaker' : 'gallery')}
      />
      <ControlButton
        testId="lowbw-toggle"
        icon="lowBandwidth"
        label="media.ctrl.lowBandwidth"
        shortcut={KEYS.lowBandwidth}
        pressed={low}
        onClick={() => void actions.setLowBandwidth(!low)}
      />
      <DevicePicker media={media} />
    </div>
  );
}

function ControlButton(props: {
  testId: string;
  icon: IconName;
  label: MessageKey;
  shortcut: string;
  pressed?: boolean;
  warn?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      class={`btn media-btn${props.warn ? ' media-btn--off' : ''}`}
      data-testid={props.testId}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      aria-keyshortcuts={props.shortcut}
      title={t('media.ctrl.shortcut', { key: props.shortcut })}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} /> <span>{t(props.label)}</span>{' '}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the <kbd> is not focusable; aria-keyshortcuts already announces the key */}
      <kbd aria-hidden="true">{props.shortcut}</kbd>
    </button>
  );
}

function DevicePicker({ media }: { media: MediaState }) {
  const { cameras, mics, speakers } = media.devices.value;
  const prefs = media.prefs.value;
  const select = (
    kind: 'camera' | 'mic' | 'speaker',
    list: MediaDeviceInfo[],
    value: string | null,
    label: MessageKey,
  ) => (
    <div class="field">
      <label for={`media-dev-${kind}`}>{t(label)}</label>
      <select
        id={`media-dev-${kind}`}
        value={value ?? ''}
        onChange={(e) => void media.actions.chooseDevice(kind, (e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('media.device.default')}</option>
        {list
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${t(label)} ${i + 1}`}
            </option>
          ))}
      </select>
    </div>
  );
  return (
    <details class="media-devices">
      <summary class="btn media-btn">
        <Icon name="tune" /> <span>{t('media.ctrl.devices')}</span>
      </summary>
      <div class="media-devices__panel card">
        {select('camera', cameras, prefs.cameraId, 'media.device.camera')}
        {select('mic', mics, prefs.micId, 'media.device.mic')}
        {canPickSpeaker() && select('speaker', speakers, prefs.speakerId, 'media.device.speaker')}
      </div>
    </details>
  );
}
