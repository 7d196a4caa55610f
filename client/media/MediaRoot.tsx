import { useEffect, useMemo } from 'preact/hooks';
import type { Connection } from '../net/connection.js';
import type { WorkshopState } from '../workshops/state.js';
import { MediaArea } from './MediaArea.js';
import { createMediaState } from './state.js';

/** The media plane of one workshop page: its controller lives as long as this component (see ./lazy.tsx). */
export function MediaRoot({ conn, state }: { conn: Connection; state: WorkshopState }) {
  const media = useMemo(() => createMediaState(conn, state), [conn, state]);
  useEffect(() => () => media.dispose(), [media]);
  return <MediaArea media={media} state={state} />;
}
