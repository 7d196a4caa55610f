import { describe, expect, test } from 'vitest';
import { CommandError, type ErrorCode } from '../../shared/command.js';
import { workshopCreateSchema, workshopJoinSchema } from '../../shared/workshops/schema.js';
import { hashSecret, type IdSource } from '../ids.js';
import { participantRecord, workshopRecord } from './store/test-contract.js';
import * as logic from './logic.js';

/** Deterministic ids: numbered, so a test can say which one it expects. */
function countingIds(): IdSource {
  let n = 0;
  return {
    id: (length = 12) => `id${++n}`.padEnd(length, '0'),
    joinCode: () => 'ABC234',
    secret: () => `secret-number-${++n}`,
  };
}

function refusal(fn: () => unknown): ErrorCode | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof CommandError) return err.code;
    throw err;
  }
}

const KEY = 'the-moderator-key';
const workshop = (o: Parameters<typeof workshopRecord>[0] = {}) =>
  workshopRecord({ moderatorKeyHash: hashSecret(KEY), ...o });

describe('creating a workshop', () => {
  test('stores only the hash of the moderator key, with time and ids from the context', () => {
    const input = workshopCreateSchema.parse({ title: '  Jumelage 2030 ', languages: ['de', 'fr', 'de'] });
    const { record, moderatorKey } = logic.newWorkshop(input, { now: 42, ids: countingIds() });
    expect(record).toMatchObject({
      title: 'Jumelage 2030',
      code: 'ABC234',
      createdAt: 42,
      locked: false,
      endedAt: null,
      startsAt: null,
    });
    expect(record.languages).toEqual(['de', 'fr']);
    expect(record.moderatorKeyHash).toBe(hashSecret(moderatorKey));
    expect(JSON.stringify(record)).not.toContain(moderatorKey);
  });

  test('the public view leaves the moderator key hash out', () => {
    const { moderatorKeyHash: _hash, ...rest } = workshop();
    expect(logic.toPublicWorkshop({ moderatorKeyHash: _hash, ...rest })).toStrictEqual(rest);
  });
});

describe('joining', () => {
  test('[WS3] no key makes a participant, the right key a moderator', () => {
    expect(logic.roleForJoin(workshop(), undefined)).toBe('participant');
    expect(logic.roleForJoin(workshop(), KEY)).toBe('moderator');
  });

  test('[WS3] a wrong moderator key is refused, not downgraded', () => {
    expect(refusal(() => logic.roleForJoin(workshop(), 'not-the-moderator-key'))).toBe('forbidden');
  });

  test.each([
    { state: 'open', w: {}, role: 'participant', expected: null },
    { state: 'locked', w: { locked: true }, role: 'participant', expected: 'locked' },
    { state: 'locked', w: { locked: true }, role: 'moderator', expected: null },
    { state: 'ended', w: { endedAt: 5 }, role: 'participant', expected: 'ended' },
    { state: 'ended', w: { endedAt: 5 }, role: 'moderator', expected: 'ended' },
    { state: 'ended and locked', w: { endedAt: 5, locked: true }, role: 'moderator', expected: 'ended' },
  ] as const)('[WS4] a $role joining an $state workshop: $expected', ({ w, role, expected }) => {
    expect(refusal(() => logic.checkJoinable(workshop(w), role))).toBe(expected);
  });

  test('a new participant starts offline with the hand down and only a token hash stored', () => {
    const input = workshopJoinSchema.parse({
      v: 1,
      code: 'abc-234',
      name: 'Ana',
      town: 'Lyon',
      kind: 'group',
      headcount: 1,
      languages: ['fr', 'fr'],
    });
    const { record, resumeToken } = logic.newParticipant(input, 'participant', { now: 7, ids: countingIds() });
    expect(record).toMatchObject({
      name: 'Ana',
      presence: 'online',
      handRaisedAt: null,
      joinedAt: 7,
      removed: false,
      connectionId: '',
    });
    expect(record.headcount).toBe(2); // a group is at least two people
    expect(record.languages).toEqual(['fr']);
    expect(record.resumeTokenHash).toBe(hashSecret(resumeToken));
  });
});

describe('resuming', () => {
  const token = 'resume-token-123';
  const p = participantRecord({ resumeTokenHash: hashSecret(token) });

  test('[WS6] the own token resumes', () => {
    expect(logic.checkResume(p, token)).toBe(p);
  });

  test('[WS6] a wrong token or an unknown participant is not_found', () => {
    expect(refusal(() => logic.checkResume(p, 'resume-token-124'))).toBe('not_found');
    expect(refusal(() => logic.checkResume(null, token))).toBe('not_found');
  });

  test('[WS6] a removed participant cannot come back, even with the right token', () => {
    expect(refusal(() => logic.checkResume({ ...p, removed: true }, token))).toBe('removed');
  });
});

describe('moderation', () => {
  const mod = participantRecord({ role: 'moderator' });
  const other = participantRecord();

  test('[WS7] anyone still present can be promoted, a moderator too', () => {
    expect(logic.checkPromote(other)).toBe(other);
    expect(logic.checkPromote(mod)).toBe(mod);
    expect(refusal(() => logic.checkPromote(null))).toBe('not_found');
    expect(refusal(() => logic.checkPromote({ ...other, removed: true }))).toBe('not_found');
  });

  test('[WS8] a moderator removes others but not themselves', () => {
    expect(logic.checkRemove(mod, other)).toBe(other);
    expect(refusal(() => logic.checkRemove(mod, mod))).toBe('forbidden');
    expect(refusal(() => logic.checkRemove(mod, null))).toBe('not_found');
    expect(refusal(() => logic.checkRemove(mod, { ...other, removed: true }))).toBe('not_found');
  });

  test("[WS9] anyone lowers their own hand; only moderators lower someone else's", () => {
    expect(logic.checkLowerHand(other, undefined)).toBe(other.id);
    expect(logic.checkLowerHand(other, other.id)).toBe(other.id);
    expect(logic.checkLowerHand(mod, other.id)).toBe(other.id);
    expect(refusal(() => logic.checkLowerHand(other, mod.id))).toBe('forbidden');
  });
});

