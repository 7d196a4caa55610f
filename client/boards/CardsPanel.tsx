import { useSignal } from '@preact/signals';
import { BOARD_LIMITS, CARD_COLORS } from '../../shared/boards/constants.js';
import type { CardItem, ClusterItem } from '../../shared/boards/schema.js';
import { t } from '../i18n/i18n.js';
import { CARD_H, CARD_W } from './geometry.js';
import { BoardIcon } from './icons.js';
import { newId, type BoardClientState } from './state.js';

/** Where the n-th card written from the panel lands on the board: a tidy grid. */
function slot(n: number) {
  return { x: 40 + (n % 5) * (CARD_W + 20), y: 100 + Math.floor(n / 5) * (CARD_H + 20) };
}

/**
 * Card collection and dot voting as a list: works without the canvas, on a phone too.
 * Mountable on its own: <CardsPanel board={createBoardState(conn, workshop)} />.
 */
export function CardsPanel({ board }: { board: BoardClientState }) {
  const s = board.settings.value;
  const cards = board.cards.value;
  const clusters = board.items.value.filter((i): i is ClusterItem => i.kind === 'cluster');
  const dots = board.dots.value;
  const voting = s.dotRound > 0;
  const result = voting && !s.dotsOpen;
  const dotsLeft = s.dotBudget - board.myDots.value.length;
  const hiddenCount = cards.filter((c) => c.hidden).length;
  const inCluster = (id: string | null) =>
    cards.filter((c) => (c.clusterId && clusters.some((k) => k.id === c.clusterId) ? c.clusterId : null) === id);
  const mayMove = board.mayDraw.value;

  return (
    <section class="card cards-panel" aria-labelledby="cards-title" data-testid="cards-panel">
      <h2 id="cards-title">
        <BoardIcon name="card" /> {t('cards.title')}{' '}
        <span class="badge">{t('cards.count', { count: cards.length })}</span>
      </h2>
      <p class="cards-panel__question" data-testid="board-question">
        {s.header ? <strong>{s.header}</strong> : <span class="muted">{t('cards.noQuestion')}</span>}
      </p>
      {(s.cardsHidden || s.cardsAnonymous) && (
        <ul class="cards-panel__notes">
          {s.cardsHidden && <li>{t('cards.hiddenNote')}</li>}
          {s.cardsAnonymous && <li>{t('cards.anonymousNote')}</li>}
        </ul>
      )}
      <WriteCard board={board} />
      {voting && (
        <p class={`alert ${s.dotsOpen ? 'alert--info' : 'alert--warning'}`} data-testid="dots-status">
          <strong>{t('dots.title')}:</strong> {s.dotsOpen ? t('dots.open') : t('dots.result')}
          {s.dotsOpen && (
            <>
              {' '}
              <span class="badge" data-testid="dots-left">
                {t('dots.left', { count: Math.max(0, dotsLeft) })}
              </span>
              {!s.dotsLive && <span class="muted"> {t('dots.hiddenNote')}</span>}
            </>
          )}
        </p>
      )}
      {result && <Ranking cards={cards} dots={dots} />}
      {hiddenCount > 0 && (
        <p class="muted" data-testid="hidden-count">
          {t('cards.hiddenCount', { count: hiddenCount })}
        </p>
      )}
      {cards.length === 0 && <p class="muted">{t('cards.empty')}</p>}
      {clusters.map((k) => (
        <ClusterBlock
          key={k.id}
          board={board}
          cluster={k}
          cards={inCluster(k.id)}
          clusters={clusters}
          mayMove={mayMove}
          dotsLeft={dotsLeft}
        />
      ))}
      {inCluster(null).length > 0 && (
        <div class="cluster-block">
          {clusters.length > 0 && <h3 class="muted">{t('cards.unclustered')}</h3>}
          <CardList board={board} cards={inCluster(null)} clusters={clusters} mayMove={mayMove} dotsLeft={dotsLeft} />
        </div>
      )}
      {mayMove && (
        <button
          type="button"
          class="btn btn--small"
          data-testid="new-cluster"
          onClick={() => {
            const n = clusters.length;
            void board.actions.add({
              kind: 'cluster',
              id: newId(),
              x: 40 + n * 460,
              y: -420,
              w: 420,
              h: 360,
              heading: t('cards.clusterDefault', { n: n + 1 }),
            });
          }}
        >
          {t('cards.newCluster')}
        </button>
      )}
    </section>
  );
}

