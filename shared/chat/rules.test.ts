import { describe, expect, test } from 'vitest';
import { PLENARY } from '../rooms.js';
import { privateRefusal } from './rules.js';
import { dmThread, modsThread, parseThread, partnerOf, targetFor, threadFor, type Thread } from './threads.js';

const anna = { id: 'anna', role: 'participant', roomId: PLENARY };
const heinz = { id: 'heinz', role: 'participant', roomId: PLENARY };
const mia = { id: 'mia', role: 'moderator', roomId: PLENARY };
const here = (role = 'participant') => ({ role, present: true });
const gone = (role = 'participant') => ({ role, present: false });
const thread = (id: string) => parseThread(id) as Thread;

describe('[CHAT4] private conversations', () => {
  test('a thread id names its people the same way from either side; nothing else parses', () => {
    expect(dmThread('anna', 'heinz')).toBe('dm:anna:heinz');
    expect(dmThread('heinz', 'anna')).toBe('dm:anna:heinz');
    expect(parseThread('dm:anna:heinz')).toEqual({ kind: 'dm', a: 'anna', b: 'heinz' });
    expect(parseThread(modsThread('anna'))).toEqual({ kind: 'mods', owner: 'anna' });
    for (const bad of [
      'plenary',
      'room1',
      'dm:anna:anna',
      'dm:heinz:anna',
      'dm:anna',
      'mods:a:b',
      'dm:a:b:c',
      'mods:',
      'x:a',
    ])
      expect({ bad, parsed: parseThread(bad) }).toEqual({ bad, parsed: null });
  });

  test('what a sender names becomes a thread, and back', () => {
    expect(threadFor('anna', { to: 'heinz' })).toBe('dm:anna:heinz');
    expect(threadFor('anna', { to: 'moderators' })).toBe('mods:anna');
    expect(threadFor('mia', { to: 'anna', moderators: true })).toBe('mods:anna');
    expect(threadFor('anna', { to: 'anna' })).toBeNull();
    expect(threadFor('anna', { to: 'moderators', moderators: true })).toBeNull();
    expect(targetFor('heinz', thread('dm:anna:heinz'))).toEqual({ to: 'anna' });
    expect(targetFor('anna', thread('mods:anna'))).toEqual({ to: 'moderators' });
    expect(targetFor('mia', thread('mods:anna'))).toEqual({ to: 'anna', moderators: true });
    expect(partnerOf(thread('mods:anna'), 'anna')).toBeNull();
    expect(partnerOf(thread('mods:anna'), 'mia')).toBe('anna');
  });
});

describe('[CHAT4][CHAT5][CHAT6] who may write in a private conversation now', () => {
  const dm = thread('dm:anna:heinz');
  const mods = thread('mods:anna');
  test.each([
    // [CHAT4] only its people
    ['the two of a conversation', 'open', dm, anna, here(), null],
    ['a third person', 'open', dm, { ...heinz, id: 'carl' }, here(), 'forbidden'],
    ['a moderator, in two others’ conversation', 'open', dm, mia, here(), 'forbidden'],
    ['the owner, to the moderators', 'open', mods, anna, null, null],
    ['any moderator, in a thread with the moderators', 'open', mods, mia, here(), null],
    ['another participant, in someone’s thread with the moderators', 'open', mods, heinz, here(), 'forbidden'],
    // [CHAT5] the other side left or was removed
    ['to someone who left', 'open', dm, anna, gone(), 'partner_left'],
    ['to someone not in the workshop', 'open', dm, anna, null, 'partner_left'],
    ['a moderator, to an owner who left', 'open', mods, mia, gone(), 'partner_left'],
    // [CHAT6] the chat lock
    ['two participants, chat closed everywhere', 'all', dm, anna, here(), 'chat_locked'],
    ['two participants in the plenary, closed there', 'plenary', dm, anna, here(), 'chat_locked'],
    ['from a breakout room, closed in the plenary', 'plenary', dm, { ...anna, roomId: 'r1' }, here(), null],
    ['a participant to the moderators, closed everywhere', 'all', mods, anna, null, null],
    ['a participant to one moderator, closed everywhere', 'all', thread('dm:anna:mia'), anna, here('moderator'), null],
    ['a moderator to a participant, closed everywhere', 'all', thread('dm:anna:mia'), mia, here(), null],
    ['a moderator answering, closed everywhere', 'all', mods, mia, here(), null],
    ['left beats locked', 'all', dm, anna, gone(), 'partner_left'],
  ] as const)('%s (%s)', (_label, lock, t, sender, partner, expected) => {
    expect(privateRefusal(lock, t, sender, partner)).toBe(expected);
  });
});
