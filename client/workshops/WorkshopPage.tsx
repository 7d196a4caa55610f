import { type Signal, signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { PLENARY } from '../../shared/rooms.js';
import { formatJoinCode, type StageView } from '../../shared/workshops/constants.js';
import { AgendaNow } from '../agenda/AgendaNow.js';
import { BoardSection } from '../boards/BoardSection.js';
import { BreakoutNotices, RoomsPanel } from '../breakouts/BreakoutNotices.js';
import { roomTitle } from '../breakouts/room-label.js';
import { ChatPanel } from '../chat/ChatPanel.js';
import { errorText, type MessageKey, t } from '../i18n/i18n.js';
import { Media } from '../media/lazy.js';
import { PollPanel } from '../polls/PollPanel.js';
import { SpeakingPanel, SpeakingSetupCard } from '../speaking/SpeakingPanel.js';
import { useSession } from '../session/context.js';
import { Alert } from '../ui/Alert.js';
import { CopyField } from '../ui/CopyField.js';
import { Icon } from '../ui/Icon.js';
import { lazy } from '../ui/lazy.js';
import { createToasts, ToastRegion, type Toasts } from '../ui/Toasts.js';
import { HandsPanel } from './HandsPanel.js';
import {
  arrivals,
  DESKTOP_QUERY,
  type PanelId,
  type PhoneTab,
  panelsFor,
  phoneTabForStage,
  phoneTabsFor,
  stageShown,
  unreadSince,
} from './layout.js';
import { ParticipantList } from './ParticipantList.js';
import { ReactionBar } from './ReactionBar.js';
import type { WorkshopState } from './state.js';
import './shell.css';

/** Moderators only: participants never download it. */
const ModeratorPanel = lazy(() => import('./ModeratorPanel.js').then((m) => m.ModeratorPanel));
const AgendaPanel = lazy(() => import('../agenda/AgendaPanel.js').then((m) => m.AgendaPanel));
const LobbyPanel = lazy(() => import('./ModeratorPanel.js').then((m) => m.LobbyPanel));
// Formats' panels: their code comes when the format runs (or, for moderators, with the set-up in the Run sheet tab).
const TruthsPanelCode = lazy(() => import('../truths/TruthsPanel.js').then((m) => m.TruthsPanel));
const TruthsSetupCard = lazy(() => import('../truths/TruthsPanel.js').then((m) => m.TruthsSetupCard));
const FishbowlPanelCode = lazy(() => import('../fishbowl/FishbowlPanel.js').then((m) => m.FishbowlPanel));
const FishbowlSetupCard = lazy(() => import('../fishbowl/FishbowlPanel.js').then((m) => m.FishbowlSetupCard));
const MarketPanelCode = lazy(() => import('../market/MarketPanel.js').then((m) => m.MarketPanel));
const MarketSetupCard = lazy(() => import('../market/MarketPanel.js').then((m) => m.MarketSetupCard));
const BarcampPanelCode = lazy(() => import('../barcamp/BarcampPanel.js').then((m) => m.BarcampPanel));
const BarcampSetupCard = lazy(() => import('../barcamp/BarcampPanel.js').then((m) => m.BarcampSetupCard));

function TruthsPanel() {
  return useSession().truths.game.value ? <TruthsPanelCode /> : null;
}
function FishbowlPanel() {
  return useSession().fishbowl.fishbowl.value ? <FishbowlPanelCode /> : null;
}
/** The idea market's panel loads while a market runs (or ended, with its results). */
function MarketPanel() {
  return useSession().market.market.value ? <MarketPanelCode /> : null;
}
/** The barcamp's panel loads while a barcamp runs (or ended, with its grid and notes). */
function BarcampPanel() {
  return useSession().barcamp.barcamp.value ? <BarcampPanelCode /> : null;
}

/** One media query for the whole page: desktop (stage beside panels) or phone (one thing at a time). */
const wide = signal(typeof matchMedia === 'function' ? matchMedia(DESKTOP_QUERY).matches : true);
if (typeof matchMedia === 'function')
  matchMedia(DESKTOP_QUERY).addEventListener('change', (e) => (wide.value = e.matches));

/** What this person chose on their screen: open panel or tab, own stage view, how much chat they have read. */
interface ShellUi {
  panel: Signal<PanelId>;
  tab: Signal<PhoneTab>;
  myStage: Signal<{ view: StageView; sharedWhenChosen: StageView } | null>;
  chatSeen: Signal<number>;
  toasts: Toasts;
}

const ICONS: Record<PanelId | PhoneTab, Parameters<typeof Icon>[0]['name']> = {
  now: 'stage',
  board: 'pin',
  people: 'group',
  chat: 'chat',
  polls: 'poll',
  rooms: 'rooms',
  agenda: 'timer',
  host: 'tune',
};

/**
 * [LAYOUT] The workshop screen. Desktop: a stage (the video grid, or the board with video as a strip) and
 * side panels in tabs (People, Chat, Polls, Rooms, and Host for moderators), a bottom bar with hand,
 * reactions and leave, and notifications that bring what needs attention now. Phone: a bottom tab bar
 * (Now, Board, Chat, People), one thing at a time.
 */
export function WorkshopPage({ state, code }: { state: WorkshopState; code: string }) {
  const { breakouts: br, polls, board, media } = useSession();
  const ui = useMemo<ShellUi>(
    () => ({
      panel: signal('people'),
      tab: signal('now'),
      myStage: signal(null),
      chatSeen: signal(state.chat.peek().length),
      toasts: createToasts(),
    }),
    [],
  );
  const w = state.workshop.value!;
  const me = state.self.value;
  const moderator = state.isModerator.value;
  // By the width of the screen alone: a laptop without a camera still gets the stage and panels.
  const desktop = wide.value;
  const shared = w.stage ?? 'video';
  // Without camera and microphone there is no video to see: the board, until one picks the video.
  const shown =
    !media.value && shared === 'video' && !ui.myStage.value ? 'board' : stageShown(shared, ui.myStage.value);

  // Chat read while its panel or tab is open.
  const chatOpen = desktop ? ui.panel.value === 'chat' : ui.tab.value === 'chat';
  const chatLength = state.chat.value.length;
  useEffect(() => {
    if (chatOpen) ui.chatSeen.value = chatLength;
  }, [chatOpen, chatLength]);
  const unread = chatOpen ? 0 : unreadSince(state.chat.value, ui.chatSeen.value, me?.id) + state.pm.totalUnread.value;

  /** Opens a panel or tab; the focus goes to it unless the opener puts it somewhere inside (the chat field). */
  const open = (target: PanelId | PhoneTab, focus = true) => {
    if (desktop) {
      if (target === 'now' || target === 'board') {
        if (target === 'board') ui.myStage.value = { view: 'board', sharedWhenChosen: shared };
        return;
      }
      ui.panel.value = target;
    } else ui.tab.value = target === 'polls' ? 'now' : (target as PhoneTab);
    if (focus)
      requestAnimationFrame(() =>
        document.getElementById(`view-${target === 'polls' && !desktop ? 'now' : target}`)?.focus(),
      );
  };
  useNotifications(state, ui, open, desktop);

  // [CHAT4] "Message" on someone in the list opens the chat.
  const focusRequest = state.pm.focusRequest.value;
  useEffect(() => {
    if (focusRequest > 0) open('chat', false);
  }, [focusRequest]);
  // The moderators change the stage: a phone follows (the board comes to everyone, video back to "Now").
  useEffect(() => {
    if (!desktop && (ui.tab.peek() === 'now' || ui.tab.peek() === 'board')) ui.tab.value = phoneTabForStage(shared);
  }, [shared]);

  // Polls waiting for this person's vote (a moderator: every open poll).
  const toVote = polls.open.value.filter((p) => moderator || !polls.myVotes.value.has(p.id)).length;
  const badges: Partial<Record<PanelId | PhoneTab, { count: number; label: MessageKey }>> = {
    chat: { count: unread, label: 'layout.badge.unread' },
    people: { count: state.hands.value.length, label: 'layout.badge.hands' },
    polls: { count: toVote, label: 'layout.badge.polls' },
    now: { count: toVote, label: 'layout.badge.polls' },
    rooms: { count: moderator ? (br.view.value?.help.length ?? 0) : 0, label: 'layout.badge.help' },
  };

  const panel = (id: PanelId | PhoneTab): ComponentChildren => {
    switch (id) {
      case 'people':
        return (
          <>
            {(moderator || state.hands.value.length > 0) && (
              <HandsPanel
                state={state}
                roomOf={(roomId) => {
                  const view = br.view.value;
                  return view?.rooms.some((r) => r.id === roomId) ? roomTitle(roomId, view) : null;
                }}
              />
            )}
            <ParticipantList state={state} />
            <Invite state={state} code={code} />
          </>
        );
      case 'chat':
        return <ChatPanel state={state} />;
      case 'polls':
        return <PollPanel state={state} polls={polls} />;
      case 'rooms':
        return <RoomsPanel state={state} br={br} />;
      case 'agenda':
        return (
          <>
            <AgendaPanel />
            <SpeakingSetupCard />
            <TruthsSetupCard />
            <FishbowlSetupCard />
            <MarketSetupCard />
            <BarcampSetupCard />
          </>
        );
      case 'host':
        // A phone has no tab of its own for the run sheet: it leads the Host tab there.
        return (
          <>
            {!desktop && (
              <>
                <AgendaPanel />
                <SpeakingSetupCard />
                <TruthsSetupCard />
                <FishbowlSetupCard />
                <MarketSetupCard />
                <BarcampSetupCard />
              </>
            )}
            <ModeratorPanel state={state} />
          </>
        );
      case 'board':
        return <BoardSection board={board} rooms={br.view} phone={!desktop} />;
      case 'now':
        return (
          <>
            <BreakoutNotices state={state} br={br} />
            <SpeakingPanel />
            <TruthsPanel />
            <FishbowlPanel />
            <MarketPanel />
            <BarcampPanel />
            <AgendaNow />
            <PollPanel state={state} polls={polls} />
            <Media state={state} media={media.value} />
          </>
        );
    }
  };

  return (
    <div
      class={`workshop shell shell--${desktop ? 'desktop' : 'phone'}`}
      data-testid="workshop"
      data-layout={desktop ? 'desktop' : 'phone'}
      data-stage={shown}
    >
      {state.reconnecting.value && (
        <div class="banner banner--warning" role="status" data-testid="reconnecting-banner">
          {t('status.reconnecting')}
        </div>
      )}
      <div class="workshop__bar">
        <div class="workshop__title">
          <h1>{w.title}</h1>
          <p class="muted">
            {t('ws.code', { code: formatJoinCode(code) })}
            {w.locked && (
              <span class="badge badge--warning" data-testid="locked-badge">
                <Icon name="lock" /> {t('ws.locked')}
              </span>
            )}
            {w.lobby && <span class="badge">{t('ws.lobbyBadge')}</span>}
            {w.passcode && <span class="badge">{t('ws.passcodeBadge')}</span>}
          </p>
        </div>
        {!desktop && <Actions state={state} />}
      </div>
      {state.error.value && (
        <Alert testId="action-error">
          {errorText(state.error.value)}{' '}
          <button type="button" class="btn btn--small" onClick={state.actions.dismissError}>
            ×<span class="visually-hidden">{t('common.cancel')}</span>
          </button>
        </Alert>
      )}
      {moderator && <LobbyPanel state={state} />}
      {desktop ? (
        <div class="shell__body">
          <section class="stage" aria-labelledby="stage-title" data-testid="stage" data-view={shown}>
            <StageBar state={state} ui={ui} shared={shared} shown={shown} />
            <div class="stage__scroll">
              <BreakoutNotices state={state} br={br} />
              <SpeakingPanel />
              <TruthsPanel />
              <FishbowlPanel />
              <MarketPanel />
              <BarcampPanel />
              <AgendaNow />
              <div class={`stage__video${shown === 'board' ? ' stage__video--strip' : ''}`}>
                <Media state={state} media={media.value} />
                {!media.value && shown === 'video' && <p class="muted stage__empty">{t('layout.noVideo')}</p>}
              </div>
              {shown === 'board' && panel('board')}
            </div>
          </section>
          <aside class="panels" aria-label={t('layout.panels')}>
            <Tabs ids={panelsFor(moderator)} active={ui.panel.value} badges={badges} onPick={(id) => open(id, false)} />
            {panelsFor(moderator).map((id) => (
              <div
                key={id}
                id={`view-${id}`}
                class="panels__panel"
                role="tabpanel"
                tabIndex={-1}
                aria-labelledby={`tab-${id}`}
                hidden={id !== ui.panel.value}
                data-testid={`panel-${id}`}
              >
                {panel(id)}
              </div>
            ))}
          </aside>
        </div>
      ) : (
        <div class="shell__phone">
          {phoneTabsFor(moderator).map((id) => (
            <div
              key={id}
              id={`view-${id}`}
              class="shell__view"
              role="tabpanel"
              tabIndex={-1}
              aria-labelledby={`tab-${id}`}
              hidden={id !== ui.tab.value}
              data-testid={`panel-${id}`}
            >
              {/* The board and its canvas load when their tab opens; everything else keeps its state. */}
              {(id !== 'board' || ui.tab.value === 'board') && panel(id)}
            </div>
          ))}
        </div>
      )}
      {desktop ? (
        <section class="dock" aria-label={t('layout.dock')}>
          <Actions state={state} />
        </section>
      ) : (
        <Tabs
          ids={phoneTabsFor(moderator)}
          active={ui.tab.value}
          badges={badges}
          onPick={(id) => open(id, false)}
          phone
        />
      )}
      <ToastRegion toasts={ui.toasts} />
    </div>
  );
}

/** Raise hand, reactions, leave: the dock on a desktop, the head of the page on a phone. */
function Actions({ state }: { state: WorkshopState }) {
  const me = state.self.value;
  const raised = me?.handRaisedAt !== null && me?.handRaisedAt !== undefined;
  return (
    <div class="workshop__actions">
      <button
        type="button"
        class={`btn btn--large${raised ? ' btn--on' : ''}`}
        aria-pressed={raised}
        data-testid="hand-toggle"
        onClick={() => void (raised ? state.actions.lowerHand() : state.actions.raiseHand())}
      >
        <Icon name="hand" /> {raised ? t('ws.lowerHand') : t('ws.raiseHand')}
      </button>
      <ReactionBar state={state} />
      <button type="button" class="btn btn--ghost" data-testid="leave" onClick={() => void state.actions.leave()}>
        {t('ws.leave')}
      </button>
    </div>
  );
}

/**
 * The tabs of the side panels (desktop) or the bottom tab bar (phone): arrow keys move between them,
 * each says its count ("3 unread") to screen readers as well as in its badge.
 */
function Tabs<T extends PanelId | PhoneTab>({
  ids,
  active,
  badges,
  onPick,
  phone = false,
}: {
  ids: T[];
  active: T;
  badges: Partial<Record<PanelId | PhoneTab, { count: number; label: MessageKey }>>;
  onPick: (id: T) => void;
  phone?: boolean;
}) {
  const move = (e: KeyboardEvent, index: number) => {
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (index + 1) % ids.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (index - 1 + ids.length) % ids.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? ids.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onPick(ids[next]!);
    document.getElementById(`tab-${ids[next]}`)?.focus();
  };
  return (
    <div
      class={phone ? 'tabbar' : 'panels__tabs'}
      role="tablist"
      aria-label={t(phone ? 'layout.tabs' : 'layout.panels')}
      data-testid={phone ? 'tabbar' : 'panel-tabs'}
    >
      {ids.map((id, index) => {
        const badge = badges[id];
        const label = t(`layout.panel.${id}`);
        return (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            class="tab"
            aria-selected={id === active}
            aria-controls={`view-${id}`}
            tabIndex={id === active ? 0 : -1}
            data-testid={phone && (id === 'chat' || id === 'people') ? `phone-${id}` : `tab-${id}`}
            onClick={() => onPick(id)}
            onKeyDown={(e) => move(e, index)}
          >
            <Icon name={ICONS[id]} />
            <span class="tab__label">{label}</span>
            {badge && badge.count > 0 && (
              <span class="badge badge--unread tab__badge" data-testid={`badge-${id}`}>
                <span aria-hidden="true">{badge.count}</span>
                <span class="visually-hidden">{t(badge.label, { count: badge.count })}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

/**
 * What the stage shows, for this person; moderators put it on everyone's stage. Moderators reach the
 * board's controls (card collection, dot voting) in one click from here.
 */
function StageBar({
  state,
  ui,
  shared,
  shown,
}: {
  state: WorkshopState;
  ui: ShellUi;
  shared: StageView;
  shown: StageView;
}) {
  const moderator = state.isModerator.value;
  const pick = (view: StageView) => (ui.myStage.value = { view, sharedWhenChosen: shared });
  return (
    <div class="stage__bar">
      <h2 id="stage-title" class="visually-hidden">
        {t('layout.stage')}
      </h2>
      {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons named as a group, not a form */}
      <div class="stage__views" role="group" aria-label={t('layout.stage.choose')}>
        {(['video', 'board'] as const).map((view) => (
          <button
            key={view}
            type="button"
            class={`btn${shown === view ? ' btn--on' : ''}`}
            aria-pressed={shown === view}
            data-testid={`stage-${view}`}
            onClick={() => pick(view)}
          >
            <Icon name={view === 'video' ? 'grid' : 'pin'} /> {t(`layout.stage.${view}`)}
          </button>
        ))}
      </div>
      {moderator ? (
        shown === shared ? (
          <span class="muted" data-testid="stage-everyone">
            {t('layout.stage.everyoneSees')}
          </span>
        ) : (
          <button
            type="button"
            class="btn btn--primary"
            data-testid="stage-share"
            onClick={async () => {
              if (await state.actions.setStage(shown)) ui.myStage.value = null;
            }}
          >
            {t('layout.stage.showEveryone')}
          </button>
        )
      ) : (
        shown !== shared && (
          <button
            type="button"
            class="btn"
            data-testid="stage-follow"
            onClick={() => (ui.myStage.value = { view: shared, sharedWhenChosen: shared })}
          >
            {t(shared === 'board' ? 'layout.stage.followBoard' : 'layout.stage.followVideo')}
          </button>
        )
      )}
    </div>
  );
}

function Invite({ state, code }: { state: WorkshopState; code: string }) {
  const w = state.workshop.value!;
  return (
    <details class="card invite">
      <summary>{t('ws.invite')}</summary>
      <CopyField id="ws-invite" label={t('created.inviteLabel')} value={state.invite.value} />
      <img
        class="invite__qr"
        src={`/api/workshops/${formatJoinCode(code)}/qr.svg${w.passcode ? `?pass=${encodeURIComponent(w.passcode)}` : ''}`}
        alt={t('created.qrAlt')}
        width={180}
        height={180}
        loading="lazy"
      />
    </details>
  );
}

/**
 * [LAYOUT5] What needs attention now comes as a notification with its action: a raised hand and a call for
 * help (moderators), a new poll, the board put on the stage, a move into a room, one minute left.
 * Only what arrives after the page opened: a reload does not replay the past.
 */
function useNotifications(
  state: WorkshopState,
  ui: ShellUi,
  open: (target: PanelId | PhoneTab) => void,
  desktop: boolean,
) {
  const { breakouts: br, polls } = useSession();
  const seen = useSignal<{ hands: Set<string>; help: Set<string>; polls: Set<string>; closed: Set<string> } | null>(
    null,
  );
  const moderator = state.isModerator.value;
  const hands = state.hands.value;
  const help = br.view.value?.help ?? [];
  const openPolls = polls.open.value;
  const closedPolls = polls.closed.value;
  const name = (id: string) => state.people.value.get(id)?.name ?? '';
  useEffect(() => {
    const before = seen.peek();
    const now = {
      hands: new Set(hands.map((p) => `${p.id}:${p.handRaisedAt}`)),
      help: new Set(help.map((h) => `${h.participantId}:${h.at}`)),
      polls: new Set(openPolls.map((p) => p.id)),
      closed: new Set(closedPolls.map((p) => p.id)),
    };
    seen.value = now;
    if (!before) return;
    // What is already in front of the person needs no notification over it (the poll they are looking at).
    const inView = (target: 'people' | 'polls') =>
      desktop ? ui.panel.peek() === target : ui.tab.peek() === (target === 'polls' ? 'now' : target);
    if (moderator) {
      for (const p of arrivals(before.hands, hands, (p) => `${p.id}:${p.handRaisedAt}`))
        if (p.id !== state.self.peek()?.id && !inView('people'))
          ui.toasts.show({
            key: `hand:${p.id}`,
            text: t('layout.toast.hand', { name: p.name }),
            action: { label: t('layout.toast.show'), run: () => open('people') },
          });
      const view = br.view.peek();
      for (const h of arrivals(before.help, help, (h) => `${h.participantId}:${h.at}`))
        ui.toasts.show({
          key: `help:${h.participantId}`,
          text: t('layout.toast.help', { name: name(h.participantId), room: view ? roomTitle(h.roomId, view) : '' }),
          action: { label: t('layout.toast.goToRoom'), run: () => void br.actions.visit(h.roomId) },
        });
    }
    for (const p of arrivals(before.polls, openPolls, (p) => p.id))
      if (!moderator && !inView('polls'))
        ui.toasts.show({
          key: `poll:${p.id}`,
          text: t('layout.toast.poll', { question: p.question }),
          action: { label: t('layout.toast.vote'), run: () => open('polls') },
        });
    // A poll's end: its results, announced politely to everyone who may see them.
    for (const p of arrivals(before.closed, closedPolls, (p) => p.id))
      if (!inView('polls'))
        ui.toasts.show({
          key: `poll:${p.id}`,
          text: t('layout.toast.pollClosed', { question: p.question }),
          action: { label: t('layout.toast.results'), run: () => open('polls') },
        });
  }, [hands, help, openPolls, closedPolls]);

  // Moved into a room or back: the banner is on the stage ("Now" on a phone); say so wherever one is looking.
  const room = br.myRoomId.value;
  const firstRoom = useSignal(room);
  useEffect(() => {
    if (room === firstRoom.peek()) return;
    firstRoom.value = room;
    if (!desktop) ui.tab.value = 'now';
    const view = br.view.peek();
    ui.toasts.show({
      key: 'room',
      text:
        room === PLENARY
          ? t('br.backInPlenary')
          : t('layout.toast.inRoom', { room: view ? roomTitle(room, view) : '' }),
    });
  }, [room]);

  // The moderators put the board on everyone's stage.
  const stage = state.workshop.value?.stage ?? 'video';
  const firstStage = useSignal(stage);
  useEffect(() => {
    if (stage === firstStage.peek()) return;
    firstStage.value = stage;
    if (!moderator && stage === 'board') ui.toasts.show({ key: 'stage', text: t('layout.toast.board') });
  }, [stage]);

  // [LAYOUT8] A format starts in this person's room (a flash round, two truths and a lie, a fishbowl, an idea
  // market): its panel is on the stage; on a phone looking at another tab, a notification leads to "Now".
  const { speaking, truths, fishbowl, market, barcamp } = useSession();
  const round = speaking.round.value;
  const game = truths.game.value;
  const running: Record<'speak' | 'truths' | 'fishbowl' | 'market' | 'barcamp', boolean> = {
    speak: !!round && round.phase !== 'ended',
    truths: !!game && game.phase !== 'ended',
    fishbowl: fishbowl.running.value,
    market: market.running.value,
    barcamp: barcamp.running.value,
  };
  const wasRunning = useSignal(running);
  useEffect(() => {
    const before = wasRunning.peek();
    wasRunning.value = running;
    if (moderator || desktop) return;
    for (const what of ['speak', 'truths', 'fishbowl', 'market', 'barcamp'] as const)
      if (running[what] && !before[what] && ui.tab.peek() !== 'now')
        ui.toasts.show({
          key: `format:${what}`,
          text: t('layout.toast.started', {
            what: t(what === 'truths' && truths.hashtagGame.peek() ? 'truths.tags.title' : `${what}.title`),
          }),
          action: { label: t('layout.toast.show'), run: () => open('now') },
        });
  }, [running.speak, running.truths, running.fishbowl, running.market, running.barcamp]);

  // One minute left in the rooms: moderators in the plenary hear it here (people in rooms see it on their banner).
  const oneMinute = br.oneMinuteLeft.value && moderator && room === PLENARY;
  useEffect(() => {
    if (oneMinute) ui.toasts.show({ key: 'one-minute', text: t('layout.toast.oneMinute') });
  }, [oneMinute]);
}
