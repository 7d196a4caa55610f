import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import type { Connection } from '../net/connection.js';
import { ClosedView } from './ClosedView.js';
import { JoinPage } from './JoinPage.js';
import { SessionContext } from '../session/context.js';
import { createSession } from '../session/session.js';
import { sessions } from './session-store.js';
import { WorkshopPage } from './WorkshopPage.js';

/** The moderator secret travels in the URL fragment, which browsers never send to a server. */
function moderatorKeyFromHash(hash: string): string | undefined {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  return key && key.length >= 10 ? key : undefined;
}

export function WorkshopRoute({ conn, code }: { conn: Connection; code: string }) {
  const session = useMemo(() => createSession(conn, code), [conn, code]);
  const state = session.workshop;
  const moderatorKey = useMemo(() => moderatorKeyFromHash(location.hash), []);
  const boot = useSignal<'resuming' | 'form'>('resuming');

  useEffect(() => () => session.dispose(), [session]);
  useEffect(() => {
    const saved = sessions.get(code);
    // A saved session is reused unless a moderator link is opened by someone who joined as participant.
    if (saved && (!moderatorKey || saved.role === 'moderator')) {
      void state.actions.resume(saved).then((ok) => {
        if (ok) forgetKeyInUrl();
        else boot.value = 'form';
      });
    } else {
      boot.value = 'form';
    }
  }, [session]);

  const phase = state.phase.value;
  // A new screen starts at its top: the join button sits at the bottom of a long form.
  useEffect(() => window.scrollTo(0, 0), [phase]);
  if (phase === 'closed') return <ClosedView state={state} code={code} />;
  if (phase === 'inside')
    return (
      <SessionContext.Provider value={session}>
        <WorkshopPage state={state} code={code} />
      </SessionContext.Provider>
    );
  // Once inside, falling back to the form means the saved session is no longer known there.
  if (boot.value === 'resuming' && state.resumed.value === 0)
    return (
      <p class="page loading" role="status">
        {t('common.loading')}
      </p>
    );
  return <JoinPage conn={conn} code={code} moderatorKey={moderatorKey} state={state} onJoined={forgetKeyInUrl} />;
}

/** Once joined, the secret leaves the address bar so it is not shared by accident. */
function forgetKeyInUrl() {
  if (location.hash) history.replaceState(null, '', location.pathname);
}