describe('presence', () => {
  const grace = 1000;
  test.each([
    { presence: 'online', disconnectedAt: 0, now: 10_000, expected: 'online' },
    { presence: 'reconnecting', disconnectedAt: 5_000, now: 5_999, expected: 'reconnecting' },
    { presence: 'reconnecting', disconnectedAt: 5_000, now: 6_000, expected: 'offline' },
    { presence: 'offline', disconnectedAt: 5_000, now: 5_001, expected: 'offline' },
  ] as const)(
    '[WS10] $presence since $disconnectedAt, seen at $now: $expected',
    ({ presence, disconnectedAt, now, expected }) => {
      const p = participantRecord({ presence, disconnectedAt });
      expect(logic.effectivePresence(p, now, grace)).toBe(expected);
      expect(logic.toPublicParticipant(p, now, grace).presence).toBe(expected);
    },
  );

  test('the public participant carries no secrets or connection details', () => {
    const pub = logic.toPublicParticipant(participantRecord({ connectionId: 'sock-1' }), 0, grace);
    for (const key of ['resumeTokenHash', 'connectionId', 'disconnectedAt', 'removed'])
      expect(pub).not.toHaveProperty(key);
  });
});

describe('town suggestions', () => {
  test('most people first (groups count their headcount), then by name', () => {
    const towns = logic.townSuggestions([
      participantRecord({ town: 'Lyon' }),
      participantRecord({ town: 'Chemnitz' }),
      participantRecord({ town: 'Łódź', kind: 'group', headcount: 4 }),
      participantRecord({ town: 'Lyon' }),
      participantRecord({ town: 'Arles' }),
    ]);
    expect(towns).toEqual(['Łódź', 'Lyon', 'Arles', 'Chemnitz']);
  });

  test('the same town in another case or with spaces counts once, under its first spelling', () => {
    const towns = logic.townSuggestions([
      participantRecord({ town: ' Lyon' }),
      participantRecord({ town: 'LYON ' }),
      participantRecord({ town: 'Arles' }),
    ]);
    expect(towns).toEqual(['Lyon', 'Arles']);
  });

  test('removed participants do not suggest their town', () => {
    expect(
      logic.townSuggestions([
        participantRecord({ town: 'Nowhere', removed: true }),
        participantRecord({ town: 'Lyon' }),
      ]),
    ).toEqual(['Lyon']);
  });
});

describe('[WS25][WS26] lobby and passcode', () => {
  test('[WS26] a passcode is needed only when set; spaces around it do not matter, case does', () => {
    expect(logic.passcodeCheck(workshop(), undefined)).toBe('none');
    expect(logic.passcodeCheck(workshop(), 'anything')).toBe('none');
    const w = workshop({ passcode: 'Łódź 2030' });
    expect(logic.passcodeCheck(w, undefined)).toBe('missing');
    expect(logic.passcodeCheck(w, '   ')).toBe('missing');
    expect(logic.passcodeCheck(w, ' Łódź 2030 ')).toBe('ok');
    expect(logic.passcodeCheck(w, 'łódź 2030')).toBe('wrong');
  });

  test('[WS25] a knock keeps only hashes of its token and browser key; moderators see neither', () => {
    const input = workshopJoinSchema.parse({
      v: 1,
      code: 'ABC234',
      name: ' Ana ',
      town: 'Uden',
      kind: 'group',
      headcount: 1,
      device: 'd'.repeat(20),
    });
    const { record, token } = logic.newKnock(input, false, { now: 7_000, ids: countingIds() });
    expect(record).toMatchObject({
      name: 'Ana',
      town: 'Uden',
      kind: 'group',
      headcount: 2,
      at: 7_000,
      admitted: false,
    });
    expect(record.tokenHash).toBe(hashSecret(token));
    expect(record.deviceHash).toBe(hashSecret('d'.repeat(20)));
    expect(logic.toKnock(record)).toEqual({
      id: record.id,
      name: 'Ana',
      town: 'Uden',
      languages: [],
      kind: 'group',
      headcount: 2,
      at: 7_000,
    });
    // Let in, the person joins as who knocked, whatever the join form says now.
    const joining = logic.asKnocked(
      { ...input, name: 'Somebody', town: 'Elsewhere', kind: 'person' as const, headcount: 1 },
      record,
    );
    expect(joining).toMatchObject({ name: 'Ana', town: 'Uden', kind: 'group', headcount: 2 });
  });

  test('[WS25] someone let in passes a lock; nobody passes an end', () => {
    expect(refusal(() => logic.checkJoinable(workshop({ locked: true }), 'participant'))).toBe('locked');
    expect(refusal(() => logic.checkJoinable(workshop({ locked: true }), 'participant', true))).toBeNull();
    expect(refusal(() => logic.checkJoinable(workshop({ endedAt: 1 }), 'participant', true))).toBe('ended');
  });
});
