import { CHAT_HISTORY } from '../../../shared/chat/schema.js';
import type { ChatMessage } from '../../../shared/chat/schema.js';
import type { MediaFlags } from '../../../shared/media/schema.js';
import type { ChatLock, Role, StageView } from '../../../shared/workshops/schema.js';
import type {
  AccessPatch,
  AddParticipantResult,
  KnockRecord,
  LiveConnection,
  ParticipantRecord,
  PresenceChange,
  WorkshopRecord,
  WorkshopStore,
} from './types.js';

interface WorkshopState {
  workshop: WorkshopRecord;
  participants: Map<string, ParticipantRecord>;
  chat: Map<string, ChatMessage[]>;
  /** [CHAT4] Private threads by thread id, and the thread ids filed under each inbox. */
  privateChat?: Map<string, ChatMessage[]>;
  inboxes?: Map<string, Set<string>>;
  /** Media: rooms in stage mode. */
  stage?: Set<string>;
  /** The participant counter (see WorkshopStore). */
  seq: number;
  /** [WS25] The lobby, in knock order. */
  knocks?: Map<string, KnockRecord>;
}

const copy = <T>(value: T): T => structuredClone(value);

/** The embedded default. Single process: each method runs to completion without awaiting, so it is atomic. */
export class MemoryWorkshopStore implements WorkshopStore {
  private readonly workshops = new Map<string, WorkshopState>();
  private readonly codes = new Map<string, string>();
  /** [WS16] When each workshop may be forgotten. */
  private readonly expiries = new Map<string, number>();
  /** [WS15] Last sighting of every participant who is online or reconnecting, by workshop and participant id. */
  private readonly seen = new Map<string, { workshopId: string; participantId: string; at: number }>();

  async createWorkshop(workshop: WorkshopRecord): Promise<boolean> {
    if (this.codes.has(workshop.code) || this.workshops.has(workshop.id)) return false;
    this.codes.set(workshop.code, workshop.id);
    this.workshops.set(workshop.id, { workshop: copy(workshop), participants: new Map(), chat: new Map(), seq: 0 });
    return true;
  }

  async getWorkshop(id: string) {
    const w = this.workshops.get(id);
    return w ? copy(w.workshop) : null;
  }

  async workshopIdByCode(code: string) {
    return this.codes.get(code) ?? null;
  }

  async setWorkshopLocked(id: string, locked: boolean) {
    return this.updateWorkshop(id, (w) => void (w.locked = locked));
  }

  async setStageView(id: string, view: StageView) {
    return this.updateWorkshop(id, (w) => void (w.stage = view));
  }

  async setChatLock(id: string, lock: ChatLock) {
    return this.updateWorkshop(id, (w) => void (w.chatLock = lock));
  }

  async setAccess(id: string, patch: AccessPatch) {
    return this.updateWorkshop(id, (w) => void Object.assign(w, patch));
  }

  async endWorkshop(id: string, at: number) {
    return this.updateWorkshop(id, (w) => void (w.endedAt ??= at));
  }

  async addParticipant(
    workshopId: string,
    p: ParticipantRecord,
    opts: { bypassLock: boolean; bypassLimit?: boolean },
  ): Promise<AddParticipantResult> {
    const w = this.workshops.get(workshopId);
    if (!w) return 'not_found';
    if (w.workshop.endedAt !== null) return 'ended';
    if (w.workshop.locked && !opts.bypassLock) return 'locked';
    if (w.workshop.limit > 0 && !opts.bypassLimit) {
      let present = 0;
      for (const q of w.participants.values()) if (!q.removed && q.presence !== 'offline') present++;
      if (present >= w.workshop.limit) return 'full';
    }
    const stored = copy(p);
    // Someone joining a room in stage mode as audience comes in with microphone and camera off.
    if (p.role !== 'moderator' && !p.onStage && w.stage?.has(p.roomId))
      Object.assign(stored, { micOn: false, cameraOn: false, screenSharing: false });
    w.participants.set(p.id, stored);
    return 'ok';
  }

  async addKnock(workshopId: string, knock: KnockRecord) {
    const w = this.workshops.get(workshopId);
    if (!w) return;
    w.knocks ??= new Map();
    w.knocks.delete(knock.id); // put back: at its place by time below
    w.knocks.set(knock.id, copy(knock));
  }

  async listKnocks(workshopId: string) {
    const knocks = [...(this.workshops.get(workshopId)?.knocks?.values() ?? [])];
    return knocks.sort(byKnockTime).map(copy);
  }

