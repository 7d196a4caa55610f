import { CHAT_HISTORY, type ChatMessage } from '../../../shared/chat/schema.js';
import type { MediaFlags } from '../../../shared/media/schema.js';
import type { ChatLock, Role, StageView } from '../../../shared/workshops/schema.js';
import { type RedisClient, readHashes, readListed } from '../../store/redis/client.js';
import {
  decodeChatMessage,
  decodeKnock,
  decodeParticipant,
  decodeWorkshop,
  encodeParticipant,
  encodeWorkshop,
  hashReply,
  statusReply,
} from '../../store/redis/codec.js';
import type { RedisKeys } from '../../store/redis/keys.js';
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

/**
 * The workshop hash and its code key expire on their own this long after the workshop's time, in
 * case no node sweeps; normally a sweep deletes them, and everything else of the workshop, first.
 */
const EXPIRY_SLACK_MS = 60 * 60_000;

type ParticipantScript = 'setParticipant' | 'raiseHand' | 'detach' | 'expire' | 'remove' | 'letBackIn';

/** Workshops, participants, chat and media flags in Redis; every guarded write is one Lua script (./scripts.ts). */
export class RedisWorkshopStore implements WorkshopStore {
  constructor(
    protected readonly client: RedisClient,
    protected readonly keys: RedisKeys,
  ) {}

  async createWorkshop(w: WorkshopRecord) {
    const keys = [this.keys.code(w.code), this.keys.workshop(w.id)];
    return (await this.client.createWorkshop(keys, [w.id, ...encodeWorkshop(w)])) === 1;
  }

  async getWorkshop(id: string) {
    return decodeWorkshop(await this.client.hGetAll(this.keys.workshop(id)));
  }

  async workshopIdByCode(code: string) {
    return (await this.client.get(this.keys.code(code))) ?? null;
  }

  async setWorkshopLocked(id: string, locked: boolean) {
    const reply = await this.client.updateWorkshop([this.keys.workshop(id)], ['locked', locked ? '1' : '0']);
    return decodeWorkshop(hashReply(reply, 'workshop'));
  }

  async setChatLock(id: string, lock: ChatLock) {
    const reply = await this.client.updateWorkshop([this.keys.workshop(id)], ['chatLock', lock]);
    return decodeWorkshop(hashReply(reply, 'workshop'));
  }

  async setStageView(id: string, view: StageView) {
    const reply = await this.client.updateWorkshop([this.keys.workshop(id)], ['stage', view]);
    return decodeWorkshop(hashReply(reply, 'workshop'));
  }

  async setAccess(id: string, patch: AccessPatch) {
    const fields: string[] = [];
    if (patch.lobby !== undefined) fields.push('lobby', patch.lobby ? '1' : '0');
    if (patch.passcode !== undefined) fields.push('passcode', patch.passcode);
    if (patch.limit !== undefined) fields.push('limit', String(patch.limit));
    const reply = await this.client.updateWorkshop([this.keys.workshop(id)], fields);
    return decodeWorkshop(hashReply(reply, 'workshop'));
  }

  async endWorkshop(id: string, at: number) {
    return decodeWorkshop(hashReply(await this.client.endWorkshop([this.keys.workshop(id)], [String(at)]), 'workshop'));
  }

  async addParticipant(workshopId: string, p: ParticipantRecord, opts: { bypassLock: boolean; bypassLimit?: boolean }) {
    const keys = [
      this.keys.workshop(workshopId),
      this.keys.participant(workshopId, p.id),
      this.keys.participantIds(workshopId),
      this.keys.stage(workshopId),
    ];
    const flags = [opts.bypassLock ? '1' : '0', opts.bypassLimit ? '1' : '0'];
    const reply = await this.client.addParticipant(keys, [...flags, p.id, ...encodeParticipant(p)]);
    const results = ['ok', 'not_found', 'locked', 'ended', 'full'] as const;
    return statusReply(reply, results, 'addParticipant') satisfies AddParticipantResult;
  }

