import { useSignal } from '@preact/signals';
import { Icon } from '../ui/Icon.js';
import { useEffect, useMemo } from 'preact/hooks';
import { createJoinMedia, JoinMedia } from '../media/JoinMedia.js';
import { LANGUAGES } from '../../shared/languages.js';
import { LIMITS } from '../../shared/workshops/constants.js';
import type { WorkshopPreview } from '../../shared/workshops/schema.js';
import type { Fail } from '../../shared/protocol.js';
import { dateFormatter, errorText, languageName, locale, t, warmUp } from '../i18n/i18n.js';
import type { Connection } from '../net/connection.js';
import { Alert } from '../ui/Alert.js';
import { createDoor, type Door, passcodeFromHash } from './entry.js';
import { profile } from './session-store.js';
import type { WorkshopState } from './state.js';

interface Props {
  conn: Connection;
  code: string;
  moderatorKey: string | undefined;
  state: WorkshopState;
  onJoined: () => void;
}

export function JoinPage({ conn, code, moderatorKey, state, onJoined }: Props) {
  const preview = useSignal<WorkshopPreview | null>(null);
  const previewError = useSignal<Fail | null>(null);
  const saved = profile.get();
  const name = useSignal(saved?.name ?? '');
  const town = useSignal(saved?.town ?? '');
  const languages = useSignal<string[]>(saved?.languages ?? [locale.value]);
  const kind = useSignal<'person' | 'group'>(saved?.kind ?? 'person');
  const headcount = useSignal(saved?.headcount && saved.headcount > 1 ? saved.headcount : 5);
  const joinError = useSignal<Fail | null>(null);
  const busy = useSignal(false);
  // [WS26] The invite link may carry the passcode (#pass=): then nobody has to type it.
  const passFromLink = useMemo(() => passcodeFromHash(location.hash), []);
  const passcode = useSignal(passFromLink ?? '');
  const door = useMemo(() => createDoor(conn, state), [conn, state]);
  useEffect(() => () => door.dispose(), [door]);
  // The QR code on the projector is scanned by phones in a room that already has a laptop: no media, no echo.
  const mediaCheck = useMemo(
    () => createJoinMedia(new URLSearchParams(location.search).get('via') === 'qr' ? 'without' : 'with'),
    [],
  );
  useEffect(() => () => mediaCheck.dispose(), [mediaCheck]);
  // Inside (at once, or once let in from the lobby): the camera goes along, the secrets leave the address bar.
  useEffect(
    () =>
      state.phase.subscribe((phase) => {
        if (phase !== 'inside') return;
        mediaCheck.handOver();
        onJoined();
      }),
    [state, mediaCheck],
  );

  useEffect(() => {
    const idle = setTimeout(warmUp, 300);
    return () => clearTimeout(idle);
  }, []);

  useEffect(() => {
    void conn.request('workshop:preview', { code }).then((r) => {
      if (r.ok) preview.value = r.data;
      else previewError.value = r;
    });
  }, [code]);

  if (previewError.value) {
    const { code: failed, retryAfterS } = previewError.value;
    return (
      <div class="page page--narrow">
        <Alert testId="join-error">
          {failed === 'not_found' ? t('join.notFound') : errorText(failed, retryAfterS)}
        </Alert>
      </div>
    );
  }
  const w = preview.value?.workshop;
  if (!w)
    return (
      <p class="page loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (w.endedAt !== null) {
    return (
      <div class="page page--narrow">
        <h1>{w.title}</h1>
        <Alert kind="info" testId="join-error">
          {t('join.ended')}
        </Alert>
      </div>
    );
  }

  if (door.status.value !== 'form') return <DoorView door={door} title={w.title} />;

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    const input = {
      name: name.value,
      town: town.value,
      languages: languages.value,
      kind: kind.value,
      headcount: kind.value === 'group' ? headcount.value : 1,
    };
    profile.set(input);
    const given = passcode.value.trim();
    const refused = await door.come(
      {
        code,
        moderatorKey,
        ...input,
        ...mediaCheck.fields(),
        languages: input.languages as never,
        ...(given ? { passcode: given } : {}),
      },
      w.lobby,
      // The camera goes along before the page is inside, so the media controller starts with it at once.
      () => mediaCheck.handOver(),
    );
    busy.value = false;
    joinError.value = refused;
  };
  const toggle = (l: string, on: boolean) =>
    (languages.value = on ? [...languages.value, l] : languages.value.filter((x) => x !== l));
  // The workshop's own languages first, then the rest.
  const offered = [...w.languages, ...LANGUAGES.filter((l) => !w.languages.includes(l))];
  const lockedNow = joinError.value?.code === 'locked' || (w.locked && !moderatorKey);
  const askPasscode =
    !moderatorKey && (joinError.value?.code === 'passcode' || (w.passcodeNeeded && passFromLink === undefined));

  return (
    <div class="page page--narrow">
      <form class="card join-form" onSubmit={submit} aria-labelledby="join-title">
        <p class="eyebrow">{t('join.title')}</p>
        <h1 id="join-title">{w.title}</h1>
        {w.description && <p class="lead">{w.description}</p>}
        {w.startsAt && (
          <p class="muted">{t('join.startsAt', { date: dateFormatter.value.format(new Date(w.startsAt)) })}</p>
        )}
        {moderatorKey && <Alert kind="info">{t('join.moderatorNotice')}</Alert>}
        {lockedNow && (
          <Alert kind="warning" testId="join-locked">
            {t('join.locked')}
          </Alert>
        )}

        {askPasscode && (
          <div class="field">
            <label for="join-passcode">{t('join.passcodeLabel')}</label>
            <input
              id="join-passcode"
              name="passcode"
              required
              maxLength={LIMITS.passcode}
              autoComplete="off"
              aria-describedby="join-passcode-help"
              value={passcode.value}
              onInput={(e) => (passcode.value = (e.target as HTMLInputElement).value)}
            />
            <p class="help" id="join-passcode-help">
              {t('join.passcodeHelp')}
            </p>
          </div>
        )}
        <div class="field">
          <label for="join-name">{t('join.nameLabel')}</label>
          <input
            id="join-name"
            name="name"
            required
            maxLength={LIMITS.name}
            autoComplete="name"
            value={name.value}
            onInput={(e) => (name.value = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="join-town">{t('join.townLabel')}</label>
          <input
            id="join-town"
            name="town"
            required
            maxLength={LIMITS.town}
            list="town-suggestions"
            autoComplete="address-level2"
            aria-describedby="join-town-help"
            value={town.value}
            onInput={(e) => (town.value = (e.target as HTMLInputElement).value)}
          />
          <datalist id="town-suggestions">
            {preview.value!.towns.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          {preview.value!.towns.length > 0 && (
            <div class="chips" id="join-town-help">
              <span class="help">{t('join.townHelp')}</span>
              {preview.value!.towns.slice(0, 6).map((x) => (
                <button
                  key={x}
                  type="button"
                  class={`chip chip--button${town.value === x ? ' chip--on' : ''}`}
                  aria-pressed={town.value === x}
                  onClick={() => (town.value = x)}
                >
                  {x}
                </button>
              ))}
            </div>
          )}
        </div>
        <fieldset class="field">
          <legend>{t('join.languagesLabel')}</legend>
          <div class="chips">
            {offered.map((l) => (
              <label key={l} class="chip">
                <input
                  type="checkbox"
                  checked={languages.value.includes(l)}
                  onChange={(e) => toggle(l, (e.target as HTMLInputElement).checked)}
                />
                <span lang={l}>{languageName(l)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('join.asLabel')}</legend>
          <div class="choice-row">
            <label class="choice">
              <input
                type="radio"
                name="kind"
                value="person"
                checked={kind.value === 'person'}
                onChange={() => (kind.value = 'person')}
              />
              <span>
                <Icon name="person" /> {t('join.asPerson')}
              </span>
            </label>
            <label class="choice">
              <input
                type="radio"
                name="kind"
                value="group"
                checked={kind.value === 'group'}
                onChange={() => (kind.value = 'group')}
              />
              <span>
                <Icon name="group" /> {t('join.asGroup')}
              </span>
            </label>
          </div>
          {kind.value === 'group' && (
            <div class="field field--inline">
              <label for="join-headcount">{t('join.headcountLabel')}</label>
              <input
                id="join-headcount"
                type="number"
                min={2}
                max={LIMITS.headcount}
                required
                value={headcount.value}
                onInput={(e) => (headcount.value = Number((e.target as HTMLInputElement).value))}
              />
            </div>
          )}
        </fieldset>
        <JoinMedia check={mediaCheck} />
        {joinError.value && joinError.value.code !== 'locked' && (
          <Alert testId="join-error">{errorText(joinError.value.code, joinError.value.retryAfterS)}</Alert>
        )}
        <p class="help">{t('join.rememberNote')}</p>
        <button class="btn btn--primary btn--large" type="submit" disabled={busy.value}>
          {moderatorKey ? t('join.submitModerator') : lockedNow ? t('join.retry') : t('join.submit')}
        </button>
      </form>
    </div>
  );
}

/** [WS25][WS27] Waiting at the door: in the lobby, being let in, sent away, or waiting for a free place. */
function DoorView({ door, title }: { door: Door; title: string }) {
  const status = door.status.value;
  const heading = {
    waiting: t('lobby.waitingTitle'),
    joining: t('lobby.waitingTitle'),
    denied: t('lobby.deniedTitle'),
    full: t('lobby.fullTitle'),
    form: '',
  }[status];
  return (
    <div class="page page--narrow">
      <section class="card door" aria-labelledby="door-title" data-testid="door" data-status={status}>
        <p class="eyebrow">{title}</p>
        <h1 id="door-title">{heading}</h1>
        <div role="status" aria-live="polite">
          {status === 'waiting' && <p class="lead">{t('lobby.waiting')}</p>}
          {status === 'joining' && <p class="lead">{t('lobby.joining')}</p>}
          {status === 'full' && <p class="lead">{t('lobby.full')}</p>}
          {status === 'denied' && (
            <>
              <p class="lead">{t('lobby.denied')}</p>
              {door.deniedReason.value && (
                <p data-testid="denied-reason">{t('lobby.deniedReason', { reason: door.deniedReason.value })}</p>
              )}
            </>
          )}
        </div>
        <div class="inline-row">
          {status === 'denied' && (
            <button type="button" class="btn btn--primary btn--large" onClick={() => void door.knockAgain()}>
              {t('lobby.knockAgain')}
            </button>
          )}
          {status !== 'joining' && (
            <button type="button" class="btn" data-testid="door-withdraw" onClick={() => void door.withdraw()}>
              {status === 'denied' ? t('common.cancel') : t('lobby.withdraw')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
