import { command } from '../command.js';
import {
  chatLockSchema,
  emptySchema,
  handLowerSchema,
  participantTargetSchema,
  workshopCreateSchema,
  workshopJoinSchema,
  workshopLockSchema,
  workshopPreviewSchema,
  workshopResumeSchema,
  type LeaveReason,
  type Participant,
  type ParticipantsSync,
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
  /** [WS21] Close the chat to participants in the plenary, or everywhere; moderators always write. */
  'workshop:chatLock': command<WorkshopInfo>()(chatLockSchema, 'moderator'),
  'workshop:end': command<WorkshopInfo>()(emptySchema, 'moderator'),
  'hand:raise': command<Participant>()(emptySchema, 'member'),
  'hand:lower': command<Participant>()(handLowerSchema, 'member'),
  'participant:promote': command<Participant>()(participantTargetSchema, 'moderator'),
  /** [WS20] A co-moderator becomes a participant again; never the last moderator present. */
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
  'participant:updated': (participant: Participant) => void;
  'participant:left': (event: { participantId: string; reason: LeaveReason; seq: number }) => void;
  /** To moderators: someone was removed (barred) or let back in; the "let back in" list changed. */
  'participant:barred': (event: { participantId: string; barred: boolean }) => void;
  /** Sent only to the person concerned: they were removed, or their session was opened elsewhere. */
  'session:closed': (event: { reason: 'removed' | 'replaced' | 'ended' }) => void;
}