  async admitKnocks(workshopId: string, knockIds: readonly string[] | 'all') {
    const knocks = this.workshops.get(workshopId)?.knocks;
    if (!knocks) return [];
    const chosen = knockIds === 'all' ? [...knocks.keys()] : knockIds;
    const admitted: KnockRecord[] = [];
    for (const id of chosen) {
      const k = knocks.get(id);
      if (!k || k.admitted) continue;
      k.admitted = true;
      admitted.push(copy(k));
    }
    return admitted.sort(byKnockTime);
  }

  async dropKnock(workshopId: string, knockId: string, opts: { waitingOnly: boolean }) {
    const knocks = this.workshops.get(workshopId)?.knocks;
    const k = knocks?.get(knockId);
    if (!k || (opts.waitingOnly && k.admitted)) return null;
    knocks!.delete(knockId);
    return k;
  }

  async takeAdmittedKnock(workshopId: string, knockId: string, tokenHash: string) {
    const knocks = this.workshops.get(workshopId)?.knocks;
    const k = knocks?.get(knockId);
    if (!k?.admitted || k.tokenHash !== tokenHash) return null;
    knocks!.delete(knockId);
    return k;
  }

  async getParticipant(workshopId: string, participantId: string) {
    const p = this.workshops.get(workshopId)?.participants.get(participantId);
    return p ? copy(p) : null;
  }

  async listParticipants(workshopId: string) {
    const w = this.workshops.get(workshopId);
    return w ? [...w.participants.values()].map(copy) : [];
  }

  async participantsSeq(workshopId: string) {
    return this.workshops.get(workshopId)?.seq ?? 0;
  }

  async participantChangesSince(workshopId: string, since: number) {
    const w = this.workshops.get(workshopId);
    if (!w || since > w.seq) return null;
    const all = [...w.participants.values()];
    if (all.some((p) => p.seq === 0)) return null;
    return { seq: w.seq, ids: all.filter((p) => p.seq > since).map((p) => p.id) };
  }

  async getParticipants(workshopId: string, participantIds: readonly string[]) {
    const w = this.workshops.get(workshopId);
    return participantIds.flatMap((id) => {
      const p = w?.participants.get(id);
      return p ? [copy(p)] : [];
    });
  }

  async setRole(workshopId: string, participantId: string, role: Role) {
    return this.updateParticipant(workshopId, participantId, (p) => void (p.role = role));
  }

  async raiseHand(workshopId: string, participantId: string, at: number) {
    return this.updateParticipant(workshopId, participantId, (p) => void (p.handRaisedAt ??= at));
  }

  async lowerHand(workshopId: string, participantId: string) {
    return this.updateParticipant(workshopId, participantId, (p) => void (p.handRaisedAt = null));
  }

  async attachConnection(workshopId: string, participantId: string, connectionId: string) {
    const before = this.workshops.get(workshopId)?.participants.get(participantId);
    const changed = before?.presence !== 'online' || before.fullSeq === 0;
    let replaced = '';
    const participant = this.updateParticipant(
      workshopId,
      participantId,
      (p) => {
        replaced = p.connectionId;
        p.connectionId = connectionId;
        p.presence = 'online';
        p.disconnectedAt = 0;
      },
      changed ? 'presence' : false,
    );
    return participant ? { participant, replaced, changed } : null;
  }

  async detachConnection(workshopId: string, participantId: string, connectionId: string, at: number) {
    const p = this.workshops.get(workshopId)?.participants.get(participantId);
    if (!p || p.removed || p.connectionId !== connectionId) return null;
    return this.updateParticipant(
      workshopId,
      participantId,
      (q) => {
        q.connectionId = '';
        q.presence = 'reconnecting';
        q.disconnectedAt = at;
      },
      'presence',
    );
  }

  async setWorkshopExpiry(workshop: Pick<WorkshopRecord, 'id' | 'code'>, expiresAt: number) {
    if (this.workshops.has(workshop.id)) this.expiries.set(workshop.id, expiresAt);
  }

  async expireWorkshops(now: number, limit: number) {
    const due = [...this.expiries].filter(([, at]) => at <= now).slice(0, limit);
    for (const [id] of due) {
      const w = this.workshops.get(id);
      if (w) this.codes.delete(w.workshop.code);
      this.workshops.delete(id);
      this.expiries.delete(id);
      for (const [key, entry] of this.seen) if (entry.workshopId === id) this.seen.delete(key);
    }
    return due.map(([id]) => id);
  }

