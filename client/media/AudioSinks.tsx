import { useEffect, useRef } from 'preact/hooks';
import { applySink } from './devices.js';
import type { MediaState } from './state.js';

/** One hidden <audio> per remote voice that may be heard ([MEDIA5]: receivers enforce mute and stage). */
export function AudioSinks({ media }: { media: MediaState }) {
  const speakerId = media.prefs.value.speakerId;
  return (
    <div hidden>
      {media.tiles.value
        .filter((t) => !t.isSelf && t.audio)
        .map((t) => (
          <RemoteAudio key={t.p.id} track={t.audio!} speakerId={speakerId} onBlocked={media.actions.audioBlocked} />
        ))}
    </div>
  );
}

function RemoteAudio({
  track,
  speakerId,
  onBlocked,
}: {
  track: MediaStreamTrack;
  speakerId: string | null;
  onBlocked: (b: boolean) => void;
}) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current!;
    el.srcObject = new MediaStream([track]);
    el.play().then(
      () => onBlocked(false),
      (err: Error) => err.name === 'NotAllowedError' && onBlocked(true),
    );
    return () => void (el.srcObject = null);
  }, [track]);
  useEffect(() => void applySink(ref.current!, speakerId), [speakerId, track]);
  // biome-ignore lint/a11y/useMediaCaption: a live voice from the call; there is no caption track to offer
  return <audio ref={ref} autoPlay data-testid="remote-audio" />;
}

/** After a click anywhere (a user gesture), blocked audio may play. */
export function resumeAudio() {
  for (const el of document.querySelectorAll<HTMLAudioElement>('audio[data-testid=remote-audio]'))
    void el.play().catch(() => undefined);
}
