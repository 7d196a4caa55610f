/**
 * [MEDIA10] The upload budget, as a pure function: how much each outbound video may use so that one
 * person's total (audio first) stays within the budget.
 */

/** What one Opus stream uses with packet overhead, reserved per peer before any video. */
export const AUDIO_KBPS = 48;
/** Above this a camera stream per peer gains little in a small tile. */
export const CAMERA_MAX_KBPS = 1200;
const SCREEN_MAX_KBPS = 2000;
/** Below this, video is not worth sending: audio wins. */
const VIDEO_MIN_KBPS = 60;

export interface VideoCap {
  /** bit/s for RTCRtpEncodingParameters.maxBitrate; 0 = send no video. */
  maxBitrate: number;
  scaleResolutionDownBy: number;
  /** Fewer frames for smaller shares: each peer is a separate encode, so this also spares the CPU. */
  maxFramerate: number;
}

/**
 * @param audioPeers  peers I send audio to
 * @param videoPeers  peers I send video to
 */
export function videoCap(
  budgetKbps: number,
  audioPeers: number,
  videoPeers: number,
  kind: 'camera' | 'screen',
): VideoCap {
  if (videoPeers <= 0) return { maxBitrate: 0, scaleResolutionDownBy: 1, maxFramerate: 0 };
  const forVideo = budgetKbps - AUDIO_KBPS * audioPeers;
  const share = Math.floor(forVideo / videoPeers);
  if (share < VIDEO_MIN_KBPS) return { maxBitrate: 0, scaleResolutionDownBy: 1, maxFramerate: 0 };
  const kbps = Math.min(share, kind === 'screen' ? SCREEN_MAX_KBPS : CAMERA_MAX_KBPS);
  // A screen keeps its resolution (text must stay readable) and gives up frame rate instead.
  const scale = kind === 'screen' ? 1 : kbps >= 600 ? 1 : kbps >= 300 ? 1.5 : kbps >= 150 ? 2 : 3;
  const fps = kind === 'screen' ? 15 : kbps >= 600 ? 30 : kbps >= 300 ? 20 : 15;
  return { maxBitrate: kbps * 1000, scaleResolutionDownBy: scale, maxFramerate: fps };
}

/** The upload this plan uses at most, in kbit/s (what the budget promises). */
export function plannedUploadKbps(audioPeers: number, cap: VideoCap, videoPeers: number): number {
  return AUDIO_KBPS * audioPeers + (cap.maxBitrate / 1000) * videoPeers;
}