  async heartbeat(connections: readonly LiveConnection[], at: number) {
    const revived: PresenceChange[] = [];
    for (const c of connections) {
      const p = this.workshops.get(c.workshopId)?.participants.get(c.participantId);
      if (!p || p.removed || p.connectionId !== c.connectionId) continue;
      this.seen.set(`${c.workshopId} ${c.participantId}`, {
        workshopId: c.workshopId,
        participantId: c.participantId,
        at,
      });
      if (p.presence !== 'reconnecting') continue;
      const back = this.updateParticipant(
        c.workshopId,
        c.participantId,
        (q) => {
          q.presence = 'online';
          q.disconnectedAt = 0;
        },
        'presence',
      );
      if (back) revived.push({ workshopId: c.workshopId, participant: back });
    }
    return revived;
  }

  async sweepPresence(staleBefore: number, offlineBefore: number, limit: number) {
    const changed: PresenceChange[] = [];
    for (const [key, entry] of this.seen) {
      if (changed.length >= limit) break;
      const p = this.workshops.get(entry.workshopId)?.participants.get(entry.participantId);
      if (!p || p.removed || p.presence === 'offline') {
        this.seen.delete(key);
      } else if (p.presence === 'online' && entry.at < staleBefore) {
        const gone = this.updateParticipant(
          entry.workshopId,
          entry.participantId,
          (q) => {
            q.presence = 'reconnecting';
            q.disconnectedAt = entry.at;
          },
          'presence',
        );
        if (gone) changed.push({ workshopId: entry.workshopId, participant: gone });
      } else if (p.presence === 'reconnecting' && p.disconnectedAt < offlineBefore) {
        const off = this.updateParticipant(entry.workshopId, entry.participantId, (q) => {
          Object.assign(q, { presence: 'offline', handRaisedAt: null, connectionId: '' });
        });
        this.seen.delete(key);
        if (off) changed.push({ workshopId: entry.workshopId, participant: off });
      }
    }
    return changed;
  }

  async expirePresence(workshopId: string, participantId: string, disconnectedAt: number) {
    const p = this.workshops.get(workshopId)?.participants.get(participantId);
    if (p?.connectionId !== '' || p.presence !== 'reconnecting' || p.disconnectedAt !== disconnectedAt) return null;
    return this.updateParticipant(workshopId, participantId, (q) => {
      q.presence = 'offline';
      q.handRaisedAt = null;
    });
  }

  async leave(workshopId: string, participantId: string) {
    return this.updateParticipant(workshopId, participantId, (p) => {
      p.presence = 'offline';
      p.connectionId = '';
      p.handRaisedAt = null;
    });
  }

  async removeParticipant(workshopId: string, participantId: string) {
    return this.updateParticipant(workshopId, participantId, (p) => {
      p.presence = 'offline';
      p.connectionId = '';
      p.handRaisedAt = null;
      p.removed = true;
      p.barred = true;
    });
  }

  async letBackIn(workshopId: string, participantId: string) {
    const p = this.workshops.get(workshopId)?.participants.get(participantId);
    if (!p?.removed) return null;
    p.barred = false;
    return copy(p);
  }

  async appendChat(workshopId: string, message: ChatMessage) {
    const w = this.workshops.get(workshopId);
    if (!w) return;
    const list = w.chat.get(message.roomId) ?? [];
    list.push(copy(message));
    if (list.length > CHAT_HISTORY) list.splice(0, list.length - CHAT_HISTORY);
    w.chat.set(message.roomId, list);
  }

  async replaceChat(workshopId: string, message: ChatMessage) {
    const list = this.workshops.get(workshopId)?.chat.get(message.roomId) ?? [];
    const i = list.findIndex((m) => m.id === message.id);
    if (i < 0) return 'not_found' as const;
    if (list[i]!.deleted) return 'deleted' as const;
    list[i] = copy(message);
    return 'ok' as const;
  }

  async chatHistory(workshopId: string, roomId: string, limit: number) {
    const list = this.workshops.get(workshopId)?.chat.get(roomId) ?? [];
    return list.slice(-limit).map(copy);
  }

  async appendPrivateChat(workshopId: string, message: ChatMessage, inboxes: readonly string[]) {
    const w = this.workshops.get(workshopId);
    if (!w) return;
    const threads = (w.privateChat ??= new Map());
    const list = threads.get(message.roomId) ?? [];
    list.push(copy(message));
    if (list.length > CHAT_HISTORY) list.splice(0, list.length - CHAT_HISTORY);
    threads.set(message.roomId, list);
    const filed = (w.inboxes ??= new Map());
    for (const inbox of inboxes) filed.set(inbox, (filed.get(inbox) ?? new Set()).add(message.roomId));
  }

