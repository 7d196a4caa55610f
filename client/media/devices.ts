/** Cameras, microphones and speakers: acquiring them, naming what went wrong, remembering choices. */
import { storage } from '../ui/storage.js';

export type DeviceProblem = 'denied' | 'notfound' | 'inuse' | 'insecure' | 'other';

export interface DevicePrefs {
  cameraId: string | null;
  micId: string | null;
  speakerId: string | null;
}

export const devicePrefs = {
  get: (): DevicePrefs => ({
    cameraId: null,
    micId: null,
    speakerId: null,
    ...storage.get<DevicePrefs>('media.devices'),
  }),
  set: (p: Partial<DevicePrefs>) => storage.set('media.devices', { ...devicePrefs.get(), ...p }),
};

/** Modest for a mesh: every tile is small, and each peer gets its own encode. */
function cameraConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    width: { ideal: 640 },
    height: { ideal: 360 },
    frameRate: { ideal: 24, max: 30 },
  };
}

function micConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}

function problemOf(err: unknown): DeviceProblem {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notfound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inuse';
  if (name === 'TypeError' && typeof navigator !== 'undefined' && !navigator.mediaDevices) return 'insecure';
  return 'other';
}

/** One track of one kind; a preferred device that vanished falls back to any device of that kind. */
export async function getTrack(
  kind: 'audio' | 'video',
  deviceId: string | null,
): Promise<{ track: MediaStreamTrack | null; problem: DeviceProblem | null }> {
  if (!navigator.mediaDevices?.getUserMedia) return { track: null, problem: 'insecure' };
  const constraints = (id: string | null) =>
    kind === 'audio' ? { audio: micConstraints(id) } : { video: cameraConstraints(id) };
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints(deviceId));
    return { track: stream.getTracks()[0] ?? null, problem: null };
  } catch (err) {
    const problem = problemOf(err);
    if (deviceId && problem === 'notfound') return getTrack(kind, null);
    return { track: null, problem };
  }
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

export async function listDevices(): Promise<DeviceLists> {
  const all = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
  return {
    cameras: all.filter((d) => d.kind === 'videoinput'),
    mics: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
  };
}

/** Choosing the speaker needs HTMLMediaElement.setSinkId (Chromium; not Safari or older Firefox). */
export const canPickSpeaker = () =>
  typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

export async function applySink(el: HTMLMediaElement, speakerId: string | null) {
  if (!speakerId || !canPickSpeaker()) return;
  await (el as HTMLMediaElement & { setSinkId(id: string): Promise<void> }).setSinkId(speakerId).catch(() => undefined);
}

let sharedAudio: AudioContext | null = null;
function audioContext(): AudioContext {
  sharedAudio ??= new AudioContext();
  if (sharedAudio.state === 'suspended') void sharedAudio.resume().catch(() => undefined);
  return sharedAudio;
}

/** A live 0..1 level of a microphone track (RMS of the waveform), for meters and "you are speaking". */
export function levelMeter(track: MediaStreamTrack): { level(): number; stop(): void } {
  const ctx = audioContext();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      return Math.min(1, Math.sqrt(sum / data.length) * 4);
    },
    stop() {
      source.disconnect();
    },
  };
}

/**
 * Stand-ins that give every peer connection one audio and one video transceiver from the start,
 * so turning a camera on later is a replaceTrack(), not a renegotiation. They are replaced (or
 * by null) before anything is sent.
 */
export function placeholderTracks(): { audio: MediaStreamTrack; video: MediaStreamTrack } {
  const ctx = audioContext();
  const audio = ctx.createMediaStreamDestination().stream.getAudioTracks()[0]!;
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 16;
  canvas.getContext('2d')?.fillRect(0, 0, 16, 16);
  const video = canvas.captureStream(0).getVideoTracks()[0]!;
  return { audio, video };
}

/**
 * What the join screen prepared (tracks already allowed and running, choices made), handed to the
 * workshop's media controller so nobody is asked twice.
 */
export interface Prepared {
  mic: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
}
let prepared: Prepared | null = null;
export const handOver = {
  put(p: Prepared) {
    prepared = p;
  },
  take(): Prepared | null {
    const p = prepared;
    prepared = null;
    return p;
  },
};

/**
 * Camera and microphone with one permission prompt; what is missing is left out (a laptop without a
 * camera still gets its microphone), and the first problem is reported.
 */
export async function getBoth(
  wantVideo: boolean,
  prefs: DevicePrefs,
): Promise<Prepared & { problem: DeviceProblem | null }> {
  if (!navigator.mediaDevices?.getUserMedia) return { mic: null, camera: null, problem: 'insecure' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: micConstraints(prefs.micId),
      video: wantVideo ? cameraConstraints(prefs.cameraId) : false,
    });
    return { mic: stream.getAudioTracks()[0] ?? null, camera: stream.getVideoTracks()[0] ?? null, problem: null };
  } catch (err) {
    const problem = problemOf(err);
    if (problem !== 'notfound' && problem !== 'inuse') return { mic: null, camera: null, problem };
    // One of the two is missing or busy: take what there is.
    const audio = await getTrack('audio', prefs.micId);
    const video = wantVideo ? await getTrack('video', prefs.cameraId) : { track: null, problem: null };
    return { mic: audio.track, camera: video.track, problem: audio.problem ?? video.problem };
  }
}
