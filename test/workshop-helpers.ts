/** Short ways to get a workshop with people in it, through the real protocol. */
import { PROTOCOL_VERSION } from '../shared/protocol.js';
import type {
  Participant,
  PresenceChange,
  SessionSnapshot,
  WorkshopCreated,
  WorkshopCreateInput,
  WorkshopJoinInput,
} from '../shared/workshops/schema.js';
import { connectClient, ok, type ClientSocket } from './server-harness.js';

export interface Person {
  socket: ClientSocket;
  snapshot: SessionSnapshot;
  id: string;
  workshopId: string;
}

type Profile = Omit<WorkshopJoinInput, 'v' | 'code'>;

export async function createWorkshop(url: string, input: Partial<WorkshopCreateInput> = {}): Promise<WorkshopCreated> {
  const socket = await connectClient(url);
  const created = await ok(socket, 'workshop:create', {
    title: 'Partnerschaftstreffen',
    languages: ['de', 'fr'],
    ...input,
  });
  socket.disconnect();
  return created;
}

/** Connects a new client and joins; `name` is enough, the town defaults to Lyon. */
export async function joinAs(url: string, code: string, profile: Partial<Profile> & { name: string }): Promise<Person> {
  const socket = await connectClient(url);
  const snapshot = await ok(socket, 'workshop:join', { v: PROTOCOL_VERSION, code, town: 'Lyon', ...profile });
  return { socket, snapshot, id: snapshot.self.id, workshopId: snapshot.workshop.id };
}

/** A workshop with a moderator (joined through the moderator link) and the given participants. */
export async function workshopWith(url: string, ...names: string[]) {
  const created = await createWorkshop(url);
  const code = created.workshop.code;
  const moderator = await joinAs(url, code, {
    name: 'Mia Moderatorin',
    town: 'Chemnitz',
    moderatorKey: created.moderatorKey,
  });
  const people: Person[] = [];
  for (const name of names) people.push(await joinAs(url, code, { name }));
  return { created, code, moderator, people };
}

export function resumeInput(person: Person) {
  return {
    v: PROTOCOL_VERSION,
    workshopId: person.workshopId,
    participantId: person.id,
    resumeToken: person.snapshot.resumeToken,
  };
}

/** A fresh look at the workshop as a newcomer sees it (join snapshot), to check what is stored. */
export async function freshSnapshot(url: string, moderatorKey: string, code: string): Promise<SessionSnapshot> {
  const observer = await joinAs(url, code, { name: 'Observer', moderatorKey });
  observer.socket.disconnect();
  return observer.snapshot;
}

/**
 * [WS31] The changes of a batch in number order; one of presence alone comes as a partial participant
 * (`id`, `presence`, `seq` only): merge it into what is known of the person.
 */
export function batchEntries(batch: { participants: Participant[]; presence: PresenceChange[] }): Participant[] {
  const partial = batch.presence.map((c) => ({ id: c.id, presence: c.presence, seq: c.seq }) as Participant);
  return [...batch.participants, ...partial].sort((a, b) => a.seq - b.seq);
}

/**
 * [WS31] Every participant change a socket hears, whether alone (`participant:updated`) or with
 * others of the same moment (`participant:batch`, see batchEntries), in the order heard.
 */
export function recordParticipants(socket: ClientSocket): Participant[] {
  const seen: Participant[] = [];
  socket.on('participant:updated', (p) => seen.push(p));
  socket.on('participant:batch', (batch) => seen.push(...batchEntries(batch)));
  return seen;
}

/** Resolves with the first participant change (alone or in a batch) that matches. */
export function participantSeen(
  socket: ClientSocket,
  predicate: (p: Participant) => boolean,
  timeoutMs = 5000,
): Promise<Participant> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('participant:updated', single);
      socket.off('participant:batch', several);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for a participant change`));
    }, timeoutMs);
    const check = (p: Participant) => {
      if (!predicate(p)) return false;
      done();
      resolve(p);
      return true;
    };
    const single = (p: Participant) => void check(p);
    const several = (batch: { participants: Participant[]; presence: PresenceChange[] }) =>
      void batchEntries(batch).some(check);
    socket.on('participant:updated', single);
    socket.on('participant:batch', several);
  });
}
