/** Wire objects for client unit tests (named test-* so the app never imports it). */
import type { BreakoutView } from '../../shared/breakouts/schema.js';
import { PLENARY } from '../../shared/rooms.js';
import type { Participant, SessionSnapshot } from '../../shared/workshops/schema.js';

/** Node has no localStorage: a small one in memory, as the browser's would be. */
export function memoryLocalStorage() {
  const data = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  return data;
}

export function person(id: string, over: Partial<Participant> = {}): Participant {
  return {
    id,
    name: id.toUpperCase(),
    town: 'Lyon',
    languages: ['fr'],
    kind: 'person',
    headcount: 1,
    media: false,
    micOn: false,
    cameraOn: false,
    screenSharing: false,
    lowBandwidth: false,
    onStage: false,
    role: 'participant',
    presence: 'online',
    roomId: PLENARY,
    handRaisedAt: null,
    joinedAt: 1,
    seq: 1,
    ...over,
  };
}

export function snapshot(self: Participant, others: Participant[] = [], participantsSeq = 5): SessionSnapshot {
  return {
    workshop: {
      id: 'w1',
      code: 'ABCDEF',
      title: 'Jumelage',
      description: '',
      countries: [],
      languages: ['fr', 'de'],
      startsAt: null,
      createdAt: 1,
      locked: false,
      chatLock: 'open',
      stage: 'video',
      lobby: false,
      passcode: '',
      limit: 0,
      endedAt: null,
    },
    self,
    participants: [self, ...others],
    resumeToken: 'token-0123456789',
    participantsSeq,
    roomsVersion: 0,
    serverTime: Date.now(),
    inviteUrl: 'http://127.0.0.1/j/ABC-DEF',
  };
}

export function breakoutView(version: number, over: Partial<BreakoutView> = {}): BreakoutView {
  return {
    version,
    status: 'draft',
    rooms: [],
    plan: {},
    mode: 'random',
    rotation: null,
    round: null,
    roundsEnded: 0,
    help: [],
    archive: [],
    broadcast: null,
    ...over,
  };
}
