import { roomLabel, type RoomsSeen } from '../../shared/breakouts/room-label.js';
import { csvLine } from '../../shared/csv.js';
import { catalogue } from '../../shared/i18n/catalogue.js';
import { formatMessage } from '../../shared/i18n/format.js';
import type { UiLocale } from '../../shared/languages.js';
import type { PollKind } from '../../shared/polls/schema.js';
import type { PollRecord, StoredVote } from './store/types.js';
import type { Person } from './quiz.js';
import { orderedOptions, percent, tallyVotes } from './tally.js';

/** [BR24] A room's one name in the export's language, as people saw it on screen; a raw id only when unknown. */
export function exportRoomName(roomId: string, breakouts: RoomsSeen | null, locale: UiLocale): string {
  const msg = catalogue[locale];
  const words = {
    plenary: formatMessage(locale, msg['br.plenary']),
    roomN: (n: number) => formatMessage(locale, msg['br.roomN'], { n }),
    language: (code: string) => {
      const key = `language.${code}`;
      return key in msg ? formatMessage(locale, msg[key as keyof typeof msg]) : code;
    },
  };
  return roomLabel(roomId, breakouts, words) ?? roomId;
}

const COLUMNS = [
  'poll',
  'question',
  'type',
  'room',
  'option',
  'votes',
  'percent',
  'points',
  'voters',
  'name',
  'town',
  'answer',
] as const;

/**
 * [POLL10] The results of every launched poll as CSV (UTF-8 with BOM, comma separated, every field quoted):
 * counts per option, in total and per room; one row per named answer only when the poll is not
 * anonymous. An anonymous poll's rows carry no name, town or participant id. Breakout rooms appear under
 * the names people saw ([BR24], from the current rooms and the archive), a raw id only when unknown.
 */
export function pollsCsv(
  polls: readonly PollRecord[],
  votes: ReadonlyMap<string, ReadonlyMap<string, StoredVote>>,
  people: ReadonlyMap<string, Person>,
  locale: UiLocale,
  breakouts: RoomsSeen | null = null,
): string {
  const msg = catalogue[locale];
  const tr = (key: keyof typeof msg) => formatMessage(locale, msg[key]);
  const kindName = (k: PollKind) => tr(`polls.kind.${k}`);
  const roomName = (r: string) => exportRoomName(r, breakouts, locale);
  const lines = [csvLine(COLUMNS.map((c) => tr(`polls.csv.${c}`)))];
  polls
    .filter((p) => p.status !== 'draft')
    .forEach((poll, index) => {
      const no = index + 1;
      const label = (id: string) => {
        if (poll.kind === 'yesno') return tr(`polls.yesno.${id as 'yes' | 'no' | 'abstain'}`);
        return poll.options.find((o) => o.id === id)?.label || id;
      };
      const pollVotes = votes.get(poll.id) ?? new Map<string, StoredVote>();
      const tally = tallyVotes(poll, pollVotes.values(), 0);
      const scopes = [
        ['', tally.total] as const,
        ...Object.entries(tally.byRoom).sort(([a], [b]) => roomName(a).localeCompare(roomName(b))),
      ];
      for (const [room, t] of scopes) {
        const base = [no, poll.question, kindName(poll.kind), room ? roomName(room) : tr('polls.csv.allRooms')];
        if (poll.kind === 'text') {
          for (const w of t.words)
            lines.push(csvLine([...base, w.word, w.count, percent(w.count, t.weight), '', t.voters, '', '', '']));
          if (t.words.length === 0) lines.push(csvLine([...base, '', 0, 0, '', t.voters, '', '', '']));
          continue;
        }
        for (const id of orderedOptions(poll, t)) {
          const count = t.counts[id] ?? 0;
          const points = poll.kind === 'ranking' ? (t.points[id] ?? 0) : '';
          lines.push(csvLine([...base, label(id), count, percent(count, t.weight), points, t.voters, '', '', '']));
        }
      }
      if (poll.anonymous) return;
      const separator = poll.kind === 'ranking' ? ' > ' : '; ';
      const named = [...pollVotes.entries()]
        .map(([pid, v]) => ({ who: people.get(pid), v }))
        .sort((a, b) => (a.who?.name ?? '').localeCompare(b.who?.name ?? ''));
      for (const { who, v } of named) {
        const answer = poll.kind === 'text' ? v.t : v.c.map(label).join(separator);
        lines.push(
          csvLine([
            no,
            poll.question,
            kindName(poll.kind),
            roomName(v.r),
            '',
            '',
            '',
            '',
            '',
            who?.name ?? '',
            who?.town ?? '',
            answer,
          ]),
        );
      }
    });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
