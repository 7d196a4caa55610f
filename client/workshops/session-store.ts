import type { Role } from '../../shared/workshops/schema.js';
import { storage } from '../ui/storage.js';

/** What lets this browser come back as the same participant. */
export interface SavedSession {
  workshopId: string;
  participantId: string;
  resumeToken: string;
  role: Role;
}

/** The join form's answers, remembered for next time. */
export interface SavedProfile {
  name: string;
  town: string;
  languages: string[];
  kind: 'person' | 'group';
  headcount: number;
}

export interface SavedWorkshop {
  code: string;
  title: string;
  inviteUrl: string;
  moderatorUrl: string;
  createdAt: number;
}

export const sessions = {
  get: (code: string) => storage.get<SavedSession>(`session.${code}`),
  set: (code: string, s: SavedSession) => storage.set(`session.${code}`, s),
  clear: (code: string) => storage.remove(`session.${code}`),
};

export const profile = {
  get: () => storage.get<SavedProfile>('profile'),
  set: (p: SavedProfile) => storage.set('profile', p),
};

export const createdWorkshops = {
  list: () => storage.get<SavedWorkshop[]>('created') ?? [],
  add: (w: SavedWorkshop) =>
    storage.set('created', [w, ...createdWorkshops.list().filter((x) => x.code !== w.code)].slice(0, 20)),
};