function WriteCard({ board }: { board: BoardClientState }) {
  const text = useSignal('');
  const color = useSignal<(typeof CARD_COLORS)[number]>(CARD_COLORS[0]);
  const s = board.settings.value;
  const left = s.cardLimit > 0 ? s.cardLimit - board.myCardsThisRound.value : null;
  if (!board.mayWriteCards.value)
    return (
      <p class="muted" data-testid="cards-closed">
        {t('cards.closed')}
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    const { x, y } = slot(board.cards.value.length);
    if (await board.actions.add({ kind: 'card', id: newId(), x, y, text: value, color: color.value, clusterId: null }))
      text.value = '';
  };
  return (
    <form class="write-card" onSubmit={submit} data-testid="write-card">
      <label for="card-text" class="write-card__label">
        {t('cards.textLabel')}
      </label>
      <textarea
        id="card-text"
        rows={3}
        maxLength={BOARD_LIMITS.cardText}
        value={text.value}
        onInput={(e) => (text.value = (e.target as HTMLTextAreaElement).value)}
        disabled={left === 0}
      />
      <div class="write-card__row">
        <div class="chips" role="radiogroup" aria-label={t('cards.colorLabel')}>
          {CARD_COLORS.map((c, i) => (
            // biome-ignore lint/a11y/useSemanticElements: colour swatches are buttons (one press picks); role=radio tells which one is chosen
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={color.value === c}
              class={`swatch${color.value === c ? ' swatch--on' : ''}`}
              style={{ background: c }}
              aria-label={t('board.colorName', { n: i + 1 })}
              onClick={() => (color.value = c)}
            />
          ))}
        </div>
        <button
          type="submit"
          class="btn btn--primary"
          disabled={left === 0 || !text.value.trim()}
          data-testid="add-card"
        >
          {t('cards.add')}
        </button>
      </div>
      {left !== null && (
        <p class="help" data-testid="cards-left">
          {left > 0 ? t('cards.left', { count: left }) : t('cards.noneLeft')}
        </p>
      )}
    </form>
  );
}

function ClusterBlock(p: {
  board: BoardClientState;
  cluster: ClusterItem;
  cards: CardItem[];
  clusters: ClusterItem[];
  mayMove: boolean;
  dotsLeft: number;
}) {
  const heading = useSignal<string | null>(null);
  const id = `cluster-${p.cluster.id}`;
  return (
    <div class="cluster-block" data-testid="cluster-block" data-heading={p.cluster.heading}>
      {p.mayMove ? (
        <form
          class="inline-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (heading.value !== null) void p.board.actions.update(p.cluster.id, { heading: heading.value });
            heading.value = null;
          }}
        >
          <label for={id} class="visually-hidden">
            {t('cards.clusterHeading')}
          </label>
          <input
            id={id}
            class="cluster-block__heading"
            value={heading.value ?? p.cluster.heading}
            maxLength={BOARD_LIMITS.heading}
            onInput={(e) => (heading.value = (e.target as HTMLInputElement).value)}
            onBlur={(e) => (e.currentTarget as HTMLInputElement).form?.requestSubmit()}
          />
        </form>
      ) : (
        <h3>{p.cluster.heading}</h3>
      )}
      <CardList board={p.board} cards={p.cards} clusters={p.clusters} mayMove={p.mayMove} dotsLeft={p.dotsLeft} />
    </div>
  );
}

function CardList({
  board,
  cards,
  clusters,
  mayMove,
  dotsLeft,
}: {
  board: BoardClientState;
  cards: CardItem[];
  clusters: ClusterItem[];
  mayMove: boolean;
  dotsLeft: number;
}) {
  return (
    <ul class="card-list">
      {cards.map((c) => (
        <CardEntry key={c.id} board={board} card={c} clusters={clusters} mayMove={mayMove} dotsLeft={dotsLeft} />
      ))}
    </ul>
  );
}

