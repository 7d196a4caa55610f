import { mayWriteChat } from '../../shared/chat/rules.js';
import { CommandError } from '../../shared/command.js';
import { PLENARY } from '../../shared/rooms.js';
import { nameKey } from '../../shared/workshops/names.js';
import type {
  Knock,
  Participant,
  RemovedParticipant,
  Role,
  WorkshopInfo,
  WorkshopPreview,
} from '../../shared/workshops/schema.js';
import type { z } from 'zod';
import type { lobbyKnockSchema, workshopCreateSchema, workshopJoinSchema } from '../../shared/workshops/schema.js';
import { hashSecret, secretMatches, type IdSource } from '../ids.js';
import type { KnockRecord, ParticipantRecord, WorkshopRecord } from './store/types.js';

/** Time and randomness come in; nothing here reads the clock or touches the store. */
export interface LogicCtx {
  now: number;
  ids: IdSource;
}

export function newWorkshop(input: z.output<typeof workshopCreateSchema>, ctx: LogicCtx) {
  const moderatorKey = ctx.ids.secret();
  const record: WorkshopRecord = {
    id: ctx.ids.id(16),
    code: ctx.ids.joinCode(),
    title: input.title,
    description: input.description,
    languages: [...new Set(input.languages)],
    countries: [...new Set(input.countries)],
    startsAt: input.startsAt,
    createdAt: ctx.now,
    locked: false,
    chatLock: 'open',
    stage: 'video',
    lobby: false,
    passcode: '',
    limit: 0,
    endedAt: null,
    moderatorKeyHash: hashSecret(moderatorKey),
  };
  return { record, moderatorKey };
}

export function moderatorKeyMatches(workshop: WorkshopRecord, moderatorKey: string): boolean {
  return secretMatches(moderatorKey, workshop.moderatorKeyHash);
}

/** [WS3] A valid moderator key makes the joiner a moderator; a wrong one is refused, not downgraded. */
export function roleForJoin(
  workshop: WorkshopRecord,
  moderatorKey: string | undefined,
  keyOk = moderatorKey !== undefined && moderatorKeyMatches(workshop, moderatorKey),
): Role {
  if (moderatorKey === undefined) return 'participant';
  if (!keyOk) throw new CommandError('forbidden', 'This moderator link is not valid for this workshop');
  return 'moderator';
}

/** [WS18] A participant may not take a name that reads like a moderator's (moderators are marked as such). */
export function checkNameFree(name: string, role: Role, everyone: readonly ParticipantRecord[]) {
  if (role === 'moderator') return;
  const key = nameKey(name);
  if (everyone.some((p) => p.role === 'moderator' && !p.removed && nameKey(p.name) === key))
    throw new CommandError('name_taken', 'A moderator has this name; please choose another');
}

/**
 * [WS19] Removal sticks: someone a moderator removed cannot join again from the same browser, nor
 * under the same name and town from another one, until a moderator lets them back in.
 */
export function checkNotBarred(
  input: { name: string; town: string; device?: string | undefined },
  everyone: readonly ParticipantRecord[],
) {
  const deviceHash = input.device ? hashSecret(input.device) : '';
  const same = (a: string, b: string) => nameKey(a) === nameKey(b);
  const barred = everyone.some(
    (p) =>
      p.barred &&
      ((deviceHash !== '' && p.deviceHash === deviceHash) || (same(p.name, input.name) && same(p.town, input.town))),
  );
  if (barred) throw new CommandError('removed', 'You were removed from this workshop; a moderator can let you back in');
}

/** [WS24] A closed chat takes messages from moderators only (in the plenary, or everywhere). */
export function checkChatOpen(workshop: WorkshopRecord, actor: ParticipantRecord) {
  if (!mayWriteChat(workshop.chatLock, actor))
    throw new CommandError('chat_locked', 'The moderators have closed the chat here');
}

