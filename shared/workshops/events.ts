import { command } from '../command.js';
import {
  chatLockSchema,
  stageSchema,
  emptySchema,
  handLowerSchema,
  lobbyAdmitSchema,
  lobbyDenySchema,
  lobbyKnockSchema,
  participantTargetSchema,
  reactionSchema,
  workshopCreateSchema,
  workshopJoinSchema,
  workshopAccessSchema,
  workshopLockSchema,
  workshopPreviewSchema,
  workshopResumeSchema,
  type Knock,
  type KnockTicket,
  type LeaveReason,
  type Participant,
  type ParticipantsSync,
  type PresenceChange,
  type ReactionEvent,
  type RemovedParticipant,
  type SessionSnapshot,
  type WorkshopCreated,
  type WorkshopInfo,
  type WorkshopPreview,
} from './schema.js';

export const workshopCommands = {
  'workshop:create': command<WorkshopCreated>()(workshopCreateSchema, 'public'),
  'workshop:preview': command<WorkshopPreview>()(workshopPreviewSchema, 'public'),
  'workshop:join': command<SessionSnapshot>()(workshopJoinSchema, 'public'),
  'workshop:resume': command<SessionSnapshot>()(workshopResumeSchema, 'public'),
  'workshop:leave': command<null>()(emptySchema, 'member'),
  'workshop:lock': command<WorkshopInfo>()(workshopLockSchema, 'moderator'),
  /** [WS24] Close the chat to participants in the plenary, or everywhere; moderators always write. */
  'workshop:chatLock': command<WorkshopInfo>()(chatLockSchema, 'moderator'),
  /** [WS33] Show the video grid or the board on everyone's stage. */
  'workshop:stage': command<WorkshopInfo>()(stageSchema, 'moderator'),
  'workshop:end': command<WorkshopInfo>()(emptySchema, 'moderator'),
  /** [WS25][WS26][WS27] Lobby on or off (off lets everyone waiting in), passcode, occupancy limit. */
  'workshop:access': command<WorkshopInfo>()(workshopAccessSchema, 'moderator'),
  /** [WS25] Wait in the lobby; the socket hears lobby:admitted or lobby:denied. Admitted at once when the lobby is off. */
  'lobby:knock': command<KnockTicket>()(lobbyKnockSchema, 'public'),
  /** [WS25] Stop waiting (this socket's knock). */
  'lobby:withdraw': command<null>()(emptySchema, 'public'),
  /** [WS25] Who is waiting, oldest knock first. */
  'lobby:list': command<Knock[]>()(emptySchema, 'moderator'),
  /** [WS25] Lets in some or all of those waiting; answers how many this call let in. */
  'lobby:admit': command<number>()(lobbyAdmitSchema, 'moderator'),
  /** [WS25] Sends someone away from the lobby, with an optional reason they read; they may knock again. */
  'lobby:deny': command<null>()(lobbyDenySchema, 'moderator'),
  'hand:raise': command<Participant>()(emptySchema, 'member'),
  /** [WS29] A short reaction (👍 👏 ❤️ 😂 🎉) to everyone in the sender's room; REACTION_BURST, then one a second. */
  'reaction:send': command<ReactionEvent>()(reactionSchema, 'member'),
  'hand:lower': command<Participant>()(handLowerSchema, 'member'),
  'participant:promote': command<Participant>()(participantTargetSchema, 'moderator'),
  /** [WS23] A co-moderator becomes a participant again; never the last moderator present. */
  'participant:demote': command<Participant>()(participantTargetSchema, 'moderator'),
  'participant:remove': command<null>()(participantTargetSchema, 'moderator'),
  /** [WS19] The people removed and not let back in, for the moderators' list. */
  'participant:removed': command<RemovedParticipant[]>()(emptySchema, 'moderator'),
  /** [WS19] A removed person may join again (as someone new). */
  'participant:letBackIn': command<null>()(participantTargetSchema, 'moderator'),
  /** After a gap in the participant sequence: everyone again. */
  'participant:sync': command<ParticipantsSync>()(emptySchema, 'member'),
} as const;

export interface WorkshopServerEvents {
  'workshop:updated': (workshop: WorkshopInfo) => void;
  'workshop:ended': (workshop: WorkshopInfo) => void;
  'participant:joined': (participant: Participant) => void;
  /** [WS29] Someone in this room reacted. */
  reaction: (event: ReactionEvent) => void;
  'participant:updated': (participant: Participant) => void;
  /**
   * [WS31] Several presence changes within a moment (a reconnect storm), each with its number: those of
   * presence alone as `presence` entries (a few bytes each), others (a hand lowered with it) in full.
   */
  'participant:batch': (event: { participants: Participant[]; presence: PresenceChange[] }) => void;
  'participant:left': (event: { participantId: string; reason: LeaveReason; seq: number }) => void;
  /** To moderators: someone was removed (barred) or let back in; the "let back in" list changed. */
  'participant:barred': (event: { participantId: string; barred: boolean }) => void;
  /** [WS25] To moderators: who is waiting in the lobby now, oldest knock first. */
  'lobby:knocks': (knocks: Knock[]) => void;
  /** [WS25] To the knocking socket: come in (join with the knock's ticket). */
  'lobby:admitted': (event: { knockId: string }) => void;
  /** [WS25] To the knocking socket: a moderator did not let you in; you may knock again. */
  'lobby:denied': (event: { knockId: string; reason: string }) => void;
  /** Sent only to the person concerned: they were removed, or their session was opened elsewhere. */
  'session:closed': (event: { reason: 'removed' | 'replaced' | 'ended' }) => void;
}
