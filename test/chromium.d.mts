export interface FakeVideo {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  /** Random pixels instead of a walking bar: incompressible, for tests of bandwidth. */
  readonly noise?: boolean;
}
export const BASE_ARGS: string[];
export const FAKE_VIDEO: FakeVideo;
export function fakeVideoFile(video?: FakeVideo): string;
export function chromiumArgs(video?: FakeVideo): string[];
