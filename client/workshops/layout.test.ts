import { describe, expect, test } from 'vitest';
import { arrivals, panelsFor, phoneTabForStage, phoneTabsFor, stageShown, unreadSince } from './layout.js';

describe('[LAYOUT] the workshop screen', () => {
  test("[LAYOUT1] participants never get the moderators' panels or tabs", () => {
    expect(panelsFor(false)).not.toContain('host');
    expect(panelsFor(true)).toContain('host');
    expect(panelsFor(true)).toContain('agenda');
    expect(panelsFor(false)).not.toContain('agenda');
    expect(phoneTabsFor(false)).toEqual(['now', 'board', 'chat', 'people']);
    expect(phoneTabsFor(true)).toContain('rooms');
    // A phone has no drawing surface of its own in "Now": the board is a tab.
    expect(phoneTabsFor(false)[0]).toBe('now');
  });

  test('[LAYOUT2] a person looks at the other view until the moderators choose again', () => {
    expect(stageShown('video', null)).toBe('video');
    expect(stageShown('board', null)).toBe('board');
    // Heinz looks at the board for himself while everyone sees video.
    expect(stageShown('video', { view: 'board', sharedWhenChosen: 'video' })).toBe('board');
    // The moderators put the board on everyone's stage: his own choice is over.
    expect(stageShown('board', { view: 'board', sharedWhenChosen: 'video' })).toBe('board');
    expect(stageShown('board', { view: 'video', sharedWhenChosen: 'video' })).toBe('board');
    expect(phoneTabForStage('board')).toBe('board');
    expect(phoneTabForStage('video')).toBe('now');
  });

  test('[LAYOUT3] notifications come for new entries only, in order', () => {
    const hands = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(arrivals(new Set(['a']), hands, (h) => h.id)).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect(arrivals(new Set(['a', 'b', 'c']), hands, (h) => h.id)).toEqual([]);
  });

  test('[LAYOUT4] unread counts only what others wrote after the last look', () => {
    const msgs = [{ authorId: 'me' }, { authorId: 'x' }, { authorId: 'me' }, { authorId: 'y' }];
    expect(unreadSince(msgs, 0, 'me')).toBe(2);
    expect(unreadSince(msgs, 2, 'me')).toBe(1);
    expect(unreadSince(msgs, 9, 'me')).toBe(0);
  });
});
