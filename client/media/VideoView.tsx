import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * One video track in a <video>. "Live" means frames arrived (requestVideoFrameCallback or a size),
 * not merely that a stream exists.
 */
export function VideoView({
  track,
  mirrored,
  remoteId,
  onLive,
}: {
  track: MediaStreamTrack;
  mirrored?: boolean;
  remoteId?: string;
  onLive?: (live: boolean) => void;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    setLive(false);
    onLive?.(false);
    el.srcObject = new MediaStream([track]);
    void el.play().catch(() => undefined);
    const withCallback = el as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };
    const arrived = () => {
      if (cancelled) return;
      // A frame without a size yet (the element has not taken the stream's dimensions): wait for the next.
      if (el.videoWidth === 0) return void withCallback.requestVideoFrameCallback?.(arrived);
      setLive(true);
      onLive?.(true);
      if (remoteId) performance.mark('media:first-frame', { detail: { remoteId, trackId: track.id } });
    };
    if (withCallback.requestVideoFrameCallback) withCallback.requestVideoFrameCallback(arrived);
    else el.addEventListener('resize', arrived, { once: true });
    return () => {
      cancelled = true;
      el.srcObject = null;
    };
  }, [track]);
  return (
    <video
      ref={ref}
      class={`tile__video${mirrored ? ' tile__video--mirrored' : ''}`}
      autoPlay
      playsInline
      muted
      data-live={live ? 'true' : 'false'}
    />
  );
}
