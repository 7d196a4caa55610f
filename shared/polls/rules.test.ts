import { describe, expect, test } from 'vitest';
import {
  answerRefusal,
  canSeeResults,
  isRightAnswer,
  isVotingOpen,
  launchRefusal,
  launchableRooms,
  mayVote,
  sameAnswer,
  voteRefusal,
  type VotePoll,
} from './rules.js';

const options = (...ids: string[]) => ids.map((id) => ({ id }));
const poll = (over: Partial<VotePoll> = {}): VotePoll => ({
  kind: 'multiple',
  status: 'open',
  deadline: null,
  rooms: ['plenary'],
  maxSelections: 2,
  allowChange: true,
  options: options('o1', 'o2', 'o3'),
  ...over,
});
const choices = (...ids: string[]) => ({ choices: ids, text: '' });

describe('poll rules', () => {
  test('[POLL4] an answer fits the poll: table of kinds', () => {
    const cases: [VotePoll, { choices: string[]; text: string }, string | null][] = [
      [poll(), choices('o1', 'o3'), null],
      [poll(), choices('o1', 'o2', 'o3'), 'invalid_choice'],
      [poll(), choices('o1', 'o1'), 'invalid_choice'],
      [poll(), choices(), 'invalid_choice'],
      [poll({ kind: 'single', maxSelections: 1 }), choices('o2'), null],
      [poll({ kind: 'single', maxSelections: 1 }), choices('o9'), 'invalid_choice'],
      [poll({ kind: 'ranking', maxSelections: 3 }), choices('o3', 'o1', 'o2'), null],
      [poll({ kind: 'ranking', maxSelections: 3 }), choices('o3', 'o1'), 'invalid_choice'],
      [poll({ kind: 'text', options: [] }), { choices: [], text: 'Freundschaft' }, null],
      [poll({ kind: 'text', options: [] }), { choices: [], text: '' }, 'invalid_choice'],
      [
        poll({ kind: 'yesno', options: options('yes', 'no', 'abstain') }),
        { choices: ['yes'], text: 'x' },
        'invalid_choice',
      ],
    ];
    expect(cases.map(([p, a]) => answerRefusal(p, a)?.code ?? null)).toEqual(cases.map(([, , code]) => code));
  });

  test('[POLL4] open and in time; in one of its rooms or a moderator; checked in that order', () => {
    const timed = poll({ deadline: 100 });
    expect([isVotingOpen(timed, 100), isVotingOpen(timed, 101), isVotingOpen(poll({ status: 'closed' }), 0)]).toEqual([
      true,
      false,
      false,
    ]);
    const inRoom = poll({ rooms: ['rA'] });
    expect(mayVote(inRoom, { moderator: false, roomId: 'rA' })).toBe(true);
    expect(mayVote(inRoom, { moderator: false, roomId: 'plenary' })).toBe(false);
    expect(mayVote(inRoom, { moderator: true, roomId: 'plenary' })).toBe(true);
    const elsewhere = { moderator: false, roomId: 'plenary' };
    expect(voteRefusal(inRoom, elsewhere, choices('o9'), 0)?.code).toBe('forbidden');
    expect(voteRefusal({ ...inRoom, status: 'closed' }, elsewhere, choices('o9'), 0)?.code).toBe('poll_closed');
  });

  test('[POLL4] the same answer: options in any order, except a ranking whose order is the answer', () => {
    expect(sameAnswer('multiple', choices('o1', 'o3'), choices('o3', 'o1'))).toBe(true);
    expect(sameAnswer('ranking', choices('o1', 'o3'), choices('o3', 'o1'))).toBe(false);
    expect(sameAnswer('text', { choices: [], text: 'a' }, { choices: [], text: 'a' })).toBe(true);
    expect(sameAnswer('text', { choices: [], text: 'a' }, { choices: [], text: 'b' })).toBe(false);
  });

  test('[POLL6] results: moderators always, others by the setting, everyone once closed; drafts only moderators', () => {
    const see = (status: 'draft' | 'open' | 'closed', visibility: 'live' | 'voted' | 'closed', voted = false) =>
      [false, true].map((moderator) => canSeeResults({ status, visibility }, { moderator, voted }));
    expect(see('draft', 'live')).toEqual([false, true]);
    expect(see('open', 'live')).toEqual([true, true]);
    expect(see('open', 'voted')).toEqual([false, true]);
    expect(see('open', 'voted', true)).toEqual([true, true]);
    expect(see('open', 'closed', true)).toEqual([false, true]);
    expect(see('closed', 'closed')).toEqual([true, true]);
  });

  test('[POLL8] a quiz answer is right when its set of options equals the correct set', () => {
    const quiz = { correct: ['o1', 'o3'] };
    expect([isRightAnswer(quiz, ['o3', 'o1']), isRightAnswer(quiz, ['o1']), isRightAnswer(quiz, ['o1', 'o2'])]).toEqual(
      [true, false, false],
    );
    expect(isRightAnswer({ correct: null }, ['o1'])).toBe(false);
  });

  test('[POLL3] a draft is launched once, into the plenary or the breakout rooms open now', () => {
    const open = { status: 'open' as const, rooms: [{ id: 'rA' }, { id: 'rB' }] };
    expect(launchableRooms(open)).toEqual(['rA', 'rB']);
    expect(launchableRooms({ ...open, status: 'closed' })).toEqual([]);
    expect(launchRefusal({ status: 'draft' }, ['rA', 'plenary'], open)).toBeNull();
    expect(launchRefusal({ status: 'draft' }, ['rZ'], open)?.code).toBe('not_found');
    expect(launchRefusal({ status: 'draft' }, ['rA'], null)?.code).toBe('not_found');
    expect(launchRefusal({ status: 'open' }, ['plenary'], null)?.code).toBe('conflict');
  });
});