  private lobbyKeys(workshopId: string) {
    return [this.keys.lobby(workshopId), this.keys.lobbyAdmitted(workshopId)];
  }

  async addKnock(workshopId: string, knock: KnockRecord) {
    const { admitted, ...stored } = knock;
    await this.client.addKnock(this.lobbyKeys(workshopId), [knock.id, JSON.stringify(stored), admitted ? '1' : '0']);
  }

  async listKnocks(workshopId: string) {
    const [all, admitted] = await Promise.all([
      this.client.hVals(this.keys.lobby(workshopId)),
      this.client.sMembers(this.keys.lobbyAdmitted(workshopId)),
    ]);
    const yes = new Set(admitted);
    return all.map((raw) => decodeKnock(raw, (id) => yes.has(id))).sort(byKnockTime);
  }

  async admitKnocks(workshopId: string, knockIds: readonly string[] | 'all') {
    if (knockIds !== 'all' && knockIds.length === 0) return [];
    const reply = (await this.client.admitKnocks(
      this.lobbyKeys(workshopId),
      knockIds === 'all' ? ['*'] : [...knockIds],
    )) as string[];
    return reply.map((raw) => decodeKnock(raw, () => true)).sort(byKnockTime);
  }

  async dropKnock(workshopId: string, knockId: string, opts: { waitingOnly: boolean }) {
    const reply = await this.client.dropKnock(this.lobbyKeys(workshopId), [knockId, opts.waitingOnly ? '1' : '0']);
    if (!Array.isArray(reply)) return null;
    const [raw, admitted] = reply as [string, number];
    return decodeKnock(raw, () => admitted === 1);
  }

  async takeAdmittedKnock(workshopId: string, knockId: string, tokenHash: string) {
    const raw = await this.client.takeAdmittedKnock(this.lobbyKeys(workshopId), [knockId, tokenHash]);
    return typeof raw === 'string' ? decodeKnock(raw, () => true) : null;
  }

  async getParticipant(workshopId: string, participantId: string) {
    return decodeParticipant(await this.client.hGetAll(this.keys.participant(workshopId, participantId)));
  }

  async participantsSeq(workshopId: string) {
    return Number((await this.client.get(this.keys.participantsSeq(workshopId))) ?? 0);
  }

  async participantChangesSince(workshopId: string, since: number) {
    const keys = [
      this.keys.participantsSeq(workshopId),
      this.keys.participantChanges(workshopId),
      this.keys.participantIds(workshopId),
      this.keys.workshop(workshopId),
    ];
    const reply = await this.client.participantChangesSince(keys, [String(since)]);
    if (!Array.isArray(reply)) return null;
    const [seq, ids] = reply as [number, string[]];
    return { seq: Number(seq), ids };
  }

  async getParticipants(workshopId: string, participantIds: readonly string[]) {
    const hashes = await readHashes(
      this.client,
      participantIds.map((id) => this.keys.participant(workshopId, id)),
    );
    return hashes.map(decodeParticipant).filter((p): p is ParticipantRecord => p !== null);
  }

  async listParticipants(workshopId: string) {
    const hashKey = (id: string) => this.keys.participant(workshopId, id);
    return readListed(this.client, this.keys.participantIds(workshopId), hashKey, decodeParticipant);
  }

