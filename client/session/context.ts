import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './session.js';

/** The session of the workshop page, provided once by WorkshopRoute (tests may provide their own). */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a workshop session');
  return session;
}