/** [WS4] An ended workshop takes nobody; a locked one only moderators (and those a moderator let in: `admitted`). */
export function checkJoinable(workshop: WorkshopRecord, role: Role, admitted = false) {
  if (workshop.endedAt !== null) throw new CommandError('ended', 'The workshop has ended');
  if (workshop.locked && role !== 'moderator' && !admitted)
    throw new CommandError('locked', 'The workshop is locked: no new participants');
}

/**
 * [WS26] Whether a passcode is needed and fits: 'none' needed, 'ok', 'missing' (ask for it) or
 * 'wrong' (counts as a failed attempt). Compared in constant time.
 */
export function passcodeCheck(
  workshop: WorkshopRecord,
  given: string | undefined,
): 'none' | 'ok' | 'missing' | 'wrong' {
  if (workshop.passcode === '') return 'none';
  const typed = given?.trim() ?? '';
  if (typed === '') return 'missing';
  return secretMatches(typed, hashSecret(workshop.passcode)) ? 'ok' : 'wrong';
}

/** [WS25] A knock at the lobby and the token its browser keeps (only the token's hash is stored). */
export function newKnock(input: z.output<typeof lobbyKnockSchema>, admitted: boolean, ctx: LogicCtx) {
  const token = ctx.ids.secret();
  const record: KnockRecord = {
    id: ctx.ids.id(12),
    name: input.name,
    town: input.town,
    languages: [...new Set(input.languages)],
    kind: input.kind,
    headcount: input.headcount,
    at: ctx.now,
    tokenHash: hashSecret(token),
    deviceHash: input.device ? hashSecret(input.device) : '',
    admitted,
  };
  return { record, token };
}

/** [WS25] Who knocked, as moderators see it. */
export function toKnock(k: KnockRecord): Knock {
  const { tokenHash: _token, deviceHash: _device, admitted: _admitted, ...knock } = k;
  return knock;
}

/** [WS25] Someone let in joins as who they knocked as: the name the moderators let in. */
export function asKnocked<T extends { name: string; town: string; kind: string; headcount: number }>(
  input: T,
  knock: KnockRecord,
): T {
  return { ...input, name: knock.name, town: knock.town, kind: knock.kind, headcount: knock.headcount };
}

export function newParticipant(input: z.output<typeof workshopJoinSchema>, role: Role, ctx: LogicCtx) {
  const resumeToken = ctx.ids.secret();
  const record: ParticipantRecord = {
    id: ctx.ids.id(12),
    name: input.name,
    town: input.town,
    languages: [...new Set(input.languages)],
    kind: input.kind,
    headcount: input.headcount,
    media: input.media,
    micOn: input.micOn,
    cameraOn: input.cameraOn,
    screenSharing: false,
    lowBandwidth: false,
    onStage: false,
    role,
    // [WS27] Present from the moment it is stored: people joining side by side count against the limit
    // before their connection is attached (which announces them).
    presence: 'online',
    roomId: PLENARY,
    handRaisedAt: null,
    joinedAt: ctx.now,
    // Not announced until attached: attaching gives the first number.
    seq: 0,
    fullSeq: 0,
    resumeTokenHash: hashSecret(resumeToken),
    connectionId: '',
    disconnectedAt: 0,
    removed: false,
    deviceHash: input.device ? hashSecret(input.device) : '',
    barred: false,
  };
  return { record, resumeToken };
}

/** [WS6] Resume needs the participant's own token; a removed participant cannot come back. */
export function checkResume(p: ParticipantRecord | null, resumeToken: string): ParticipantRecord {
  if (!p || !secretMatches(resumeToken, p.resumeTokenHash))
    throw new CommandError('not_found', 'This session is no longer known');
  if (p.removed) throw new CommandError('removed', 'You were removed from this workshop');
  return p;
}

/** [WS7] Moderators may promote anyone still in the workshop; promoting a moderator changes nothing. */
export function checkPromote(target: ParticipantRecord | null): ParticipantRecord {
  if (!target || target.removed) throw new CommandError('not_found', 'No such participant');
  return target;
}

