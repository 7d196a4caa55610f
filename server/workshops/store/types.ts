import type { ChatMessage } from '../../../shared/chat/schema.js';
import type { MediaFlags } from '../../../shared/media/schema.js';
import type { ChatLock, Knock, Participant, Role, StageView, WorkshopInfo } from '../../../shared/workshops/schema.js';

export interface WorkshopRecord extends WorkshopInfo {
  moderatorKeyHash: string;
}

export interface ParticipantRecord extends Participant {
  resumeTokenHash: string;
  /** The socket currently speaking for this participant; '' when none. */
  connectionId: string;
  /** Server time of the last drop, 0 while connected. */
  disconnectedAt: number;
  removed: boolean;
  /** Hash of the browser key the participant joined with; '' when none was sent. */
  deviceHash: string;
  /** Removed and not let back in: this browser and this name + town cannot join again. */
  barred: boolean;
  /**
   * [WS30] The number of this participant's last change other than presence alone (their first attach
   * counts): a resume after it needs the whole record, one after it only the presence. 0 before the first attach.
   */
  fullSeq: number;
}

export interface LiveConnection {
  workshopId: string;
  participantId: string;
  connectionId: string;
}

export interface PresenceChange {
  workshopId: string;
  participant: ParticipantRecord;
}

/** [WS25] Someone knocking at the lobby, as stored. */
export interface KnockRecord extends Knock {
  /** Hash of the token the knocking browser holds: it joins with it once admitted. */
  tokenHash: string;
  /** Hash of the browser key sent with the knock; '' when none. */
  deviceHash: string;
  /** Let in (by a moderator, or the lobby was off): the ticket now joins once. */
  admitted: boolean;
}

export type AccessPatch = Partial<Pick<WorkshopRecord, 'lobby' | 'passcode' | 'limit'>>;

export type AddParticipantResult = 'ok' | 'not_found' | 'locked' | 'ended' | 'full';

/**
 * Workshop state in the domain's words. Every method is a single atomic step in the store:
 * callers never read, await and write back what they read.
 *
 * Participant sequence: every participant change below (except `addParticipant`, announced by the
 * attach that follows it, and breakout moves, announced with the breakouts' version) bumps the
 * workshop's participant counter by one in the same atomic step and stores the new value in the
 * participant's `seq`, so the event that announces the change carries it.
 */
export interface WorkshopStore {
  /** Reserves the join code and saves the workshop; false when the code is taken. */
  createWorkshop(workshop: WorkshopRecord): Promise<boolean>;
  getWorkshop(workshopId: string): Promise<WorkshopRecord | null>;
  workshopIdByCode(code: string): Promise<string | null>;
  setWorkshopLocked(workshopId: string, locked: boolean): Promise<WorkshopRecord | null>;
  setChatLock(workshopId: string, lock: ChatLock): Promise<WorkshopRecord | null>;
  /** [WS33] What everyone's stage shows. */
  setStageView(workshopId: string, view: StageView): Promise<WorkshopRecord | null>;
  /** [WS25][WS26][WS27] Lobby, passcode, occupancy limit. */
  setAccess(workshopId: string, patch: AccessPatch): Promise<WorkshopRecord | null>;
  /** Ends the workshop once; later calls keep the first end time. */
  endWorkshop(workshopId: string, at: number): Promise<WorkshopRecord | null>;

  /**
   * Adds a participant unless the workshop is missing, ended, locked (unless `bypassLock`), or has as
   * many people present (not offline, not removed) as its limit (unless `bypassLimit`): [WS27] checked
   * and written in one step, so two people cannot both take the last place.
   * Someone who joins a room in stage mode as audience is stored with microphone, camera and screen off.
   */
  addParticipant(
    workshopId: string,
    participant: ParticipantRecord,
    opts: { bypassLock: boolean; bypassLimit?: boolean },
  ): Promise<AddParticipantResult>;