function CardEntry({
  board,
  card,
  clusters,
  mayMove,
  dotsLeft,
}: {
  board: BoardClientState;
  card: CardItem;
  clusters: ClusterItem[];
  mayMove: boolean;
  dotsLeft: number;
}) {
  const editing = useSignal<string | null>(null);
  const s = board.settings.value;
  const mine = card.by === board.selfId.value;
  const myDots = board.myDots.value.filter((d) => d.cardId === card.id);
  const total = board.dots.value.get(card.id) ?? 0;
  const label = card.hidden ? t('board.hiddenCard') : card.text;
  const showTotal = s.dotRound > 0 && (s.dotsLive || !s.dotsOpen);
  const canWrite = mine && board.mayWriteCards.value;
  return (
    <li
      class={`card-entry${card.hidden ? ' card-entry--hidden' : ''}`}
      style={{ borderLeftColor: card.color }}
      data-testid="card-entry"
      data-card-id={card.id}
    >
      {editing.value !== null ? (
        <form
          class="card-entry__edit"
          onSubmit={async (e) => {
            e.preventDefault();
            const text = editing.value?.trim();
            if (text && (await board.actions.update(card.id, { text }))) editing.value = null;
          }}
        >
          <label class="visually-hidden" for={`edit-${card.id}`}>
            {t('cards.textLabel')}
          </label>
          <textarea
            id={`edit-${card.id}`}
            rows={3}
            maxLength={BOARD_LIMITS.cardText}
            value={editing.value}
            onInput={(e) => (editing.value = (e.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" class="btn btn--small btn--primary">
            {t('cards.save')}
          </button>
        </form>
      ) : (
        <p class="card-entry__text" data-testid="card-text">
          {label}
        </p>
      )}
      <div class="card-entry__meta">
        <span class="muted">
          {mine ? t('cards.mine') : card.authorName ? t('cards.by', { name: card.authorName }) : ''}
        </span>
        {showTotal && (
          <span class="badge" data-testid="card-dots">
            {t('dots.onCard', { count: total })}
          </span>
        )}
        {myDots.length > 0 && !showTotal && <span class="badge">{t('dots.mine', { count: myDots.length })}</span>}
      </div>
      <div class="card-entry__actions">
        {s.dotsOpen && !card.hidden && (
          <>
            <button
              type="button"
              class="btn btn--small"
              aria-label={t('dots.place', { text: label })}
              disabled={dotsLeft <= 0 || myDots.length >= s.dotsPerCard}
              data-testid="dot-add"
              onClick={() => void board.actions.add({ kind: 'dot', id: newId(), cardId: card.id })}
            >
              <BoardIcon name="plus" /> <BoardIcon name="dot" size="0.8em" />
            </button>
            <button
              type="button"
              class="btn btn--small"
              aria-label={t('dots.takeBack', { text: label })}
              disabled={myDots.length === 0}
              data-testid="dot-remove"
              onClick={() => void board.actions.remove([myDots[myDots.length - 1]!.id])}
            >
              <BoardIcon name="minus" /> <BoardIcon name="dot" size="0.8em" />
            </button>
          </>
        )}
        {canWrite && editing.value === null && (
          <button type="button" class="btn btn--small btn--ghost" onClick={() => (editing.value = card.text)}>
            {t('cards.edit')}
          </button>
        )}
        {(canWrite || board.isModerator.value) && (
          <button
            type="button"
            class="btn btn--small btn--ghost"
            aria-label={`${t('cards.remove')}: ${label}`}
            onClick={() => void board.actions.remove([card.id])}
          >
            <BoardIcon name="delete" />
          </button>
        )}
        {mayMove && clusters.length > 0 && (
          <label class="card-entry__move">
            <span class="visually-hidden">{t('cards.moveTo')}</span>
            <select
              value={card.clusterId ?? ''}
              onChange={(e) => void moveToCluster(board, card, clusters, (e.target as HTMLSelectElement).value || null)}
            >
              <option value="">{t('cards.unclustered')}</option>
              {clusters.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.heading || t('cards.clusterDefault', { n: clusters.indexOf(k) + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </li>
  );
}

/** Moving a card into a cluster from the list also places it inside the cluster's frame. */
async function moveToCluster(
  board: BoardClientState,
  card: CardItem,
  clusters: ClusterItem[],
  clusterId: string | null,
) {
  const k = clusters.find((c) => c.id === clusterId);
  if (!k) return board.actions.update(card.id, { clusterId: null, x: card.x, y: card.y + 0 });
  const inside = board.cards.value.filter((c) => c.clusterId === k.id && c.id !== card.id).length;
  const perRow = Math.max(1, Math.floor((k.w - 20) / (CARD_W + 12)));
  const x = k.x + 14 + (inside % perRow) * (CARD_W + 12);
  const y = k.y + 44 + Math.floor(inside / perRow) * (CARD_H + 12);
  return board.actions.update(card.id, { clusterId: k.id, x, y });
}

function Ranking({ cards, dots }: { cards: CardItem[]; dots: ReadonlyMap<string, number> }) {
  const ranked = cards.filter((c) => !c.hidden).sort((a, b) => (dots.get(b.id) ?? 0) - (dots.get(a.id) ?? 0));
  return (
    <div class="ranking" data-testid="dot-ranking">
      <h3>{t('dots.result')}</h3>
      <ol>
        {ranked.map((c) => (
          <li key={c.id} data-testid="ranked-card">
            <span>{c.text}</span> <span class="badge">{t('dots.onCard', { count: dots.get(c.id) ?? 0 })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
