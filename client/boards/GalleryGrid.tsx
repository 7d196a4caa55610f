import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { commentsOf, itemKey, reactionsOf } from '../../shared/gallery/rules.js';
import { GALLERY_LIMITS, REACTION_EMOJI } from '../../shared/gallery/constants.js';
import type { GalleryItem } from '../../shared/gallery/schema.js';
import { errorText, t } from '../i18n/i18n.js';
import { dotCounts, fromSnapshot } from '../../shared/boards/apply.js';
import type { BoardSnapshot } from '../../shared/boards/schema.js';
import { createGalleryState, type Entry, type GalleryState } from './gallery-state.js';
import { itemBounds, union } from './geometry.js';
import { BoardDefs, BoardItems } from './render.js';
import type { BoardClientState } from './state.js';
import './gallery.css';

/**
 * The gallery walk's boards with what visitors say about each: reactions, comments (name, town, text) and a
 * field to add one. Its own chunk, downloaded when someone opens the gallery; it holds the comments' state
 * while the gallery is open and re-reads them whenever the list of boards is (re)loaded.
 */
export function GalleryGrid({ board, entries }: { board: BoardClientState; entries: Entry[] }) {
  const gallery = useMemo(() => createGalleryState(board.conn, board.workshop), []);
  useEffect(() => () => gallery.dispose(), []);
  // The state syncs when it is made; a refreshed list of boards re-reads the comments too.
  const fresh = useRef(true);
  useEffect(() => {
    if (fresh.current) fresh.current = false;
    else void gallery.actions.sync();
  }, [entries]);
  return (
    <ul class="gallery__grid">
      {entries.map((e, i) => (
        <li key={e.key} class="gallery__item" data-testid="gallery-item">
          <MiniBoard snapshot={e.snapshot} label={t('gallery.boardOf', { name: e.title })} />
          <p>
            <strong>{e.title}</strong> {e.closed && <span class="badge">{t('gallery.closed')}</span>}
          </p>
          <Feedback gallery={gallery} item={e.item} name={e.title} index={i} />
        </li>
      ))}
    </ul>
  );
}

function Feedback({
  gallery,
  item,
  name,
  index,
}: {
  gallery: GalleryState;
  item: GalleryItem;
  name: string;
  index: number;
}) {
  const draft = useSignal('');
  const failed = useSignal<string | null>(null);
  const key = itemKey(item);
  const view = gallery.view.value;
  const me = gallery.selfId();
  const comments = commentsOf(view, key);
  const fieldId = `gallery-comment-${index}`;

  async function send(ev: Event) {
    ev.preventDefault();
    const text = draft.value.trim();
    if (!text) return;
    const sent = await gallery.actions.comment(item, text);
    failed.value = sent ? null : errorText(gallery.error.value ?? 'internal');
    if (sent) draft.value = '';
  }
  async function run(p: Promise<boolean>) {
    failed.value = (await p) ? null : errorText(gallery.error.value ?? 'internal');
  }

  return (
    <div class="gallery__feedback" data-testid="gallery-feedback">
      <fieldset class="gallery__reactions">
        <legend class="visually-hidden">{t('gallery.reactions', { name })}</legend>
        {reactionsOf(view, key, me).map((r) => {
          const label = t(`gallery.reaction.${r.reaction}`);
          return (
            <button
              key={r.reaction}
              type="button"
              class="btn btn--small gallery__reaction"
              aria-pressed={r.mine}
              aria-label={t('gallery.reactionCount', { label, count: r.count })}
              title={label}
              onClick={() => void run(gallery.actions.react(item, r.reaction, !r.mine))}
            >
              <span aria-hidden="true">
                {REACTION_EMOJI[r.reaction]} {r.count}
              </span>
            </button>
          );
        })}
      </fieldset>
      {comments.length === 0 ? (
        <p class="muted">{t('gallery.noComments')}</p>
      ) : (
        <ul class="gallery__comments" aria-label={t('gallery.comments')}>
          {comments.map((c) => (
            <li key={c.id} data-testid="gallery-comment">
              <span class="gallery__author">
                <strong>{c.name}</strong>
                {c.town && <span class="muted"> · {c.town}</span>}
              </span>{' '}
              <span>{c.text}</span>
              {(c.by === me || gallery.isModerator.value) && (
                <button
                  type="button"
                  class="btn btn--small btn--ghost"
                  onClick={() => void run(gallery.actions.uncomment(c.id))}
                >
                  {c.by === me ? t('gallery.deleteComment') : t('gallery.deleteAny')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="gallery__form" onSubmit={(ev) => void send(ev)}>
        <label for={fieldId}>{t('gallery.commentLabel', { name })}</label>
        <div class="inline-row">
          <input
            id={fieldId}
            autoComplete="off"
            maxLength={GALLERY_LIMITS.text}
            value={draft.value}
            onInput={(ev) => (draft.value = (ev.target as HTMLInputElement).value)}
          />
          <button type="submit" class="btn btn--small btn--primary">
            {t('gallery.send')}
          </button>
        </div>
      </form>
      {failed.value && (
        <p class="gallery__error" role="alert">
          {failed.value}
        </p>
      )}
    </div>
  );
}

export function MiniBoard({ snapshot, label }: { snapshot: BoardSnapshot; label: string }) {
  const box = union(snapshot.items.map(itemBounds)) ?? { x: 0, y: 0, w: 400, h: 300 };
  const pad = 20;
  const state = fromSnapshot(snapshot);
  return (
    <svg
      class="mini-board"
      role="img"
      aria-label={label}
      viewBox={`${box.x - pad} ${box.y - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <BoardDefs />
      <rect x={box.x - pad} y={box.y - pad} width={box.w + 2 * pad} height={box.h + 2 * pad} fill="#fff" />
      <BoardItems
        items={snapshot.items}
        dots={dotCounts(state)}
        myDots={new Map()}
        hiddenLabel={t('board.hiddenCard')}
      />
    </svg>
  );
}
