import { describe, expect, test } from 'vitest';
import type { CommandError } from '../../shared/command.js';
import { pollDraftSchema, type PollDraftInput } from '../../shared/polls/schema.js';
import type { IdSource } from '../ids.js';
import type { PollRecord, StoredVote } from './store/types.js';
import { exportRoomName, pollsCsv } from './export.js';
import { answerKey, isRightAnswer } from '../../shared/polls/rules.js';
import { canSeeResults, checkVote, editDraft, launchPlan, newPoll, tallyAudience, toView } from './logic.js';
import { leaderboard } from './quiz.js';
import { tallyVotes, wordsOf } from './tally.js';

let n = 0;
const ids: IdSource = { id: () => `id${++n}`, joinCode: () => 'ABCDEF', secret: () => 'secret-secret' };
const draft = (input: PollDraftInput) => pollDraftSchema.parse(input);
const make = (input: PollDraftInput) => newPoll('w1', draft(input), { now: 100, ids });
const open = (input: PollDraftInput, deadline: number | null = null): PollRecord => ({
  ...make(input),
  status: 'open',
  openedAt: 200,
  deadline,
});
const person = { role: 'participant' as const, roomId: 'plenary', headcount: 1 };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as CommandError).code;
  }
  return 'ok';
};

/** Deterministic pseudo-random numbers (mulberry32), so a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('poll drafts', () => {
  test('[POLL1] a draft must make sense for its kind', () => {
    expect(code(() => make({ question: 'Q?', kind: 'single', options: ['Nur eins'] }))).toBe('invalid_payload');
    expect(code(() => make({ question: 'Q?', kind: 'single', options: ['Ja', 'ja'] }))).toBe('invalid_payload');
    expect(code(() => make({ question: 'Q?', kind: 'multiple', options: ['a', 'b'], maxSelections: 3 }))).toBe(
      'invalid_payload',
    );
    expect(code(() => make({ question: 'Q?', kind: 'text', quiz: { correct: ['o1'] }, anonymous: false }))).toBe(
      'invalid_payload',
    );
    expect(code(() => make({ question: 'Q?', kind: 'single', options: ['a', 'b'], quiz: { correct: ['o1'] } }))).toBe(
      'invalid_payload',
    ); // anonymous by default
    expect(
      code(() =>
        make({ question: 'Q?', kind: 'single', options: ['a', 'b'], anonymous: false, quiz: { correct: ['o3'] } }),
      ),
    ).toBe('invalid_payload');
    expect(
      code(() =>
        make({
          question: 'Q?',
          kind: 'single',
          options: ['a', 'b'],
          anonymous: false,
          quiz: { correct: ['o1', 'o2'] },
        }),
      ),
    ).toBe('invalid_payload');
    const scale = make({ question: 'Wie geht es Ihnen?', kind: 'scale', scaleMax: 10 });
    expect(scale.options.map((o) => o.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(make({ question: 'Q?', kind: 'yesno' }).options.map((o) => o.id)).toEqual(['yes', 'no', 'abstain']);
    expect(make({ question: 'Q?', kind: 'ranking', options: ['a', 'b', 'c'] }).maxSelections).toBe(3);
    expect(
      make({
        question: 'Q?',
        kind: 'single',
        options: ['a', 'b'],
        anonymous: false,
        quiz: { correct: ['o2'], timeLimitSec: 30 },
      }).quiz,
    ).toEqual({
      correct: ['o2'],
      timeLimitSec: 30,
      series: 'Quiz',
      scoring: 'person',
    });
  });

  test('[POLL2] only drafts can be edited', () => {
    const poll = make({ question: 'Alt?', kind: 'yesno' });
    expect(editDraft(poll, draft({ question: 'Neu?', kind: 'single', options: ['x', 'y'] }))).toMatchObject({
      id: poll.id,
      question: 'Neu?',
      options: [{ id: 'o1' }, { id: 'o2' }],
    });
    expect(code(() => editDraft({ ...poll, status: 'open' }, draft({ question: 'Neu?', kind: 'yesno' })))).toBe(
      'conflict',
    );
  });

  test('[POLL3] a launch opens the poll in the given rooms with a stored deadline for a timed quiz', () => {
    const quiz = make({
      question: 'Wie alt ist Kamen?',
      kind: 'single',
      options: ['800', '1000'],
      anonymous: false,
      quiz: { correct: ['o1'], timeLimitSec: 20 },
    });
    const open = { status: 'open' as const, rooms: [{ id: 'r1' }, { id: 'r2' }] };
    expect(launchPlan(quiz, ['plenary', 'plenary'], 5_000, null)).toEqual({
      openedAt: 5_000,
      deadline: 25_000,
      rooms: ['plenary'],
    });
    expect(launchPlan(make({ question: 'Q?', kind: 'yesno' }), ['r1', 'r2'], 5_000, open)).toEqual({
      openedAt: 5_000,
      deadline: null,
      rooms: ['r1', 'r2'],
    });
    expect(code(() => launchPlan({ ...quiz, status: 'closed' }, ['plenary'], 1, open))).toBe('conflict');
  });
});

describe('launch rooms', () => {
  const yesno = () => make({ question: 'Q?', kind: 'yesno' });
  test('[POLL3] the plenary is always a valid room; breakout rooms only while they are open', () => {
    const open = { status: 'open' as const, rooms: [{ id: 'r1' }, { id: 'r2' }] };
    expect(launchPlan(yesno(), ['plenary'], 1, null).rooms).toEqual(['plenary']);
    expect(launchPlan(yesno(), ['plenary'], 1, { ...open, status: 'closed' }).rooms).toEqual(['plenary']);
    expect(launchPlan(yesno(), ['r2', 'r1'], 1, open).rooms).toEqual(['r2', 'r1']);
  });

  test('[POLL3] a room that is not an open breakout room is refused', () => {
    const open = { status: 'open' as const, rooms: [{ id: 'r1' }, { id: 'r2' }] };
    expect(code(() => launchPlan(yesno(), ['r1', 'rGone'], 1, open))).toBe('not_found');
    expect(code(() => launchPlan(yesno(), ['r1'], 1, null))).toBe('not_found');
    expect(code(() => launchPlan(yesno(), ['r1'], 1, { ...open, status: 'closed' }))).toBe('not_found');
    expect(code(() => launchPlan(yesno(), ['r1'], 1, { ...open, status: 'draft' }))).toBe('not_found');
  });
});

describe('votes', () => {
  test('[POLL4] a vote must fit the poll', () => {
    const single = open({ question: 'Q?', kind: 'single', options: ['a', 'b'] });
    expect(checkVote(single, { choices: ['o2'], text: '' }, person, 300)).toEqual({
      c: ['o2'],
      t: '',
      w: 1,
      r: 'plenary',
      at: 300,
    });
    expect(code(() => checkVote(single, { choices: ['o1', 'o2'], text: '' }, person, 300))).toBe('invalid_choice');
    expect(code(() => checkVote(single, { choices: ['o7'], text: '' }, person, 300))).toBe('invalid_choice');
    expect(code(() => checkVote(single, { choices: [], text: '' }, person, 300))).toBe('invalid_choice');
    expect(code(() => checkVote(single, { choices: ['o1'], text: 'extra' }, person, 300))).toBe('invalid_choice');
    expect(code(() => checkVote({ ...single, status: 'closed' }, { choices: ['o1'], text: '' }, person, 300))).toBe(
      'poll_closed',
    );
    expect(code(() => checkVote({ ...single, status: 'draft' }, { choices: ['o1'], text: '' }, person, 300))).toBe(
      'poll_closed',
    );
    expect(code(() => checkVote({ ...single, deadline: 299 }, { choices: ['o1'], text: '' }, person, 300))).toBe(
      'poll_deadline',
    );
    expect(code(() => checkVote(single, { choices: ['o1'], text: '' }, { ...person, roomId: 'r2' }, 300))).toBe(
      'forbidden',
    );
    expect(
      code(() =>
        checkVote(single, { choices: ['o1'], text: '' }, { role: 'moderator', roomId: 'r2', headcount: 1 }, 300),
      ),
    ).toBe('ok');

    const multiple = open({ question: 'Q?', kind: 'multiple', options: ['a', 'b', 'c'], maxSelections: 2 });
    expect(checkVote(multiple, { choices: ['o3', 'o1'], text: '' }, person, 300).c).toEqual(['o1', 'o3']);
    expect(code(() => checkVote(multiple, { choices: ['o1', 'o2', 'o3'], text: '' }, person, 300))).toBe(
      'invalid_choice',
    );
    expect(code(() => checkVote(multiple, { choices: ['o1', 'o1'], text: '' }, person, 300))).toBe('invalid_choice');

    const ranking = open({ question: 'Q?', kind: 'ranking', options: ['a', 'b', 'c'] });
    expect(checkVote(ranking, { choices: ['o3', 'o1', 'o2'], text: '' }, person, 300).c).toEqual(['o3', 'o1', 'o2']);
    expect(code(() => checkVote(ranking, { choices: ['o3', 'o1'], text: '' }, person, 300))).toBe('invalid_choice');

    const text = open({ question: 'Q?', kind: 'text' });
    expect(checkVote(text, { choices: [], text: 'Freundschaft' }, person, 300).t).toBe('Freundschaft');
    expect(code(() => checkVote(text, { choices: [], text: '' }, person, 300))).toBe('invalid_choice');

    const weighted = open({ question: 'Q?', kind: 'yesno', weighted: true });
    expect(checkVote(weighted, { choices: ['yes'], text: '' }, { ...person, headcount: 12 }, 300).w).toBe(12);
    expect(
      checkVote({ ...weighted, weighted: false }, { choices: ['yes'], text: '' }, { ...person, headcount: 12 }, 300).w,
    ).toBe(1);
    const stored = checkVote(multiple, { choices: ['o3', 'o1'], text: '' }, person, 1);
    expect(answerKey('multiple', { choices: ['o1', 'o3'], text: '' })).toBe(
      answerKey('multiple', { choices: stored.c, text: stored.t }),
    );
  });

  test('[POLL5] the correct answer stays with moderators until revealed', () => {
    const quiz = open({
      question: 'Q?',
      kind: 'single',
      options: ['a', 'b'],
      anonymous: false,
      quiz: { correct: ['o1'] },
    });
    expect(toView(quiz, true).quiz?.correct).toEqual(['o1']);
    expect(toView(quiz, false).quiz?.correct).toBeNull();
    expect(toView({ ...quiz, revealed: true }, false).quiz?.correct).toEqual(['o1']);
    expect(toView(quiz, false)).not.toHaveProperty('workshopId');
  });

  test('[POLL6] results are visible by the poll setting, to moderators always, to all once closed', () => {
    const table = (['live', 'voted', 'closed'] as const).map((visibility) => {
      const poll = open({ question: 'Q?', kind: 'yesno', visibility });
      return [
        visibility,
        canSeeResults(poll, { moderator: false, voted: false }),
        canSeeResults(poll, { moderator: false, voted: true }),
        canSeeResults(poll, { moderator: true, voted: false }),
        canSeeResults({ ...poll, status: 'closed' }, { moderator: false, voted: false }),
        tallyAudience(poll),
        tallyAudience({ ...poll, status: 'closed' }),
      ];
    });
    expect(table).toEqual([
      ['live', true, true, true, true, 'everyone', 'everyone'],
      ['voted', false, true, true, true, 'voters', 'everyone'],
      ['closed', false, false, true, true, 'moderators', 'everyone'],
    ]);
    expect(canSeeResults(make({ question: 'Q?', kind: 'yesno' }), { moderator: false, voted: true })).toBe(false);
  });
});

describe('tally', () => {
  const v = (c: string[], o: Partial<StoredVote> = {}): StoredVote => ({ c, t: '', w: 1, r: 'plenary', at: 1, ...o });

  test('[POLL7] counts per option, per room and in total; weighting by headcount when enabled', () => {
    const poll = open({ question: 'Q?', kind: 'multiple', options: ['a', 'b', 'c'], maxSelections: 2, weighted: true });
    const t = tallyVotes(poll, [v(['o1', 'o2']), v(['o2'], { w: 12, r: 'r2' }), v(['o3'], { r: 'r2' })], 7);
    expect(t.rev).toBe(7);
    expect(t.total).toMatchObject({ voters: 3, weight: 14, counts: { o1: 1, o2: 13, o3: 1 } });
    expect(t.byRoom.plenary).toMatchObject({ voters: 1, weight: 1, counts: { o1: 1, o2: 1, o3: 0 } });
    expect(t.byRoom.r2).toMatchObject({ voters: 2, weight: 13, counts: { o1: 0, o2: 12, o3: 1 } });
  });

  test('[POLL7] a ranking gets Borda points; a scale its mean; open text a word cloud', () => {
    const ranking = open({ question: 'Q?', kind: 'ranking', options: ['a', 'b', 'c'] });
    const r = tallyVotes(ranking, [v(['o1', 'o2', 'o3']), v(['o2', 'o1', 'o3']), v(['o2', 'o3', 'o1'])], 1).total;
    expect(r.points).toEqual({ o1: 3, o2: 5, o3: 1 });
    expect(r.counts).toEqual({ o1: 1, o2: 2, o3: 0 });
    const scale = open({ question: 'Q?', kind: 'scale', scaleMax: 5 });
    expect(tallyVotes(scale, [v(['5']), v(['2']), v(['4'], { w: 2 })], 1).total.mean).toBe(3.75);
    const text = open({ question: 'Q?', kind: 'text' });
    const words = tallyVotes(
      text,
      [
        v([], { t: 'Freundschaft und Austausch' }),
        v([], { t: "l'amitié, Freundschaft freundschaft!" }),
        v([], { t: 'Austausch' }),
      ],
      1,
    ).total.words;
    expect(words).toEqual([
      { word: 'austausch', count: 2 },
      { word: 'freundschaft', count: 2 },
      { word: "l'amitié", count: 1 },
    ]);
    expect(wordsOf('Die Partnerschaft ist wichtig')).toEqual(['partnerschaft', 'wichtig']);
  });

  test('[POLL7] seeded random votes: the tally equals a plain recount', () => {
    for (const seed of [1, 2, 3, 42, 2027]) {
      const random = rng(seed);
      const poll = open({
        question: 'Q?',
        kind: 'multiple',
        options: ['a', 'b', 'c', 'd'],
        maxSelections: 3,
        weighted: true,
      });
      const votes = new Map<string, StoredVote>();
      for (let i = 0; i < 300; i++) {
        // Re-votes overwrite: the map holds one vote per participant, as the store does.
        const pid = `p${Math.floor(random() * 120)}`;
        const c = ['o1', 'o2', 'o3', 'o4'].filter(() => random() < 0.4).slice(0, 3);
        if (c.length === 0) continue;
        votes.set(pid, v(c, { w: 1 + Math.floor(random() * 4), r: random() < 0.5 ? 'plenary' : 'r2' }));
      }
      const t = tallyVotes(poll, votes.values(), 0);
      expect(t.total.voters, `seed ${seed}`).toBe(votes.size);
      for (const id of ['o1', 'o2', 'o3', 'o4']) {
        const expected = [...votes.values()].filter((x) => x.c.includes(id)).reduce((s, x) => s + x.w, 0);
        expect(t.total.counts[id], `seed ${seed} ${id}`).toBe(expected);
        expect((t.byRoom.plenary?.counts[id] ?? 0) + (t.byRoom.r2?.counts[id] ?? 0)).toBe(expected);
      }
    }
  });
});

describe('quiz', () => {
  const quiz = (id: string, correct: string[], extra: Partial<PollRecord> = {}): PollRecord => ({
    ...open({
      question: id,
      kind: 'multiple',
      options: ['a', 'b', 'c'],
      maxSelections: 2,
      anonymous: false,
      quiz: { correct, series: 'Stadtrallye', scoring: 'town' },
    }),
    id,
    status: 'closed',
    revealed: true,
    ...extra,
  });
  const v = (c: string[]): StoredVote => ({ c, t: '', w: 1, r: 'plenary', at: 1 });
  const people = new Map([
    ['ana', { id: 'ana', name: 'Ana', town: 'Lyon' }],
    ['ben', { id: 'ben', name: 'Ben', town: 'Kamen' }],
    ['cem', { id: 'cem', name: 'Cem', town: 'Kamen' }],
  ]);

  test('[POLL8] an answer is right when it picks exactly the correct options', () => {
    const q = quiz('q', ['o1', 'o3']);
    expect([
      isRightAnswer(q.quiz, ['o1', 'o3']),
      isRightAnswer(q.quiz, ['o1']),
      isRightAnswer(q.quiz, ['o1', 'o2']),
    ]).toEqual([true, false, false]);
  });

  test('[POLL9] a series scores revealed questions per person and per town', () => {
    const q1 = quiz('q1', ['o1']);
    const q2 = quiz('q2', ['o2']);
    const hidden = quiz('q3', ['o3'], { revealed: false, status: 'open' });
    const other = {
      ...quiz('q4', ['o1']),
      quiz: { correct: ['o1'], series: 'Other', timeLimitSec: null, scoring: 'person' as const },
    };
    const votes = new Map([
      [
        'q1',
        new Map([
          ['ana', v(['o1'])],
          ['ben', v(['o1'])],
          ['cem', v(['o2'])],
        ]),
      ],
      [
        'q2',
        new Map([
          ['ana', v(['o2'])],
          ['ben', v(['o3'])],
          ['cem', v(['o2'])],
        ]),
      ],
      ['q3', new Map([['ben', v(['o3'])]])],
      ['q4', new Map([['cem', v(['o1'])]])],
    ]);
    const board = leaderboard('Stadtrallye', [q1, q2, hidden, other], votes, people);
    expect(board).toEqual({
      series: 'Stadtrallye',
      scoring: 'town',
      questions: 2,
      people: [
        { name: 'Ana', town: 'Lyon', points: 2, answered: 2 },
        { name: 'Ben', town: 'Kamen', points: 1, answered: 2 },
        { name: 'Cem', town: 'Kamen', points: 1, answered: 2 },
      ],
      towns: [
        { town: 'Kamen', points: 2, players: 2 },
        { town: 'Lyon', points: 2, players: 1 },
      ],
    });
  });
});

describe('export', () => {
  const people = new Map([
    ['ana', { id: 'ana', name: 'Ana Nowak', town: 'Łódź' }],
    ['ben', { id: 'ben', name: '=Ben', town: 'Kamen' }],
  ]);
  const v = (c: string[], t = ''): StoredVote => ({ c, t, w: 1, r: 'plenary', at: 1 });

  test('[POLL10] breakout rooms appear under their names (current rooms and archive), raw ids only when unknown', () => {
    const poll = {
      ...open({ question: 'Wo?', kind: 'yesno', anonymous: false }),
      id: 'p1',
      rooms: ['rNow', 'rOld', 'rGone'],
    };
    const inRoom = (r: string): StoredVote => ({ c: ['yes'], t: '', w: 1, r, at: 1 });
    const votes = new Map([
      [
        'p1',
        new Map([
          ['ana', inRoom('rNow')],
          ['ben', inRoom('rOld')],
          ['cem', inRoom('rGone')],
        ]),
      ],
    ]);
    const breakouts = {
      rooms: [
        { id: 'rNow', name: 'Salon', languages: [] },
        { id: 'rTwo', name: '', languages: ['de', 'fr'] },
      ],
      archive: [{ id: 'rOld', name: '', closedAt: 5 }],
    };
    const names = ['rNow', 'rTwo', 'rOld', 'plenary'].map((id) => exportRoomName(id, breakouts, 'de'));
    expect(names).toEqual(['Salon', 'Raum 2 · Deutsch–Français', 'Raum 1', 'Plenum']);
    const lines = pollsCsv([poll], votes, people, 'de', breakouts).slice(1).trimEnd().split('\r\n');
    const rooms = lines.slice(1).map((l) => l.split('","')[3]);
    expect(rooms).toContain('Salon');
    expect(rooms).toContain('Raum 1');
    expect(rooms).toContain('rGone');
    expect(rooms).not.toContain('rNow');
    expect(rooms).not.toContain('rOld');
    expect(lines).toContain('"1","Wo?","Ja / Nein / Enthaltung","Salon","","","","","","Ana Nowak","Łódź","Ja"');
  });

  test('[POLL10] counts per option; named answers only when not anonymous; quoted, with BOM', () => {
    const named = {
      ...open({ question: 'Wohin, "bitte"?', kind: 'single', options: ['Lyon', 'Łódź'], anonymous: false }),
      id: 'p1',
    };
    const secret = { ...open({ question: 'Stimmung?', kind: 'yesno', anonymous: true }), id: 'p2' };
    const draftPoll = { ...make({ question: 'Entwurf', kind: 'yesno' }), id: 'p3' };
    const votes = new Map([
      [
        'p1',
        new Map([
          ['ana', v(['o2'])],
          ['ben', v(['o1'])],
        ]),
      ],
      [
        'p2',
        new Map([
          ['ana', v(['yes'])],
          ['ben', v(['no'])],
        ]),
      ],
    ]);
    const csv = pollsCsv([named, secret, draftPoll], votes, people, 'de');
    expect(csv.startsWith('\uFEFF"Umfrage","Frage"')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines.every((l) => l.startsWith('"') && l.endsWith('"'))).toBe(true);
    expect(lines).toContain('"1","Wohin, ""bitte""?","Einfachauswahl","Alle Räume","Łódź","1","50","","2","","",""');
    expect(lines).toContain('"1","Wohin, ""bitte""?","Einfachauswahl","Plenum","","","","","","\'=Ben","Kamen","Lyon"');
    expect(lines).toContain('"2","Stimmung?","Ja / Nein / Enthaltung","Alle Räume","Ja","1","50","","2","","",""');
    const anonymousRows = lines.filter((l) => l.startsWith('"2"'));
    expect(anonymousRows.join()).not.toMatch(/Ana|Ben|Łódź|Kamen|ana|ben/);
    expect(csv).not.toContain('Entwurf');
  });
});