  /** [WS25] Adds a knock (or puts an admitted one back, when its holder found the workshop full). */
  addKnock(workshopId: string, knock: KnockRecord): Promise<void>;
  /** [WS25] Every knock, oldest first, admitted ones included. */
  listKnocks(workshopId: string): Promise<KnockRecord[]>;
  /** [WS25] Admits the given knocks still waiting (or all waiting); returns exactly those this call admitted. */
  admitKnocks(workshopId: string, knockIds: readonly string[] | 'all'): Promise<KnockRecord[]>;
  /** [WS25] Deletes a knock (denied, withdrawn, its socket gone); with `waitingOnly` an admitted one stays. */
  dropKnock(workshopId: string, knockId: string, opts: { waitingOnly: boolean }): Promise<KnockRecord | null>;
  /** [WS25] Takes an admitted knock whose token hash matches: once. */
  takeAdmittedKnock(workshopId: string, knockId: string, tokenHash: string): Promise<KnockRecord | null>;
  getParticipant(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** Lifts the bar of a removed participant (they may join again, as someone new); null unless removed. */
  letBackIn(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** Everyone who ever joined, removed ones included, in join order. */
  listParticipants(workshopId: string): Promise<ParticipantRecord[]>;
  /** The workshop's participant counter now (0 before the first change). */
  participantsSeq(workshopId: string): Promise<number>;
  /**
   * [WS30] In one atomic read: the counter now and the ids of everyone (removed ones included) whose last
   * change took a number above `since`. Null when that cannot be told: the workshop is unknown, `since` is
   * ahead of the counter (a number from another life of the store), or someone listed was never numbered.
   */
  participantChangesSince(workshopId: string, since: number): Promise<{ seq: number; ids: string[] } | null>;
  /** The given participants (removed ones included), unknown ids left out. */
  getParticipants(workshopId: string, participantIds: readonly string[]): Promise<ParticipantRecord[]>;
  setRole(workshopId: string, participantId: string, role: Role): Promise<ParticipantRecord | null>;
  /** Raises a hand; raising an already raised hand keeps its original place in the queue. */
  raiseHand(workshopId: string, participantId: string, at: number): Promise<ParticipantRecord | null>;
  lowerHand(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;
  /**
   * Makes `connectionId` the participant's live connection and returns the one it replaced ('' if none).
   * `changed`: whether others see a change (the first attach, or presence was not online), which alone
   * takes a participant number ([WS32]: a person back before their drop was recorded changes nothing).
   */
  attachConnection(
    workshopId: string,
    participantId: string,
    connectionId: string,
  ): Promise<{ participant: ParticipantRecord; replaced: string; changed: boolean } | null>;
  /** Marks the drop only when `connectionId` is still the live one (a newer connection wins). */
  detachConnection(
    workshopId: string,
    participantId: string,
    connectionId: string,
    at: number,
  ): Promise<ParticipantRecord | null>;
  /** Turns a participant still waiting to reconnect since `disconnectedAt` into offline (hand lowered). */
  expirePresence(workshopId: string, participantId: string, disconnectedAt: number): Promise<ParticipantRecord | null>;
  /**
   * [WS15] Presence kept by the store, so any node can settle it: `connections` are live on the
   * calling node at `at`. Each is recorded as seen when it is still the participant's live
   * connection; a participant a sweep had marked reconnecting is online again and returned.
   */
  heartbeat(connections: readonly LiveConnection[], at: number): Promise<PresenceChange[]>;
  /**
   * [WS15] Any node: online participants not seen since `staleBefore` become reconnecting (from their
   * last sighting); reconnecting ones dropped before `offlineBefore` become offline, hand lowered.
   * Returns who changed (at most `limit` per call).
   */
  sweepPresence(staleBefore: number, offlineBefore: number, limit: number): Promise<PresenceChange[]>;
  /**
   * [WS16] Sets when the workshop may be forgotten (a later call replaces it). In Redis its main
   * keys also expire then, so its code stops answering even if no node sweeps.
   */
  setWorkshopExpiry(workshop: Pick<WorkshopRecord, 'id' | 'code'>, expiresAt: number): Promise<void>;
  /** [WS16] Deletes up to `limit` workshops whose time came before `now`, with everything of them; returns their ids. */
  expireWorkshops(now: number, limit: number): Promise<string[]>;
  /** Voluntary leave: offline now, hand lowered; the resume token stays valid. */
  leave(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** Removal by a moderator: the participant cannot resume. */
  removeParticipant(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;

  appendChat(workshopId: string, message: ChatMessage): Promise<void>;
  /**
   * [CHAT2][CHAT3] Replaces a kept message (same id, same room) with an edited or deleted version; a
   * message already deleted stays deleted. 'not_found' when it is no longer kept.
   */
  replaceChat(workshopId: string, message: ChatMessage): Promise<'ok' | 'not_found' | 'deleted'>;
  /** The latest `limit` messages of a room, oldest first. */
  chatHistory(workshopId: string, roomId: string, limit: number): Promise<ChatMessage[]>;

  /**
   * [CHAT4] Appends a private message to its thread (`message.roomId`, kept apart from every room's
   * chat and trimmed to CHAT_HISTORY) and files the thread under each of `inboxes` (`p:<participantId>`,
   * or `mods` for the moderators), in one step.
   */
  appendPrivateChat(workshopId: string, message: ChatMessage, inboxes: readonly string[]): Promise<void>;
  /** [CHAT4][CHAT2][CHAT3] As replaceChat, for a message of a private thread. */
  replacePrivateChat(workshopId: string, message: ChatMessage): Promise<'ok' | 'not_found' | 'deleted'>;
  /** [CHAT4] The latest `limit` messages of one private thread, oldest first. */
  privateThread(workshopId: string, thread: string, limit: number): Promise<ChatMessage[]>;
  /** [CHAT4] The latest `limit` messages of every thread filed under any of `inboxes`, oldest first. */
  privateChat(workshopId: string, inboxes: readonly string[], limit: number): Promise<ChatMessage[]>;

  /**
   * Media: changes a participant's media flags. With `guardStage`, turning the microphone on is
   * refused ('stage') while their room is in stage mode and they are neither moderator nor on stage.
   */
  updateMedia(
    workshopId: string,
    participantId: string,
    patch: Partial<MediaFlags>,
    opts?: { guardStage?: boolean },
  ): Promise<ParticipantRecord | 'stage' | null>;
  /** Media: turns a room's stage mode on or off. */
  setStage(workshopId: string, roomId: string, on: boolean): Promise<void>;
  /** Media: the rooms now in stage mode. */
  stageRooms(workshopId: string): Promise<string[]>;
  /** Puts a participant into a room (PLENARY or a breakout room's id). */
  setRoom(workshopId: string, participantId: string, roomId: string): Promise<ParticipantRecord | null>;
}