/** [WS23] A moderator may be made a participant again, unless they are the last moderator present. */
export function checkDemote(everyone: readonly ParticipantRecord[], targetId: string): ParticipantRecord {
  const target = everyone.find((p) => p.id === targetId && !p.removed);
  if (!target) throw new CommandError('not_found', 'No such participant');
  if (target.role !== 'moderator') return target;
  const moderators = everyone.filter((p) => p.role === 'moderator' && !p.removed && p.presence !== 'offline');
  if (moderators.every((p) => p.id === target.id))
    throw new CommandError('last_moderator', 'A workshop needs at least one moderator');
  return target;
}

/** [WS8] A moderator may remove anyone but themselves. */
export function checkRemove(actor: ParticipantRecord, target: ParticipantRecord | null): ParticipantRecord {
  if (!target || target.removed) throw new CommandError('not_found', 'No such participant');
  if (target.id === actor.id) throw new CommandError('forbidden', 'You cannot remove yourself; leave instead');
  return target;
}

/** [WS9] Anyone lowers their own hand; only moderators lower someone else's. */
export function checkLowerHand(actor: ParticipantRecord, targetId: string | undefined): string {
  const id = targetId ?? actor.id;
  if (id !== actor.id && actor.role !== 'moderator')
    throw new CommandError('forbidden', "Only moderators may lower someone else's hand");
  return id;
}

/** [WS10] Someone who dropped and did not return within the grace period counts as offline. */
export function effectivePresence(p: ParticipantRecord, now: number, graceMs: number): Participant['presence'] {
  if (p.presence === 'reconnecting' && now - p.disconnectedAt >= graceMs) return 'offline';
  return p.presence;
}

export function toPublicParticipant(p: ParticipantRecord, now: number, graceMs: number): Participant {
  return {
    id: p.id,
    name: p.name,
    town: p.town,
    languages: p.languages,
    kind: p.kind,
    headcount: p.headcount,
    media: p.media,
    micOn: p.micOn,
    cameraOn: p.cameraOn,
    screenSharing: p.screenSharing,
    lowBandwidth: p.lowBandwidth,
    onStage: p.onStage,
    role: p.role,
    presence: effectivePresence(p, now, graceMs),
    roomId: p.roomId,
    handRaisedAt: p.handRaisedAt,
    joinedAt: p.joinedAt,
    seq: p.seq,
  };
}

/** [WS30][WS31] The participant's last change was of their presence alone (the page knows the rest of them). */
export function presenceOnly(p: ParticipantRecord): boolean {
  return p.fullSeq < p.seq;
}

export function toRemoved(p: ParticipantRecord): RemovedParticipant {
  return { id: p.id, name: p.name, town: p.town };
}

export function toPublicWorkshop(w: WorkshopRecord): WorkshopInfo {
  const { moderatorKeyHash: _secret, ...info } = w;
  return info;
}

/**
 * [WS2] What someone who has only the code sees: what the invitation says (title, description,
 * languages, start, lock and end) and the towns of the join form, but only towns at least two
 * people came from (a town of one person, with the title, would point at that person). No
 * names, no counts, no internal id.
 */
export function toPreview(w: WorkshopRecord, participants: readonly ParticipantRecord[]): WorkshopPreview {
  const { code, title, description, languages, startsAt, locked, endedAt, lobby } = w;
  return {
    workshop: {
      code,
      title,
      description,
      languages,
      startsAt,
      locked,
      endedAt,
      lobby,
      passcodeNeeded: w.passcode !== '',
    },
    towns: townSuggestions(participants, 2),
  };
}

/** Towns already present, for the join form's suggestions: most people first, then by name. */
export function townSuggestions(participants: readonly ParticipantRecord[], minPeople = 1): string[] {
  const counts = new Map<string, { town: string; n: number }>();
  for (const p of participants) {
    if (p.removed) continue;
    const key = p.town.trim().toLocaleLowerCase();
    const entry = counts.get(key) ?? { town: p.town.trim(), n: 0 };
    entry.n += p.headcount;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .filter((e) => e.n >= minPeople)
    .sort((a, b) => b.n - a.n || a.town.localeCompare(b.town))
    .map((e) => e.town);
}
