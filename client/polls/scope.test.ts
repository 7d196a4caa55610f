import { describe, expect, test } from 'vitest';
import type { BreakoutRoom } from '../../shared/breakouts/schema.js';
import type { PollView } from '../../shared/polls/schema.js';
import { launchableRooms as launchRoomIds, mayVote as canVoteIn } from '../../shared/polls/rules.js';
import { isListed } from './scope.js';

const poll = (status: PollView['status'], rooms: string[]): PollView => ({
  id: 'p1',
  createdAt: 1,
  question: 'Q?',
  kind: 'yesno',
  options: [],
  maxSelections: 1,
  scaleMax: 5,
  anonymous: true,
  visibility: 'closed',
  allowChange: true,
  weighted: false,
  quiz: null,
  status,
  rooms,
  openedAt: 1,
  closedAt: null,
  deadline: null,
  revealed: false,
});
const inPlenary = { moderator: false, roomId: 'plenary' };
const inRoomA = { moderator: false, roomId: 'rA' };
const moderator = { moderator: true, roomId: 'plenary' };
const room = (id: string): BreakoutRoom => ({ id, name: '', hostId: null, capacity: null, languages: [] });

describe('which polls a person sees', () => {
  test('[POLL4] an open room poll is offered only in its rooms (and to moderators)', () => {
    const open = poll('open', ['rA', 'rB']);
    expect(canVoteIn(open, inRoomA)).toBe(true);
    expect(canVoteIn(open, inPlenary)).toBe(false);
    expect(canVoteIn(open, moderator)).toBe(true);
    expect(isListed(open, inPlenary)).toBe(false);
  });

  test('[POLL6] a closed room poll stays visible to everyone after the rooms close', () => {
    const closed = poll('closed', ['rA', 'rB']);
    expect(isListed(closed, inPlenary)).toBe(true);
    expect(isListed(closed, inRoomA)).toBe(true);
    expect(canVoteIn(closed, inRoomA)).toBe(false);
    expect(isListed(poll('draft', ['plenary']), inPlenary)).toBe(false);
    expect(isListed(poll('draft', ['plenary']), moderator)).toBe(true);
  });
});

describe('launch in every breakout room', () => {
  test('[POLL3] the rooms come from the open breakouts, not from where people happen to be', () => {
    expect(launchRoomIds(null)).toEqual([]);
    expect(launchRoomIds({ status: 'draft', rooms: [room('rA')] })).toEqual([]);
    expect(launchRoomIds({ status: 'closed', rooms: [room('rA')] })).toEqual([]);
    expect(launchRoomIds({ status: 'open', rooms: [room('rA'), room('rB')] })).toEqual(['rA', 'rB']);
  });
});
