/**
 * [LAYOUT] The workshop screen's rules, free of components: which panels and tabs a person gets, what their
 * stage shows, and which changes deserve a notification. The shell (Shell.tsx) draws what these decide.
 *
 * Desktop (wide enough for a stage and a side column): the stage shows the moment (the video grid, or the
 * board with video as a strip), side panels sit in tabs. Phone (narrow, 200 % zoom, or joined without
 * media): one thing at a time, chosen in a bottom tab bar; "Now" is the room, the poll and the video.
 */
import type { StageView } from '../../shared/workshops/constants.js';

export type PanelId = 'people' | 'chat' | 'polls' | 'rooms' | 'agenda' | 'host';
export type PhoneTab = 'now' | 'board' | 'people' | 'chat' | 'rooms' | 'host';

/** Wide enough for a stage beside a side column (56rem at the app's 18 px root = 1008 px). */
export const DESKTOP_QUERY = '(min-width: 56rem)';

/** The side panels on a desktop: moderators also run the programme (the run sheet) and the workshop. */
export function panelsFor(moderator: boolean): PanelId[] {
  return moderator ? ['people', 'chat', 'polls', 'rooms', 'agenda', 'host'] : ['people', 'chat', 'polls', 'rooms'];
}

/** The bottom tab bar on a phone: polls are part of "Now", what is happening. */
export function phoneTabsFor(moderator: boolean): PhoneTab[] {
  return moderator ? ['now', 'board', 'chat', 'people', 'rooms', 'host'] : ['now', 'board', 'chat', 'people'];
}

/**
 * What a person's stage shows: their own choice while they made one since the moderators last chose,
 * else what the moderators show everyone.
 */
export function stageShown(
  shared: StageView,
  mine: { view: StageView; sharedWhenChosen: StageView } | null,
): StageView {
  return mine && mine.sharedWhenChosen === shared ? mine.view : shared;
}

/** Which tab a phone shows when the moderators change the stage: the board comes to everyone, video back to "Now". */
export function phoneTabForStage(view: StageView): PhoneTab {
  return view === 'board' ? 'board' : 'now';
}

/** The entries of `now` whose key was not in `before`, in order (a raised hand, a new call for help, a new poll). */
export function arrivals<T>(before: ReadonlySet<string>, now: readonly T[], key: (item: T) => string): T[] {
  return now.filter((item) => !before.has(key(item)));
}

/** Unread count of a conversation list: messages by others after the last one seen. */
export function unreadSince(messages: readonly { authorId: string }[], seen: number, me: string | undefined): number {
  return messages.slice(Math.min(seen, messages.length)).filter((m) => m.authorId !== me).length;
}