  async replacePrivateChat(workshopId: string, message: ChatMessage) {
    const list = this.workshops.get(workshopId)?.privateChat?.get(message.roomId) ?? [];
    const i = list.findIndex((m) => m.id === message.id);
    if (i < 0) return 'not_found' as const;
    if (list[i]!.deleted) return 'deleted' as const;
    list[i] = copy(message);
    return 'ok' as const;
  }

  async privateThread(workshopId: string, thread: string, limit: number) {
    const list = this.workshops.get(workshopId)?.privateChat?.get(thread) ?? [];
    return list.slice(-limit).map(copy);
  }

  async privateChat(workshopId: string, inboxes: readonly string[], limit: number) {
    const w = this.workshops.get(workshopId);
    const threads = new Set(inboxes.flatMap((inbox) => [...(w?.inboxes?.get(inbox) ?? [])]));
    const out = [...threads].flatMap((t) => (w?.privateChat?.get(t) ?? []).slice(-limit));
    return out.sort((a, b) => a.at - b.at).map(copy);
  }

  async updateMedia(
    workshopId: string,
    participantId: string,
    patch: Partial<MediaFlags>,
    opts: { guardStage?: boolean } = {},
  ) {
    const w = this.workshops.get(workshopId);
    const p = w?.participants.get(participantId);
    if (!w || !p || p.removed) return null;
    const sends = patch.micOn || patch.cameraOn || patch.screenSharing;
    if (opts.guardStage && sends && p.role !== 'moderator' && !p.onStage && w.stage?.has(p.roomId))
      return 'stage' as const;
    return this.updateParticipant(workshopId, participantId, (q) => void Object.assign(q, definedOnly(patch)));
  }

  async setStage(workshopId: string, roomId: string, on: boolean) {
    const w = this.workshops.get(workshopId);
    if (!w) return;
    w.stage ??= new Set();
    if (on) w.stage.add(roomId);
    else w.stage.delete(roomId);
  }

  async stageRooms(workshopId: string) {
    return [...(this.workshops.get(workshopId)?.stage ?? [])].sort();
  }

  async setRoom(workshopId: string, participantId: string, roomId: string) {
    return this.updateParticipant(workshopId, participantId, (p) => void (p.roomId = roomId));
  }

  /**
   * setRoom in the same synchronous turn (for a breakout store applying moves atomically); false when not
   * applied. Moves are announced with the breakouts' version, not the participant counter.
   */
  placeNow(workshopId: string, participantId: string, roomId: string): boolean {
    return this.updateParticipant(workshopId, participantId, (p) => void (p.roomId = roomId), false) !== null;
  }

  /** A participant as stored now, and whether a room is in stage mode now (for a store's synchronous step). */
  participantNow(workshopId: string, participantId: string): ParticipantRecord | null {
    const p = this.workshops.get(workshopId)?.participants.get(participantId);
    return p ? copy(p) : null;
  }

  stageNow(workshopId: string, roomId: string): boolean {
    return this.workshops.get(workshopId)?.stage?.has(roomId) ?? false;
  }

  /** updateMedia in the same synchronous turn (for the speaking store's [SPEAK12]); false when not applied. */
  mediaNow(workshopId: string, participantId: string, patch: Partial<MediaFlags>): boolean {
    return this.updateParticipant(workshopId, participantId, (q) => void Object.assign(q, definedOnly(patch))) !== null;
  }

  private updateWorkshop(id: string, change: (w: WorkshopRecord) => void) {
    const w = this.workshops.get(id);
    if (!w) return null;
    change(w.workshop);
    return copy(w.workshop);
  }

  /**
   * Changes a participant who exists and was not removed (bumping the counter); returns the new state.
   * [WS30] `'presence'`: a change of presence alone, which leaves `fullSeq` (but for the first attach).
   */
  private updateParticipant(
    workshopId: string,
    participantId: string,
    change: (p: ParticipantRecord) => void,
    bump: boolean | 'presence' = true,
  ) {
    const w = this.workshops.get(workshopId);
    const p = w?.participants.get(participantId);
    if (!w || !p || p.removed) return null;
    change(p);
    if (bump) p.seq = ++w.seq;
    if (bump === true || (bump === 'presence' && p.fullSeq === 0)) p.fullSeq = p.seq;
    return copy(p);
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const byKnockTime = (a: KnockRecord, b: KnockRecord) => a.at - b.at || a.id.localeCompare(b.id);
