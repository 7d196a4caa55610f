/**
 * This page's own devices during the workshop: the microphone, the camera while it is on, the shared
 * screen, the device lists and choices, and the placeholder tracks a connection starts with. Only this
 * class writes its signals; what the person wants (microphone/camera on) is the server's participant
 * record, read by the media state, which calls in here.
 */
import { signal } from '@preact/signals';
import {
  devicePrefs,
  getTrack,
  handOver,
  listDevices,
  placeholderTracks,
  type DeviceLists,
  type DeviceProblem,
} from './devices.js';

export class LocalMedia {
  readonly mic = signal<MediaStreamTrack | null>(null);
  readonly camera = signal<MediaStreamTrack | null>(null);
  readonly screen = signal<MediaStreamTrack | null>(null);
  readonly problem = signal<DeviceProblem | null>(null);
  readonly devices = signal<DeviceLists>({ cameras: [], mics: [], speakers: [] });
  readonly prefs = signal(devicePrefs.get());
  private placeholders: ReturnType<typeof placeholderTracks> | null = null;
  private cameraBusy = false;
  private disposed = false;

  /** `turnOff` tells the server a device could not be had (its flag goes off for everyone). */
  constructor(private readonly turnOff: (kind: 'micOn' | 'cameraOn') => void) {}

  /** What the join screen already runs is taken over at once (before the camera is asked for again). */
  takeOver(keepCamera: boolean, keepMic: boolean): void {
    const prepared = handOver.take();
    if (prepared?.camera && keepCamera) this.camera.value = prepared.camera;
    else prepared?.camera?.stop();
    if (prepared?.mic && keepMic) this.mic.value = prepared.mic;
    else prepared?.mic?.stop();
  }

  /** One audio and one video track to open connections with; the real ones replace them. */
  sendStream(): MediaStream {
    this.placeholders ??= placeholderTracks();
    return new MediaStream([this.placeholders.audio, this.placeholders.video]);
  }

  async refreshDevices(): Promise<void> {
    this.devices.value = await listDevices();
  }

  async acquireMic(): Promise<void> {
    const { track, problem } = await getTrack('audio', this.prefs.value.micId);
    if (this.disposed) return track?.stop();
    if (problem) {
      this.problem.value = problem;
      this.turnOff('micOn');
    }
    this.mic.value = track;
    void this.refreshDevices();
  }

  /** Opens the camera while `wanted()` holds and closes it when not (one attempt at a time). */
  async syncCamera(wanted: () => boolean): Promise<void> {
    if (this.cameraBusy) return;
    this.cameraBusy = true;
    try {
      while (!this.disposed && wanted() && !this.camera.value) {
        const { track, problem } = await getTrack('video', this.prefs.value.cameraId);
        if (this.disposed || !wanted()) {
          track?.stop();
          break;
        }
        if (problem || !track) {
          this.problem.value = problem ?? 'notfound';
          this.turnOff('cameraOn');
          break;
        }
        this.camera.value = track;
        void this.refreshDevices();
      }
      if (!wanted() && this.camera.value) {
        this.camera.value.stop();
        this.camera.value = null;
      }
    } finally {
      this.cameraBusy = false;
    }
  }

  /** Remembers the choice and switches a running microphone or camera over to it. */
  async choose(kind: 'camera' | 'mic' | 'speaker', deviceId: string, cameraWanted: () => boolean): Promise<void> {
    const id = deviceId || null;
    devicePrefs.set(kind === 'camera' ? { cameraId: id } : kind === 'mic' ? { micId: id } : { speakerId: id });
    this.prefs.value = devicePrefs.get();
    if (kind === 'mic') {
      const old = this.mic.peek();
      await this.acquireMic();
      if (this.mic.peek() !== old) old?.stop();
    } else if (kind === 'camera' && this.camera.peek()) {
      const old = this.camera.peek()!;
      this.camera.value = null;
      old.stop();
      void this.syncCamera(cameraWanted);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const t of [
      this.mic.peek(),
      this.camera.peek(),
      this.screen.peek(),
      this.placeholders?.audio,
      this.placeholders?.video,
    ])
      t?.stop();
  }
}
