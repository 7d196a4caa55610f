/**
 * What the results report is made of, read from the store (never from what a page had on screen):
 * the workshop, its template sheet and run sheet, everyone who took part, every board as everyone may see
 * it, every launched poll with its tally, and the quiz leaderboards.
 */
import type { AgendaView, Sheet } from '../../shared/agenda/schema.js';
import { dotCounts, fromSnapshot, replay } from '../../shared/boards/apply.js';
import type { Item } from '../../shared/boards/schema.js';
import { viewBoard } from '../../shared/boards/view.js';
import type { RoomsSeen } from '../../shared/breakouts/room-label.js';
import { reactionsOf } from '../../shared/gallery/rules.js';
import type { GalleryComment, GalleryReaction } from '../../shared/gallery/schema.js';
import type { Barcamp } from '../../shared/barcamp/schema.js';
import type { Market } from '../../shared/market/schema.js';
import type { Leaderboard, PollTally } from '../../shared/polls/schema.js';
import type { Hashtags } from '../../shared/truths/schema.js';
import type { Participant, WorkshopInfo } from '../../shared/workshops/schema.js';
import { leaderboard, revealedSeries, type Person } from '../polls/quiz.js';
import type { PollRecord } from '../polls/store/types.js';
import { tallyVotes } from '../polls/tally.js';
import type { Store } from '../store/store.js';

export interface ReportBoard {
  roomId: string;
  /** The name the board's room had ('' for the plenary). */
  label: string;
  /** As someone who is neither moderator nor author sees it: hidden cards without text, anonymous ones without author. */
  items: Item[];
  dots: Map<string, number>;
  /** [GAL7] Comments from the gallery walk on this board and on its snapshots, oldest first. */
  comments: GalleryComment[];
  /** Reactions on the board itself that someone gave, in the fixed order. */
  reactions: { reaction: GalleryReaction; count: number }[];
}

export interface ReportPoll {
  poll: PollRecord;
  tally: PollTally;
}

export interface ReportData {
  workshop: WorkshopInfo;
  sheet: Sheet | null;
  agenda: AgendaView | null;
  /** Everyone who took part (removed people are left out), in the order they joined. */
  people: Pick<Participant, 'name' | 'town' | 'kind' | 'headcount' | 'role'>[];
  boards: ReportBoard[];
  polls: ReportPoll[];
  leaderboards: Leaderboard[];
  rooms: RoomsSeen | null;
  /** [TRUTH10] Everyone's three hashtags (removed people left out), in the order they joined. */
  hashtags: { name: string; town: string; tags: Hashtags }[];
  /** The idea market's stalls, sign-ups and next steps (the last market run; null: none ran). */
  market: Market | null;
  /** [BCAMP8] The barcamp's grid and each session's notes (the last barcamp; null: none, or nothing proposed). */
  barcamp: Barcamp | null;
  /** Server time the report was made. */
  at: number;
}

/** Nobody in particular: the report shows each board as any participant may see it. */
const ANYONE = { id: '' };

export async function collectReport(store: Store, workshopId: string, at: number): Promise<ReportData | null> {
  const [workshop, participants, sheet, agenda, summaries, allPolls, rooms, gallery, market, tags, barcamp] =
    await Promise.all([
      store.getWorkshop(workshopId),
      store.listParticipants(workshopId),
      store.agenda.getSheet(workshopId),
      store.agenda.get(workshopId),
      store.boards.listBoards(workshopId),
      store.polls.listPolls(workshopId),
      store.breakouts.get(workshopId),
      store.gallery.view(workshopId),
      store.market.get(workshopId),
      store.truths.hashtags(workshopId),
      store.barcamp.get(workshopId),
    ]);
  if (!workshop) return null;
  const { moderatorKeyHash: _secret, ...info } = workshop;
  const present = participants.filter((p) => !p.removed).sort((a, b) => a.joinedAt - b.joinedAt);

  const boards: ReportBoard[] = [];
  for (const summary of summaries) {
    const log = await store.boards.readBoard({ workshopId, roomId: summary.roomId }, -1);
    const seen = fromSnapshot(viewBoard(replay(log.ops, log.snapshot), ANYONE));
    const items = [...seen.items.values()];
    if (!items.some((i) => i.kind !== 'dot')) continue;
    boards.push({
      roomId: summary.roomId,
      label: summary.label,
      items,
      dots: dotCounts(seen),
      comments: gallery.comments.filter((c) => c.roomId === summary.roomId),
      reactions: reactionsOf(gallery, summary.roomId)
        .filter((r) => r.count > 0)
        .map(({ reaction, count }) => ({ reaction, count })),
    });
  }

  const launched = allPolls.filter((p) => p.status !== 'draft');
  const votes = new Map(
    await Promise.all(
      launched.map(async (p) => [p.id, (await store.polls.pollVotes(workshopId, p.id)).votes] as const),
    ),
  );
  const people = new Map<string, Person>(participants.map((p) => [p.id, { id: p.id, name: p.name, town: p.town }]));
  return {
    workshop: info,
    sheet,
    agenda,
    people: present.map(({ name, town, kind, headcount, role }) => ({ name, town, kind, headcount, role })),
    boards,
    polls: launched.map((poll) => ({ poll, tally: tallyVotes(poll, (votes.get(poll.id) ?? new Map()).values(), 0) })),
    leaderboards: revealedSeries(launched).map((s) => leaderboard(s, launched, votes, people)),
    rooms,
    hashtags: present.flatMap((p) => {
      const mine = tags.get(p.id);
      return mine ? [{ name: p.name, town: p.town, tags: mine }] : [];
    }),
    market: market?.market && market.market.stalls.length > 0 ? market.market : null,
    barcamp: barcamp?.barcamp && barcamp.barcamp.proposals.length > 0 ? barcamp.barcamp : null,
    at,
  };
}
