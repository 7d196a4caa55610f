import { PLENARY } from '../../../shared/rooms.js';
import type { Participant, Role } from '../../../shared/workshops/schema.js';
import type { ParticipantRecord, WorkshopRecord } from '../types.js';

type Hash = Record<string, string>;

const num = (s: string | undefined) => Number(s ?? 0);
const numOrNull = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

export function encodeWorkshop(w: WorkshopRecord): string[] {
  return pairs({
    id: w.id,
    code: w.code,
    title: w.title,
    description: w.description,
    languages: JSON.stringify(w.languages),
    startsAt: w.startsAt ?? '',
    createdAt: String(w.createdAt),
    locked: w.locked ? '1' : '0',
    endedAt: w.endedAt === null ? '' : String(w.endedAt),
    moderatorKeyHash: w.moderatorKeyHash,
  });
}

export function decodeWorkshop(h: Hash): WorkshopRecord | null {
  if (!h.id) return null;
  return {
    id: h.id,
    code: h.code ?? '',
    title: h.title ?? '',
    description: h.description ?? '',
    languages: JSON.parse(h.languages ?? '[]') as string[],
    startsAt: h.startsAt ? h.startsAt : null,
    createdAt: num(h.createdAt),
    locked: h.locked === '1',
    endedAt: numOrNull(h.endedAt),
    moderatorKeyHash: h.moderatorKeyHash ?? '',
  };
}

export function encodeParticipant(p: ParticipantRecord): string[] {
  return pairs({
    id: p.id,
    name: p.name,
    town: p.town,
    languages: JSON.stringify(p.languages),
    kind: p.kind,
    headcount: String(p.headcount),
    media: p.media ? '1' : '0',
    micOn: p.micOn ? '1' : '0',
    cameraOn: p.cameraOn ? '1' : '0',
    screenSharing: p.screenSharing ? '1' : '0',
    lowBandwidth: p.lowBandwidth ? '1' : '0',
    onStage: p.onStage ? '1' : '0',
    role: p.role,
    presence: p.presence,
    roomId: p.roomId,
    handRaisedAt: p.handRaisedAt === null ? '' : String(p.handRaisedAt),
    joinedAt: String(p.joinedAt),
    seq: String(p.seq),
    resumeTokenHash: p.resumeTokenHash,
    connectionId: p.connectionId,
    disconnectedAt: String(p.disconnectedAt),
    removed: p.removed ? '1' : '0',
  });
}

export function decodeParticipant(h: Hash): ParticipantRecord | null {
  if (!h.id) return null;
  return {
    id: h.id,
    name: h.name ?? '',
    town: h.town ?? '',
    languages: JSON.parse(h.languages ?? '[]') as string[],
    kind: h.kind === 'group' ? 'group' : 'person',
    headcount: num(h.headcount),
    media: h.media === '1',
    micOn: h.micOn === '1',
    cameraOn: h.cameraOn === '1',
    screenSharing: h.screenSharing === '1',
    lowBandwidth: h.lowBandwidth === '1',
    onStage: h.onStage === '1',
    role: (h.role ?? 'participant') as Role,
    presence: (h.presence ?? 'offline') as Participant['presence'],
    roomId: h.roomId || PLENARY,
    handRaisedAt: numOrNull(h.handRaisedAt),
    joinedAt: num(h.joinedAt),
    seq: num(h.seq),
    resumeTokenHash: h.resumeTokenHash ?? '',
    connectionId: h.connectionId ?? '',
    disconnectedAt: num(h.disconnectedAt),
    removed: h.removed === '1',
  };
}

function pairs(o: Record<string, string>): string[] {
  return Object.entries(o).flat();
}