  setRole(workshopId: string, participantId: string, role: Role) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['role', role]);
  }

  raiseHand(workshopId: string, participantId: string, at: number) {
    return this.updateParticipant('raiseHand', workshopId, participantId, [String(at)]);
  }

  lowerHand(workshopId: string, participantId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['handRaisedAt', '']);
  }

  async attachConnection(workshopId: string, participantId: string, connectionId: string) {
    const keys = [this.keys.participant(workshopId, participantId), this.keys.participantsSeq(workshopId)];
    const reply = await this.client.attach(keys, [connectionId]);
    if (reply === null) return null;
    const [replaced, hash, changed] = reply as [string | null, unknown, number];
    const participant = decodeParticipant(hashReply(hash, 'participant'));
    return participant && { participant, replaced: replaced ?? '', changed: changed === 1 };
  }

  detachConnection(workshopId: string, participantId: string, connectionId: string, at: number) {
    return this.updateParticipant('detach', workshopId, participantId, [connectionId, String(at)]);
  }

  async setWorkshopExpiry(workshop: Pick<WorkshopRecord, 'id' | 'code'>, expiresAt: number) {
    await this.client.setWorkshopExpiry(
      [this.keys.expiries(), this.keys.workshop(workshop.id), this.keys.code(workshop.code)],
      [String(expiresAt), `${workshop.id} ${workshop.code}`, String(expiresAt + EXPIRY_SLACK_MS)],
    );
  }

  async expireWorkshops(now: number, limit: number) {
    const due = await this.client.zRangeByScore(this.keys.expiries(), '-inf', now, {
      LIMIT: { offset: 0, count: limit },
    });
    const gone: string[] = [];
    for (const member of due) {
      const [id = '', code = ''] = member.split(' ');
      // Touched again since it was read (someone joined): not yet.
      const score = await this.client.zScore(this.keys.expiries(), member);
      if (score === null || score > now) continue;
      // Every key of a workshop starts with its hash's key (server/store/redis/keys.ts).
      const keys = [this.keys.workshop(id), this.keys.code(code)];
      for await (const batch of this.client.scanIterator({ MATCH: `${this.keys.workshop(id)}:*`, COUNT: 1000 }))
        keys.push(...batch);
      await this.client.unlink(keys);
      await this.client.zRem(this.keys.breakoutsDue(), id);
      await this.client.zRem(this.keys.speakingDue(), id);
      await this.client.zRem(this.keys.truthsDue(), id);
      await this.client.zRem(this.keys.marketDue(), id);
      await this.client.zRem(this.keys.expiries(), member);
      gone.push(id);
    }
    return gone;
  }

  async heartbeat(connections: readonly LiveConnection[], at: number) {
    if (connections.length === 0) return [];
    const keys = [
      this.keys.seen(),
      ...connections.flatMap((c) => [
        this.keys.participant(c.workshopId, c.participantId),
        this.keys.participantsSeq(c.workshopId),
      ]),
    ];
    const args = [String(at), ...connections.flatMap((c) => [`${c.workshopId} ${c.participantId}`, c.connectionId])];
    const revived = (await this.client.heartbeat(keys, args)) as [number, unknown][];
    const changes: PresenceChange[] = [];
    for (const [i, hash] of revived) {
      const participant = decodeParticipant(hashReply(hash, 'participant'));
      const c = connections[i - 1];
      if (participant && c) changes.push({ workshopId: c.workshopId, participant });
    }
    return changes;
  }

  async sweepPresence(staleBefore: number, offlineBefore: number, limit: number) {
    const cutoff = Math.max(staleBefore, offlineBefore);
    const members = await this.client.zRangeByScore(this.keys.seen(), '-inf', `(${cutoff}`, {
      LIMIT: { offset: 0, count: limit },
    });
    const changes: PresenceChange[] = [];
    for (const member of members) {
      const [workshopId = '', participantId = ''] = member.split(' ');
      const keys = [
        this.keys.seen(),
        this.keys.participant(workshopId, participantId),
        this.keys.participantsSeq(workshopId),
      ];
      const reply = await this.client.sweep(keys, [member, String(staleBefore), String(offlineBefore)]);
      const participant = decodeParticipant(hashReply(reply, 'participant'));
      if (participant) changes.push({ workshopId, participant });
    }
    return changes;
  }

  expirePresence(workshopId: string, participantId: string, disconnectedAt: number) {
    return this.updateParticipant('expire', workshopId, participantId, [String(disconnectedAt)]);
  }

  leave(workshopId: string, participantId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, [
      'presence',
      'offline',
      'connectionId',
      '',
      'handRaisedAt',
      '',
    ]);
  }

  removeParticipant(workshopId: string, participantId: string) {
    return this.updateParticipant('remove', workshopId, participantId, []);
  }

  letBackIn(workshopId: string, participantId: string) {
    return this.updateParticipant('letBackIn', workshopId, participantId, []);
  }

  async appendChat(workshopId: string, message: ChatMessage) {
    await this.client.appendChat(
      [this.keys.chat(workshopId, message.roomId)],
      [JSON.stringify(message), String(CHAT_HISTORY)],
    );
  }

  async replaceChat(workshopId: string, message: ChatMessage) {
    const reply = await this.client.replaceChat(
      [this.keys.chat(workshopId, message.roomId)],
      [message.id, JSON.stringify(message)],
    );
    return statusReply(reply, ['ok', 'not_found', 'deleted'], 'replaceChat');
  }

  async chatHistory(workshopId: string, roomId: string, limit: number) {
    return (await this.client.lRange(this.keys.chat(workshopId, roomId), -limit, -1)).map(decodeChatMessage);
  }

  async appendPrivateChat(workshopId: string, message: ChatMessage, inboxes: readonly string[]) {
    await this.client.appendPrivateChat(
      [this.keys.privateThread(workshopId, message.roomId), ...inboxes.map((i) => this.keys.inbox(workshopId, i))],
      [JSON.stringify(message), String(CHAT_HISTORY), message.roomId],
    );
  }

  async replacePrivateChat(workshopId: string, message: ChatMessage) {
    const reply = await this.client.replaceChat(
      [this.keys.privateThread(workshopId, message.roomId)],
      [message.id, JSON.stringify(message)],
    );
    return statusReply(reply, ['ok', 'not_found', 'deleted'], 'replacePrivateChat');
  }

  async privateThread(workshopId: string, thread: string, limit: number) {
    const raw = await this.client.lRange(this.keys.privateThread(workshopId, thread), -limit, -1);
    return raw.map(decodeChatMessage);
  }

  async privateChat(workshopId: string, inboxes: readonly string[], limit: number) {
    if (inboxes.length === 0) return [];
    const threads = await this.client.sUnion(inboxes.map((i) => this.keys.inbox(workshopId, i)));
    const lists = await Promise.all(threads.map((t) => this.privateThread(workshopId, t, limit)));
    return lists.flat().sort((a, b) => a.at - b.at);
  }

  async updateMedia(
    workshopId: string,
    participantId: string,
    patch: Partial<MediaFlags>,
    opts: { guardStage?: boolean } = {},
  ) {
    const fields = Object.entries(patch).flatMap(([k, v]) => (v === undefined ? [] : [k, v ? '1' : '0']));
    const keys = [
      this.keys.participant(workshopId, participantId),
      this.keys.stage(workshopId),
      this.keys.participantsSeq(workshopId),
    ];
    const reply = await this.client.updateMedia(keys, [opts.guardStage ? '1' : '0', ...fields]);
    if (reply === 'stage') return 'stage' as const;
    return decodeParticipant(hashReply(reply, 'participant'));
  }

  async setStage(workshopId: string, roomId: string, on: boolean) {
    if (on) await this.client.sAdd(this.keys.stage(workshopId), roomId);
    else await this.client.sRem(this.keys.stage(workshopId), roomId);
  }

  async stageRooms(workshopId: string) {
    return (await this.client.sMembers(this.keys.stage(workshopId))).sort();
  }

  setRoom(workshopId: string, participantId: string, roomId: string) {
    return this.updateParticipant('setParticipant', workshopId, participantId, ['roomId', roomId]);
  }

  /** Runs a guarded participant script; it returns the participant as it wrote it, or nil when it did not apply. */
  private async updateParticipant(
    script: ParticipantScript,
    workshopId: string,
    participantId: string,
    args: string[],
  ) {
    const keys = [this.keys.participant(workshopId, participantId), this.keys.participantsSeq(workshopId)];
    const reply = await this.client[script](keys, args);
    return decodeParticipant(hashReply(reply, 'participant'));
  }
}

const byKnockTime = (a: KnockRecord, b: KnockRecord) => a.at - b.at || a.id.localeCompare(b.id);
