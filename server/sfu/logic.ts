/**
 * SFU rules (shared/media/RULES.md, [MEDIA13]-[MEDIA16]). Pure: participants, placements and feeds
 * come in, a decision or a CommandError goes out.
 */
import { CommandError } from '../../shared/command.js';
import { maySend } from '../../shared/media/policy.js';
import { type SfuStream, type SfuWant, TOP_LAYER } from '../../shared/media/sfu.js';
import type { SfuFeed } from './store/types.js';
import type { ParticipantRecord } from '../workshops/store/types.js';

/** [MEDIA14] Only a participant with media takes part in SFU signalling (removed ones never reach here). */
export function checkSfuMember(actor: ParticipantRecord): void {
  if (!actor.media) throw new CommandError('forbidden', 'Only participants with media use the media server');
}

/** [MEDIA5] on the SFU: in stage mode only moderators and people on stage publish. */
export function checkPublish(actor: ParticipantRecord, stageRooms: readonly string[]): void {
  checkSfuMember(actor);
  if (!maySend(actor, stageRooms))
    throw new CommandError('forbidden', 'Stage mode: only people on stage may speak or send video');
}

/** The media participants of one room, as the client counts them (present or reconnecting, with media). */
export function mediaParticipants(
  everyone: readonly ParticipantRecord[],
  roomId: string,
  isPresent: (p: ParticipantRecord) => boolean,
): ParticipantRecord[] {
  return everyone.filter((p) => !p.removed && p.media && p.roomId === roomId && isPresent(p));
}

/** Least loaded answering instance; ties go to the one listed first in JANUS_URLS. */
export function pickServer(up: readonly string[], load: Record<string, number>): string | null {
  let best: string | null = null;
  for (const url of up) if (best === null || (load[url] ?? 0) < (load[best] ?? 0)) best = url;
  return best;
}

/** The transceiver id (mid) of the first audio and the first video section of an SDP. */
export function sdpMids(sdp: string): { audio?: string; video?: string } {
  const out: { audio?: string; video?: string } = {};
  let kind: 'audio' | 'video' | null = null;
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) {
      const k = line.slice(2).split(' ')[0];
      kind = k === 'audio' || k === 'video' ? k : null;
    } else if (kind && line.startsWith('a=mid:') && out[kind] === undefined) {
      out[kind] = line.slice(6).trim();
    }
  }
  return out;
}

export interface Target {
  participantId: string;
  kind: 'audio' | 'video';
  feed: number;
  /** The publisher's mid of this stream. */
  mid: string;
  layer: number;
}

export const targetKey = (t: { feed: number; mid: string }) => `${t.feed}/${t.mid}`;

/**
 * [MEDIA14] What a subscriber may receive of what it asks for: streams of others in its own room
 * who publish in this Janus room, and in stage mode only of those allowed to send ([MEDIA5]).
 * Asking for someone of another room is refused (`forbidden`), for an unknown id `not_found`.
 */
export function allowedTargets(
  actor: ParticipantRecord,
  wants: readonly SfuWant[],
  people: ReadonlyMap<string, ParticipantRecord>,
  feeds: Readonly<Record<string, SfuFeed>>,
  janusRoom: number,
  stageRooms: readonly string[],
): Target[] {
  const out = new Map<string, Target>();
  for (const w of wants) {
    const p = people.get(w.participantId);
    const feed = feeds[w.participantId];
    if (!p || p.removed) throw new CommandError('not_found', 'No such participant in this workshop');
    if (p.roomId !== actor.roomId) throw new CommandError('forbidden', 'That participant is in another room');
    if (p.id === actor.id || !p.media) continue;
    if (!feed || feed.janusRoom !== janusRoom || feed.roomId !== actor.roomId) continue;
    if (!maySend(p, stageRooms)) continue;
    const mid = feed.mids[w.kind];
    if (mid === undefined) continue;
    const t = { participantId: p.id, kind: w.kind, feed: feed.feed, mid, layer: w.layer ?? TOP_LAYER };
    out.set(targetKey(t), t);
  }
  return [...out.values()];
}

/** What to add and drop to go from the current subscription to the wanted one. */
export function subscriptionDiff(current: ReadonlyMap<string, Target>, next: readonly Target[]) {
  const wanted = new Map(next.map((t) => [targetKey(t), t]));
  return {
    add: [...wanted].filter(([k]) => !current.has(k)).map(([, t]) => t),
    drop: [...current].filter(([k]) => !wanted.has(k)).map(([, t]) => t),
    /** Streams kept whose simulcast layer changes. */
    relayer: [...wanted].filter(([k, t]) => current.has(k) && current.get(k)!.layer !== t.layer).map(([, t]) => t),
  };
}

/** Janus's description of the subscriber connection, in participants' terms. */
export function streamsOf(
  janus: readonly { type: string; mid: string; feed_id?: number; active?: boolean }[],
  byFeed: ReadonlyMap<number, string>,
): SfuStream[] {
  const out: SfuStream[] = [];
  for (const s of janus) {
    if ((s.type !== 'audio' && s.type !== 'video') || s.active === false || s.feed_id === undefined) continue;
    const participantId = byFeed.get(s.feed_id);
    if (participantId) out.push({ mid: s.mid, participantId, kind: s.type });
  }
  return out;
}
