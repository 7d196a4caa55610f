import { t, timeFormatter } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { roomTitle } from './room-label.js';
import type { BreakoutsState } from './state.js';

/** After rooms close, what each room wrote stays readable from the plenary. */
export function RoomResults({ br }: { br: BreakoutsState }) {
  const view = br.view.value;
  if (!view || view.archive.length === 0) return null;
  const shown = br.archived.value;
  const time = timeFormatter.value;
  return (
    <section class="card room-results" aria-labelledby="results-title" data-testid="room-results">
      <h2 id="results-title">
        <Icon name="chat" /> {t('br.results')}
      </h2>
      <p class="muted">{t('br.resultsHelp')}</p>
      <ul class="plain-list">
        {view.archive.map((a) => {
          const open = shown?.roomId === a.id;
          return (
            <li key={a.id}>
              <button
                type="button"
                class="btn btn--small"
                aria-expanded={open}
                data-testid="room-result"
                onClick={() => void br.actions.showArchive(open ? null : a.id)}
              >
                {open ? t('br.hideChat') : t('br.showChat', { room: roomTitle(a.id, view) })}
              </button>
              {open && (
                <ol
                  class="chat__list room-results__chat"
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls; a keyboard must reach it to scroll (WCAG 2.1.1)
                  tabIndex={0}
                  aria-label={t('br.chatOf', { room: roomTitle(a.id, view) })}
                  data-testid="room-result-chat"
                >
                  {shown.messages.length === 0 && <li class="muted">{t('br.noMessages')}</li>}
                  {shown.messages.map((m) => (
                    <li key={m.id} class="chat__msg">
                      <div class="chat__meta">
                        <strong>
                          <bdi>{m.authorName}</bdi>
                        </strong>{' '}
                        <span class="muted">
                          · {m.authorTown} · {time.format(m.at)}
                        </span>
                      </div>
                      <div class="chat__text">
                        <bdi>{m.text}</bdi>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
