import { describe, expect, test } from 'vitest';
import { AUDIO_KBPS, CAMERA_MAX_KBPS, plannedUploadKbps, videoCap } from './bitrate.js';

describe('[MEDIA10] upload budget', () => {
  test('a small room gets the per-stream maximum, full resolution', () => {
    expect(videoCap(2500, 1, 1, 'camera')).toEqual({
      maxBitrate: CAMERA_MAX_KBPS * 1000,
      scaleResolutionDownBy: 1,
      maxFramerate: 30,
    });
  });

  test('the cap per peer falls and the resolution steps down as the room grows', () => {
    const caps = [1, 2, 3, 5, 8, 12].map((n) => videoCap(2500, n, n, 'camera'));
    for (let i = 1; i < caps.length; i++) {
      expect(caps[i]!.maxBitrate).toBeLessThanOrEqual(caps[i - 1]!.maxBitrate);
      expect(caps[i]!.scaleResolutionDownBy).toBeGreaterThanOrEqual(caps[i - 1]!.scaleResolutionDownBy);
      expect(caps[i]!.maxFramerate).toBeLessThanOrEqual(caps[i - 1]!.maxFramerate);
    }
    expect(caps[3]!.scaleResolutionDownBy).toBeGreaterThan(1);
  });

  test('seeded random rooms never plan more than the budget', () => {
    let seed = 20240603;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const budget = 200 + Math.floor(rand() * 5000);
      const audio = 1 + Math.floor(rand() * 30);
      const video = Math.floor(rand() * (audio + 1));
      const kind = rand() < 0.2 ? 'screen' : 'camera';
      const cap = videoCap(budget, audio, video, kind);
      if (cap.maxBitrate > 0) expect(plannedUploadKbps(audio, cap, video)).toBeLessThanOrEqual(budget);
    }
  });

  test('[MEDIA11] audio wins: when the budget cannot carry video, none is sent', () => {
    expect(videoCap(500, 10, 10, 'camera').maxBitrate).toBe(0);
    expect(videoCap(500, 10, 0, 'camera').maxBitrate).toBe(0);
    expect(AUDIO_KBPS * 10).toBeLessThan(500);
  });

  test('a screen keeps its resolution', () => {
    expect(videoCap(2500, 5, 5, 'screen').scaleResolutionDownBy).toBe(1);
  });
});
